package io.qts.engine;

import io.qts.journal.Journal;
import io.qts.journal.JournalEntry;
import io.qts.journal.JournalException;
import io.qts.journal.JournalReader;
import io.qts.journal.Sources;

import java.util.zip.CRC32C;

/**
 * Feeds a recorded journal's inputs to a sink, for a backtest. Venue answers are left out: the
 * simulated venue produces them again from the same orders, which is what makes a backtest over a
 * live paper session reproduce its digest. A corrupt entry stops the replay with a clear error.
 */
public final class JournalReplay
{
    private JournalReplay()
    {
    }

    /** Returns the number of entries read. */
    public static long replay(final Journal journal, final InputSink sink)
    {
        return replay(journal, sink, false);
    }

    /**
     * Feeds every input as recorded, venue answers included: the replay of a session against a real venue (or its
     * simulator over sockets), whose answers cannot be produced again. Drive an engine whose orders go nowhere
     * (QueuedOrders): it decides exactly as the live run did.
     */
    public static long replayAll(final Journal journal, final InputSink sink)
    {
        return replay(journal, sink, true);
    }

    private static long replay(final Journal journal, final InputSink sink, final boolean withVenue)
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
