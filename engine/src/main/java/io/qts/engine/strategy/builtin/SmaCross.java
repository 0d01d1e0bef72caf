package io.qts.engine.strategy.builtin;

import io.qts.engine.FixedPoint;
import io.qts.engine.strategy.StrategyContext;
import io.qts.engine.strategy.StrategyFactory;
import io.qts.engine.strategy.StrategyParameter;

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
    static final List<StrategyParameter> PARAMS = List.of(
        StrategyParameter.whole("fast", 1, BuiltInStrategies.MAX_WINDOW - 1, "10", "prices in the fast average; below slow"),
        StrategyParameter.whole("slow", 2, BuiltInStrategies.MAX_WINDOW, "30", "prices in the slow average"));
    static final StrategyFactory FACTORY = new BuiltInFactory(
        "sma-cross", "buys when the fast simple moving average crosses above the slow one, sells on the cross below",
        PARAMS, (p, c) -> new SmaCross(c, p.whole("fast"), p.whole("slow")));

    private final PriceHistory prices = new PriceHistory(BuiltInStrategies.MAX_WINDOW + 1);
    private final CrossSign cross = new CrossSign();
    private int fast;
    private int slow;
    private long fastSum;
    private long slowSum;

    SmaCross(final StrategyContext context, final int fast, final int slow)
    {
        super(context);
        if (!valid(fast, slow))
        {
            throw new IllegalArgumentException("sma-cross needs 1 <= fast < slow, got fast=" + fast + " slow=" + slow);
        }
        this.fast = fast;
        this.slow = slow;
    }

    private static boolean valid(final long fast, final long slow)
    {
        return fast >= 1 && fast < slow && slow <= BuiltInStrategies.MAX_WINDOW;
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
    public boolean onParamChange(final int index, final long value8)
    {
        if (!PARAMS.get(index).accepts(value8))
        {
            return false;
        }
        final int value = (int)(value8 / StrategyParameter.ONE);
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
