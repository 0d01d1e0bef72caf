package io.qts.engine.pipeline;

import org.agrona.DirectBuffer;

/**
 * The outbound path from execution to the venue gateway. Takes an encoded SBE OrderCommand and
 * copies it before returning. Returns false when there is no room: back-pressure is a return code,
 * and the execution stage rejects the order rather than block.
 */
@FunctionalInterface
public interface OrderSender
{
    /**
     * Offers one encoded OrderCommand ({@code length} bytes of {@code buffer} from {@code offset}); true if it was
     * taken, false if there was no room.
     */
    boolean send(DirectBuffer buffer, int offset, int length);
}
