package io.qts.engine;

import java.util.List;

/**
 * N-bar momentum on closes (a trade's price). The return r = (p - p[N back]) / p[N back] exists from
 * the (N+1)-th price on. BUY while r &gt; entry, SELL while r &lt; exit, otherwise nothing (levels, not
 * crosses: the signal stage ignores a BUY while long). Thresholds are decimals at 10^-8 and compared
 * exactly: (p - p0) x 10^8 against threshold x p0 in 128 bits. A lookback changed at run time uses
 * the kept prices from the next price on.
 */
final class Momentum extends ClosePriceStrategy
{
    static final List<StrategyParam> PARAMS = List.of(
        StrategyParam.whole("lookback", 1, Strategies.MAX_WINDOW, null),
        StrategyParam.decimal("entry", "-0.99999999", "100", null),
        StrategyParam.decimal("exit", "-0.99999999", "100", "0"));
    private static final List<String> NAMES = List.of("lookback", "entry", "exit");

    private final PriceHistory prices = new PriceHistory(Strategies.MAX_WINDOW + 1);
    private int lookback;
    private long entry8;
    private long exit8;

    Momentum(final int lookback, final long entry8, final long exit8)
    {
        if (exit8 > entry8)
        {
            throw new IllegalArgumentException("momentum needs exit <= entry, got entry=" + FixedPoint.format(entry8, 8) +
                " exit=" + FixedPoint.format(exit8, 8));
        }
        this.lookback = lookback;
        this.entry8 = entry8;
        this.exit8 = exit8;
    }

    @Override
    int onPrice(final long price)
    {
        prices.add(price);
        if (prices.count() <= lookback)
        {
            return NONE;
        }
        final long then = prices.ago(lookback);
        final long change = Math.subtractExact(price, then);
        if (FixedPoint.compareProducts(change, StrategyParam.ONE, entry8, then) > 0)
        {
            return BUY;
        }
        if (FixedPoint.compareProducts(change, StrategyParam.ONE, exit8, then) < 0)
        {
            return SELL;
        }
        return NONE;
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
        final long newEntry = index == 1 ? value8 : entry8;
        final long newExit = index == 2 ? value8 : exit8;
        if (newExit > newEntry)
        {
            return false;
        }
        if (index == 0)
        {
            lookback = (int)(value8 / StrategyParam.ONE);
        }
        entry8 = newEntry;
        exit8 = newExit;
        return true;
    }
}
