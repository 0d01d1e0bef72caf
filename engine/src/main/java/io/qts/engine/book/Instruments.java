package io.qts.engine.book;

import io.qts.engine.PriceTicks;
import io.qts.engine.FixedPoint;

/** Fixed-point scales per instrument id, learned from InstrumentDefinition inputs. */
public final class Instruments
{
    /**
     * Engine-internal. Instrument ids run from 0 to this bound, exclusive: the size of every per-instrument array in
     * the engine.
     */
    public static final int MAX_INSTRUMENTS = 256;

    private final boolean[] defined = new boolean[MAX_INSTRUMENTS];
    private final int[] priceScale = new int[MAX_INSTRUMENTS];
    private final int[] qtyScale = new int[MAX_INSTRUMENTS];
    /** Defined ids in the order they were defined, so loops over holdings visit few ids, in a fixed order. */
    private final int[] definedIds = new int[MAX_INSTRUMENTS];
    /** Each instrument's price grid for limit orders: one unit of its price scale unless the run gives the venue's. */
    private final PriceTicks[] priceTicks = new PriceTicks[MAX_INSTRUMENTS];
    private int definedCount;

    /** Engine-internal. Whether an instrument id is within 0..{@link #MAX_INSTRUMENTS} - 1 (defined or not). */
    public static boolean validId(final int instrumentId)
    {
        return instrumentId >= 0 && instrumentId < MAX_INSTRUMENTS;
    }

    /**
     * Engine-internal. Records an instrument's scales (decimal digits of its raw prices and quantities) from its
     * InstrumentDefinition; a second definition of the id replaces them.
     *
     * @throws ArrayIndexOutOfBoundsException for an id outside 0..{@link #MAX_INSTRUMENTS} - 1.
     */
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

    /** Engine-internal. Whether the id is valid and has been defined; false for an id out of range. */
    public boolean isDefined(final int instrumentId)
    {
        return validId(instrumentId) && defined[instrumentId];
    }

    /** Engine-internal. How many distinct instrument ids have been defined. */
    public int definedCount()
    {
        return definedCount;
    }

    /** The index-th defined id, for index below {@link #definedCount()}. */
    public int definedId(final int index)
    {
        return definedIds[index];
    }

    /** Engine-internal. The instrument's price scale (decimal digits); 0 if it was never defined. */
    public int priceScale(final int instrumentId)
    {
        return priceScale[instrumentId];
    }

    /** Engine-internal. The instrument's quantity scale (decimal digits); 0 if it was never defined. */
    public int qtyScale(final int instrumentId)
    {
        return qtyScale[instrumentId];
    }

    /**
     * Engine-internal. The notional of a quantity (at the instrument's quantity scale) at a price (at its price scale),
     * as money at 10^-8, rounded half-even.
     *
     * @throws ArithmeticException if the notional does not fit a long.
     */
    public long notional(final int instrumentId, final long qty, final long price)
    {
        return FixedPoint.notional(qty, qtyScale[instrumentId], price, priceScale[instrumentId]);
    }
}
