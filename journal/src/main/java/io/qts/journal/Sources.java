package io.qts.journal;

/** Where an input came from; the backtest driver and the tools switch on it. */
public final class Sources
{
    /** The journal's own records (header, end marker); {@link JournalReader#next} never hands them out. */
    public static final int JOURNAL = 0;
    /** Instrument definitions and other reference data. */
    public static final int REFERENCE = 1;
    /** Market data: trades, bars, quotes, and feed-state notes. */
    public static final int MARKET_DATA = 2;
    /** Answers from a venue: accepted, rejected, filled, cancelled. */
    public static final int VENUE = 3;
    /** Timer inputs (SBE Timer), stamped with their event time like any input. */
    public static final int TIMER = 4;
    /** Operator commands (SBE AdminCommand): halt, resume, kill, parameter changes. */
    public static final int ADMIN = 5;
    /** Order commands the engine sent, in the outbound journal. */
    public static final int ORDERS = 6;

    private Sources()
    {
    }

    /**
     * A source's name for tools and messages ("journal", "reference", "market", ...), or "source-N" for an unknown N.
     */
    public static String name(final int sourceId)
    {
        switch (sourceId)
        {
            case JOURNAL:
                return "journal";
            case REFERENCE:
                return "reference";
            case MARKET_DATA:
                return "market";
            case VENUE:
                return "venue";
            case TIMER:
                return "timer";
            case ADMIN:
                return "admin";
            case ORDERS:
                return "orders";
            default:
                return "source-" + sourceId;
        }
    }
}
