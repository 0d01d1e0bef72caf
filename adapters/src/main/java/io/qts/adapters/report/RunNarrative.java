package io.qts.adapters.report;

import io.qts.engine.FixedPoint;
import io.qts.engine.OutputListener;
import io.qts.journal.sbe.EngineState;
import io.qts.journal.sbe.EngineStateChangedDecoder;
import io.qts.journal.sbe.MessageHeaderDecoder;
import io.qts.journal.sbe.OrderCommandDecoder;
import io.qts.journal.sbe.OrderRejectedDecoder;
import org.agrona.DirectBuffer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Why a backtest did what it did, in sentences for the console and report.json ({@code notes}): entries rejected
 * by reason with the first one as an example, every halt with its time and cause and whether it was ever lifted,
 * and, when nothing was ordered at all, that the strategy never signalled (with the reason when it can never
 * trade on data this coarse). Collected from the engine's output stream.
 */
public final class RunNarrative implements OutputListener
{
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final OrderRejectedDecoder rejected = new OrderRejectedDecoder();
    private final EngineStateChangedDecoder stateChanged = new EngineStateChangedDecoder();
    private final Map<String, Long> rejects = new LinkedHashMap<>();
    private final Map<String, FirstReject> firstReject = new LinkedHashMap<>();
    private final List<String> halts = new ArrayList<>();
    private long orders;
    private boolean halted;

    private record FirstReject(long timeNs, int instrumentId, String side, long qty, long price)
    {
    }

    @Override
    public void onOutput(final DirectBuffer buffer, final int offset, final int length)
    {
        header.wrap(buffer, offset);
        switch (header.templateId())
        {
            case OrderCommandDecoder.TEMPLATE_ID -> orders++;
            case OrderRejectedDecoder.TEMPLATE_ID ->
            {
                rejected.wrapAndApplyHeader(buffer, offset, header);
                final String reason = rejected.reason().name();
                rejects.merge(reason, 1L, Long::sum);
                firstReject.computeIfAbsent(reason, r -> new FirstReject(rejected.timeNs(), rejected.instrumentId(),
                    rejected.side().name().toLowerCase(Locale.ROOT), rejected.qty(), rejected.price()));
            }
            case EngineStateChangedDecoder.TEMPLATE_ID ->
            {
                stateChanged.wrapAndApplyHeader(buffer, offset, header);
                if (stateChanged.state() == EngineState.HALTED)
                {
                    halted = true;
                    halts.add("halted at " + BacktestReport.time(stateChanged.timeNs()) + " (" + stateChanged.reason().name() + ")");
                }
                else if (stateChanged.state() == EngineState.ACTIVE && halted)
                {
                    halted = false;
                    halts.add("resumed at " + BacktestReport.time(stateChanged.timeNs()) + " (" + stateChanged.reason().name() + ")");
                }
            }
            default ->
            {
                // Fills and acceptances tell nothing that the trades and metrics do not.
            }
        }
    }

    /**
     * @param priceScale   of the traded instrument, for the example prices
     * @param qtyScale     likewise for quantities
     * @param initialCash  money at 10^-8
     * @param shortestStep the shortest time between two market events (ns), 0 if fewer than two
     * @param strategy     its name and effective parameters, for the can-never-trade check
     */
    List<String> notes(final int priceScale, final int qtyScale, final long initialCash, final long shortestStepNs, final String strategy, final Map<String, String> params)
    {
        return notes(null, priceScale, qtyScale, initialCash, shortestStepNs, strategy, params);
    }

    /**
     * @param portfolio the equity curve of a run of several instruments, whose scales and symbols the example
     *                  orders are written with ({@code buy 1 BBB at 21}); null for one instrument
     */
    List<String> notes(final EquityCurve portfolio, final int priceScale, final int qtyScale, final long initialCash, final long shortestStepNs,
        final String strategy, final Map<String, String> params)
    {
        final List<String> notes = new ArrayList<>();
        final long rejected = rejects.values().stream().mapToLong(Long::longValue).sum();
        if (rejected > 0)
        {
            final StringBuilder line = new StringBuilder().append(rejected).append(rejected == 1 ? " order" : " orders")
                .append(" rejected: ");
            String separator = "";
            for (final Map.Entry<String, Long> e : rejects.entrySet())
            {
                final FirstReject first = firstReject.get(e.getKey());
                final int k = portfolio == null ? -1 : indexOf(portfolio, first.instrumentId());
                line.append(separator).append(e.getValue()).append(' ').append(e.getKey()).append(" (first at ")
                    .append(BacktestReport.time(first.timeNs())).append(": ").append(first.side()).append(' ')
                    .append(FixedPoint.format(first.qty(), k < 0 ? qtyScale : portfolio.qtyScale(k)))
                    .append(k < 0 ? "" : " " + portfolio.symbols().get(k))
                    .append(" at ").append(FixedPoint.format(first.price(), k < 0 ? priceScale : portfolio.priceScale(k)));
                if ("INSUFFICIENT_CASH".equals(e.getKey()))
                {
                    line.append(", more than the initial cash ").append(BacktestReport.money(initialCash)).append(" with commission");
                }
                line.append(')');
                separator = "; ";
            }
            notes.add(line.toString());
        }
        if (!halts.isEmpty())
        {
            notes.add(String.join(", ", halts) + (halted ? "; never resumed" : ""));
        }
        if (orders == 0 && rejected == 0)
        {
            notes.add("no order: " + strategy + " " + params + " never signalled on this data" + neverTrades(shortestStepNs, strategy, params));
        }
        return notes;
    }

    private static int indexOf(final EquityCurve portfolio, final int instrumentId)
    {
        for (int k = 0; k < portfolio.symbols().size(); k++)
        {
            if (portfolio.instrumentId(k) == instrumentId)
            {
                return k;
            }
        }
        return -1;
    }

    /** volatility-breakout compares a session's open with the previous session's range: it needs several events per session. */
    private static String neverTrades(final long shortestStepNs, final String strategy, final Map<String, String> params)
    {
        final String sessionMinutes = params.get("sessionMinutes");
        if (!"volatility-breakout".equals(strategy) || sessionMinutes == null || shortestStepNs <= 0)
        {
            return "";
        }
        final long sessionNs = Long.parseLong(sessionMinutes) * 60_000_000_000L;
        return sessionNs <= shortestStepNs
            ? "; it can never trade here: its sessions (sessionMinutes=" + sessionMinutes + ") are no longer than the time between "
                + "market events (" + shortestStepNs / 60_000_000_000.0 + " minutes), so no session has a range"
            : "";
    }
}
