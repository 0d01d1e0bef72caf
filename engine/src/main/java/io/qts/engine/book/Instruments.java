package io.qts.engine.book;

import io.qts.engine.PriceTicks;
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
    /** Each instrument's price grid for limit orders: one unit of its price scale unless the run gives the venue's. */
    private final PriceTicks[] priceTicks = new PriceTicks[MAX_INSTRUMENTS];
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

    /** Sets the instrument's price grid (at definition; replaces one unit of its price scale). */
    public void priceTicks(final int instrumentId, final PriceTicks ticks)
    {
        priceTicks[instrumentId] = ticks;
    }

    /** The instrument's price grid: one unit of its price scale unless one was set. */
    public PriceTicks priceTicks(final int instrumentId)
    {
        final PriceTicks ticks = priceTicks[instrumentId];
        return ticks == null ? PriceTicks.ONE_UNIT : ticks;
    }

    /** Whether a limit price is on the instrument's grid (positive and a whole multiple of its step there). */
    public boolean onGrid(final int instrumentId, final long price)
    {
        return priceTicks(instrumentId).onGrid(price, priceScale[instrumentId]);
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
