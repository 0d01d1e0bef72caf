package io.qts.adapters.ops;

import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.qts.adapters.run.LiveView;
import io.qts.engine.EngineFigures;
import io.qts.journal.sbe.RejectReason;
import io.qts.journal.sbe.StateChangeReason;

import java.util.Arrays;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

/**
 * The engine's figures as Prometheus callback metrics: nothing is counted twice, each scrape reads what the engine
 * thread already counts ({@link EngineFigures}) and what the venue clients count. Names follow Prometheus conventions:
 * the {@code qts_} prefix, base units (seconds; money in the quote currency, KRW for Upbit's KRW markets), {@code _total}
 * for counters. Every HELP says whether the figure is per session or since this process started. Without a running
 * session the metrics have no samples.
 */
final class EngineMetrics
{
    private static final double MONEY = 1e8;
    /** Every reason an order can be refused for; NONE (no refusal) and the codec's NULL_VAL left out. */
    private static final RejectReason[] REJECT_REASONS = Arrays.stream(RejectReason.values())
        .filter((r) -> r != RejectReason.NONE && r != RejectReason.NULL_VAL)
        .toArray(RejectReason[]::new);

    private final Supplier<LiveView> session;
    private final long initialCash;

    /**
     * @param session     the current session, or null before it started.
     * @param initialCash the session's starting cash at 10^-8, for PnL.
     */
    EngineMetrics(final Supplier<LiveView> session, final long initialCash)
    {
        this.session = session;
        this.initialCash = initialCash;
    }

