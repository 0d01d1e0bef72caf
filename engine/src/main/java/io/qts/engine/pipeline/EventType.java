package io.qts.engine.pipeline;

/** What the decode stage found in a slot. */
public final class EventType
{
    static final int NONE = 0;
    static final int INSTRUMENT = 1;
    /** A market trade (TradeTick): price and quantity in the slot. */
    public static final int TRADE = 2;
    static final int QUOTE = 3;
    static final int BAR = 4;
    static final int ORDER_ACCEPTED = 5;
    static final int ORDER_REJECTED = 6;
    static final int ORDER_FILLED = 7;
    static final int ORDER_CANCELLED = 8;
    static final int TIMER = 9;
    static final int ADMIN = 10;
    /** Bytes we could not decode: counted, journaled, otherwise ignored. */
    static final int MALFORMED = 11;
    /** A venue order is finished (after fills whose leaves were unknown); ends it if still in flight. */
    static final int ORDER_DONE = 12;
    /** The venue blocked us (rate-limit ban): the circuit breaker opens at once. */
    static final int VENUE_BLOCKED = 13;
    /** The market-data feed went stale or fresh again ({@link InboundSlot#feedStale}). */
    static final int FEED_STATE = 14;
    /** A trade the venue sent again (same trade id): counted and dropped. */
    static final int DUPLICATE = 15;
    /** The venue's private order stream went down or is up again ({@link InboundSlot#orderStreamDown}). */
    static final int ORDER_STREAM_STATE = 16;
    /**
     * Nobody can say whether the order reached the venue (no answer after every try): it stays in flight, in doubt,
     * and whatever the venue later reports for it is booked.
     */
    static final int ORDER_IN_DOUBT = 17;
    /** A fill that is not booked (not one of our orders in flight, or one already booked): counted, then ignored by every stage. */
    static final int FILL_DROPPED = 18;
    /**
     * The venue's whole account of one order, asked for by identifier when a session is reconciled: cumulative
     * executed quantity, funds and fee ({@link InboundSlot#qty}, {@link InboundSlot#funds}, {@link InboundSlot#commission})
     * and whether it is open, ended or unknown to the venue ({@link InboundSlot#venueOrderState}).
     */
    static final int ORDER_STATUS = 19;

    private EventType()
    {
    }
}
