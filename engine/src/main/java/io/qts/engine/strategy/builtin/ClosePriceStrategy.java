package io.qts.engine.strategy.builtin;

import io.qts.engine.strategy.StrategyContext;

/** A strategy that reads one price per event: a bar's close or a trade's price. */
abstract class ClosePriceStrategy extends SignalRule
{
    ClosePriceStrategy(final StrategyContext context)
    {
        super(context);
    }

    @Override
    final int barSignal(
        final long timeNs, final long durationNs, final long openPrice, final long highPrice, final long lowPrice, final long closePrice)
    {
        return onPrice(closePrice);
    }

    @Override
    final int tradeSignal(final long timeNs, final long price)
    {
        return onPrice(price);
    }

    /** Returns a signal like {@link SignalRule#barSignal}. */
    abstract int onPrice(long price);
}
