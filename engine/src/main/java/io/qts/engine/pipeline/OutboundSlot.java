package io.qts.engine.pipeline;

import org.agrona.concurrent.UnsafeBuffer;

/** One preallocated entry of the outbound ring: an encoded OrderCommand. */
public final class OutboundSlot
{
    /** Engine-internal. The most bytes an encoded order command may take. */
    public static final int CAPACITY = 128;

    /** Engine-internal. The encoded OrderCommand (SBE, with its message header), from offset 0. */
    public final UnsafeBuffer buffer = new UnsafeBuffer(new byte[CAPACITY]);
    /** Engine-internal. Bytes of {@link #buffer} the command takes. */
    public int length;
}
