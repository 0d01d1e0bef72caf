package io.qts.engine;

/**
 * A client order id is the engine id and the sequence of the input that decided the order. Replay
 * derives the same id for the same decision, so a venue that rejects duplicate ids (Upbit's
 * {@code identifier}) can never be made to take the same order twice.
 */
public final class ClientOrderIds
{
    static final int SEQUENCE_BITS = 48;
    public static final int MAX_ENGINE_ID = (1 << 15) - 1;

    private ClientOrderIds()
    {
    }

    public static long of(final int engineId, final long sequence)
    {
        return ((long)engineId << SEQUENCE_BITS) | sequence;
    }

    public static long sequenceOf(final long clientOrderId)
    {
        return clientOrderId & ((1L << SEQUENCE_BITS) - 1);
    }
}
