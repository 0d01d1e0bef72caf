package io.qts.engine;

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
    public static final int BREAKER_OPEN = CircuitBreaker.OPEN;
    public static final int BREAKER_HALF_OPEN = CircuitBreaker.HALF_OPEN;

    private final EngineCore core;
    private final Counters counters;
    private final RiskStage risk;

    EngineFigures(final EngineCore core)
    {
        this.core = core;
        this.counters = core.counters;
        this.risk = core.chain.risk();
    }

    /** Inputs handled, of every source. */
    public long events()
    {
        return counters.events;
    }

    public long marketEvents()
    {
        return counters.marketEvents;
    }

    /** Venue answers (order states, fills) handled. */
    public long venueEvents()
    {
        return counters.venueEvents;
    }

    public long orders()
    {
        return counters.orders;
    }

    public long fills()
    {
        return counters.fills;
    }

    /** Orders refused by risk checks plus orders the venue rejected. */
    public long rejectedOrders()
    {
        return counters.rejectedOrders;
    }

    public long venueRejects()
    {
        return counters.venueRejects;
    }

    public long malformed()
    {
        return counters.malformed;
    }

    public long unknownOrderEvents()
    {
        return counters.unknownOrderEvents;
    }

    public long duplicateTradesDropped()
    {
        return counters.duplicateTradesDropped;
    }

    /** Halts, resumes, kills and circuit-breaker moves. */
    public long stateChanges()
    {
        return counters.stateChanges;
    }

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
}
