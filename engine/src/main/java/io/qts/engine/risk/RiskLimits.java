package io.qts.engine.risk;

import io.qts.engine.EngineContext;

/**
 * Limits the risk stage enforces. The non-final ones may be changed at run time, and then only by
 * journaled admin commands ({@link RiskParams}). {@link EngineContext#UNLIMITED} switches a limit off.
 */
public final class RiskLimits
{
    /** Largest position, at 10^-8 units. */
    public long maxPositionQty;
    /** Largest order notional, money at 10^-8. */
    public long maxOrderNotional;
    /** Most instruments with a position or an order in flight at once. */
    public long maxOpenPositions;
    /** Largest deviation of an entry's price from the market price known before it, a fraction at 10^-8. */
    public long priceBand;
    /** No entries while ATR / last price is above this fraction, at 10^-8. */
    public long maxAtrFraction;
    /** Halt when equity falls this much money (10^-8) below its value at the first event of the UTC day. */
    public long dailyLossLimit;
    /** Halt when equity falls this fraction (10^-8) below its peak. */
    long maxDrawdown;
    /** Distance of the stop below the entry (or the high since entry) in ATRs, at 10^-8. */
    public long stopAtrMultiple;
    /** Commission rate used to cost an order for the cash check, at 10^-8. */
    public final long commissionRate;
    /** Resting limit orders are cancelled at a halt or kill unless {@code risk.restingOrders} is keep. */
    public final boolean cancelRestingAtHalt;

    /** The limits as configured; admin commands change them later ({@link RiskParams}). */
    public RiskLimits(final EngineContext context)
    {
        maxPositionQty = context.maxPositionQty();
        maxOrderNotional = context.maxOrderNotional();
        maxOpenPositions = context.maxOpenPositions();
        priceBand = context.priceBand();
        maxAtrFraction = context.maxAtrFraction();
        dailyLossLimit = context.dailyLossLimit();
        maxDrawdown = context.maxDrawdown();
        stopAtrMultiple = context.stopAtrMultiple();
        commissionRate = context.commissionRate();
        cancelRestingAtHalt = EngineContext.CANCEL_RESTING.equals(context.restingOrders());
    }
}
