package io.qts.engine.pipeline;

import org.agrona.concurrent.UnsafeBuffer;

/** One preallocated entry of the outbound ring: an encoded OrderCommand. */
public final class OutboundSlot
{
    /** Bytes an encoded OrderCommand (with its message header) may take. */
    public static final int CAPACITY = 128;

    /** The encoded command, from offset 0. */
    public final UnsafeBuffer buffer = new UnsafeBuffer(new byte[CAPACITY]);
    /** Bytes of {@link #buffer} the command takes. */
    public int length;
}
