package io.qts.engine.book;

import io.qts.journal.sbe.Side;

/** Order sides as small ints for slot fields; the values are the SBE {@link Side} codes. */
public final class Sides
{
    /** No side (a slot without an order intent). */
    public static final int NONE = 0;
    /** Buy: SBE {@code Side.BUY}. */
    public static final int BUY = 1;
    /** Sell: SBE {@code Side.SELL}. */
    public static final int SELL = 2;

    private Sides()
    {
    }

    /** The SBE side of {@link #BUY} or {@link #SELL} (any other value gives SELL). */
    public static Side toSbe(final int side)
    {
        return side == BUY ? Side.BUY : Side.SELL;
    }
}
