package io.qts.bench;

import io.qts.engine.InputSink;
import io.qts.engine.pipeline.OrderFeed;
import io.qts.engine.pipeline.OrderSender;
import io.qts.engine.venue.SimulatedExchange;
import io.qts.engine.venue.SimulatedVenue;
import io.qts.journal.JournalSync;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The ArrayBlockingQueue baseline: the same feed, venue and stage chain (journal included) as the engine
 * series, but each input is copied into a new object and handed over through an {@link ArrayBlockingQueue}
 * to {@link AbqPipeline}'s consumer thread, and orders come back through another one.
 */
final class AbqLatencyRun
{
    private static final int ORDERS_CAPACITY = 1024;

    /** What the ABQ series measured. */
    record Result(LatencyProbe probe, PacedFeed.Window window)
    {
    }

    private AbqLatencyRun()
    {
    }

    static Result run(final LatencySettings settings, final Path journalDir) throws InterruptedException
    {
        final LatencyProbe probe = new LatencyProbe();
        final BlockingQueue<AbqPipeline.QueuedInput> queue = new ArrayBlockingQueue<>(AbqPipeline.CAPACITY);
        final BlockingQueue<byte[]> ordersBack = new ArrayBlockingQueue<>(ORDERS_CAPACITY);
        final OrderSender sender = (buffer, offset, length) ->
        {
            final byte[] copy = new byte[length];
            buffer.getBytes(offset, copy);
            return ordersBack.offer(copy);
        };
        final AbqPipeline.Consumer consumer = new AbqPipeline.Consumer(settings.engineContext(probe), journalDir, JournalSync.NONE, queue, sender);
        final Thread thread = new Thread(consumer, "qts-abq-consumer");
        thread.start();
        consumer.ready.await();

        final InputSink toQueue = (timeNs, sourceId, format, buffer, offset, length) ->
        {
            final byte[] copy = new byte[length];
            buffer.getBytes(offset, copy);
            put(queue, new AbqPipeline.QueuedInput(timeNs, sourceId, copy));
        };
        final UnsafeBuffer view = new UnsafeBuffer(new byte[0]);
        final OrderFeed gateway = (orderConsumer) ->
        {
            for (byte[] order = ordersBack.poll(); order != null; order = ordersBack.poll())
            {
                view.wrap(order);
                orderConsumer.onOrder(view, 0, order.length);
            }
        };
        final SimulatedExchange exchange = new SimulatedExchange(new SimulatedVenue(0), gateway, toQueue);
        final PacedFeed.Window window = new PacedFeed().run(exchange, settings, probe.measuredFrom::set);
        queue.put(AbqPipeline.END);
        thread.join();
        if (consumer.failure != null)
        {
            throw new IllegalStateException("ABQ consumer failed: " + consumer.failure, consumer.failure);
        }
        return new Result(probe, window);
    }

    private static void put(final BlockingQueue<AbqPipeline.QueuedInput> queue, final AbqPipeline.QueuedInput input)
    {
        try
        {
            queue.put(input);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while feeding the ABQ baseline", ex);
        }
    }
}
