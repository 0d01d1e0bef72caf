package io.qts.journal;

import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * Reads a whole journal and checks every entry's checksum, that it begins with its header, that sequences run
 * without gaps, and how it ended: closed cleanly (an end marker last) or by a crash (valid: recoverable up to its
 * last complete entry). Damage found when opening (see {@link Journal#openForRead}) is thrown before this runs.
 */
public final class JournalVerifier
{
    /** At most this many problems are listed one by one; all are counted. */
    static final int MAX_LISTED = 20;

    /**
     * @throws JournalException when a cycle file cannot be read to its end (one line naming the damage).
     */
    public static Report verify(final Journal journal)
    {
        final Report report = new Report(journal.kind(), journal.formatVersion());
        final CRC32C crc = new CRC32C();
        final JournalEntry entry = new JournalEntry();
        try (JournalReader reader = journal.reader())
        {
            long expectedSequence = -1;
            boolean first = true;
            while (reader.nextAny(entry))
            {
                if (!entry.checksumMatches(crc))
                {
                    report.entries++;
                    report.corrupt++;
                    report.note(String.format(entry.truncated()
                        ? "corrupt entry at index 0x%x: it does not fit in its document (a damaged length word or "
                            + "document), so the rest of the document cannot be read"
                        : "corrupt entry at index 0x%x: its checksum does not match (header or payload damaged)", entry.index()));
                    expectedSequence = -1;
                    first = false;
                    continue;
                }
                if (first && !entry.isHeader())
                {
                    report.note("the journal does not begin with its header");
                }
                first = false;
                if (expectedSequence >= 0 && entry.sequence() != expectedSequence)
                {
                    report.gaps++;
                    report.note(String.format("sequence gap at index 0x%x: expected %d, found %d (entries or a cycle file missing)",
                        entry.index(), expectedSequence, entry.sequence()));
                }
                if (entry.isControl())
                {
                    report.endedCleanly = entry.isEndMarker();
                    if (entry.isHeader())
                    {
                        report.opens++;
                    }
                    expectedSequence = entry.sequence();
                    continue;
                }
                report.endedCleanly = false;
                report.entries++;
                if (report.firstSequence < 0)
                {
                    report.firstTimeNs = entry.timeNs();
                    report.firstSequence = entry.sequence();
                }
                report.lastTimeNs = entry.timeNs();
                report.lastSequence = entry.sequence();
                expectedSequence = entry.sequence() + 1;
            }
        }
        return report;
    }

    private JournalVerifier()
    {
    }

    /** What a verification found. */
    public static final class Report
    {
        private final JournalKind kind;
        private final int formatVersion;
        private long entries;
        private long corrupt;
        private long gaps;
        private long opens;
        private boolean endedCleanly;
        private long firstTimeNs;
        private long lastTimeNs;
        private long firstSequence = -1;
        private long lastSequence = -1;
        private final List<String> problems = new ArrayList<>();

        private Report(final JournalKind kind, final int formatVersion)
        {
            this.kind = kind;
            this.formatVersion = formatVersion;
        }

        private void note(final String problem)
        {
            if (problems.size() < MAX_LISTED)
            {
                problems.add(problem);
            }
        }

        /** The journal's kind, from its header. */
        public JournalKind kind()
        {
            return kind;
        }

        /** The format version the journal was written in, from its header. */
        public int formatVersion()
        {
            return formatVersion;
        }

        /** Input entries (journal records not counted), corrupt ones included. */
        public long entries()
        {
            return entries;
        }

        /** Entries whose checksum did not match (header or payload damaged). */
        public long corrupt()
        {
            return corrupt;
        }

        /**
         * Places where an entry's sequence was not one past the previous good entry's (entries or a cycle file
         * missing).
         */
        public long gaps()
        {
            return gaps;
        }

        /** How many times the journal was opened for append (1 + continuations). */
        public long opens()
        {
            return opens;
        }

        /** True if an end marker is the last record; false: it ended by a crash (or is still being written). */
        public boolean endedCleanly()
        {
            return endedCleanly;
        }

        /** The receive time of the first good input entry, ns since the epoch; 0 if there is none. */
        public long firstTimeNs()
        {
            return firstTimeNs;
        }

        /** The receive time of the last good input entry, ns since the epoch; 0 if there is none. */
        public long lastTimeNs()
        {
            return lastTimeNs;
        }

        /** The sequence of the first good input entry; -1 if there is none. */
        public long firstSequence()
        {
            return firstSequence;
        }

        /** The sequence of the last good input entry; -1 if there is none. */
        public long lastSequence()
        {
            return lastSequence;
        }

        /** One line per problem found, at most {@link #MAX_LISTED}. */
        public List<String> problems()
        {
            return problems;
        }

        /** No damage: a journal that ended by a crash is ok. */
        public boolean ok()
        {
            return problems.isEmpty() && corrupt == 0 && gaps == 0;
        }
    }
}
