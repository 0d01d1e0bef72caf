package io.qts.engine;

import io.qts.engine.book.PnlBook;
import io.qts.engine.pipeline.Counters;
import io.qts.engine.pipeline.EngineCore;
import io.qts.engine.pipeline.RiskStage;
import io.qts.engine.risk.CircuitBreaker;
import io.qts.engine.risk.LossLimits;
import io.qts.journal.sbe.RejectReason;
import io.qts.journal.sbe.StateChangeReason;

/**
 * A read-only view of what the engine thread counts and holds, for readers on other threads (metrics, JMX,
 * readiness) while the engine runs. Nothing is copied or locked: each getter reads the engine's own plain
 * field at the moment it is called, so the engine thread pays nothing for being watched. A value may be a few
 * inputs old and two getters may come from different moments; each single value is whole (a 64-bit field read
 * on a 64-bit JVM). Per session: everything here starts at zero (money at the initial cash) when the engine is built.
 * Money at 10^-8 of the quote currency; positions at the traded instrument's quantity scale.
 */
public final class EngineFigures
{
    /** {@link #breakerState()} values. */
    public static final int BREAKER_CLOSED = CircuitBreaker.CLOSED;
    /**
     * {@link #breakerState()}: the breaker is open; no new order (entry or exit) goes to the venue until the cool-down
     * ends, cancels still do.
     */
    public static final int BREAKER_OPEN = CircuitBreaker.OPEN;
    /** {@link #breakerState()}: the cool-down ended; one probe order may go to the venue. */
    public static final int BREAKER_HALF_OPEN = CircuitBreaker.HALF_OPEN;

    private final EngineCore core;
    private final Counters counters;
    private final RiskStage risk;
    private final PnlBook pnl;

    /** Engine-internal. A view of the core's own fields; built by {@link EngineCore#figures()}. */
    public EngineFigures(final EngineCore core)
    {
        this.core = core;
        this.counters = core.counters;
        this.risk = core.chain.risk();
        this.pnl = core.portfolio.pnl;
    }

    /** Orders open on the venue (sent, not ended), resting limit orders included: one at most per instrument. */
    public int openOrders()
    {
        int open = 0;
        for (final long id : core.portfolio.openOrderId)
        {
            if (id != 0)
            {
                open++;
            }
        }
        return open;
    }

    /** Inputs handled, of every source. */
    public long events()
    {
        return counters.events;
    }

    /** Of {@link #events()}, inputs from the market-data source. */
    public long marketEvents()
    {
        return counters.marketEvents;
    }

    /** Venue answers (order states, fills) handled. */
    public long venueEvents()
    {
        return counters.venueEvents;
    }

    /** New orders sent to the venue (cancels not counted). */
    public long orders()
    {
        return counters.orders;
    }

    /** Fills booked: executions of our orders. */
    public long fills()
    {
        return counters.fills;
    }

    /** Orders refused by risk checks plus orders the venue rejected. */
    public long rejectedOrders()
    {
        return counters.rejectedOrders;
    }

    /** Orders the venue rejected (included in {@link #rejectedOrders()}). */
    public long venueRejects()
    {
        return counters.venueRejects;
    }

    /** Inputs that could not be decoded: journaled, then skipped. */
    public long malformed()
    {
        return counters.malformed;
    }

    /** Venue answers about orders that are not ours or no longer in flight. */
    public long unknownOrderEvents()
    {
        return counters.unknownOrderEvents;
    }

    /** Venue trades received again (same trade id, e.g. after a reconnect): journaled, dropped in decode. */
    public long duplicateTradesDropped()
    {
        return counters.duplicateTradesDropped;
    }

    /** Halts, resumes, kills and circuit-breaker moves. */
    public long stateChanges()
    {
        return counters.stateChanges;
    }

    /** Admin SET_PARAM commands that changed nothing: unknown key, or a strategy parameter value out of range. */
    public long ignoredParamChanges()
    {
        return counters.ignoredParamChanges;
    }

    /** Times the market-data feed was reported stale. */
    public long feedStaleEvents()
    {
        return counters.feedStale;
    }

    /** True while the engine takes no new entries: an operator halt or kill, the daily loss limit or the max drawdown. */
    public boolean halted()
    {
        return risk.halted();
    }

