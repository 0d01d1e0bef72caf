package io.qts.engine;

import java.util.List;

/**
 * Simple moving average cross-over on closes (a trade's price). SMA(n) is the exact mean of the last n
 * prices and exists from the n-th price on. The averages are compared exactly by cross-multiplying the
 * sums, so equal averages are a tie; signals are crosses as {@link CrossSign} defines them. A window
 * changed at run time is recomputed from the kept prices and used from the next price on; the last
 * sign is kept, so a change that flips the order of the averages signals on the next price.
 */
final class SmaCross extends ClosePriceStrategy
{
    static final List<StrategyParam> PARAMS = List.of(
        StrategyParam.whole("fast", 1, Strategies.MAX_WINDOW - 1, null),
        StrategyParam.whole("slow", 2, Strategies.MAX_WINDOW, null));
    private static final List<String> NAMES = List.of("fast", "slow");

    private final PriceHistory prices = new PriceHistory(Strategies.MAX_WINDOW + 1);
    private final CrossSign cross = new CrossSign();
    private int fast;
    private int slow;
    private long fastSum;
    private long slowSum;

    SmaCross(final int fast, final int slow)
    {
        if (!valid(fast, slow))
        {
            throw new IllegalArgumentException("sma-cross needs 1 <= fast < slow, got fast=" + fast + " slow=" + slow);
        }
        this.fast = fast;
        this.slow = slow;
    }

    private static boolean valid(final long fast, final long slow)
    {
        return fast >= 1 && fast < slow && slow <= Strategies.MAX_WINDOW;
    }

    @Override
    int onPrice(final long price)
    {
        prices.add(price);
        final long count = prices.count();
        fastSum = Math.addExact(fastSum, price);
        slowSum = Math.addExact(slowSum, price);
        if (count > fast)
        {
            fastSum -= prices.ago(fast);
        }
        if (count > slow)
        {
            slowSum -= prices.ago(slow);
        }
        if (count < slow)
        {
            return NONE;
        }
        return cross.signal(FixedPoint.compareProducts(fastSum, slow, slowSum, fast));
    }

    @Override
    public List<String> paramNames()
    {
        return NAMES;
    }

    @Override
    public boolean setParam(final int index, final long value8)
    {
        if (!PARAMS.get(index).accepts(value8))
        {
            return false;
        }
        final int value = (int)(value8 / StrategyParam.ONE);
        final int newFast = index == 0 ? value : fast;
        final int newSlow = index == 1 ? value : slow;
        if (!valid(newFast, newSlow))
        {
            return false;
        }
        fast = newFast;
        slow = newSlow;
        fastSum = prices.sumOfLast(fast);
        slowSum = prices.sumOfLast(slow);
        return true;
    }
}
