package io.qts.journal;

import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/** Reads a whole journal and checks every entry's checksum and that sequences run without gaps. */
public final class JournalVerifier
{
    /** At most this many problems are listed one by one; all are counted. */
    static final int MAX_LISTED = 20;

    public static Report verify(final Journal journal)
    {
        final Report report = new Report();
        final CRC32C crc = new CRC32C();
        final JournalEntry entry = new JournalEntry();
        try (JournalReader reader = journal.reader())
        {
            long expectedSequence = -1;
            while (reader.next(entry))
            {
                report.entries++;
                if (!entry.checksumMatches(crc))
                {
                    report.corrupt++;
                    report.note(String.format("corrupt entry at index 0x%x: length or CRC32C mismatch", entry.index()));
                    expectedSequence = -1;
                    continue;
                }
                if (report.entries - report.corrupt == 1)
                {
                    report.firstTimeNs = entry.timeNs();
                    report.firstSequence = entry.sequence();
                }
                report.lastTimeNs = entry.timeNs();
                report.lastSequence = entry.sequence();
                if (expectedSequence >= 0 && entry.sequence() != expectedSequence)
                {
                    report.gaps++;
                    report.note(String.format(
                        "gap at index 0x%x: expected sequence %d, found %d", entry.index(), expectedSequence, entry.sequence()));
                }
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
        private long entries;
        private long corrupt;
        private long gaps;
        private long firstTimeNs;
        private long lastTimeNs;
        private long firstSequence = -1;
        private long lastSequence = -1;
        private final List<String> problems = new ArrayList<>();

        private void note(final String problem)
        {
            if (problems.size() < MAX_LISTED)
            {
                problems.add(problem);
            }
        }

        public long entries()
        {
            return entries;
        }

        public long corrupt()
        {
            return corrupt;
        }

        public long gaps()
        {
            return gaps;
        }

        public long firstTimeNs()
        {
            return firstTimeNs;
        }

        public long lastTimeNs()
        {
            return lastTimeNs;
        }

        public long firstSequence()
        {
            return firstSequence;
        }

        public long lastSequence()
        {
            return lastSequence;
        }

        public List<String> problems()
        {
            return problems;
        }

        public boolean ok()
        {
            return corrupt == 0 && gaps == 0;
        }
    }
}