    /** True after a kill (halted, open positions being sold), until a resume. */
    public boolean killed()
    {
        return risk.flattening();
    }

    /** True while the market-data feed is reported stale (no new positions until data flows again). */
    public boolean feedStale()
    {
        return risk.feedStale();
    }

    /** {@link #BREAKER_CLOSED}, {@link #BREAKER_OPEN} or {@link #BREAKER_HALF_OPEN}. */
    public int breakerState()
    {
        return risk.breakerState();
    }

    /** Cash at 10^-8. */
    public long cash()
    {
        return core.portfolio.cash;
    }

    /** Cash plus positions marked at their last price, at 10^-8. */
    public long equity()
    {
        return core.portfolio.equity(core.instruments);
    }

    /** The traded instrument's position at its quantity scale ({@link #qtyScale()}); 0 before it is defined. */
    public long position()
    {
        final int traded = core.signal.tradedInstrument();
        return traded >= 0 ? core.portfolio.position[traded] : 0;
    }

    /** The traded instrument's quantity scale; 0 before it is defined. */
    public int qtyScale()
    {
        final int traded = core.signal.tradedInstrument();
        return traded >= 0 ? core.instruments.qtyScale(traded) : 0;
    }

    /**
     * Orders refused for this reason: by the risk checks, for want of outbound room, or by the venue (its reason as
     * decoded). Over all reasons this sums to {@link #rejectedOrders()} once {@link #otherRejects()} is added.
     */
    public long rejects(final RejectReason reason)
    {
        final int value = reason.value();
        return value > 0 && value < Counters.REJECT_REASONS ? counters.rejectsByReason[value] : 0;
    }

    /** Refusals whose reason value is none the engine knows (a venue's reason decoded as something else). */
    public long otherRejects()
    {
        return counters.rejectsByReason[0];
    }

    /** Times the venue circuit breaker opened. */
    public long breakerTrips()
    {
        return counters.breakerTrips;
    }

    /** Inputs this engine wrote to its journal (0 when it replays one). */
    public long journalEntries()
    {
        return counters.journalEntries;
    }

    /** Bytes of those inputs as received (payloads; the journal's own entry headers not counted). */
    public long journalBytes()
    {
        return counters.journalBytes;
    }

    /** Why the halt in force began ({@code ADMIN_HALT}, {@code ADMIN_KILL}, {@code DAILY_LOSS}, {@code DRAWDOWN}); null while not halted. */
    public StateChangeReason haltReason()
    {
        return counters.haltReason == 0 ? null : StateChangeReason.get((short)counters.haltReason);
    }

    /** The reason of the last state change recorded (halt, resume, kill, breaker move); null before the first. */
    public StateChangeReason lastStateChangeReason()
    {
        return counters.lastStateChangeReason == 0 ? null : StateChangeReason.get((short)counters.lastStateChangeReason);
    }

    /** PnL realised by sells against the position's average cost, commissions of both sides included, at 10^-8. */
    public long realisedPnl()
    {
        return pnl.realised;
    }

    /** Open positions at their last price minus what they cost (commissions included), at 10^-8. */
    public long unrealisedPnl()
    {
        return pnl.unrealised(core.portfolio, core.instruments);
    }

    /** Round trips (a position opened and sold back to zero) that gained, net of commissions. */
    public long winningRoundTrips()
    {
        return pnl.winningRoundTrips;
    }

    /** Round trips that gained nothing or lost, net of commissions. */
    public long losingRoundTrips()
    {
        return pnl.losingRoundTrips;
    }

    /**
     * How far equity now is below the highest equity seen at a market event, at 10^-8; 0 at or above it and before
     * the first market event. The peak is the drawdown limit's (the risk checks update it on market events only).
     */
    public long drawdown()
    {
        final long peak = risk.lossLimits().peakEquity();
        return peak == Long.MIN_VALUE ? 0 : Math.max(0, LossLimits.loss(peak, equity()));
    }

    /** The highest equity seen at a market event, at 10^-8; 0 before the first. */
    public long peakEquity()
    {
        final long peak = risk.lossLimits().peakEquity();
        return peak == Long.MIN_VALUE ? 0 : peak;
    }

    /** The deepest drawdown seen at a market event this session, at 10^-8. */
    public long maxDrawdown()
    {
        return risk.lossLimits().maxDrawdown();
    }
}
