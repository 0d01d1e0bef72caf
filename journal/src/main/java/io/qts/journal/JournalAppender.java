package io.qts.journal;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.wire.DocumentContext;

import java.util.zip.CRC32C;

/**
 * Appends entries; allocates nothing per entry. Assigns each entry the next dense sequence number,
 * which downstream stages use as the identity of the input (client order ids derive from it).
 */
public final class JournalAppender implements AutoCloseable
{
    private final ExcerptAppender appender;
    private final CRC32C crc = new CRC32C();
    private long nextSequence;

    JournalAppender(final ExcerptAppender appender, final long nextSequence)
    {
        this.appender = appender;
        this.nextSequence = nextSequence;
    }

    /**
     * Writes one entry and returns its sequence.
     *
     * @throws IllegalArgumentException if the payload is larger than {@link EntryHeader#MAX_PAYLOAD_LENGTH}.
     */
    public long append(
        final long timeNs, final int sourceId, final int format, final byte[] payload, final int offset, final int length)
    {
        if (length < 0 || length > EntryHeader.MAX_PAYLOAD_LENGTH)
        {
            throw new IllegalArgumentException("payload length out of range: " + length);
        }
        crc.reset();
        crc.update(payload, offset, length);
        final long sequence = nextSequence;
        try (DocumentContext dc = appender.writingDocument())
        {
            final Bytes<?> bytes = dc.wire().bytes();
            bytes.writeLong(timeNs);
            bytes.writeLong(sequence);
            bytes.writeShort((short)sourceId);
            bytes.writeShort((short)format);
            bytes.writeInt(length);
            bytes.writeInt((int)crc.getValue());
            bytes.write(payload, offset, length);
        }
        nextSequence = sequence + 1;
        return sequence;
    }

    /** Chronicle index of the entry appended last. */
    public long lastIndex()
    {
        return appender.lastIndexAppended();
    }

    public long nextSequence()
    {
        return nextSequence;
    }

    @Override
    public void close()
    {
        appender.close();
    }
}
