package io.qts.engine.book;

/**
 * A client order id is the engine id and the sequence of the input that decided the order: engine id (15 bits)
 * &lt;&lt; 48 | sequence (48 bits). Replay derives the same id for the same decision, so a venue that rejects
 * duplicate ids (Upbit's {@code identifier}) can never be made to take the same order twice. What keeps one
 * session's ids from meeting another's at the venue is the session nonce the adapters put in front of this id
 * when they build the venue's identifier (see {@code VenueIdentifiers} in the adapters); the engine never sees
 * another session's orders.
 */
public final class ClientOrderIds
{
    static final int SEQUENCE_BITS = 48;
    /** The largest engine id an id can carry: 2^15 - 1 (15 bits above the 48-bit sequence). */
    public static final int MAX_ENGINE_ID = (1 << 15) - 1;
    /** The largest input sequence an id can carry: 2^48 - 1 (28 years of inputs at 300 000 a second). */
    public static final long MAX_SEQUENCE = (1L << SEQUENCE_BITS) - 1;

    private ClientOrderIds()
    {
    }

    /**
     * @throws IllegalArgumentException when the engine id is outside 0..{@link #MAX_ENGINE_ID} or the sequence outside
     *                                  0..{@link #MAX_SEQUENCE}: a wider one would spill into the engine id's bits and
     *                                  repeat an id.
     */
    public static long of(final int engineId, final long sequence)
    {
        if (engineId < 0 || engineId > MAX_ENGINE_ID)
        {
            throw new IllegalArgumentException("engine id must be 0.." + MAX_ENGINE_ID + ", got " + engineId);
        }
        return withSequence((long)engineId << SEQUENCE_BITS, sequence);
    }

    /**
     * {@code base | sequence} for a base from {@link #of(int, long)} with sequence 0 (the engine thread's form: no
     * allocation on success).
     *
     * @throws IllegalStateException when the sequence does not fit in 48 bits: ids would repeat, so no order may go out.
     */
    public static long withSequence(final long base, final long sequence)
    {
        if (sequence < 0 || sequence > MAX_SEQUENCE)
        {
            throw new IllegalStateException("input sequence " + sequence + " does not fit a client order id (0.." + MAX_SEQUENCE
                + "): start a new session");
        }
        return base | sequence;
    }

    /** The engine id of a client order id. */
    public static int engineIdOf(final long clientOrderId)
    {
        return (int)(clientOrderId >>> SEQUENCE_BITS);
    }

    /** The sequence of the deciding input: grows with every decision of one engine within a session. */
    public static long sequenceOf(final long clientOrderId)
    {
        return clientOrderId & MAX_SEQUENCE;
    }
}
