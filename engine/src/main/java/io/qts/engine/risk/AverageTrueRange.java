package io.qts.engine.risk;

import io.qts.engine.FixedPoint;
import io.qts.engine.book.Instruments;

/**
 * Average true range over N bars per instrument, with Wilder's smoothing: the first value is the mean of
 * the first N true ranges, then ATR = (ATR * (N - 1) + TR) / N. Kept in integers at the instrument's
 * price scale plus {@link #EXTRA_DIGITS} digits, rounded half-even once per bar, so it is the same on
 * every machine.
 */
public final class AverageTrueRange
{
    static final int EXTRA_DIGITS = 4;
    static final long EXTRA = 10_000L;

    private final int bars;
    private final long[] atr = new long[Instruments.MAX_INSTRUMENTS];
    private final long[] trueRangeSum = new long[Instruments.MAX_INSTRUMENTS];
    private final long[] previousClose = new long[Instruments.MAX_INSTRUMENTS];
    private final int[] seen = new int[Instruments.MAX_INSTRUMENTS];

    /** @param bars N, the number of bars averaged (at least 1). */
    public AverageTrueRange(final int bars)
    {
        this.bars = bars;
    }

    /** Adds one bar; prices at the instrument's price scale. @throws ArithmeticException if the smoothed sum overflows a long. */
    public void onBar(final int instrumentId, final long high, final long low, final long close)
    {
        long trueRange = high - low;
        if (seen[instrumentId] > 0)
        {
            final long before = previousClose[instrumentId];
            trueRange = Math.max(trueRange, Math.max(Math.abs(high - before), Math.abs(low - before)));
        }
        previousClose[instrumentId] = close;
        if (seen[instrumentId] < bars)
        {
            trueRangeSum[instrumentId] += trueRange;
            if (++seen[instrumentId] == bars)
            {
                atr[instrumentId] = FixedPoint.mulDiv(trueRangeSum[instrumentId], EXTRA, bars);
            }
            return;
        }
        final long smoothed = Math.addExact(
            Math.multiplyExact(atr[instrumentId], bars - 1L), Math.multiplyExact(trueRange, EXTRA));
        atr[instrumentId] = FixedPoint.mulDiv(smoothed, 1, bars);
    }

    /** Whether N bars of this instrument have been seen, so an ATR is known. */
    public boolean ready(final int instrumentId)
    {
        return seen[instrumentId] >= bars;
    }

    /** ATR times 10^{@value #EXTRA_DIGITS}, at the instrument's price scale; 0 until {@link #ready}. */
    public long atrExtra(final int instrumentId)
    {
        return atr[instrumentId];
    }

    /** {@code multiple} ATRs at the instrument's price scale, rounded half-even; multiple at 10^-8. */
    public long atrs(final int instrumentId, final long multiple)
    {
        return FixedPoint.mulDiv(atr[instrumentId], multiple, EXTRA * FixedPoint.pow10(FixedPoint.RATE_SCALE));
    }

    /** Whether ATR / price is above a fraction at 10^-8, exactly; false until ready. */
    public boolean aboveFraction(final int instrumentId, final long price, final long fraction)
    {
        // atr / EXTRA / price > fraction / 10^8  <=>  atr * 10^8 / EXTRA > fraction * price
        return ready(instrumentId) && price > 0 &&
            FixedPoint.compareProducts(atr[instrumentId], FixedPoint.pow10(FixedPoint.RATE_SCALE) / EXTRA, fraction, price) > 0;
    }
}
