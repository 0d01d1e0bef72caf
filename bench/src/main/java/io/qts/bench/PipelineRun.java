package io.qts.bench;

import io.qts.engine.EngineResult;
import io.qts.engine.InputSink;
import io.qts.engine.LivePipeline;
import io.qts.engine.OutputListener;
import io.qts.journal.EntryHeader;
import io.qts.journal.Journal;
import io.qts.journal.JournalKind;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.file.Path;
import java.util.Set;

/**
 * Run 1, the live pipeline: journal on disk, this thread publishes every input as fast as the ring
 * takes it and drains the outbound ring as the gateway would; timed from the first publish to
 * {@code stop()} returning. Also reads what the engine threads allocate over the last 90% of inputs
 * (waiting once, at 10%, for the engine to catch up: the start of the measured part is then exact).
 */
final class PipelineRun
{
    /** Drain the outbound ring every 1024 publishes: far more often than its 1024 slots fill up. */
    private static final int POLL_MASK = 1023;

    private long allocatedBytes = -1;
    private long allocationEvents;

    Measurement run(
        final ThroughputSettings settings, final String topology, final EncodedInputs inputs, final int count, final Path journalDir)
    {
        final OrderCount orders = new OrderCount();
        final boolean measureAllocation = EngineThread.allocationMeasurable();
        final int allocationFrom = count / 10;
        final UnsafeBuffer buffer = inputs.buffer();
        final long start;
        final long end;
        final EngineResult result;
        try (Journal journal = Journal.openForAppend(journalDir, JournalKind.IN, settings.journalSync());
            LivePipeline pipeline = new LivePipeline(settings.engineContext(topology), journal, OutputListener.NONE))
        {
            final Set<Long> before = EngineThread.alive();
            pipeline.start();
            final long[] engineThreads = measureAllocation ? EngineThread.startedSince(before) : null;
            final InputSink input = pipeline.input();
            long bytesBefore = 0;
            long processedBefore = 0;
            start = System.nanoTime();
            for (int i = 0; i < count; i++)
            {
                input.accept(inputs.timeNs(i), inputs.sourceId(i), EntryHeader.FORMAT_SBE, buffer, inputs.offset(i), inputs.length(i));
                if ((i & POLL_MASK) == POLL_MASK)
                {
                    pipeline.pollOrders(orders);
                }
                if (i == allocationFrom && measureAllocation)
                {
                    // Once: let the engine finish the first inputs, so its start-up is not counted.
                    pipeline.awaitIdle();
                    bytesBefore = EngineThread.allocatedBytes(engineThreads);
                    processedBefore = pipeline.processed();
                }
            }
            if (measureAllocation)
            {
                // Read before stop(): the thread's counter is gone once it has ended.
                pipeline.awaitIdle();
                allocatedBytes = EngineThread.allocatedBytes(engineThreads) - bytesBefore;
                allocationEvents = pipeline.processed() - processedBefore;
            }
            result = pipeline.stop();
            end = System.nanoTime();
            pipeline.pollOrders(orders);
        }
        return new Measurement(count, end - start, result, orders.orders());
    }

    /** Bytes the engine threads allocated over the measured part, or -1 if the JVM cannot tell. */
    long allocatedBytes()
    {
        return allocatedBytes;
    }

    /** Inputs the engine finished over the measured part. */
    long allocationEvents()
    {
        return allocationEvents;
    }
}
