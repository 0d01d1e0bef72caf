package io.qts.adapters.upbit;

import io.qts.engine.InputSink;
import org.agrona.DirectBuffer;

/**
 * The engine's input (LivePipeline.input()) takes one publishing thread; the market-data stream, the private
 * stream and the order gateway each run on their own Netty threads. Wrap the pipeline's input in one of these
 * and give the same instance to every client: publishing is serialized by a lock, and each input's receive time is
 * taken under it, so the journal's times never go backwards.
 */
public final class SerializedInput
{
    private final InputSink engine;
    private final java.util.function.LongSupplier epochNanos;
    private long lastNs;

    /**
     * @param epochNanos the receive-time clock, nanoseconds since the epoch ({@link #systemClock()} live).
     */
    public SerializedInput(final InputSink engine, final java.util.function.LongSupplier epochNanos)
    {
        this.engine = engine;
        this.epochNanos = epochNanos;
    }

    /**
     * The live receive-time clock: the system's wall clock in nanoseconds since the epoch, at the resolution the
     * platform gives. Adapters only; the engine never reads a clock.
     */
    public static java.util.function.LongSupplier systemClock()
    {
        return () ->
        {
            final java.time.Instant now = java.time.Instant.now();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        };
    }

    /** Stamps the input with the receive time (never before the previous input's) and publishes it; returns the time. */
    public synchronized long publish(final int sourceId, final int format, final DirectBuffer buffer, final int offset, final int length)
    {
        final long timeNs = Math.max(lastNs, epochNanos.getAsLong());
        lastNs = timeNs;
        engine.accept(timeNs, sourceId, format, buffer, offset, length);
        return timeNs;
    }

    /** The receive-time clock, as the gateway needs it for event times it writes into notes (a block's end). */
    public long nowNs()
    {
        return epochNanos.getAsLong();
    }
}
