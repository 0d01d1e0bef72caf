package io.qts.engine;

/**
 * A client order id is the engine id, the run's session number and the sequence of the input that
 * decided the order: engine id (15 bits) &lt;&lt; 48 | session (16 bits) &lt;&lt; 32 | sequence (32 bits). Replay
 * derives the same id for the same decision, so a venue that rejects duplicate ids (Upbit's
 * {@code identifier}) can never be made to take the same order twice; the session number, new for
 * each live run, keeps the next run's ids from meeting the last run's, which such a venue remembers.
 */
public final class ClientOrderIds
{
    static final int SEQUENCE_BITS = 48;
    static final int SESSION_SHIFT = 32;
    public static final int MAX_ENGINE_ID = (1 << 15) - 1;
    public static final int MAX_SESSION = (1 << 16) - 1;

    private ClientOrderIds()
    {
    }

    /** Session 0: backtests, and runs on the in-process venue. */
    public static long of(final int engineId, final long sequence)
    {
        return of(engineId, 0, sequence);
    }

    public static long of(final int engineId, final int session, final long sequence)
    {
        return ((long)engineId << SEQUENCE_BITS) | ((long)session << SESSION_SHIFT) | sequence;
    }

    /** The session and the sequence: grows with every decision of one engine, across sessions too. */
    public static long sequenceOf(final long clientOrderId)
    {
        return clientOrderId & ((1L << SEQUENCE_BITS) - 1);
    }
}
