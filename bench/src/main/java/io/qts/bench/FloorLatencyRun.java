package io.qts.bench;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import io.qts.engine.InputSink;
import io.qts.engine.pipeline.InboundSlot;
import io.qts.engine.pipeline.WaitStrategies;
import io.qts.journal.Sources;
import org.HdrHistogram.Histogram;

import java.util.concurrent.TimeUnit;

/**
 * The floor: the same feed into a Disruptor ring of the engine's slots, ring size and wait strategy,
 * whose one consumer does nothing but note when each trade reached it. No stage can beat this hand-off.
 */
final class FloorLatencyRun
{
    /** What the floor series measured: planned send time to the consumer, for every trade. */
    record Result(Histogram histogram, PacedFeed.Window window)
    {
    }

    private FloorLatencyRun()
    {
    }

    static Result run(final LatencySettings settings) throws com.lmax.disruptor.TimeoutException
    {
        final Histogram histogram = LatencyProbe.newHistogram();
        final MeasuredFrom measuredFrom = new MeasuredFrom();
        final Disruptor<InboundSlot> disruptor = new Disruptor<>(
            InboundSlot::new, settings.ringSize(), (runnable) -> new Thread(runnable, "qts-floor"),
            ProducerType.SINGLE, WaitStrategies.create(settings.waitStrategy()));
        final EventHandler<InboundSlot> noOp = (slot, sequence, endOfBatch) ->
        {
            if (slot.sourceId() == Sources.MARKET_DATA && measuredFrom.includes(slot.timeNs()))
            {
                LatencyProbe.record(histogram, System.nanoTime() - slot.timeNs());
            }
        };
        disruptor.handleEventsWith(noOp);
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
        return new Result(histogram, window);
    }
}
