package io.qts.adapters.upbit;

import io.qts.journal.EntryHeader;
import io.qts.journal.Sources;
import io.qts.journal.sbe.InstrumentDefinitionEncoder;
import io.qts.journal.sbe.MessageHeaderEncoder;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.Collection;
import java.util.Comparator;

/**
 * Live start-up: an SBE InstrumentDefinition (source REFERENCE) for each configured market, before any market data, so
 * the journal itself says which code is which instrument id at which scales; the decoder and a replay read them from
 * there.
 */
public final class UpbitInstruments
{
    private UpbitInstruments()
    {
    }

    /** Publishes the definitions in instrument-id order. */
    public static void define(final Collection<UpbitOrderGateway.Market> markets, final SerializedInput input)
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[128]);
        final MessageHeaderEncoder header = new MessageHeaderEncoder();
        final InstrumentDefinitionEncoder definition = new InstrumentDefinitionEncoder();
        markets.stream().sorted(Comparator.comparingInt(UpbitOrderGateway.Market::instrumentId)).forEach((m) ->
        {
            definition.wrapAndApplyHeader(buffer, 0, header)
                .timeNs(input.nowNs())
                .instrumentId(m.instrumentId())
                .priceScale((byte)m.priceScale())
                .qtyScale((byte)m.qtyScale())
                .symbol(m.code());
            input.publish(Sources.REFERENCE, EntryHeader.FORMAT_SBE, buffer, 0,
                MessageHeaderEncoder.ENCODED_LENGTH + definition.encodedLength());
        });
    }
}
