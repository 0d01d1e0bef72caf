package io.qts.engine.book;

import io.qts.journal.sbe.Side;

/** Order sides as small ints for slot fields; the values are the SBE {@link Side} codes. */
public final class Sides
{
    public static final int NONE = 0;
    public static final int BUY = 1;
    public static final int SELL = 2;

    private Sides()
    {
    }

    public static Side toSbe(final int side)
    {
        return side == BUY ? Side.BUY : Side.SELL;
    }
}
