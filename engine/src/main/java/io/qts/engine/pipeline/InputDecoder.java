package io.qts.engine.pipeline;

import io.qts.engine.EngineContext;
import org.agrona.DirectBuffer;

/**
 * Decodes the payload of an input that is not SBE (a venue's JSON, kept in the journal as received) into the
 * slot's typed fields, on the engine thread, in the decode stage: a replay hands the same bytes to the same
 * decoder, so it decodes them the same way. Registered per journal entry format with
 * {@link EngineContext#inputDecoder(int, InputDecoder)}.
 * <p>
 * An implementation reports exactly one outcome through {@code out} (trade, quote, an order answer, a feed or
 * venue state, {@link DecodedInput#ignored()} or {@link DecodedInput#malformed()}); reporting none counts as
 * malformed. It must not block, allocate in steady state, read a clock or keep state that does not follow
 * from the inputs it has seen.
 */
@FunctionalInterface
public interface InputDecoder
{
    /**
     * Decodes {@code length} bytes of {@code payload} from offset 0, an input from source {@code sourceId} (a journal
     * {@code Sources} value), reporting one outcome through {@code out}.
     */
    void decode(int sourceId, DirectBuffer payload, int length, DecodedInput out);
}
