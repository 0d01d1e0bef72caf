package io.qts.bench.jmh;

import com.lmax.disruptor.BatchEventProcessor;
import com.lmax.disruptor.BatchEventProcessorBuilder;
import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.YieldingWaitStrategy;
import io.qts.engine.pipeline.InboundSlot;
import io.qts.journal.EntryHeader;
import io.qts.journal.Sources;
import io.qts.journal.sbe.MessageHeaderEncoder;
import io.qts.journal.sbe.TradeTickEncoder;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.util.concurrent.TimeUnit;

/**
 * One producer (the benchmark thread), one consumer thread, the engine's slot type and its default
 * wait strategy (yielding): each operation claims a slot, copies a TradeTick into it, publishes, and
 * waits until the consumer has taken it. So the score is the publish-to-consume round trip, the
 * hand-off the live pipeline pays per input; two threads in all.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class OneToOneRingPublishConsumeBenchmark
{
    private static final int RING_SIZE = 4096;
    private static final int LENGTH = MessageHeaderEncoder.ENCODED_LENGTH + TradeTickEncoder.BLOCK_LENGTH;

    private final UnsafeBuffer payload = Codecs.tradeTick();
    private RingBuffer<InboundSlot> ring;
    private BatchEventProcessor<InboundSlot> consumer;
    private Sequence consumed;
    private Thread consumerThread;
    private long timeNs = Codecs.START_NS;

    @Setup(Level.Trial)
    public void start()
    {
        ring = RingBuffer.createSingleProducer(InboundSlot::new, RING_SIZE, new YieldingWaitStrategy());
        // The consumer does nothing with the slot: what is measured is the hand-off itself.
        final EventHandler<InboundSlot> handler = (slot, sequence, endOfBatch) ->
        {
        };
        consumer = new BatchEventProcessorBuilder().build(ring, ring.newBarrier(), handler);
        consumed = consumer.getSequence();
        ring.addGatingSequences(consumed);
        consumerThread = new Thread(consumer, "qts-jmh-ring-consumer");
        consumerThread.setDaemon(true);
        consumerThread.start();
    }

    @Benchmark
    public long publishAndAwaitConsumed()
    {
        final long sequence = ring.next();
        try
        {
            ring.get(sequence).set(++timeNs, Sources.MARKET_DATA, EntryHeader.FORMAT_SBE, payload, 0, LENGTH);
        }
        finally
        {
            ring.publish(sequence);
        }
        while (consumed.get() < sequence)
        {
            Thread.onSpinWait();
        }
        return sequence;
    }

    @TearDown(Level.Trial)
    public void stop() throws InterruptedException
    {
        consumer.halt();
        consumerThread.join(10_000);
    }
}
