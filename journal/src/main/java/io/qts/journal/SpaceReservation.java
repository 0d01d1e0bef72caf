package io.qts.journal;

import net.openhft.chronicle.bytes.BytesStore;
import net.openhft.chronicle.bytes.MappedBytesStore;
import net.openhft.chronicle.core.io.ClosedIllegalStateException;
import net.openhft.chronicle.core.io.ReferenceOwner;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.posix.PosixAPI;

import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.locks.LockSupport;

/**
 * Keeps disk blocks allocated, and the writer's pages mapped, ahead of the journal writer, from a thread of its own.
 * Chronicle writes through a memory map of a sparse file, and a write to a page the file system cannot back (disk
 * full) faults (SIGBUS) instead of returning an error. So the blocks of the file region past the writer are allocated
 * first, with {@code fallocate(2)} or by writing zeros (see {@link BlockAllocator}): that succeeds, or fails with an
 * {@link IOException} that names the cause, before the writer ever touches the pages.
 * <p>
 * That work is done by the "qts-journal-reserve" thread, not the writer: 512 KB of zeros written every 512 KB of journal
 * took the writer off its work for hundreds of microseconds at a time. The thread then pretouches the reserved pages
 * through the writer's own mapping (an atomic compare-and-set of 0 with 0, which changes nothing), so the page fault
 * of each new 4 KB page, which on ext4 can wait for the file system's journal commit for milliseconds, is taken by this
 * thread instead of the writer. Before it touches a new mapped block it advises the kernel that the block is read at
 * random ({@code madvise(MADV_RANDOM)}, see {@link ReadAround}): otherwise a fault reads around the page as far as
 * the device's read-ahead setting, and where that is large (8 MB on this project's VM) one fault in every 8 MB
 * zeroed 8 MB of page cache in one go, holding a CPU for ~20 ms. The writer only wakes the thread every
 * {@link #SIGNAL_BYTES} and checks what it has reserved; it waits for it only when less than {@link #MIN_LEFT_BYTES}
 * is left (the thread fell behind, or a new cycle file just began), so it never writes past what is reserved, with one
 * exception: the first entry of each cycle file (Chronicle creates the file, its header and index arrays in the append
 * that enters the cycle, before this class learns of it; opening a journal for append checks that
 * {@link Journal#MIN_FREE_BYTES} are free).
 * <p>
 * The thread takes the CPUs of the process, not of the thread that made it: the appender is made on the engine
 * thread, which may be pinned to an isolated core (see {@link ProcessCpus}).
 */
final class SpaceReservation implements AutoCloseable
{
    /** How far past the writer the thread keeps blocks allocated. */
    static final long AHEAD_BYTES = 1L << 20;
    /** The writer wakes the thread each time it has written this much more. */
    static final long SIGNAL_BYTES = AHEAD_BYTES / 4;
    /**
     * Reserved bytes past the writer below which it waits: between two checks it may write SIGNAL_BYTES and then one
     * more document (a batch, up to {@link EntryHeader#MAX_DOCUMENT_BYTES}) with an index array Chronicle adds.
     */
    static final long MIN_LEFT_BYTES = SIGNAL_BYTES + 2L * EntryHeader.MAX_DOCUMENT_BYTES;
    /** Bytes of a page: one touch per page maps it. */
    private static final int PAGE_BYTES = 4096;
    /** Pages touched between two checks of what the writer needs. */
    private static final long PRETOUCH_BYTES_PER_PASS = 64L * PAGE_BYTES;
    /** Bytes allocated at a time. */
    private static final int CHUNK_BYTES = 64 << 10;

    private final Thread thread;
    private final ReferenceOwner pretouchOwner = ReferenceOwner.temporary("qts-journal-pretouch");
    private final ReadAround readAround = new ReadAround();

    // Written by the writer, read by the reserving thread.
    private volatile CycleFile cycleFile;
    private volatile long requestedPosition;
    private volatile WriterBlock writerBlock;
    private volatile boolean closed;

    // Written by the reserving thread, read by the writer: reservedCycle first, then reservedUpTo (see reservedFor).
    private volatile int reservedCycle = Integer.MIN_VALUE;
    private volatile long reservedUpTo;
    private volatile IOException failure;

