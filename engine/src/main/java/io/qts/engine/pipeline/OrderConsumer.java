package io.qts.engine.pipeline;

import org.agrona.DirectBuffer;

/** Receives encoded SBE OrderCommands taken off the outbound path. */
@FunctionalInterface
public interface OrderConsumer
{
    void onOrder(DirectBuffer buffer, int offset, int length);
}
