package io.qts.engine;

/** Fixed-point scales per instrument id, learned from InstrumentDefinition inputs. */
final class Instruments
{
    static final int MAX_INSTRUMENTS = 256;

    private final boolean[] defined = new boolean[MAX_INSTRUMENTS];
    private final int[] priceScale = new int[MAX_INSTRUMENTS];
    private final int[] qtyScale = new int[MAX_INSTRUMENTS];
    /** Defined ids in the order they were defined, so loops over holdings visit few ids, in a fixed order. */
    private final int[] definedIds = new int[MAX_INSTRUMENTS];
    /** Each instrument's price grid for limit orders: one unit of its price scale unless the run gives the venue's. */
    private final PriceTicks[] priceTicks = new PriceTicks[MAX_INSTRUMENTS];
    private int definedCount;

    static boolean validId(final int instrumentId)
    {
        return instrumentId >= 0 && instrumentId < MAX_INSTRUMENTS;
    }

    void define(final int instrumentId, final int priceScale, final int qtyScale)
    {
        if (!defined[instrumentId])
        {
            definedIds[definedCount++] = instrumentId;
        }
        defined[instrumentId] = true;
        this.priceScale[instrumentId] = priceScale;
        this.qtyScale[instrumentId] = qtyScale;
    }

    void priceTicks(final int instrumentId, final PriceTicks ticks)
    {
        priceTicks[instrumentId] = ticks;
    }

    PriceTicks priceTicks(final int instrumentId)
    {
        final PriceTicks ticks = priceTicks[instrumentId];
        return ticks == null ? PriceTicks.ONE_UNIT : ticks;
    }

    /** Whether a limit price is on the instrument's grid (positive and a whole multiple of its step there). */
    boolean onGrid(final int instrumentId, final long price)
    {
        return priceTicks(instrumentId).onGrid(price, priceScale[instrumentId]);
    }

    boolean isDefined(final int instrumentId)
    {
        return validId(instrumentId) && defined[instrumentId];
    }

    int definedCount()
    {
        return definedCount;
    }

    /** The index-th defined id, for index below {@link #definedCount()}. */
    int definedId(final int index)
    {
        return definedIds[index];
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
