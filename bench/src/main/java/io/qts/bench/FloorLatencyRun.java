package io.qts.bench;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import io.qts.engine.InputSink;
import io.qts.engine.pipeline.InboundSlot;
import io.qts.engine.pipeline.WaitStrategies;
import io.qts.journal.EntryHeader;
import io.qts.journal.Journal;
import io.qts.journal.JournalAppender;
import io.qts.journal.JournalKind;
import io.qts.journal.JournalSync;
import io.qts.journal.Sources;
import org.HdrHistogram.Histogram;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The floors: the same feed into a Disruptor ring of the engine's slots, ring size and wait strategy, with one
 * consumer that does nothing but note when each trade reached it (no stage can beat this hand-off), or one that only
 * appends each input to a journal on disk and notes when the append returned (what the journal alone costs, so the
 * engine's tail can be told apart from the journal's).
 */
final class FloorLatencyRun
{
    /**
     * What a floor series measured: planned send time to the consumer (or to the end of its append), every trade; and
     * for the journal floor, the time each append itself took (its service time, without waiting in the ring), else
     * null.
     */
    record Result(Histogram histogram, PacedFeed.Window window, Histogram appendHistogram)
    {
    }

    private FloorLatencyRun()
    {
    }

    /** The no-op consumer. */
    static Result run(final LatencySettings settings) throws Exception
    {
        final Histogram histogram = LatencyProbe.newHistogram();
        final MeasuredFrom measuredFrom = new MeasuredFrom();
        final EventHandler<InboundSlot> noOp = (slot, sequence, endOfBatch) ->
        {
            if (slot.sourceId() == Sources.MARKET_DATA && measuredFrom.includes(slot.timeNs()))
            {
                LatencyProbe.record(histogram, System.nanoTime() - slot.timeNs());
            }
        };
        return new Result(histogram, run(settings, noOp, "qts-floor", measuredFrom), null);
    }

    /** The consumer that appends every input to a journal in {@code journalDir}, as the journal stage does. */
    static Result runJournal(final LatencySettings settings, final Path journalDir) throws Exception
    {
        final Histogram histogram = LatencyProbe.newHistogram();
        final MeasuredFrom measuredFrom = new MeasuredFrom();
        try (Journal journal = Journal.openForAppend(journalDir, JournalKind.IN, JournalSync.NONE))
        {
            final Histogram appendHistogram = LatencyProbe.newHistogram();
            final JournalOnly consumer = new JournalOnly(journal, histogram, appendHistogram, measuredFrom);
            return new Result(histogram, run(settings, consumer, "qts-floor-journal", measuredFrom), appendHistogram);
        }
    }

    private static PacedFeed.Window run(
        final LatencySettings settings, final EventHandler<InboundSlot> consumer, final String threadName,
        final MeasuredFrom measuredFrom) throws Exception
    {
        final Thread[] consumerThread = new Thread[1];
        final Disruptor<InboundSlot> disruptor = new Disruptor<>(
            InboundSlot::new, settings.ringSize(), (runnable) -> consumerThread[0] = new Thread(runnable, threadName),
            ProducerType.SINGLE, WaitStrategies.create(settings.waitStrategy()));
        disruptor.handleEventsWith(consumer);
        final RingBuffer<InboundSlot> ring = disruptor.getRingBuffer();
        disruptor.start();
        final InputSink publisher = (timeNs, sourceId, format, buffer, offset, length) ->
        {
            final long sequence = ring.next();
            try
            {
                ring.get(sequence).set(timeNs, sourceId, format, buffer, offset, length);
            }
            finally
            {
                ring.publish(sequence);
            }
        };
        final PacedFeed.Window window = new PacedFeed().run(publisher, settings, measuredFrom::set);
        disruptor.shutdown(60, TimeUnit.SECONDS);
        // shutdown() halts the consumer but does not wait for it: its onShutdown closes the journal's appender, which
        // must be done before the caller closes the journal.
        consumerThread[0].join();
        return window;
    }

    /** Appends each input; the appender is opened and closed on the consumer thread, which Chronicle requires. */
    private static final class JournalOnly implements EventHandler<InboundSlot>
    {
        private final Journal journal;
        private final Histogram histogram;
        private final Histogram appendHistogram;
        private final MeasuredFrom measuredFrom;
        private JournalAppender appender;

        JournalOnly(
            final Journal journal, final Histogram histogram, final Histogram appendHistogram, final MeasuredFrom measuredFrom)
        {
            this.journal = journal;
            this.histogram = histogram;
            this.appendHistogram = appendHistogram;
            this.measuredFrom = measuredFrom;
        }

        @Override
        public void onStart()
        {
            appender = journal.appender();
        }

        @Override
        public void onEvent(final InboundSlot slot, final long sequence, final boolean endOfBatch)
        {
            final long startNs = System.nanoTime();
            appender.append(slot.timeNs(), slot.sourceId(), EntryHeader.FORMAT_SBE, slot.input().byteArray(), 0,
                slot.inputLength());
            final long endNs = System.nanoTime();
            if (slot.sourceId() == Sources.MARKET_DATA && measuredFrom.includes(slot.timeNs()))
            {
                LatencyProbe.record(histogram, endNs - slot.timeNs());
                LatencyProbe.record(appendHistogram, endNs - startNs);
            }
        }

        @Override
        public void onShutdown()
        {
            appender.close();
        }
    }
}
