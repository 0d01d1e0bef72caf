package io.qts.engine;

/** Limits the risk stage enforces; changed at run time only by journaled admin commands. */
final class RiskLimits
{
    /** Largest position, at 10^-8 units. */
    long maxPositionQty;
    /** Largest order notional, money at 10^-8. */
    long maxOrderNotional;
    /** Commission rate used to cost an order for the cash check, at 10^-8. */
    final long commissionRate;

    RiskLimits(final long maxPositionQty, final long maxOrderNotional, final long commissionRate)
    {
        this.maxPositionQty = maxPositionQty;
        this.maxOrderNotional = maxOrderNotional;
        this.commissionRate = commissionRate;
    }
}
