package io.qts.bench;

import io.qts.journal.EntryHeader;
import io.qts.journal.Journal;
import io.qts.journal.JournalAppender;
import io.qts.journal.JournalKind;
import io.qts.journal.JournalSync;

import java.nio.file.Path;

/** Run 2, the ceiling for write-ahead journaling: the same inputs appended straight to a journal on one thread. */
final class RawAppendRun
{
    private RawAppendRun()
    {
    }

    static Measurement run(final EncodedInputs inputs, final int count, final Path journalDir, final JournalSync sync)
    {
        final byte[] bytes = inputs.bytes();
        final long start;
        final long end;
        try (Journal journal = Journal.openForAppend(journalDir, JournalKind.IN, sync))
        {
            start = System.nanoTime();
            try (JournalAppender appender = journal.appender())
            {
                for (int i = 0; i < count; i++)
                {
                    appender.append(inputs.timeNs(i), inputs.sourceId(i), EntryHeader.FORMAT_SBE, bytes, inputs.offset(i), inputs.length(i));
                }
            }
            end = System.nanoTime();
        }
        return new Measurement(count, end - start, null, 0);
    }
}