    void register(final PrometheusRegistry registry)
    {
        CounterWithCallback.builder()
            .name("qts_inputs_total")
            .help("Per session: inputs the engine handled, by source (market data, venue answers, other: instruments, admin, notes)")
            .labelNames("source")
            .callback((callback) ->
            {
                final LiveView view = session.get();
                if (view != null)
                {
                    final EngineFigures figures = view.figures();
                    final long market = figures.marketEvents();
                    final long venue = figures.venueEvents();
                    callback.call(market, "market");
                    callback.call(venue, "venue");
                    callback.call(Math.max(0, figures.events() - market - venue), "other");
                }
            })
            .register(registry);
        counter(registry, "qts_orders_total", "Per session: orders the engine decided and sent to the outbound path",
            (v) -> v.figures().orders());
        counter(registry, "qts_orders_sent_total", "Per session: orders the gateway sent to the venue (paper: orders filled in-process)",
            LiveView::ordersSent);
        counter(registry, "qts_fills_total", "Per session: fills booked", (v) -> v.figures().fills());
        counter(registry, "qts_orders_rejected_total", "Per session: orders refused by the risk checks or rejected by the venue",
            (v) -> v.figures().rejectedOrders());
        counter(registry, "qts_venue_rejects_total", "Per session: orders the venue rejected (part of qts_orders_rejected_total)",
            (v) -> v.figures().venueRejects());
        counter(registry, "qts_malformed_inputs_total", "Per session: inputs that could not be decoded (journaled, ignored)",
            (v) -> v.figures().malformed());
        counter(registry, "qts_unknown_order_events_total", "Per session: venue answers about orders not ours or no longer in flight",
            (v) -> v.figures().unknownOrderEvents());
        counter(registry, "qts_duplicate_trades_dropped_total", "Per session: venue trades received twice (after a reconnect), dropped",
            (v) -> v.figures().duplicateTradesDropped());
        counter(registry, "qts_state_changes_total", "Per session: halts, resumes, kills and circuit-breaker moves",
            (v) -> v.figures().stateChanges());
        counter(registry, "qts_ignored_param_changes_total", "Per session: operator parameter changes that changed nothing",
            (v) -> v.figures().ignoredParamChanges());
        counter(registry, "qts_feed_stale_events_total", "Per session: times the market-data feed went stale", (v) -> v.figures().feedStaleEvents());
        counter(registry, "qts_reconnects_total", "Per session: reconnects of the market-data and private streams", LiveView::reconnects);
        CounterWithCallback.builder()
            .name("qts_order_rejects_total")
            .help("Per session: refused orders by reason (risk checks, no outbound room, venue rejects; other: a venue reason "
                + "the engine does not know); sums to qts_orders_rejected_total")
            .labelNames("reason")
            .callback((callback) ->
            {
                final LiveView view = session.get();
                if (view != null)
                {
                    final EngineFigures figures = view.figures();
                    for (final RejectReason reason : REJECT_REASONS)
                    {
                        callback.call(figures.rejects(reason), reason.name());
                    }
                    callback.call(figures.otherRejects(), "other");
                }
            })
            .register(registry);
        counter(registry, "qts_breaker_trips_total", "Per session: times the venue circuit breaker opened",
            (v) -> v.figures().breakerTrips());
        counter(registry, "qts_journal_entries_total", "Per session: inputs written to the inbound journal",
            (v) -> v.figures().journalEntries());
        counter(registry, "qts_journal_bytes_total", "Per session: bytes of the inputs written to the inbound journal, as received "
            + "(the journal's entry headers not counted)", (v) -> v.figures().journalBytes());
        CounterWithCallback.builder()
            .name("qts_round_trips_total")
            .help("Per session: positions opened and sold back to zero, by result (won: gained net of both commissions; lost: "
                + "gained nothing or lost)")
            .labelNames("result")
            .callback((callback) ->
            {
                final LiveView view = session.get();
                if (view != null)
                {
                    callback.call(view.figures().winningRoundTrips(), "won");
                    callback.call(view.figures().losingRoundTrips(), "lost");
                }
            })
            .register(registry);

        gauge(registry, "qts_halted", "Per session: 1 while no new entries are taken (operator halt or kill, loss limit, drawdown)",
            (v) -> v.figures().halted() ? 1 : 0);
        GaugeWithCallback.builder()
            .name("qts_halted_by")
            .help("Per session: 1 for the reason of the halt in force (ADMIN_HALT, ADMIN_KILL, DAILY_LOSS, DRAWDOWN), 0 for the others")
            .labelNames("reason")
            .callback((callback) ->
            {
                final LiveView view = session.get();
                if (view != null)
                {
                    final StateChangeReason now = view.figures().haltReason();
                    for (final StateChangeReason reason : HaltReasons.HALTING)
                    {
                        callback.call(reason == now ? 1 : 0, reason.name());
                    }
                }
            })
            .register(registry);
        gauge(registry, "qts_feed_stale", "Per session: 1 while the market-data feed is stale", (v) -> v.figures().feedStale() ? 1 : 0);
        gauge(registry, "qts_breaker_state", "Per session: venue circuit breaker, 0 closed, 1 open, 2 half open",
            (v) -> v.figures().breakerState());
        gauge(registry, "qts_ring_remaining_slots", "Free slots in the engine's inbound ring now", LiveView::ringRemainingCapacity);
        gauge(registry, "qts_engine_failed", "1 once the engine stopped on an error (journal not writable, failing stage)",
            (v) -> v.engineFailed() ? 1 : 0);
        gauge(registry, "qts_position", "Per session (recovered state): position in the traded instrument, in its base unit (BTC)",
            (v) -> position(v.figures()));
        gauge(registry, "qts_cash", "Per session (recovered state): cash in the quote currency (KRW)", (v) -> v.figures().cash() / MONEY);
        gauge(registry, "qts_equity", "Per session (recovered state): cash plus positions at their last price, in the quote currency",
            (v) -> v.figures().equity() / MONEY);
        gauge(registry, "qts_pnl", "Per session (recovered state): equity minus the starting cash, in the quote currency",
            (v) -> (v.figures().equity() - initialCash) / MONEY);
        gauge(registry, "qts_realised_pnl", "Per session (recovered state): PnL realised by sells against the average cost, "
            + "commissions included, in the quote currency", (v) -> v.figures().realisedPnl() / MONEY);
        gauge(registry, "qts_unrealised_pnl", "Per session (recovered state): open positions at their last price minus their cost, "
            + "in the quote currency (realised plus unrealised is qts_pnl)", (v) -> v.figures().unrealisedPnl() / MONEY);
        gauge(registry, "qts_peak_equity", "Per session: highest equity seen at a market event, in the quote currency",
            (v) -> v.figures().peakEquity() / MONEY);
        gauge(registry, "qts_drawdown", "Per session: how far equity is below qts_peak_equity now, in the quote currency",
            (v) -> v.figures().drawdown() / MONEY);
        gauge(registry, "qts_max_drawdown", "Per session: the deepest drawdown seen at a market event, in the quote currency",
            (v) -> v.figures().maxDrawdown() / MONEY);
    }

    private static double position(final EngineFigures figures)
    {
        return figures.position() / Math.pow(10, figures.qtyScale());
    }

    private void counter(final PrometheusRegistry registry, final String name, final String help, final ToLongFunction<LiveView> value)
    {
        CounterWithCallback.builder()
            .name(name)
            .help(help)
            .callback((callback) ->
            {
                final LiveView view = session.get();
                if (view != null)
                {
                    callback.call(value.applyAsLong(view));
                }
            })
            .register(registry);
    }

    private void gauge(final PrometheusRegistry registry, final String name, final String help, final ToDoubleFunction<LiveView> value)
    {
        GaugeWithCallback.builder()
            .name(name)
            .help(help)
            .callback((callback) ->
            {
                final LiveView view = session.get();
                if (view != null)
                {
                    callback.call(value.applyAsDouble(view));
                }
            })
            .register(registry);
    }
}
