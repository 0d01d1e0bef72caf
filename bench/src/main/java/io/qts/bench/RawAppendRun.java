package io.qts.bench;

import io.qts.journal.EntryHeader;
import io.qts.journal.Journal;
import io.qts.journal.JournalAppender;
import io.qts.journal.JournalKind;
import io.qts.journal.JournalSync;

import java.nio.file.Path;

/**
 * Run 2, the ceiling for write-ahead journaling: the same inputs appended straight to a journal on one thread, one
 * Chronicle document each or in batches of {@link #ENGINE_BATCH} (as the engine's journal stage writes a backlog).
 */
final class RawAppendRun
{
    /** The engine's largest journal batch (JournalStage.MAX_AHEAD in the engine). */
    static final int ENGINE_BATCH = 64;

    private RawAppendRun()
    {
    }

    /** @param batch entries to a batch; 1 appends each in a document of its own. */
    static Measurement run(
        final EncodedInputs inputs, final int count, final Path journalDir, final JournalSync sync, final int batch)
    {
        final byte[] bytes = inputs.bytes();
        final long start;
        final long end;
        try (Journal journal = Journal.openForAppend(journalDir, JournalKind.IN, sync))
        {
            start = System.nanoTime();
            try (JournalAppender appender = journal.appender())
            {
                for (int i = 0; i < count; i += batch)
                {
                    appender.startBatch();
                    final int batchEnd = Math.min(count, i + batch);
                    for (int k = i; k < batchEnd; k++)
                    {
                        appender.append(inputs.timeNs(k), inputs.sourceId(k), EntryHeader.FORMAT_SBE, bytes, inputs.offset(k), inputs.length(k));
                    }
                    appender.endBatch();
                }
            }
            end = System.nanoTime();
        }
        return new Measurement(count, end - start, null, 0);
    }
}
