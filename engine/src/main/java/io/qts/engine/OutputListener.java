package io.qts.engine;

import org.agrona.DirectBuffer;

/**
 * Sees every output record (an SBE OrderCommand, OrderFilled, OrderRejected or EngineStateChanged) in order, on the
 * engine thread. Reports build their trade lists from it.
 */
@FunctionalInterface
public interface OutputListener
{
    /** A listener that ignores every record. */
    OutputListener NONE = (buffer, offset, length) ->
    {
    };

    /**
     * One output record with its SBE message header: {@code length} bytes of {@code buffer} from {@code offset},
     * valid only during the call (copy what is kept).
     */
    void onOutput(DirectBuffer buffer, int offset, int length);
}
