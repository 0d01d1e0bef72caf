package io.qts.examples.rsi;

import io.qts.engine.strategy.Strategy;
import io.qts.engine.strategy.StrategyContext;

/**
 * RSI mean reversion on closes (a trade's price): buy when the relative strength index falls below
 * {@code lower}, sell when it rises above {@code upper}. RSI(n) here is Cutler's: over the last n price
 * changes, 100 x gains / (gains + losses), with gains and losses the sums of the up and down moves; it
 * exists from the (n+1)-th price on. Compared exactly in whole numbers: RSI &lt; lower is
 * 100 x gains &lt; lower x (gains + losses). A window without any move has no RSI (nothing is done).
 * All state is allocated at creation: the callbacks allocate nothing.
 */
final class RsiReversion implements Strategy
{
    private final StrategyContext context;
    private final long[] changes;
    private final int period;
    private long lower;
    private long upper;
    private long count;
    private long lastPrice;
    private long gains;
    private long losses;

    RsiReversion(final StrategyContext context, final int period, final long lower, final long upper)
    {
        if (lower >= upper)
        {
            throw new IllegalArgumentException("rsi-reversion needs lower < upper, got lower=" + lower + " upper=" + upper);
        }
        this.context = context;
        this.period = period;
        this.changes = new long[period];
        this.lower = lower;
        this.upper = upper;
    }

    @Override
    public void onBar(
        final long timeNs, final long durationNs, final long openPrice, final long highPrice, final long lowPrice, final long closePrice)
    {
        onPrice(closePrice);
    }

    @Override
    public void onTrade(final long timeNs, final long price, final long qty)
    {
        onPrice(price);
    }

    @Override
    public boolean onParamChange(final int index, final long value8)
    {
        final long value = value8 / RsiReversionFactory.ONE;
        final long newLower = index == 1 ? value : lower;
        final long newUpper = index == 2 ? value : upper;
        if (index == 0 || newLower >= newUpper)
        {
            return false;
        }
        lower = newLower;
        upper = newUpper;
        return true;
    }

    private void onPrice(final long price)
    {
        if (count > 0)
        {
            final int slot = (int)((count - 1) % period);
            if (count > period)
            {
                remove(changes[slot]);
            }
            final long change = Math.subtractExact(price, lastPrice);
            changes[slot] = change;
            add(change);
        }
        lastPrice = price;
        count++;
        final long total = gains + losses;
        if (count <= period || total == 0)
        {
            return;
        }
        if (Math.multiplyExact(100, gains) < Math.multiplyExact(lower, total))
        {
            context.buyMarket(context.entryQty());
        }
        else if (Math.multiplyExact(100, gains) > Math.multiplyExact(upper, total) && context.position() > 0)
        {
            context.sellMarket(context.position());
        }
    }

    private void add(final long change)
    {
        if (change > 0)
        {
            gains += change;
        }
        else
        {
            losses -= change;
        }
    }

    private void remove(final long change)
    {
        if (change > 0)
        {
            gains -= change;
        }
        else
        {
            losses += change;
        }
    }
}
