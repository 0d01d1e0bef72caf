package io.qts.engine;

import io.qts.engine.pipeline.EngineCore;
import io.qts.engine.pipeline.InboundSlot;
import io.qts.engine.pipeline.QueuedOrders;
import io.qts.engine.venue.SimulatedExchange;
import io.qts.engine.venue.SimulatedVenue;
import io.qts.journal.Journal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Pushes binary trades through the engine (journal on disk, decode, sma-cross, risk, execution,
 * orders out and fills back from the simulated venue) and measures what the engine thread allocates
 * once warmed up, with {@code ThreadMXBean#getThreadAllocatedBytes}: less than 0.01 bytes per event.
 * <p>
 * Nothing in the chain allocates per event (one small object per event would be 16 bytes or more).
 * What a million events do show, 0 to about 8 KB in all, comes from Chronicle Queue: a few KB each time
 * the appender maps the next block of the journal file, and a few hundred bytes at rare moments under
 * C2 that interpreted (-Xint) and C1-only runs do not show. The total is printed with each run.
 */
class HotPathAllocationTest
{
    private static final long WARM_UP_EVENTS = 300_000;
    private static final long MEASURED_EVENTS = 1_000_000;

    private final com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();

    @TempDir
    Path dir;

    /** The stage chain itself, run inline on this thread and measured around each call. */
    @Test
    void theStageChainAllocatesNothingPerEvent()
    {
        try (Journal journal = Journal.openForAppend(dir))
        {
            final QueuedOrders orders = new QueuedOrders();
            final EngineCore core = new EngineCore(LivePipelineTest.context(), journal, orders, OutputListener.NONE);
            core.chain.onStart();
            final InboundSlot slot = new InboundSlot();
            final long thread = Thread.currentThread().getId();
            final long[] chainBytes = new long[1];
            final InputSink engine = (timeNs, source, format, buffer, offset, length) ->
            {
                slot.set(timeNs, source, format, buffer, offset, length);
                final long before = threads.getThreadAllocatedBytes(thread);
                core.chain.process(slot);
                chainBytes[0] += threads.getThreadAllocatedBytes(thread) - before;
            };
            final SimulatedExchange exchange = new SimulatedExchange(new SimulatedVenue(50_000L), orders, engine);
            final TestEvents events = new TestEvents(exchange);
            events.instrument("TEST", 2, 8);
            long i = 0;
            for (; i < WARM_UP_EVENTS; i++)
            {
                events.trade(i, LivePipelineTest.price(i), 100_000_000L);
            }
            final long ordersBefore = core.counters.orders;
            chainBytes[0] = 0;
            for (; i < WARM_UP_EVENTS + MEASURED_EVENTS; i++)
            {
                events.trade(i, LivePipelineTest.price(i), 100_000_000L);
            }
            final long allocated = chainBytes[0];
            core.chain.onShutdown();
            assertTrue(core.counters.orders - ordersBefore > 5_000, "orders and fills are part of the measured path");
            assertZeroPerEvent("stage chain", allocated);
        }
    }

    /** The live engine thread (Disruptor consumer), measured from outside. */
    @Test
    void theLiveEngineThreadAllocatesZeroBytesPerEventInSteadyState()
    {
        assertTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled());
        final long allocated;
        final EngineResult result;
        try (Journal journal = Journal.openForAppend(dir);
            LivePipeline pipeline = new LivePipeline(LivePipelineTest.context(), journal, OutputListener.NONE))
        {
            pipeline.start();
            final SimulatedExchange exchange = new SimulatedExchange(new SimulatedVenue(50_000L), pipeline.orders(), pipeline.input());
            final TestEvents events = new TestEvents(exchange);
            events.instrument("TEST", 2, 8);
            long i = 0;
            for (; i < WARM_UP_EVENTS; i++)
            {
                events.trade(i, LivePipelineTest.price(i), 100_000_000L);
            }
            pipeline.awaitIdle();
            final long engineThread = pipeline.consumerThreadId();
            final long before = threads.getThreadAllocatedBytes(engineThread);
            assertTrue(before > 0, "the engine thread must be measurable");
            for (; i < WARM_UP_EVENTS + MEASURED_EVENTS; i++)
            {
                events.trade(i, LivePipelineTest.price(i), 100_000_000L);
            }
            pipeline.awaitIdle();
            allocated = threads.getThreadAllocatedBytes(engineThread) - before;
            exchange.finish();
            result = pipeline.stop();
        }
        assertTrue(result.orders() > 5_000, "orders and fills must be part of the measured path: " + result.orders());
        assertZeroPerEvent("live engine thread", allocated);
    }

    private static void assertZeroPerEvent(final String what, final long allocated)
    {
        final double bytesPerEvent = (double)allocated / MEASURED_EVENTS;
        System.out.printf("%s: %d bytes over %d events = %.4f bytes/event%n", what, allocated, MEASURED_EVENTS, bytesPerEvent);
        assertTrue(bytesPerEvent < 0.01, what + ": " + bytesPerEvent + " bytes per event (" + allocated + " bytes in all)");
    }
}
