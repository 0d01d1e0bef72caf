package io.qts.engine.risk;

import io.qts.engine.EngineContext;
import io.qts.engine.FixedPoint;
import io.qts.journal.sbe.StateChangeReason;

/**
 * Daily loss and drawdown, on equity (cash plus positions at their last price). The day is the UTC day
 * of the event time, and its loss is measured from the equity at the day's first market event; the
 * drawdown from the highest equity seen.
 */
public final class LossLimits
{
    /** One UTC day in ns. */
    public static final long DAY_NS = 86_400_000_000_000L;

    private long day = Long.MIN_VALUE;
    private long dayStartEquity;
    private long peakEquity = Long.MIN_VALUE;
    /** The deepest fall from the peak seen so far, at 10^-8; read by other threads through EngineFigures. */
    private long maxDrawdown;

    /** The reason to halt at this equity, or null while within the limits. */
    public StateChangeReason breach(final long timeNs, final long equity, final RiskLimits limits)
    {
        final long today = Math.floorDiv(timeNs, DAY_NS);
        if (today != day)
        {
            day = today;
            dayStartEquity = equity;
        }
        peakEquity = Math.max(peakEquity, equity);
        maxDrawdown = Math.max(maxDrawdown, loss(peakEquity, equity));
        if (limits.dailyLossLimit != EngineContext.UNLIMITED && loss(dayStartEquity, equity) > limits.dailyLossLimit)
        {
            return StateChangeReason.DAILY_LOSS;
        }
        if (limits.maxDrawdown != EngineContext.UNLIMITED && peakEquity > 0 &&
            FixedPoint.compareProducts(loss(peakEquity, equity), FixedPoint.pow10(FixedPoint.RATE_SCALE), limits.maxDrawdown, peakEquity) > 0)
        {
            return StateChangeReason.DRAWDOWN;
        }
        return null;
    }

    /** The highest equity seen at a market event, at 10^-8; {@link Long#MIN_VALUE} before the first. */
    public long peakEquity()
    {
        return peakEquity;
    }

    /** The largest {@code peak - equity} seen at a market event, at 10^-8; 0 before any fall. */
    public long maxDrawdown()
    {
        return maxDrawdown;
    }

    /**
     * {@code from - to}, saturated at the long range instead of wrapping: a fall too large for a long still compares
     * as the largest, so the limit fires rather than being passed by a wrapped negative difference.
     */
    public static long loss(final long from, final long to)
    {
        final long difference = from - to;
        if (((from ^ to) & (from ^ difference)) < 0)
        {
            return from > to ? Long.MAX_VALUE : Long.MIN_VALUE;
        }
        return difference;
    }
}
