package io.qts.engine;

/**
 * Simple moving average cross-over. SMA(n) is the exact mean of the last n prices and exists from the
 * n-th price on. The averages are compared exactly by cross-multiplying the sums, so equal averages
 * are a tie. An up-cross is fast &gt; slow now with fast &lt; slow on the last price where they were not
 * equal; a down-cross is the mirror; a tie is neither.
 */
final class SmaCross implements Strategy
{
    private final int fast;
    private final int slow;
    private final long[] window;
    private long count;
    private long fastSum;
    private long slowSum;
    private int lastNonZeroSign;

    SmaCross(final int fast, final int slow)
    {
        if (fast < 1 || slow <= fast)
        {
            throw new IllegalArgumentException("sma-cross needs 1 <= fast < slow, got fast=" + fast + " slow=" + slow);
        }
        this.fast = fast;
        this.slow = slow;
        this.window = new long[slow];
    }

    @Override
    public int onPrice(final long timeNs, final long price)
    {
        final int at = (int)(count % slow);
        if (count >= slow)
        {
            slowSum -= window[at];
        }
        if (count >= fast)
        {
            fastSum -= window[(int)((count - fast) % slow)];
        }
        window[at] = price;
        fastSum = Math.addExact(fastSum, price);
        slowSum = Math.addExact(slowSum, price);
        count++;
        if (count < slow)
        {
            return NONE;
        }
        final int sign = FixedPoint.compareProducts(fastSum, slow, slowSum, fast);
        int signal = NONE;
        if (sign > 0 && lastNonZeroSign < 0)
        {
            signal = BUY;
        }
        else if (sign < 0 && lastNonZeroSign > 0)
        {
            signal = SELL;
        }
        if (sign != 0)
        {
            lastNonZeroSign = sign;
        }
        return signal;
    }
}
