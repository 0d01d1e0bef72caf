package io.qts.engine;

/** What the decode stage found in a slot. */
final class EventType
{
    static final int NONE = 0;
    static final int INSTRUMENT = 1;
    static final int TRADE = 2;
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

    private EventType()
    {
    }
}
