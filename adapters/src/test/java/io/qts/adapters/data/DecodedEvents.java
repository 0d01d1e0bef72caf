package io.qts.adapters.data;

import io.qts.journal.EntryHeader;
import io.qts.journal.Journal;
import io.qts.journal.JournalEntry;
import io.qts.journal.JournalReader;
import io.qts.journal.Sources;
import io.qts.journal.sbe.BarDecoder;
import io.qts.journal.sbe.InstrumentDefinitionDecoder;
import io.qts.journal.sbe.MessageHeaderDecoder;
import io.qts.journal.sbe.TradeTickDecoder;
import org.agrona.DirectBuffer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Decodes imported events into one line of text each, so tests can state expected events literally:
 * {@code source time kind fields}, with times as ISO instants and prices and quantities as raw fixed-point longs.
 */
public final class DecodedEvents
{
    private DecodedEvents()
    {
    }

    public static List<String> replayed(final MarketSeries series)
    {
        final List<String> events = new ArrayList<>();
        series.replay((timeNs, sourceId, format, buffer, offset, length) ->
            events.add(describe(timeNs, sourceId, format, buffer, offset, length)));
        return events;
    }

    public static List<String> inJournal(final Path dir)
    {
        final List<String> events = new ArrayList<>();
        try (Journal journal = Journal.openForRead(dir); JournalReader reader = journal.reader())
        {
            final JournalEntry entry = new JournalEntry();
            while (reader.next(entry))
            {
                assertEquals(events.size(), entry.sequence(), "sequence");
                events.add(describe(
                    entry.timeNs(), entry.sourceId(), entry.format(), entry.payloadBuffer(), 0, entry.length()));
            }
        }
        return events;
    }

    private static String describe(
        final long timeNs, final int sourceId, final int format, final DirectBuffer buffer, final int offset,
        final int length)
    {
        assertEquals(EntryHeader.FORMAT_SBE, format, "format");
        final MessageHeaderDecoder header = new MessageHeaderDecoder().wrap(buffer, offset);
        assertEquals(length, MessageHeaderDecoder.ENCODED_LENGTH + header.blockLength(), "length");
        final String prefix = Sources.name(sourceId) + " " + Timestamps.text(timeNs) + " ";
        switch (header.templateId())
        {
            case InstrumentDefinitionDecoder.TEMPLATE_ID:
            {
                final InstrumentDefinitionDecoder definition =
                    new InstrumentDefinitionDecoder().wrapAndApplyHeader(buffer, offset, header);
                assertEquals(timeNs, definition.timeNs(), "entry time");
                return prefix + "definition id=" + definition.instrumentId() + " " + definition.symbol() +
                    " priceScale=" + definition.priceScale() + " qtyScale=" + definition.qtyScale();
            }
            case BarDecoder.TEMPLATE_ID:
            {
                final BarDecoder bar = new BarDecoder().wrapAndApplyHeader(buffer, offset, header);
                assertEquals(timeNs, bar.timeNs(), "entry time");
                return prefix + "bar id=" + bar.instrumentId() + " " + Duration.ofNanos(bar.durationNs()) +
                    " o=" + bar.openPrice() + " h=" + bar.highPrice() + " l=" + bar.lowPrice() +
                    " c=" + bar.closePrice() + " v=" + bar.volume();
            }
            case TradeTickDecoder.TEMPLATE_ID:
            {
                final TradeTickDecoder trade = new TradeTickDecoder().wrapAndApplyHeader(buffer, offset, header);
                assertEquals(timeNs, trade.timeNs(), "entry time");
                return prefix + "trade id=" + trade.instrumentId() + " " + trade.aggressor() + " price=" +
                    trade.price() + " qty=" + trade.qty() + " tradeId=" + trade.tradeId();
            }
            default:
                return prefix + "template " + header.templateId();
        }
    }
}
