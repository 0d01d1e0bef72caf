package io.qts.engine;

import io.qts.journal.Journal;
import io.qts.journal.JournalEntry;
import io.qts.journal.JournalException;
import io.qts.journal.JournalReader;
import io.qts.journal.Sources;

import java.util.zip.CRC32C;

/**
 * Feeds a recorded journal's inputs to a sink. For a backtest venue answers are left out: the simulated
 * venue produces them again from the same orders, which is what makes a backtest over a live paper
 * session reproduce its digest. For a replay of a session everything goes in, venue answers included,
 * so the engine decides again exactly what it decided live. A corrupt entry stops either with a clear error.
 */
public final class JournalReplay
{
    private JournalReplay()
    {
    }

    /** Every input but the venue's answers, for a backtest; returns the number of entries read. */
    public static long replay(final Journal journal, final InputSink sink)
    {
        return feed(journal, sink, false);
    }

    /** Every input as recorded, for a replay of a session; returns the number of entries read. */
    public static long replayEverything(final Journal journal, final InputSink sink)
    {
        return feed(journal, sink, true);
    }

    private static long feed(final Journal journal, final InputSink sink, final boolean withVenue)
    {
        final JournalEntry entry = new JournalEntry();
        final CRC32C crc = new CRC32C();
        long entries = 0;
        try (JournalReader reader = journal.reader())
        {
            while (reader.next(entry))
            {
                entries++;
                if (!entry.checksumMatches(crc))
                {
                    throw new JournalException(String.format(
                        "corrupt journal entry at index 0x%x in %s (run 'qts journal verify')", entry.index(), journal.dir()));
                }
                if (withVenue || entry.sourceId() != Sources.VENUE)
                {
                    sink.accept(entry.timeNs(), entry.sourceId(), entry.format(), entry.payloadBuffer(), 0, entry.length());
                }
            }
        }
        return entries;
    }
}
