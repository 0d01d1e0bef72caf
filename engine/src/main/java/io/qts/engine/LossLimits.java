package io.qts.engine;

import io.qts.journal.sbe.StateChangeReason;

/**
 * Daily loss and drawdown, on equity (cash plus positions at their last price). The day is the UTC day
 * of the event time, and its loss is measured from the equity at the day's first market event; the
 * drawdown from the highest equity seen.
 */
final class LossLimits
{
    static final long DAY_NS = 86_400_000_000_000L;

    private long day = Long.MIN_VALUE;
    private long dayStartEquity;
    private long peakEquity = Long.MIN_VALUE;

    /** The reason to halt at this equity, or null while within the limits. */
    StateChangeReason breach(final long timeNs, final long equity, final RiskLimits limits)
    {
        final long today = Math.floorDiv(timeNs, DAY_NS);
        if (today != day)
        {
            day = today;
            dayStartEquity = equity;
        }
        peakEquity = Math.max(peakEquity, equity);
        if (limits.dailyLossLimit != EngineContext.UNLIMITED && FixedPoint.subtractMoney(dayStartEquity, equity) > limits.dailyLossLimit)
        {
            return StateChangeReason.DAILY_LOSS;
        }
        if (limits.maxDrawdown != EngineContext.UNLIMITED && peakEquity > 0 &&
            FixedPoint.compareProducts(FixedPoint.subtractMoney(peakEquity, equity), FixedPoint.pow10(FixedPoint.RATE_SCALE), limits.maxDrawdown, peakEquity) > 0)
        {
            return StateChangeReason.DRAWDOWN;
        }
        return null;
    }
}
