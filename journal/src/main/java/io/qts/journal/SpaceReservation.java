package io.qts.journal;

import net.openhft.chronicle.queue.ExcerptAppender;

import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;

/**
 * Keeps disk blocks allocated ahead of the journal writer. Chronicle writes through a memory map of a sparse file,
 * and a write to a page the file system cannot back (disk full) faults (SIGBUS) instead of returning an error. So
 * the file region just past the writer is written with zeros through an ordinary file write first: that allocates
 * the blocks, or fails with an {@link IOException} that names the cause, before the writer ever touches the pages.
 * The writer then stays inside allocated blocks for at least {@link #AHEAD_BYTES} minus one entry.
 */
final class SpaceReservation implements AutoCloseable
{
    /** How far past the writer blocks are kept allocated. */
    static final long AHEAD_BYTES = 1L << 20;
    /** Zeros per write; the region is topped up when less than half of {@link #AHEAD_BYTES} is left. */
    private static final int CHUNK_BYTES = 64 << 10;

    private final ByteBuffer zeros = ByteBuffer.allocateDirect(CHUNK_BYTES);
    private int cycle = Integer.MIN_VALUE;
    private FileChannel channel;
    private long reservedUpTo;

    /**
     * Makes sure the blocks up to {@code writePosition + AHEAD_BYTES} of the appender's current cycle file exist.
     *
     * @throws IOException when the blocks cannot be allocated (e.g. "No space left on device").
     */
    void ensure(final ExcerptAppender appender, final long writePosition) throws IOException
    {
        if (appender.cycle() != cycle)
        {
            switchTo(appender.cycle(), appender.currentFile(), writePosition);
        }
        if (writePosition + AHEAD_BYTES / 2 <= reservedUpTo)
        {
            return;
        }
        final long target = writePosition + AHEAD_BYTES;
        while (reservedUpTo < target)
        {
            zeros.clear();
            while (zeros.hasRemaining())
            {
                reservedUpTo += channel.write(zeros, reservedUpTo);
            }
        }
    }

    private void switchTo(final int newCycle, final File file, final long writePosition) throws IOException
    {
        close();
        channel = FileChannel.open(file.toPath(), StandardOpenOption.WRITE);
        cycle = newCycle;
        reservedUpTo = writePosition;
    }

    @Override
    public void close()
    {
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
