package io.qts.journal;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.bytes.BytesStore;
import net.openhft.chronicle.bytes.MappedBytesStore;
import net.openhft.chronicle.bytes.SyncMode;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.util.zip.CRC32C;

/**
 * Appends entries; allocates nothing per entry. Assigns each entry the next dense sequence number,
 * which downstream stages use as the identity of the input (client order ids derive from it). Entries go one per
 * Chronicle document, or several to a document between {@link #startBatch} and {@link #endBatch}.
 * <p>
 * Space on the disk is reserved ahead of the writer ({@link SpaceReservation}), so a full disk is reported here as
 * a {@link JournalException} naming the journal and the cause ({@code No space left on device}) rather than as a
 * fault on a mapped page (but for the first entry of a cycle file, which Chronicle writes before the reservation
 * knows of the file). After the first failure every append fails the same way and the journal is not closed
 * cleanly: the next start sees it ended by a crash and continues from the last complete entry.
 */
public final class JournalAppender implements AutoCloseable
{
    private final Journal journal;
    private final ExcerptAppender appender;
    private final JournalSync sync;
    private final long syncIntervalNs;
    private final SpaceReservation reservation;
    private final CRC32C crc = new CRC32C();
    /** The entry being written, laid out as in the journal: one copy into the mapped file instead of seven writes. */
    private final UnsafeBuffer entry = new UnsafeBuffer(new byte[EntryHeader.LENGTH + EntryHeader.MAX_PAYLOAD_LENGTH]);
    private final boolean batchable;
    private long nextSequence;
    private long nextSyncNs;
    private boolean inBatch;
    private DocumentContext batch;
    private int batchBytes;
    private long lastEnd;
    private BytesStore<?, ?> lastStore;

    JournalAppender(
        final Journal journal, final ExcerptAppender appender, final long nextSequence, final JournalSync sync,
        final SpaceReservation reservation)
    {
        this.journal = journal;
        this.appender = appender;
        this.nextSequence = nextSequence;
        this.sync = sync;
        this.syncIntervalNs = sync.never() ? Long.MAX_VALUE : sync.intervalMs() * 1_000_000L;
        this.reservation = reservation;
        this.batchable = journal.batched();
    }

    /**
     * Writes one entry and returns its sequence: in a document of its own, or in the open batch's document
     * ({@link #startBatch}). An append that throws wrote nothing (in a batch: nothing of the batch's current
     * document). When the space after a document cannot be reserved, its entries are complete and their appends (or
     * the {@link #endBatch}) return normally; the next append throws.
     *
     * @throws IllegalArgumentException if the payload is larger than {@link EntryHeader#MAX_PAYLOAD_LENGTH}.
     * @throws JournalException         if the journal cannot be written (disk full, I/O error, read-only file
     *                                  system), now or at an earlier append; the message names the journal and the
     *                                  cause.
     */
    public long append(
        final long timeNs, final int sourceId, final int format, final byte[] payload, final int offset, final int length)
    {
        if (length < 0 || length > EntryHeader.MAX_PAYLOAD_LENGTH)
        {
            throw new IllegalArgumentException("payload length out of range: " + length);
        }
        final long sequence = nextSequence;
        if (inBatch && batchable)
        {
            writeInBatch(timeNs, sequence, sourceId, format, payload, offset, length);
        }
        else
        {
            write(timeNs, sequence, sourceId, format, payload, offset, length);
        }
        nextSequence = sequence + 1;
        return sequence;
    }

    /**
     * Starts a batch: the entries appended until {@link #endBatch} share Chronicle documents (a new one every
     * {@link EntryHeader#MAX_DOCUMENT_BYTES}), which saves most of the per-document cost of an append (a document's
     * header, index entry and position checks: most of a one-entry append). A document is written whole or not
     * at all, so a batch torn by a crash loses its last document's entries together; the caller acts on none of them
     * before {@link #endBatch} returns. A journal continued in format 2 takes one entry per document still.
     *
     * @throws IllegalStateException if a batch is already started.
     */
    public void startBatch()
    {
        if (inBatch)
        {
            throw new IllegalStateException("a batch is already started");
        }
        inBatch = true;
    }

    /**
     * Completes the batch's last document, then syncs as the journal's sync setting asks (once per document: a group
     * commit, once per batch for small inputs). Does nothing when no batch is started.
     *
     * @throws JournalException if the document cannot be completed; its entries are then not in the journal.
     */
    public void endBatch()
    {
        inBatch = false;
        if (batch != null)
        {
            completeDocument();
        }
    }

