package io.qts.engine.strategy;

/** The states {@link Strategy#onOrderUpdate} reports for a strategy's own order. */
public final class OrderStatus
{
    /** The venue took the order. */
    public static final int ACCEPTED = 1;
    /** Refused by risk or by the venue; nothing was filled. */
    public static final int REJECTED = 2;
    /** Cancelled before it filled completely (a market order the venue could not fill). */
    public static final int CANCELLED = 3;
    /** Ended: nothing more will happen to it. */
    public static final int DONE = 4;

    private OrderStatus()
    {
    }
}
