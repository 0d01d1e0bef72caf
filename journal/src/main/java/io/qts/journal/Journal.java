package io.qts.journal;

import net.openhft.chronicle.core.time.TimeProvider;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.TailerDirection;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.CRC32C;

/**
 * A Chronicle Queue that holds QTS entries (format {@link EntryHeader#FORMAT_VERSION}; older formats from
 * {@link EntryHeader#OLDEST_READABLE_VERSION} are read and continued in their own format), rolled daily. Appenders and
 * readers are confined to the thread that made them, as Chronicle's are; a journal has at most one appender at a
 * time, because {@link SpaceReservation} writes ahead of it.
 * <p>
 * What recovery relies on:
 * <ul>
 * <li>{@link #openForRead} then {@link #endedCleanly()}: whether the last process that appended closed the journal
 * (an end marker is its last record) or ended by a crash;</li>
 * <li>{@link #openForAppend(Path, JournalKind, JournalSync)} on an existing journal continues it: its
 * {@link #appender()} assigns the sequence after the last complete entry, and a header record marks where this
 * process started;</li>
 * <li>{@link #reader()}: {@link JournalReader#next} hands out every complete entry in order and stops at the first
 * incomplete one (a write torn by the crash), skipping the journal's own records.</li>
 * </ul>
 * Damage (a missing, emptied or truncated cycle file, a damaged metadata file, a corrupt entry) is reported as a
 * {@link JournalException} with one line naming what is damaged; {@link JournalVerifier} lists all of it.
 */
public final class Journal implements AutoCloseable
{
    /**
     * Chronicle maps the file in blocks and extends the sparse file by a block when the writer reaches the end of
     * one: 64 MB blocks (about 600,000 entries of a live session) keep a run's cycle files at 80 MB each instead of
     * 160 MB. Smaller blocks were tried: at 16 MB, mapping the next block (Chronicle allocates a few objects for each)
     * put the live engine thread at 0.008-0.012 bytes per event in HotPathAllocationTest, against 0.005-0.007 here.
     */
    static final long BLOCK_SIZE_BYTES = 64L << 20;
    /** A cycle file is created at 1.25 blocks; anything shorter than a block was cut. */
    static final long MIN_CYCLE_FILE_BYTES = BLOCK_SIZE_BYTES;
    static final String METADATA_FILE = "metadata.cq4t";
    static final String CYCLE_SUFFIX = ".cq4";
    /** "QTSJ" little-endian: the first bytes of a header record's payload. */
    static final int HEADER_MAGIC = 0x4A535451;
    static final int HEADER_LENGTH = 8;
    /** Free space needed to open a journal for append: what {@link SpaceReservation} reserves, twice. */
    static final long MIN_FREE_BYTES = 2 * SpaceReservation.AHEAD_BYTES;

    private final Path dir;
    private final SingleChronicleQueue queue;
    private final JournalKind kind;
    private final int formatVersion;
    private final JournalSync sync;
    private final boolean writable;
    private final AtomicBoolean appenderOpen = new AtomicBoolean();
    private volatile JournalException failure;

    private Journal(
        final Path dir, final SingleChronicleQueue queue, final JournalKind kind, final int formatVersion, final JournalSync sync,
        final boolean writable)
    {
        this.dir = dir;
        this.queue = queue;
        this.kind = kind;
        this.formatVersion = formatVersion;
        this.sync = sync;
        this.writable = writable;
    }

    /** Opens (or creates) an inbound journal for appending, without forced syncs: for tests, tools and benchmarks. */
    public static Journal openForAppend(final Path dir)
    {
        return openForAppend(dir, JournalKind.IN, JournalSync.NONE);
    }

    /**
     * Opens the journal in {@code dir} for appending, creating it (with a header recording the format version and
     * {@code kind}) if there is none; an existing one is continued in its own format version: a new header record
     * marks this process's start and sequences go on from the last complete entry. A clean {@link #close()} writes the
     * end marker.
     *
     * @throws JournalException if the directory cannot be created, less than {@link #MIN_FREE_BYTES} are free, or
     *                          an existing journal is damaged, of another kind or of a format version this build does
     *                          not read.
     */
    public static Journal openForAppend(final Path dir, final JournalKind kind, final JournalSync sync)
    {
        return openForAppend(dir, kind, sync, null);
    }

