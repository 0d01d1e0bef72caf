package io.qts.engine.book;

import io.qts.journal.sbe.Side;

/** Order sides as small ints for slot fields; the values are the SBE {@link Side} codes. */
public final class Sides
{
    /** Engine-internal. No side: the slot carries no order intent. */
    public static final int NONE = 0;
    /** Engine-internal. Buy (SBE {@link Side#BUY}'s code). */
    public static final int BUY = 1;
    /** Engine-internal. Sell (SBE {@link Side#SELL}'s code). */
    public static final int SELL = 2;

    private Sides()
    {
    }

    /**
     * Engine-internal. The SBE side of a {@link #BUY} or {@link #SELL}; any other value, {@link #NONE} included, maps
     * to {@link Side#SELL}.
     */
    public static Side toSbe(final int side)
    {
        return side == BUY ? Side.BUY : Side.SELL;
    }
}
