package io.qts.journal;

import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A Chronicle Queue that holds QTS entries, rolled daily. Appenders and readers are confined to
 * the thread that made them, as Chronicle's are.
 */
public final class Journal implements AutoCloseable
{
    static final long BLOCK_SIZE_BYTES = 128L << 20;

    private final Path dir;
    private final ChronicleQueue queue;

    private Journal(final Path dir, final ChronicleQueue queue)
    {
        this.dir = dir;
        this.queue = queue;
    }

    /** Opens the journal in {@code dir} for appending, creating it if needed. */
    public static Journal openForAppend(final Path dir)
    {
        try
        {
            Files.createDirectories(dir);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot create journal directory " + dir, ex);
        }
        return new Journal(dir, builder(dir).build());
    }

    /** Opens an existing journal for reading only; fails clearly if there is none. */
    public static Journal openForRead(final Path dir)
    {
        if (!containsJournal(dir))
        {
            throw new JournalException("no journal at " + dir + " (expected Chronicle Queue *.cq4 files)");
        }
        return new Journal(dir, builder(dir).readOnly(true).build());
    }

    public static boolean containsJournal(final Path dir)
    {
        if (!Files.isDirectory(dir))
        {
            return false;
        }
        try (var files = Files.list(dir))
        {
            return files.anyMatch((p) -> p.getFileName().toString().endsWith(".cq4"));
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot list " + dir, ex);
        }
    }

    /**
     * Chronicle maps the file in blocks and allocates a few KB each time it maps the next one: 128 MB
     * blocks (about 1.7 million entries) keep that rare, at the price of a larger sparse file.
     */
    private static SingleChronicleQueueBuilder builder(final Path dir)
    {
        return SingleChronicleQueueBuilder.binary(dir).rollCycle(RollCycles.FAST_DAILY).blockSize(BLOCK_SIZE_BYTES);
    }

    public Path dir()
    {
        return dir;
    }

    public JournalAppender appender()
    {
        return new JournalAppender(queue.createAppender(), nextSequence());
    }

    public JournalReader reader()
    {
        return new JournalReader(queue.createTailer());
    }

    /** Sequence the next appended entry gets: one past the last entry's, so sequences stay dense across restarts. */
    private long nextSequence()
    {
        try (JournalReader reader = reader())
        {
            final long lastIndex = queue.lastIndex();
            if (lastIndex < 0 || !reader.moveToIndex(lastIndex))
            {
                return 0;
            }
            final JournalEntry entry = new JournalEntry();
            return reader.next(entry) ? entry.sequence() + 1 : 0;
        }
    }

    @Override
    public void close()
    {
        queue.close();
    }
}
