package io.qts.engine.pipeline;

import org.agrona.DirectBuffer;

/** Receives encoded SBE OrderCommands taken off the outbound path. */
@FunctionalInterface
public interface OrderConsumer
{
    /**
     * One encoded OrderCommand, with its SBE message header: {@code length} bytes of {@code buffer} from
     * {@code offset}, valid only during the call (copy what is kept).
     */
    void onOrder(DirectBuffer buffer, int offset, int length);
}
