package io.qts.engine.strategy.builtin;

import io.qts.engine.strategy.StrategyContext;
import io.qts.engine.strategy.StrategyFactory;
import io.qts.engine.strategy.StrategyParameter;

import java.util.List;

/**
 * Exponential moving average cross-over on closes (a trade's price): EMA(fast) against EMA(slow), both
 * as {@link Ema} computes them, compared exactly once the slow one is seeded (from the slow-th price
 * on); signals are crosses as {@link CrossSign} defines them. A length changed at run time changes the
 * smoothing from the next price on; the EMAs are not restarted.
 */
final class EmaCross extends ClosePriceStrategy
{
    static final List<StrategyParameter> PARAMS = List.of(
        StrategyParameter.whole("fast", 1, BuiltInStrategies.MAX_WINDOW - 1, "12", "prices in the fast EMA; below slow"),
        StrategyParameter.whole("slow", 2, BuiltInStrategies.MAX_WINDOW, "26", "prices in the slow EMA"));
    static final StrategyFactory FACTORY = new BuiltInFactory(
        "ema-cross", "buys when the fast exponential moving average crosses above the slow one, sells on the cross below",
        PARAMS, (p, c) -> new EmaCross(c, p.whole("fast"), p.whole("slow")));

    private final Ema fastEma;
    private final Ema slowEma;
    private final CrossSign cross = new CrossSign();
    private int fast;
    private int slow;

    EmaCross(final StrategyContext context, final int fast, final int slow)
    {
        super(context);
        if (fast >= slow)
        {
            throw new IllegalArgumentException("ema-cross needs fast < slow, got fast=" + fast + " slow=" + slow);
        }
        this.fast = fast;
        this.slow = slow;
        fastEma = new Ema(fast);
        slowEma = new Ema(slow);
    }

    @Override
    int onPrice(final long price)
    {
        fastEma.add(price);
        slowEma.add(price);
        if (!fastEma.seeded() || !slowEma.seeded())
        {
            return NONE;
        }
        return cross.signal(Long.compare(fastEma.value(), slowEma.value()));
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
        if (newFast >= newSlow)
        {
            return false;
        }
        fast = newFast;
        slow = newSlow;
        fastEma.length(fast);
        slowEma.length(slow);
        return true;
    }
}