    /** As {@link #openForAppend(Path, JournalKind, JournalSync)}; {@code clock} (tests) decides the daily cycles. */
    static Journal openForAppend(final Path dir, final JournalKind kind, final JournalSync sync, final TimeProvider clock)
    {
        try
        {
            Files.createDirectories(dir);
        }
        catch (final IOException ex)
        {
            throw new JournalException("cannot create journal directory " + dir + ": " + JournalException.cause(ex));
        }
        checkFreeSpace(dir);
        final boolean exists = containsJournal(dir);
        int formatVersion = EntryHeader.FORMAT_VERSION;
        if (exists)
        {
            try (Journal existing = openForRead(dir))
            {
                if (existing.kind != kind)
                {
                    throw new JournalException("journal " + dir + " is an '" + existing.kind.label() + "' journal, not '"
                        + kind.label() + "': refusing to append to it");
                }
                // A journal is continued in the format it began with, so a build that reads only that one still can.
                formatVersion = existing.formatVersion;
            }
        }
        final SingleChronicleQueueBuilder builder = builder(dir);
        if (clock != null)
        {
            builder.timeProvider(clock);
        }
        final SingleChronicleQueue queue;
        try
        {
            queue = builder.build();
        }
        catch (final RuntimeException | InternalError ex)
        {
            throw new JournalException("journal " + dir + " cannot be written: " + JournalException.cause(ex));
        }
        final Journal journal = new Journal(dir, queue, kind, formatVersion, sync, true);
        try (JournalAppender appender = journal.appender())
        {
            final UnsafeBuffer header = new UnsafeBuffer(new byte[HEADER_LENGTH]);
            header.putInt(0, HEADER_MAGIC, ByteOrder.LITTLE_ENDIAN);
            header.putShort(4, (short)formatVersion, ByteOrder.LITTLE_ENDIAN);
            header.putByte(6, (byte)kind.code());
            header.putByte(7, (byte)(exists ? 1 : 0));
            appender.appendControl(System.currentTimeMillis() * 1_000_000L, EntryHeader.FORMAT_OPENED, header.byteArray(),
                HEADER_LENGTH);
            // No room reserved after the header: refuse now rather than at the first input.
            journal.checkWritable();
        }
        catch (final JournalException ex)
        {
            journal.queue.close();
            throw ex;
        }
        return journal;
    }

    /**
     * Opens an existing journal for reading only. Checks its files first (each cycle file present in the metadata's
     * range, none empty or cut short, the metadata readable) and reads its header.
     *
     * @throws JournalException with one line naming the damage, or saying there is no journal in {@code dir}, or
     *                          naming the format version when the journal was written in one this build refuses.
     */
    public static Journal openForRead(final Path dir)
    {
        JournalFiles.check(dir);
        final SingleChronicleQueue queue = openReadOnly(dir);
        try
        {
            final JournalFiles.Header header = JournalFiles.readHeader(dir, queue);
            JournalFiles.checkCycles(dir, queue);
            return new Journal(dir, queue, header.kind(), header.formatVersion(), JournalSync.NONE, false);
        }
        catch (final RuntimeException ex)
        {
            queue.close();
            throw ex;
        }
    }

    /** True if {@code dir} holds Chronicle cycle files (damaged or not). */
    public static boolean containsJournal(final Path dir)
    {
        return JournalFiles.cycleFiles(dir).length > 0;
    }

    private static void checkFreeSpace(final Path dir)
    {
        final long free;
        try
        {
            final FileStore store = Files.getFileStore(dir);
            if (store.isReadOnly())
            {
                throw new JournalException("journal " + dir + " cannot be written: read-only file system");
            }
            free = store.getUsableSpace();
        }
        catch (final IOException ex)
        {
            throw new JournalException("journal " + dir + " cannot be written: " + JournalException.cause(ex));
        }
        if (free < MIN_FREE_BYTES)
        {
            throw new JournalException("journal " + dir + " cannot be written: no space left on device (" + free
                + " bytes free, at least " + MIN_FREE_BYTES + " needed)");
        }
    }

    private static SingleChronicleQueue openReadOnly(final Path dir)
    {
        try
        {
            return builder(dir).readOnly(true).build();
        }
        catch (final RuntimeException | InternalError ex)
        {
            throw new JournalException("journal " + dir + " is damaged: its metadata file " + METADATA_FILE
                + " cannot be read (" + JournalException.cause(ex) + ")");
        }
    }