    /** Writes a journal record that takes no sequence: it carries the sequence the next entry will get. */
    void appendControl(final long timeNs, final int format, final byte[] payload, final int length)
    {
        write(timeNs, nextSequence, Sources.JOURNAL, format, payload, 0, length);
    }

    private void write(
        final long timeNs, final long sequence, final int sourceId, final int format, final byte[] payload,
        final int offset, final int length)
    {
        journal.checkWritable();
        final int entryLength = EntryHeader.encode(crc, entry, timeNs, sequence, sourceId, format, payload, offset, length);
        try
        {
            try (DocumentContext dc = appender.writingDocument())
            {
                writeEntry(dc.wire().bytes(), entryLength);
            }
        }
        catch (final RuntimeException | InternalError ex)
        {
            // InternalError is how the JVM reports a fault on a mapped page (SIGBUS): the disk filled under the mapping.
            throw journal.failed(ex);
        }
        afterDocument();
    }

    private void writeInBatch(
        final long timeNs, final long sequence, final int sourceId, final int format, final byte[] payload,
        final int offset, final int length)
    {
        journal.checkWritable();
        final int entryLength = EntryHeader.encode(crc, entry, timeNs, sequence, sourceId, format, payload, offset, length);
        if (batch != null && batchBytes + entryLength > EntryHeader.MAX_DOCUMENT_BYTES)
        {
            completeDocument();
            journal.checkWritable();
        }
        try
        {
            if (batch == null)
            {
                batch = appender.writingDocument();
                batchBytes = 0;
            }
            writeEntry(batch.wire().bytes(), entryLength);
            batchBytes += entryLength;
        }
        catch (final RuntimeException | InternalError ex)
        {
            abandonDocument();
            throw journal.failed(ex);
        }
    }

    private void writeEntry(final Bytes<?> bytes, final int entryLength)
    {
        bytes.write(entry.byteArray(), 0, entryLength);
        lastEnd = bytes.writePosition();
        lastStore = bytes.bytesStore();
    }

    private void completeDocument()
    {
        final DocumentContext dc = batch;
        batch = null;
        try
        {
            dc.close();
        }
        catch (final RuntimeException | InternalError ex)
        {
            throw journal.failed(ex);
        }
        afterDocument();
    }

    /** Drops the batch's open document after a failed write: none of its entries stays. */
    private void abandonDocument()
    {
        final DocumentContext dc = batch;
        batch = null;
        if (dc != null)
        {
            try
            {
                dc.rollbackOnClose();
                dc.close();
            }
            catch (final RuntimeException | InternalError ignored)
            {
                // The journal has failed already: the write that threw is the one reported.
            }
        }
    }

    private void afterDocument()
    {
        try
        {
            reservation.ensure(appender, lastEnd, lastStore);
        }
        catch (final IOException ex)
        {
            // The entry is complete and stays: the failure stops the next append, before it writes anything.
            journal.failed(ex);
        }
        if (syncIntervalNs != Long.MAX_VALUE)
        {
            syncIfDue();
        }
    }

    private void syncIfDue()
    {
        if (syncIntervalNs == 0)
        {
            syncNow();
            return;
        }
        final long nowNs = System.nanoTime();
        if (nowNs - nextSyncNs >= 0)
        {
            syncNow();
            nextSyncNs = nowNs + syncIntervalNs;
        }
    }

    private void syncNow()
    {
        if (lastStore instanceof MappedBytesStore)
        {
            ((MappedBytesStore)lastStore).syncUpTo(lastEnd, SyncMode.SYNC);
        }
    }

    /** Chronicle index of the document completed last (in an open batch, not the one being written). */
    public long lastIndex()
    {
        return appender.lastIndexAppended();
    }

    /** The sequence the next {@link #append} assigns. */
    public long nextSequence()
    {
        return nextSequence;
    }

    /** The journal's sync setting, as configured. */
    public JournalSync sync()
    {
        return sync;
    }

    /**
     * Completes a batch left open, forces what was written to the disk when a sync setting asks for it, then releases
     * the appender.
     */
    @Override
    public void close()
    {
        try
        {
            endBatch();
            if (!sync.never() && !journal.hasFailed())
            {
                syncNow();
            }
        }
        finally
        {
            reservation.close();
            appender.close();
            journal.appenderClosed();
        }
    }
}
