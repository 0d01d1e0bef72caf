package io.qts.engine.risk;

import io.qts.engine.EngineContext;
import io.qts.engine.FixedPoint;
import io.qts.engine.book.Instruments;

/**
 * Slippage limit: an entry's expected price may deviate from the market price known before the deciding
 * event (last trade, bar close or quote mid) by at most a fraction. Comparing with the price before the
 * event is what makes it bite: an entry decided on a print far from the prior market is refused.
 */
public final class PriceBand
{
    private final long[] reference = new long[Instruments.MAX_INSTRUMENTS];

    /** @param band fraction at 10^-8; {@link EngineContext#UNLIMITED} for none. */
    public boolean allows(final int instrumentId, final long expectedPrice, final long band)
    {
        final long before = reference[instrumentId];
        if (band == EngineContext.UNLIMITED || before <= 0)
        {
            return true;
        }
        final long deviation = Math.abs(expectedPrice - before);
        return FixedPoint.compareProducts(deviation, FixedPoint.pow10(FixedPoint.RATE_SCALE), band, before) <= 0;
    }

    /** After the checks on a market event: its price is the reference for the next one. */
    public void onMarketPrice(final int instrumentId, final long price)
    {
        if (price > 0)
        {
            reference[instrumentId] = price;
        }
    }
}
