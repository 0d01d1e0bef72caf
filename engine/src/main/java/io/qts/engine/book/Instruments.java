package io.qts.engine.book;

import io.qts.engine.FixedPoint;

/** Fixed-point scales per instrument id, learned from InstrumentDefinition inputs. */
public final class Instruments
{
    public static final int MAX_INSTRUMENTS = 256;

    private final boolean[] defined = new boolean[MAX_INSTRUMENTS];
    private final int[] priceScale = new int[MAX_INSTRUMENTS];
    private final int[] qtyScale = new int[MAX_INSTRUMENTS];
    /** Defined ids in the order they were defined, so loops over holdings visit few ids, in a fixed order. */
    private final int[] definedIds = new int[MAX_INSTRUMENTS];
    private int definedCount;

    public static boolean validId(final int instrumentId)
    {
        return instrumentId >= 0 && instrumentId < MAX_INSTRUMENTS;
    }

    public void define(final int instrumentId, final int priceScale, final int qtyScale)
    {
        if (!defined[instrumentId])
        {
            definedIds[definedCount++] = instrumentId;
        }
        defined[instrumentId] = true;
        this.priceScale[instrumentId] = priceScale;
        this.qtyScale[instrumentId] = qtyScale;
    }

    public boolean isDefined(final int instrumentId)
    {
        return validId(instrumentId) && defined[instrumentId];
    }

    public int definedCount()
    {
        return definedCount;
    }

    /** The index-th defined id, for index below {@link #definedCount()}. */
    public int definedId(final int index)
    {
        return definedIds[index];
    }

    public int priceScale(final int instrumentId)
    {
        return priceScale[instrumentId];
    }

    public int qtyScale(final int instrumentId)
    {
        return qtyScale[instrumentId];
    }

    public long notional(final int instrumentId, final long qty, final long price)
    {
        return FixedPoint.notional(qty, qtyScale[instrumentId], price, priceScale[instrumentId]);
    }
}
