package io.qts.engine;

/** Fixed-point scales per instrument id, learned from InstrumentDefinition inputs. */
final class Instruments
{
    static final int MAX_INSTRUMENTS = 256;

    private final boolean[] defined = new boolean[MAX_INSTRUMENTS];
    private final int[] priceScale = new int[MAX_INSTRUMENTS];
    private final int[] qtyScale = new int[MAX_INSTRUMENTS];

    static boolean validId(final int instrumentId)
    {
        return instrumentId >= 0 && instrumentId < MAX_INSTRUMENTS;
    }

    void define(final int instrumentId, final int priceScale, final int qtyScale)
    {
        defined[instrumentId] = true;
        this.priceScale[instrumentId] = priceScale;
        this.qtyScale[instrumentId] = qtyScale;
    }

    boolean isDefined(final int instrumentId)
    {
        return validId(instrumentId) && defined[instrumentId];
    }

    int priceScale(final int instrumentId)
    {
        return priceScale[instrumentId];
    }

    int qtyScale(final int instrumentId)
    {
        return qtyScale[instrumentId];
    }

    long notional(final int instrumentId, final long qty, final long price)
    {
        return FixedPoint.notional(qty, qtyScale[instrumentId], price, priceScale[instrumentId]);
    }
}
