package io.qts.engine;

/** A strategy that reads one price per event: a bar's close or a trade's price. */
abstract class ClosePriceStrategy implements Strategy
{
    @Override
    public final int onBar(
        final long timeNs, final long durationNs, final long openPrice, final long highPrice, final long lowPrice, final long closePrice)
    {
        return onPrice(closePrice);
    }

    @Override
    public final int onTrade(final long timeNs, final long price)
    {
        return onPrice(price);
    }

    /** Returns a signal like {@link Strategy#onBar}. */
    abstract int onPrice(long price);
}
