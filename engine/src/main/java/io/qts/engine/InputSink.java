package io.qts.engine;

import org.agrona.DirectBuffer;

/**
 * Where inputs go: the inbound ring when live, the stage chain directly in a backtest. The bytes are
 * copied before the call returns, so the caller may reuse its buffer.
 */
@FunctionalInterface
public interface InputSink
{
    void accept(long timeNs, int sourceId, int format, DirectBuffer buffer, int offset, int length);
}
