package io.qts.journal;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.TailerDirection;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteOrder;
import java.nio.file.Path;

/**
 * Reads entries in order from the start, or from an index; never blocks. An entry being written (or torn by a
 * crash) is not complete and not returned: reading stops before it. A Chronicle document holds one entry or, in
 * format 3, a batch of them: each document is copied out once and its entries handed out one by one (last first
 * when the tailer reads backward), so a document is never held open between calls. A document longer than any this
 * build writes, or a stored length that runs past its document, is damage: one entry marked truncated stands for
 * the rest of that document. After a document longer than any written, reading stops: its length word is damaged,
 * so where the next document starts is unknown, and reading at the place it names can fault beyond the file's end
 * (SIGBUS, which compiled code reports late, outside any handler).
 */
public final class JournalReader implements AutoCloseable
{
    private final Path dir;
    private final ExcerptTailer tailer;
    private final boolean backward;
    private final boolean batched;
    private final byte[] documentBytes = new byte[EntryHeader.MAX_DOCUMENT_BYTES];
    private final UnsafeBuffer document = new UnsafeBuffer(documentBytes);
    private int documentLength;
    private long documentIndex;
    /** Start offsets of the current document's entries (at most one per header's length); the last may be truncated. */
    private final int[] entryStarts = new int[EntryHeader.MAX_DOCUMENT_BYTES / EntryHeader.LENGTH + 1];
    private int entryCount;
    private int entriesServed;
    /** A document longer than any written was read: nothing after it can be found. */
    private boolean pastDamagedLength;

    /** @param batched whether a document may hold several entries (format 3); else bytes after its first are ignored. */
    JournalReader(final Path dir, final ExcerptTailer tailer, final boolean batched)
    {
        this.dir = dir;
        this.tailer = tailer;
        this.backward = tailer.direction() == TailerDirection.BACKWARD;
        this.batched = batched;
    }

    /** Moves to the document at a Chronicle index ({@link JournalEntry#index()}); false if there is none. */
    public boolean moveToIndex(final long index)
    {
        entriesServed = entryCount;
        pastDamagedLength = false;
        return tailer.moveToIndex(index);
    }

    /** Moves back to the journal's first entry. */
    public void toStart()
    {
        entriesServed = entryCount;
        pastDamagedLength = false;
        tailer.toStart();
    }

    /**
     * Reads the next input entry into {@code entry}, skipping the journal's own records (header, end marker); returns
     * false when there is none (yet). An entry whose stored length does not fit what was written is returned marked
     * truncated, so that {@link JournalEntry#checksumMatches} fails and a verifier can report it rather than stop;
     * the rest of its document cannot be found and is skipped.
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
        if (entriesServed == entryCount)
        {
            try
            {
                if (!readDocument())
                {
                    return false;
                }
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
        final int served = entriesServed++;
        parse(entryStarts[backward ? entryCount - 1 - served : served], entry);
        return true;
    }

    private boolean readDocument()
    {
        if (pastDamagedLength)
        {
            return false;
        }
        try (DocumentContext dc = tailer.readingDocument())
        {
            if (!dc.isPresent())
            {
                return false;
            }
            final Bytes<?> bytes = dc.wire().bytes();
            final long length = bytes.readRemaining();
            // Longer than any document written: read as empty, which stands for one truncated entry, and the last.
            pastDamagedLength = length > documentBytes.length;
            documentLength = pastDamagedLength ? 0 : (int)length;
            bytes.read(documentBytes, 0, documentLength);
            documentIndex = dc.index();
        }
        findEntries();
        return true;
    }

    /** Walks the document's length words; an empty document or a length that runs past its end is one truncated entry. */
    private void findEntries()
    {
        entryCount = 0;
        entriesServed = 0;
        int start = 0;
        do
        {
            entryStarts[entryCount++] = start;
            final int length = payloadLengthAt(start);
            if (length < 0)
            {
                return;
            }
            start += EntryHeader.LENGTH + length;
        }
        while (batched && start < documentLength);
    }

    /** The payload length of the entry at {@code start}, or -1 if that entry does not fit in the document. */
    private int payloadLengthAt(final int start)
    {
        final int remaining = documentLength - start;
        if (remaining < EntryHeader.LENGTH)
        {
            return -1;
        }
        final int length = document.getInt(start + EntryHeader.LENGTH_OFFSET, ByteOrder.LITTLE_ENDIAN);
        final boolean fits = length >= 0 && length <= EntryHeader.MAX_PAYLOAD_LENGTH && length <= remaining - EntryHeader.LENGTH;
        return fits ? length : -1;
    }

    private void parse(final int start, final JournalEntry entry)
    {
        if (documentLength - start < EntryHeader.LENGTH)
        {
            entry.set(documentIndex, 0, -1, -1, 0, 0, 0, true);
            return;
        }
        final int length = payloadLengthAt(start);
        final int readLength = Math.max(length, 0);
        if (readLength > 0)
        {
            document.getBytes(start + EntryHeader.LENGTH, entry.payloadArray(), 0, readLength);
        }
        entry.set(
            documentIndex,
            document.getLong(start + EntryHeader.TIME_NS_OFFSET, ByteOrder.LITTLE_ENDIAN),
            document.getLong(start + EntryHeader.SEQUENCE_OFFSET, ByteOrder.LITTLE_ENDIAN),
            document.getShort(start + EntryHeader.SOURCE_ID_OFFSET, ByteOrder.LITTLE_ENDIAN),
            document.getShort(start + EntryHeader.FORMAT_OFFSET, ByteOrder.LITTLE_ENDIAN),
            readLength,
            document.getInt(start + EntryHeader.CHECKSUM_OFFSET, ByteOrder.LITTLE_ENDIAN),
            length < 0);
    }

    @Override
    public void close()
    {
        tailer.close();
    }
}
