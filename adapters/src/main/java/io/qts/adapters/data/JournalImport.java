package io.qts.adapters.data;

import io.qts.adapters.cli.UserError;
import io.qts.engine.InputSink;
import io.qts.journal.EntryHeader;
import io.qts.journal.Journal;
import io.qts.journal.JournalAppender;
import io.qts.journal.JournalKind;
import io.qts.journal.JournalSync;
import org.agrona.DirectBuffer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Writes a {@link MarketSeries} into a new journal. The journal is built in a temporary sibling directory
 * ({@link ScratchDirs}) and renamed into place only when complete, so a reader never sees half an import and
 * a failure or a stopped process leaves neither the journal directory nor the temporary one behind. An existing journal is never appended to
 * or replaced.
 */
public final class JournalImport
{
    private JournalImport()
    {
    }

    /**
     * @param series     what to write.
     * @param journalDir where the new journal goes: must not exist, or be an empty directory.
     * @return the number of entries written, the instrument definition included.
     * @throws UserError if journalDir holds anything, or the journal cannot be written.
     */
    public static long write(final MarketSeries series, final Path journalDir)
    {
        return write(journalDir, series::replay);
    }

    /** Writes whatever {@code events} sends to the sink it is given (the import's progress line, tests' failures). */
    public static long write(final Path journalDir, final Consumer<InputSink> events)
    {
        refuseExisting(journalDir);
        final Path target = journalDir.toAbsolutePath().normalize();
        final Path parent = target.getParent();
        if (parent == null)
        {
            throw new UserError("cannot write a journal at " + journalDir + ": it has no parent directory");
        }
        final Path temp;
        try
        {
            temp = ScratchDirs.create(target, "importing");
        }
        catch (final IOException ex)
        {
            throw new UserError("cannot write journal " + journalDir + ": " + IoErrors.reason(ex), ex);
        }

        try
        {
            final long entries = writeJournal(temp, events);
            // On Linux the rename also replaces an empty directory, and fails if one with content appeared meanwhile.
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            ScratchDirs.release(temp);
            return entries;
        }
        catch (final IOException ex)
        {
            ScratchDirs.delete(temp, ex);
            throw new UserError("cannot write journal " + journalDir + ": " + IoErrors.reason(ex), ex);
        }
        catch (final RuntimeException | Error ex)
        {
            ScratchDirs.delete(temp, ex);
            throw ex;
        }
    }

    private static void refuseExisting(final Path journalDir)
    {
        if (!Files.exists(journalDir))
        {
            return;
        }
        if (!Files.isDirectory(journalDir))
        {
            throw new UserError(journalDir + " exists and is not a directory");
        }
        final boolean empty;
        try (Stream<Path> entries = Files.list(journalDir))
        {
            empty = entries.findAny().isEmpty();
        }
        catch (final IOException ex)
        {
            throw new UserError("cannot read " + journalDir + ": " + IoErrors.reason(ex), ex);
        }
        if (Journal.containsJournal(journalDir))
        {
            throw new UserError(journalDir + " already holds a journal; import only writes a new one");
        }
        if (!empty)
        {
            throw new UserError(journalDir + " is not empty; import only writes a new journal");
        }
    }

    private static long writeJournal(final Path dir, final Consumer<InputSink> events)
    {
        try (Journal journal = Journal.openForAppend(dir, JournalKind.IMPORTED, JournalSync.NONE); JournalAppender appender = journal.appender())
        {
            final EntryWriter writer = new EntryWriter(appender);
            events.accept(writer);
            return writer.entries;
        }
    }

    /** Appends each input as one entry, copying it through one scratch array. */
    private static final class EntryWriter implements InputSink
    {
        private final JournalAppender appender;
        private final byte[] payload = new byte[EntryHeader.MAX_PAYLOAD_LENGTH];
        private long entries;

        EntryWriter(final JournalAppender appender)
        {
            this.appender = appender;
        }

        @Override
        public void accept(
            final long timeNs, final int sourceId, final int format, final DirectBuffer buffer, final int offset,
            final int length)
        {
            buffer.getBytes(offset, payload, 0, length);
            appender.append(timeNs, sourceId, format, payload, 0, length);
            entries++;
        }
    }
}
