package io.qts.engine.strategy.builtin;

import io.qts.engine.FixedPoint;
import io.qts.engine.strategy.StrategyContext;
import io.qts.engine.strategy.StrategyFactory;
import io.qts.engine.strategy.StrategyParameter;

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
    static final List<StrategyParameter> PARAMS = List.of(
        StrategyParameter.whole("lookback", 1, BuiltInStrategies.MAX_WINDOW, "20", "prices back the return is measured over"),
        StrategyParameter.decimal("entry", "-0.99999999", "100", "0.02", "buy while the return is above this (0.02 is 2%)"),
        StrategyParameter.decimal("exit", "-0.99999999", "100", "0", "sell while the return is below this; at most entry"));
    static final StrategyFactory FACTORY = new BuiltInFactory(
        "momentum", "buys while the N-price return is above entry, sells while it is below exit",
        PARAMS, (p, c) -> new Momentum(c, p.whole("lookback"), p.value8("entry"), p.value8("exit")));

    private final PriceHistory prices = new PriceHistory(BuiltInStrategies.MAX_WINDOW + 1);
    private int lookback;
    private long entry8;
    private long exit8;

    Momentum(final StrategyContext context, final int lookback, final long entry8, final long exit8)
    {
        super(context);
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
        if (FixedPoint.compareProducts(change, StrategyParameter.ONE, entry8, then) > 0)
        {
            return BUY;
        }
        if (FixedPoint.compareProducts(change, StrategyParameter.ONE, exit8, then) < 0)
        {
            return SELL;
        }
        return NONE;
    }

    @Override
    public boolean onParamChange(final int index, final long value8)
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
            lookback = (int)(value8 / StrategyParameter.ONE);
        }
        entry8 = newEntry;
        exit8 = newExit;
        return true;
    }
}
