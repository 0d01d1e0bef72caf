package io.qts.engine.strategy.builtin;

import io.qts.engine.strategy.Strategy;
import io.qts.engine.strategy.StrategyContext;

/**
 * A built-in strategy that decides BUY, SELL or nothing per event and acts on it through the public
 * {@link StrategyContext} alone: a BUY buys the run's entry size, a SELL sells the whole position (the
 * context refuses a BUY unless flat and a SELL unless long, so repeated signals send nothing).
 */
abstract class SignalRule implements Strategy
{
    static final int NONE = 0;
    static final int BUY = 1;
    static final int SELL = -1;

    private final StrategyContext context;

    /** @param context null for a rule whose signals are only read (unit tests of the rule). */
    SignalRule(final StrategyContext context)
    {
        this.context = context;
    }

    /** The signal for a bar; prices raw at the instrument's price scale. */
    abstract int barSignal(long timeNs, long durationNs, long openPrice, long highPrice, long lowPrice, long closePrice);

    /** The signal for a public trade. */
    abstract int tradeSignal(long timeNs, long price);

    @Override
    public final void onBar(
        final long timeNs, final long durationNs, final long openPrice, final long highPrice, final long lowPrice, final long closePrice)
    {
        act(barSignal(timeNs, durationNs, openPrice, highPrice, lowPrice, closePrice));
    }

    @Override
    public final void onTrade(final long timeNs, final long price, final long qty)
    {
        act(tradeSignal(timeNs, price));
    }

    private void act(final int signal)
    {
        if (signal == BUY)
        {
            context.buyMarket(context.entryQty());
        }
        else if (signal == SELL)
        {
            context.sellMarket(context.position());
        }
    }
}
