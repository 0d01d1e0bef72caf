package io.qts.adapters.cli;

import io.qts.journal.EntryHeader;
import io.qts.journal.Journal;
import io.qts.journal.JournalEntry;
import io.qts.journal.JournalReader;
import io.qts.journal.Sources;
import io.qts.journal.sbe.InstrumentDefinitionDecoder;
import io.qts.journal.sbe.MessageHeaderDecoder;

import java.nio.file.Path;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/** The symbols a journal defines, so a backtest of a one-instrument journal needs no --symbol. */
final class JournalSymbols
{
    private JournalSymbols()
    {
    }

    static List<String> all(final Path dir)
    {
        final SortedSet<String> symbols = new TreeSet<>();
        final MessageHeaderDecoder header = new MessageHeaderDecoder();
        final InstrumentDefinitionDecoder definition = new InstrumentDefinitionDecoder();
        final JournalEntry entry = new JournalEntry();
        try (Journal journal = Journal.openForRead(dir); JournalReader reader = journal.reader())
        {
            while (reader.next(entry))
            {
                if (entry.sourceId() == Sources.REFERENCE && entry.format() == EntryHeader.FORMAT_SBE &&
                    entry.length() >= MessageHeaderDecoder.ENCODED_LENGTH &&
                    header.wrap(entry.payloadBuffer(), 0).templateId() == InstrumentDefinitionDecoder.TEMPLATE_ID)
                {
                    symbols.add(definition.wrapAndApplyHeader(entry.payloadBuffer(), 0, header).symbol());
                }
            }
        }
        return List.copyOf(symbols);
    }

    static String single(final Path dir)
    {
        final List<String> symbols = all(dir);
        if (symbols.size() != 1)
        {
            throw new UserError(dir + " defines " + (symbols.isEmpty() ? "no instrument" :
                symbols.size() + " instruments (" + String.join(", ", symbols) + "); choose with --symbol, repeated to trade several"));
        }
        return symbols.get(0);
    }
}
