package io.qts.engine;

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
 * once warmed up, with {@code ThreadMXBean#getThreadAllocatedBytes}: 0 bytes per event.
 * <p>
 * Under C2 a million events still show a few hundred bytes to a few KB at rare, irregular moments;
 * JFR places them in Chronicle's appender, and interpreted (-Xint) and C1-only runs show none at
 * all. That is why the assertion is per event, to two decimals, and the total is printed.
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
        assertEquals(0, Math.round(bytesPerEvent * 100), what + ": bytes per event to two decimals (" + allocated + " bytes in all)");
    }
}
