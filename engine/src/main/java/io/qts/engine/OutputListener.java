package io.qts.engine;

import org.agrona.DirectBuffer;

/**
 * Sees every output record (an SBE OrderCommand, OrderFilled, OrderRejected or EngineStateChanged) in order, on the
 * engine thread. Reports build their trade lists from it.
 */
@FunctionalInterface
public interface OutputListener
{
    OutputListener NONE = (buffer, offset, length) ->
    {
    };

    void onOutput(DirectBuffer buffer, int offset, int length);
}
