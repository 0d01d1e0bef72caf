package io.qts.engine;

import org.agrona.concurrent.UnsafeBuffer;

/** One preallocated entry of the outbound ring: an encoded OrderCommand. */
final class OutboundSlot
{
    static final int CAPACITY = 128;

    final UnsafeBuffer buffer = new UnsafeBuffer(new byte[CAPACITY]);
    int length;
}