    // The writer's own.
    private int cycle = Integer.MIN_VALUE;
    private long signalAt;

    /** The cycle file the writer is in, and where it was in it when it got there. */
    private record CycleFile(int cycle, File file, long startPosition)
    {
    }

    /**
     * The mapped block the writer last wrote into, with its cycle: positions are pretouched in it only while the
     * reserving thread is in the same cycle file, never at the same offsets of another file.
     */
    private record WriterBlock(int cycle, MappedBytesStore store)
    {
    }

    SpaceReservation()
    {
        thread = new Thread(this::reserve, "qts-journal-reserve");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Called by the writer after each document (an entry or a batch), with its write position and the mapped block it wrote into: makes sure at
     * least {@link #MIN_LEFT_BYTES} past it are allocated, waiting for the reserving thread when it is behind.
     *
     * @throws IOException when the blocks cannot be allocated (e.g. "No space left on device"), now or before.
     */
    void ensure(final ExcerptAppender appender, final long writePosition, final BytesStore<?, ?> store) throws IOException
    {
        final IOException failed = failure;
        if (failed != null)
        {
            throw failed;
        }
        final int appenderCycle = appender.cycle();
        if (writePosition < signalAt && appenderCycle == cycle)
        {
            return;
        }
        if (appenderCycle != cycle)
        {
            cycle = appenderCycle;
            requestedPosition = writePosition;
            cycleFile = new CycleFile(cycle, appender.currentFile(), writePosition);
        }
        else
        {
            requestedPosition = writePosition;
        }
        final WriterBlock block = writerBlock;
        if (store instanceof MappedBytesStore && (block == null || block.store() != store || block.cycle() != cycle))
        {
            // A new block every 64 MB of journal, or a new cycle file: rare enough to allocate the record.
            writerBlock = new WriterBlock(cycle, (MappedBytesStore)store);
        }
        LockSupport.unpark(thread);
        signalAt = writePosition + SIGNAL_BYTES;
        while (reservedFor(cycle) - writePosition < MIN_LEFT_BYTES)
        {
            final IOException failedNow = failure;
            if (failedNow != null)
            {
                throw failedNow;
            }
            if (!thread.isAlive())
            {
                throw new IOException("the journal's space reservation thread has ended");
            }
            // Not parkNanos: a timed park sleeps for the timer slack (50 us), far longer than a chunk takes.
            Thread.yield();
        }
    }

    /** How far blocks of the given cycle's file are allocated; -1 while the thread has not reached that file. */
    private long reservedFor(final int wantedCycle)
    {
        return reservedCycle == wantedCycle ? reservedUpTo : -1;
    }

    private void reserve()
    {
        BlockAllocator allocator = null;
        int fileCycle = Integer.MIN_VALUE;
        long upTo = 0;
        MappedBytesStore touchedStore = null;
        long touchedUpTo = 0;
        try
        {
            ProcessCpus.applyToThisThread();
            allocator = new BlockAllocator();
            while (!closed)
            {
                final CycleFile target = cycleFile;
                if (target != null && target.cycle() != fileCycle)
                {
                    allocator.open(target.file());
                    fileCycle = target.cycle();
                    upTo = target.startPosition();
                    reservedUpTo = upTo;
                    reservedCycle = fileCycle;
                }
                if (fileCycle != Integer.MIN_VALUE && upTo < requestedPosition + AHEAD_BYTES)
                {
                    upTo = allocator.allocate(upTo, CHUNK_BYTES);
                    reservedUpTo = upTo;
                    continue;
                }
                final WriterBlock block = writerBlock;
                if (block != null && block.cycle() == fileCycle)
                {
                    final boolean newBlock = block.store() != touchedStore;
                    if (newBlock)
                    {
                        touchedStore = block.store();
                        touchedUpTo = 0;
                    }
                    final long from = Math.max(touchedUpTo, requestedPosition + PAGE_BYTES);
                    touchedUpTo = pretouch(touchedStore, newBlock, from, Math.min(upTo, from + PRETOUCH_BYTES_PER_PASS));
                    if (touchedUpTo > from && touchedUpTo < upTo)
                    {
                        // More to touch: check first whether the writer needs blocks (a slow fault must not hold it up).
                        continue;
                    }
                }
                LockSupport.park(this);
            }
        }
        catch (final IOException ex)
        {
            failure = ex;
        }
        catch (final RuntimeException | Error ex)
        {
            // The writer must not wait for a thread that has died: it fails as for an I/O error. A fault on a mapped
            // page (InternalError) is named as such.
            failure = new IOException(JournalException.cause(ex), ex);
        }
        finally
        {
            if (allocator != null)
            {
                allocator.close();
            }
        }
    }

    /**
     * Touches each page from {@code from} to {@code to} that lies in the writer's mapped block, first advising that the
     * block is read at random when it is new to this thread, holding a reference to the block meanwhile so it cannot
     * be unmapped; returns how far it got.
     */
    private long pretouch(final MappedBytesStore store, final boolean newBlock, final long from, final long to)
    {
        long page = (from + PAGE_BYTES - 1) & -PAGE_BYTES;
        try
        {
            if (!store.tryReserve(pretouchOwner))
            {
                return from;
            }
        }
        catch (final ClosedIllegalStateException ex)
        {
            // The writer has moved on to the next block and this one is released: nothing to touch.
            return from;
        }
        try
        {
            if (newBlock)
            {
                readAround.disable(store);
            }
            for (; page + Integer.BYTES <= to && store.inside(page, Integer.BYTES); page += PAGE_BYTES)
            {
                store.compareAndSwapInt(page, 0, 0);
            }
        }
        finally
        {
            store.release(pretouchOwner);
        }
        return page;
    }

    /**
     * Allocates disk blocks of one cycle file: with {@code fallocate(2)} where the operating system and file system
     * have it (no data is written, so nothing is written back twice), else, and for the rest of the file once it failed,
     * by writing zeros through a file channel.
     * {@code fallocate} is called through {@link LinuxPosix}. Where that binding loads but is the no-op one, its
     * {@code open} refuses, so zeros are written.
     */
    private static final class BlockAllocator
    {
        private static final int O_WRONLY = 1;

        private final ByteBuffer zeros = ByteBuffer.allocateDirect(CHUNK_BYTES);
        private final PosixAPI posix = LinuxPosix.API;
        private FileChannel channel;
        private int fd = -1;

        void open(final File file) throws IOException
        {
            close();
            channel = FileChannel.open(file.toPath(), StandardOpenOption.WRITE);
            if (posix != null)
            {
                try
                {
                    fd = posix.open(file.getPath(), O_WRONLY, 0);
                }
                catch (final RuntimeException ex)
                {
                    // No native binding (the no-op one refuses to open): zeros it is.
                    fd = -1;
                }
            }
        }

        /** Allocates {@code length} bytes from {@code from}; returns the end of what is allocated. */
        long allocate(final long from, final int length) throws IOException
        {
            if (fd >= 0)
            {
                if (posix.fallocate(fd, 0, from, length) == 0)
                {
                    return from + length;
                }
                // The binding's errno is not reliable after its own fallbacks: zeros from here on, whose failure (a full
                // disk, a file system without fallocate) comes with the operating system's own message.
                posix.close(fd);
                fd = -1;
            }
            zeros.clear().limit(length);
            long at = from;
            while (zeros.hasRemaining())
            {
                at += channel.write(zeros, at);
            }
            return at;
        }

        void close()
        {
            if (fd >= 0)
            {
                posix.close(fd);
                fd = -1;
            }
            if (channel != null)
            {
                try
                {
                    channel.close();
                }
                catch (final IOException ignored)
                {
                    // Nothing was written through this channel that the mapping does not hold too.
                }
                channel = null;
            }
        }
    }

    /** Stops the reserving thread and waits for it to end. */
    @Override
    public void close()
    {
        closed = true;
        LockSupport.unpark(thread);
        boolean interrupted = false;
        while (thread.isAlive())
        {
            try
            {
                thread.join();
            }
            catch (final InterruptedException ex)
            {
                interrupted = true;
            }
        }
        if (interrupted)
        {
            Thread.currentThread().interrupt();
        }
    }
}
