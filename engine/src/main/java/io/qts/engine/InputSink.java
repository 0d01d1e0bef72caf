package io.qts.engine;

import org.agrona.DirectBuffer;

/**
 * Where inputs go: the inbound ring when live, the stage chain directly in a backtest. The bytes are
 * copied before the call returns, so the caller may reuse its buffer.
 */
@FunctionalInterface
public interface InputSink
{
    /**
     * One input: {@code length} bytes of {@code buffer} from {@code offset} (at most the journal's entry payload size),
     * from source {@code sourceId} (a journal {@code Sources} value) in entry format {@code format}
     * ({@code EntryHeader.FORMAT_SBE}, or one with a registered {@link io.qts.engine.pipeline.InputDecoder}), at event
     * time {@code timeNs} in ns since the epoch (live: the receive time; in a backtest: the recorded time).
     */
    void accept(long timeNs, int sourceId, int format, DirectBuffer buffer, int offset, int length);
}
