package io.qts.engine;

import java.util.List;

/**
 * Exponential moving average cross-over on closes (a trade's price): EMA(fast) against EMA(slow), both
 * as {@link Ema} computes them, compared exactly once the slow one is seeded (from the slow-th price
 * on); signals are crosses as {@link CrossSign} defines them. A length changed at run time changes the
 * smoothing from the next price on; the EMAs are not restarted.
 */
final class EmaCross extends ClosePriceStrategy
{
    static final List<StrategyParam> PARAMS = List.of(
        StrategyParam.whole("fast", 1, Strategies.MAX_WINDOW - 1, null),
        StrategyParam.whole("slow", 2, Strategies.MAX_WINDOW, null));
    private static final List<String> NAMES = List.of("fast", "slow");

    private final Ema fastEma;
    private final Ema slowEma;
    private final CrossSign cross = new CrossSign();
    private int fast;
    private int slow;

    EmaCross(final int fast, final int slow)
    {
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
