package io.qts.engine.pipeline;

import org.agrona.concurrent.UnsafeBuffer;

/** One preallocated entry of the outbound ring: an encoded OrderCommand. */
public final class OutboundSlot
{
    public static final int CAPACITY = 128;

    public final UnsafeBuffer buffer = new UnsafeBuffer(new byte[CAPACITY]);
    public int length;
}
