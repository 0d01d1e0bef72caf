package io.qts.engine.pipeline;

import com.lmax.disruptor.RingBuffer;
import io.qts.journal.Journal;
import io.qts.journal.JournalAppender;

/**
 * Write-ahead: appends each input as received before any other stage sees it, and gives the slot its
 * journal sequence. The appender is opened on the engine thread, which is the only one to use it.
 * <p>
 * Live, the stage writes ahead in batches (smart batching, as the LMAX journaller does): at the first input
 * of a ring batch it journals that input and up to {@link #MAX_AHEAD} - 1 published inputs after it as one
 * journal batch ({@link JournalAppender#startBatch}), which costs a fraction per input of one append each
 * (docs/performance.md), then lets the other stages act on them. Nothing is acted on before it is journaled: a crash
 * loses at most the document being written, none of whose inputs risk or execution has seen (in the chain
 * topology, no stage). When the engine keeps up, batches are one input long and nothing waits for a later input.
 */
final class JournalStage
{
    /**
     * At most this many inputs are journaled before the first of them is acted on: 64 takes nearly all of the
     * gain measured (docs/performance.md: 58-61 ns per entry at 64 to a document, 65-90 at 16, 174-397 alone)
     * while a burst's first input waits for at most 64 appends (64 x ~60 ns, ~4 µs, from those figures) rather
     * than for the whole backlog.
     */
    static final int MAX_AHEAD = 64;
    private static final long UNKNOWN = Long.MIN_VALUE;

    private final Journal journal;
    private final Counters counters;
    private JournalAppender appender;
    private RingBuffer<InboundSlot> ring;
    private long batchSize;
    private long batchEnd = UNKNOWN;
    private long journaledTo = -1;

    JournalStage(final Journal journal, final Counters counters)
    {
        this.journal = journal;
        this.counters = counters;
    }

    /** Lets the stage read the inputs after the current one on {@code ring} (the live pipeline's inbound ring). */
    void readAheadOn(final RingBuffer<InboundSlot> ring)
    {
        this.ring = ring;
    }

    void open()
    {
        appender = journal.appender();
    }

    /** The ring's next batch holds {@code size} inputs, the one at the next {@link #onEvent} first. */
    void onBatchStart(final long size)
    {
        batchSize = size;
        batchEnd = UNKNOWN;
    }

    /**
     * Makes sure the input at ring {@code sequence} is journaled: if it is not yet, journals it and the published
     * inputs after it in its batch, {@link #MAX_AHEAD} at most, and reports each to the probe. Without a ring
     * (an inline driver), or with a negative {@code sequence} (an input not from the ring), journals {@code slot} alone.
     */
    void onEvent(final InboundSlot slot, final long sequence, final StageProbe probe)
    {
        if (ring == null || sequence < 0)
        {
            append(slot);
            probe.afterStage(StageProbe.JOURNAL, slot);
            return;
        }
        if (batchEnd == UNKNOWN)
        {
            // Taken at the batch's first input, whether or not it is journaled already.
            batchEnd = sequence + batchSize - 1;
        }
        if (sequence <= journaledTo)
        {
            return;
        }
        final long last = Math.min(Math.max(batchEnd, sequence), sequence + MAX_AHEAD - 1);
        appender.startBatch();
        try
        {
            for (long s = sequence; s <= last; s++)
            {
                append(ring.get(s));
            }
        }
        finally
        {
            appender.endBatch();
        }
        journaledTo = last;
        for (long s = sequence; s <= last; s++)
        {
            probe.afterStage(StageProbe.JOURNAL, ring.get(s));
        }
    }

    private void append(final InboundSlot slot)
    {
        slot.sequence = appender.append(slot.timeNs, slot.sourceId, slot.format, slot.raw, 0, slot.length);
        counters.journalEntries++;
        counters.journalBytes += slot.length;
    }

    /** The ring sequence up to which inputs are journaled (-1 before the first). */
    long journaledTo()
    {
        return journaledTo;
    }

    void close()
    {
        if (appender != null)
        {
            appender.close();
        }
    }
}
