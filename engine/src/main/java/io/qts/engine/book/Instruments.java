package io.qts.engine.book;

import io.qts.engine.FixedPoint;

/** Fixed-point scales per instrument id, learned from InstrumentDefinition inputs. */
public final class Instruments
{
    /** Instrument ids run from 0 to this, exclusive. */
    public static final int MAX_INSTRUMENTS = 256;

    private final boolean[] defined = new boolean[MAX_INSTRUMENTS];
    private final int[] priceScale = new int[MAX_INSTRUMENTS];
    private final int[] qtyScale = new int[MAX_INSTRUMENTS];
    /** Defined ids in the order they were defined, so loops over holdings visit few ids, in a fixed order. */
    private final int[] definedIds = new int[MAX_INSTRUMENTS];
    private int definedCount;

    /** Whether the id is within 0 to {@link #MAX_INSTRUMENTS}, exclusive. */
    public static boolean validId(final int instrumentId)
    {
        return instrumentId >= 0 && instrumentId < MAX_INSTRUMENTS;
    }

    /** Defines (or redefines) an instrument's scales: digits after the point of its prices and quantities. */
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

    /** Whether an InstrumentDefinition has defined this id (false for an id out of range). */
    public boolean isDefined(final int instrumentId)
    {
        return validId(instrumentId) && defined[instrumentId];
    }

    /** How many instruments are defined. */
    public int definedCount()
    {
        return definedCount;
    }

    /** The index-th defined id, for index below {@link #definedCount()}. */
    public int definedId(final int index)
    {
        return definedIds[index];
    }

    /** Digits after the point of the instrument's prices. */
    public int priceScale(final int instrumentId)
    {
        return priceScale[instrumentId];
    }

    /** Digits after the point of the instrument's quantities. */
    public int qtyScale(final int instrumentId)
    {
        return qtyScale[instrumentId];
    }

    /** qty x price in money units (10^-8 of the quote currency; {@link io.qts.engine.FixedPoint#notional}), qty and price at the instrument's scales. */
    public long notional(final int instrumentId, final long qty, final long price)
    {
        return FixedPoint.notional(qty, qtyScale[instrumentId], price, priceScale[instrumentId]);
    }
}
