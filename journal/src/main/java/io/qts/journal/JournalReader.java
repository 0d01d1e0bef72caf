package io.qts.journal;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.wire.DocumentContext;

import java.nio.file.Path;

/**
 * Reads entries in order from the start, or from an index; never blocks. An entry being written (or torn by a
 * crash) is not complete and not returned: reading stops before it.
 */
public final class JournalReader implements AutoCloseable
{
    private final Path dir;
    private final ExcerptTailer tailer;

    JournalReader(final Path dir, final ExcerptTailer tailer)
    {
        this.dir = dir;
        this.tailer = tailer;
    }

    /** Moves to the entry at a Chronicle index ({@link JournalEntry#index()}); false if there is none. */
    public boolean moveToIndex(final long index)
    {
        return tailer.moveToIndex(index);
    }

    /** Moves back to the journal's first entry. */
    public void toStart()
    {
        tailer.toStart();
    }

    /**
     * Reads the next input entry into {@code entry}, skipping the journal's own records (header, end marker); returns
     * false when there is none (yet). An entry whose stored length does not fit what was written is returned marked
     * truncated, so that {@link JournalEntry#checksumMatches} fails and a verifier can report it rather than stop.
     *
     * @throws JournalException when the cycle file cannot be read (cut short under the reader, a corrupt length word).
     */
    public boolean next(final JournalEntry entry)
    {
        while (nextAny(entry))
        {
            if (!entry.isControl())
            {
                return true;
            }
        }
        return false;
    }

    /** As {@link #next} but journal records included. */
    boolean nextAny(final JournalEntry entry)
    {
        try
        {
            return read(entry);
        }
        catch (final RuntimeException | InternalError ex)
        {
            if (ex instanceof JournalException)
            {
                throw ex;
            }
            throw new JournalException(String.format("journal %s is damaged: cannot read past index 0x%x (%s)",
                dir, tailer.index(), JournalException.cause(ex)));
        }
    }

    private boolean read(final JournalEntry entry)
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
                entry.set(dc.index(), 0, -1, -1, 0, 0, 0, true);
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
