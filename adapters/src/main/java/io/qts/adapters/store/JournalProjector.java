package io.qts.adapters.store;

import io.qts.adapters.run.SessionSettings;
import io.qts.engine.EngineContext;
import io.qts.engine.InlineEngine;
import io.qts.journal.EntryHeader;
import io.qts.journal.Journal;
import io.qts.journal.JournalEntry;
import io.qts.journal.JournalException;
import io.qts.journal.JournalReader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.function.BooleanSupplier;
import java.util.zip.CRC32C;

/**
 * Projects a run's inbound journal into the trade store: decides the run again through a shadow engine (the settings
 * of {@code session.json} beside the journal, as {@code qts replay} does) and writes its orders and fills, so the
 * store holds exactly what the engine decided. Runs on its own thread beside a live session, following the journal as
 * it grows (the engine thread is never involved), or once over a finished journal for {@code qts store rebuild}: the
 * same code, so a rebuild equals the live projection.
 */
public final class JournalProjector
{
    private static final int ENTRIES_PER_WRITE = 500;
    private static final long POLL_MS = 50;

    private JournalProjector()
    {
    }

    /** A live session creates the directory before its first journal file: wait for the file. */
    /**
     * Opens the journal for reading once its first cycle file has its header: a file the writer has just created
     * reads as damaged for a moment. Only once the writer is done is a journal that still cannot be read damaged.
     */
    private static Journal openWhenReadable(final Path inDir, final BooleanSupplier ended) throws InterruptedException
    {
        while (true)
        {
            final boolean writerDone = ended.getAsBoolean();
            try
            {
                return Journal.openForRead(inDir);
            }
            catch (final JournalException notYet)
            {
                if (writerDone)
                {
                    throw notYet;
                }
                Thread.sleep(POLL_MS);
            }
        }
    }

    private static boolean hasEntries(final Path inDir)
    {
        if (!Files.isDirectory(inDir))
        {
            return false;
        }
        try (java.util.stream.Stream<Path> files = Files.list(inDir))
        {
            return files.anyMatch((f) -> f.getFileName().toString().endsWith(".cq4"));
        }
        catch (final java.io.IOException ex)
        {
            return false;
        }
    }

    /**
     * @param ended true once no more entries will be appended: the journal is then read to its end and the call returns.
     * @return the number of journal entries projected.
     * @throws SQLException when the store cannot be written.
     * @throws JournalException when an entry's checksum does not match.
     */
    public static long project(final Path inDir, final TradeStore store, final BooleanSupplier ended)
        throws SQLException, InterruptedException
    {
        final Path runDir = inDir.toAbsolutePath().getParent();
        final String runId = runDir.getFileName().toString();
        final EngineContext context = SessionSettings.readFrom(runDir).engineContext().conclude();
        final TradeRows rows = new TradeRows();
        store.clear(runId);
        while (!hasEntries(inDir))
        {
            if (ended.getAsBoolean())
            {
                return 0;
            }
            Thread.sleep(POLL_MS);
        }
        long entries = 0;
        final JournalEntry entry = new JournalEntry();
        final CRC32C crc = new CRC32C();
        try (InlineEngine engine = new InlineEngine(context, null, (buffer, offset, length) -> true, rows::onOutput);
            Journal journal = openWhenReadable(inDir, ended);
            JournalReader reader = journal.reader())
        {
            boolean lastPass = false;
            while (true)
            {
                if (reader.next(entry))
                {
                    if (!entry.checksumMatches(crc))
                    {
                        throw new JournalException(String.format("corrupt journal entry at index 0x%x in %s", entry.index(), inDir));
                    }
                    if (entry.format() == EntryHeader.FORMAT_SBE)
                    {
                        rows.onInput(entry.payloadBuffer(), 0, entry.length());
                    }
                    engine.accept(entry.timeNs(), entry.sourceId(), entry.format(), entry.payloadBuffer(), 0, entry.length());
                    if (++entries % ENTRIES_PER_WRITE == 0)
                    {
                        store.write(runId, rows);
                    }
                    continue;
                }
                store.write(runId, rows);
                if (lastPass)
                {
                    return entries;
                }
                // Once the writer is done, one more pass reads what it appended last.
                lastPass = ended.getAsBoolean();
                if (!lastPass)
                {
                    Thread.sleep(POLL_MS);
                }
            }
        }
    }
}
