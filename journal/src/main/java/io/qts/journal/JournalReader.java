package io.qts.journal;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.wire.DocumentContext;

/** Reads entries in order from the start, or from an index; never blocks. */
public final class JournalReader implements AutoCloseable
{
    private final ExcerptTailer tailer;

    JournalReader(final ExcerptTailer tailer)
    {
        this.tailer = tailer;
    }

    public boolean moveToIndex(final long index)
    {
        return tailer.moveToIndex(index);
    }

    public void toStart()
    {
        tailer.toStart();
    }

    /**
     * Reads the next entry into {@code entry}; returns false when there is none yet. An entry whose
     * stored length does not fit what was written is returned marked truncated, so a verifier can
     * report it rather than stop.
     */
    public boolean next(final JournalEntry entry)
    {
        try (DocumentContext dc = tailer.readingDocument())
        {
            if (!dc.isPresent())
            {
                return false;
            }
            final Bytes<?> bytes = dc.wire().bytes();
            final long available = bytes.readRemaining();
            if (available < EntryHeader.LENGTH)
            {
                entry.set(dc.index(), 0, -1, 0, 0, 0, 0, true);
                return true;
            }
            final long timeNs = bytes.readLong();
            final long sequence = bytes.readLong();
            final int sourceId = bytes.readShort();
            final int format = bytes.readShort();
            final int length = bytes.readInt();
            final int checksum = bytes.readInt();
            final boolean fits = length >= 0 && length <= EntryHeader.MAX_PAYLOAD_LENGTH && length <= bytes.readRemaining();
            final int readLength = fits ? length : 0;
            if (readLength > 0)
            {
                bytes.read(entry.payloadArray(), 0, readLength);
            }
            entry.set(dc.index(), timeNs, sequence, sourceId, format, readLength, checksum, !fits);
            return true;
        }
    }

    @Override
    public void close()
    {
        tailer.close();
    }
}
