package io.qts.bench;

import io.qts.engine.EngineContext;
import io.qts.engine.EngineResult;
import io.qts.engine.InlineEngine;
import io.qts.engine.OutputListener;
import io.qts.engine.pipeline.OrderSender;
import io.qts.journal.EntryHeader;
import io.qts.journal.Journal;
import io.qts.journal.JournalKind;
import io.qts.journal.JournalSync;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;

/**
 * Run 3, the naive baseline: the producer copies each input into a new object and puts it on an
 * {@link ArrayBlockingQueue}; one consumer thread takes them and runs the same stage chain inline,
 * journal included. Timed from the first put until the consumer has closed its engine.
 */
final class AbqPipeline
{
    static final int CAPACITY = 65_536;

    static final QueuedInput END = new QueuedInput(0, 0, new byte[0]);

    private AbqPipeline()
    {
    }

    static Measurement run(
        final EngineContext context, final EncodedInputs inputs, final int count, final Path journalDir, final JournalSync sync)
        throws InterruptedException
    {
        final BlockingQueue<QueuedInput> queue = new ArrayBlockingQueue<>(CAPACITY);
        final OrderCount orders = new OrderCount();
        final Consumer consumer = new Consumer(context, journalDir, sync, queue, orders);
        final Thread thread = new Thread(consumer, "qts-abq-consumer");
        thread.start();
        consumer.ready.await();
        final byte[] bytes = inputs.bytes();
        final long start = System.nanoTime();
        for (int i = 0; i < count; i++)
        {
            final int offset = inputs.offset(i);
            queue.put(new QueuedInput(inputs.timeNs(i), inputs.sourceId(i), Arrays.copyOfRange(bytes, offset, offset + inputs.length(i))));
        }
        queue.put(END);
        thread.join();
        final long end = System.nanoTime();
        if (consumer.failure != null)
        {
            throw new IllegalStateException("ABQ consumer failed: " + consumer.failure, consumer.failure);
        }
        return new Measurement(count, end - start, consumer.result, orders.orders());
    }

    /** One input as the naive producer hands it over: a fresh copy of its bytes. */
    static final class QueuedInput
    {
        final long timeNs;
        final int sourceId;
        final byte[] payload;

        QueuedInput(final long timeNs, final int sourceId, final byte[] payload)
        {
            this.timeNs = timeNs;
            this.sourceId = sourceId;
            this.payload = payload;
        }
    }

    /** Opens, feeds and closes its journal and engine on its own thread, as both require. */
    static final class Consumer implements Runnable
    {
        final CountDownLatch ready = new CountDownLatch(1);
        private final OrderSender orders;
        private final EngineContext context;
        private final Path journalDir;
        private final JournalSync sync;
        private final BlockingQueue<QueuedInput> queue;
        volatile EngineResult result;
        volatile Throwable failure;

        Consumer(
            final EngineContext context, final Path journalDir, final JournalSync sync, final BlockingQueue<QueuedInput> queue,
            final OrderSender orders)
        {
            this.context = context;
            this.journalDir = journalDir;
            this.sync = sync;
            this.queue = queue;
            this.orders = orders;
        }

        @Override
        public void run()
        {
            try (Journal journal = Journal.openForAppend(journalDir, JournalKind.IN, sync))
            {
                final InlineEngine engine = new InlineEngine(context, journal, orders, OutputListener.NONE);
                try
                {
                    ready.countDown();
                    final UnsafeBuffer view = new UnsafeBuffer(new byte[0]);
                    for (QueuedInput input = queue.take(); input != END; input = queue.take())
                    {
                        view.wrap(input.payload);
                        engine.accept(input.timeNs, input.sourceId, EntryHeader.FORMAT_SBE, view, 0, input.payload.length);
                    }
                }
                finally
                {
                    engine.close();
                }
                result = engine.result();
            }
            catch (final Throwable ex)
            {
                failure = ex;
                ready.countDown();
                drainUntilEnd();
            }
        }

        /** Keeps the producer from blocking forever on a full queue after a failure. */
        private void drainUntilEnd()
        {
            try
            {
                while (queue.take() != END)
                {
                    // discard
                }
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
            }
        }
    }
}