    private static SingleChronicleQueueBuilder builder(final Path dir)
    {
        return SingleChronicleQueueBuilder.binary(dir).rollCycle(RollCycles.FAST_DAILY).blockSize(BLOCK_SIZE_BYTES);
    }

    /** The journal's directory. */
    public Path dir()
    {
        return dir;
    }

    /** What the journal holds, from its header. */
    public JournalKind kind()
    {
        return kind;
    }

    /**
     * The format version from its header: {@link EntryHeader#FORMAT_VERSION} for a journal this build began, down to
     * {@link EntryHeader#OLDEST_READABLE_VERSION} for an older one it reads or continues.
     */
    public int formatVersion()
    {
        return formatVersion;
    }

    /**
     * True if the last record is an end marker: the last process that appended closed the journal. False if it
     * ended by a crash (or is still being written): still valid, and recoverable up to its last complete entry.
     */
    public boolean endedCleanly()
    {
        final JournalEntry entry = new JournalEntry();
        try (JournalReader reader = new JournalReader(dir, queue.createTailer().direction(TailerDirection.BACKWARD).toEnd(), batched()))
        {
            return reader.nextAny(entry) && entry.isEndMarker();
        }
    }

    /**
     * The appender of this journal; the one thread that uses it must close it before another appender is taken.
     *
     * @throws IllegalStateException if the journal was opened for reading or another appender is open.
     */
    public JournalAppender appender()
    {
        if (!writable)
        {
            throw new IllegalStateException("journal " + dir + " was opened for reading");
        }
        if (!appenderOpen.compareAndSet(false, true))
        {
            throw new IllegalStateException("journal " + dir + " already has an open appender");
        }
        try
        {
            return new JournalAppender(this, queue.createAppender(), nextSequence(), sync, new SpaceReservation());
        }
        catch (final RuntimeException ex)
        {
            appenderOpen.set(false);
            throw ex;
        }
    }

    void appenderClosed()
    {
        appenderOpen.set(false);
    }

    /** A new reader from the journal's start; close it when done. */
    public JournalReader reader()
    {
        return new JournalReader(dir, queue.createTailer(), batched());
    }

    /**
     * Sequence the next appended entry gets: one past the last complete data entry's (a journal record carries the
     * next sequence itself), so sequences stay dense across restarts.
     */
    private long nextSequence()
    {
        final JournalEntry entry = new JournalEntry();
        final CRC32C crc = new CRC32C();
        try (JournalReader reader = new JournalReader(dir, queue.createTailer().direction(TailerDirection.BACKWARD).toEnd(), batched()))
        {
            while (reader.nextAny(entry))
            {
                if (entry.checksumMatches(crc))
                {
                    return entry.isControl() ? entry.sequence() : entry.sequence() + 1;
                }
            }
        }
        return 0;
    }

    /** True if a document may hold several entries (format 3 on). */
    boolean batched()
    {
        return formatVersion >= 3;
    }

    /** Throws the first write failure again: nothing is appended after one. */
    void checkWritable()
    {
        final JournalException failed = failure;
        if (failed != null)
        {
            throw failed;
        }
    }

    /** Records a write failure; the journal will not be closed cleanly. Returns the exception to throw. */
    JournalException failed(final Throwable cause)
    {
        final JournalException ex = new JournalException(
            "journal " + dir + " cannot be written: " + JournalException.cause(cause)
                + "; trading stopped, the next start recovers up to the last complete entry");
        if (failure == null)
        {
            failure = ex;
        }
        return ex;
    }

    /** True once a write failed: no entry was appended since, and the close writes no end marker. */
    public boolean hasFailed()
    {
        return failure != null;
    }

    /**
     * Closes the journal; a journal opened for append that never failed gets its end marker first (which needs every
     * appender closed: the pipeline closes its own on its thread before this is called).
     */
    @Override
    public void close()
    {
        try
        {
            if (writable && failure == null && !appenderOpen.get())
            {
                try (JournalAppender appender = appender())
                {
                    appender.appendControl(System.currentTimeMillis() * 1_000_000L, EntryHeader.FORMAT_CLOSED, new byte[0], 0);
                }
                catch (final JournalException ignored)
                {
                    // Reported where it happened; without the end marker the next start sees a crash and recovers.
                }
            }
        }
        finally
        {
            queue.close();
        }
    }
}
