package io.qts.engine;

import io.qts.journal.sbe.Side;

/** Order sides as small ints for slot fields; the values are the SBE {@link Side} codes. */
final class Sides
{
    static final int NONE = 0;
    static final int BUY = 1;
    static final int SELL = 2;

    private Sides()
    {
    }

    static Side toSbe(final int side)
    {
        return side == BUY ? Side.BUY : Side.SELL;
    }
}
