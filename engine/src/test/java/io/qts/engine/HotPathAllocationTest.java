package io.qts.engine;

import io.qts.engine.pipeline.EngineCore;
import io.qts.engine.pipeline.InboundSlot;
import io.qts.engine.pipeline.QueuedOrders;
import io.qts.engine.venue.SimulatedExchange;
import io.qts.engine.venue.SimulatedVenue;
import io.qts.engine.strategy.Strategy;
import io.qts.engine.strategy.StrategyContext;
import io.qts.engine.strategy.StrategyFactory;
import io.qts.engine.strategy.StrategyParameter;
import io.qts.engine.strategy.StrategyParams;
import io.qts.journal.Journal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Pushes binary trades through the engine (journal on disk, decode, sma-cross, risk, execution,
 * orders out and fills back from the simulated venue) and measures what the engine thread allocates
 * once warmed up, with {@code ThreadMXBean#getThreadAllocatedBytes}, in slices of the run (the live
 * thread) or around each event (the chain inline): nothing per event, so all but a few slices or events
 * allocate nothing at all.
 * <p>
 * Why slices and not a total per event: what a million events do allocate, 0 to about 8 KB in all,
 * comes from Chronicle Queue, a few KB each time the appender maps the next 64 MB block of the journal
 * file (about every 600,000 entries) and a few hundred bytes at rare moments under C2 that interpreted
 * (-Xint) and C1-only runs do not show. Those few KB put a total near 0.007 bytes per event whatever
 * the engine does, and a busy machine pushed it over a 0.01 bound. An allocation per event (16 bytes
 * or more), or per order (about one event in 50), shows in every slice instead. Each run prints the
 * slices that allocated and how much.
 */
class HotPathAllocationTest
{
    private static final long WARM_UP_EVENTS = 300_000;
    private static final long MEASURED_EVENTS = 1_000_000;
    /** Events per slice of the measured run: 100 slices. */
    private static final long SLICE_EVENTS = 10_000;
    /**
     * Slices allowed to allocate anything: the journal blocks mapped in the measured run (two or three) and the JIT's
     * rare moments: two to four slices in three runs on the shared 2-core machine at a load average near 12. An allocation per event or
     * per order would show in all 100.
     */
    private static final int ALLOCATING_SLICES_ALLOWED = 10;
    /** Single events of the inline chain allowed to allocate: as for slices; a per-order allocation would be ~19,000. */
    private static final int ALLOCATING_EVENTS_ALLOWED = 20;
    /**
     * The most all of it may add up to: a few KB for each journal block mapped, 8 KB measured at most; 100 KB would be a
     * dozen blocks' worth, a one-off allocation on the hot path rather than Chronicle's mapping.
     */
    private static final long TOTAL_BYTES_ALLOWED = 100_000;

    private final com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();

    @TempDir
    Path dir;

    /** The stage chain itself, run inline on this thread and measured around each call. */
    @Test
    void theStageChainAllocatesNothingPerEvent()
    {
        measureStageChain(LivePipelineTest.context());
    }

    /** The same with a strategy that places, replaces and cancels limit orders (and sells with limit orders). */
    @Test
    void theStageChainAllocatesNothingPerEventWithLimitOrders()
    {
        final long[] calls = new long[3];
        Strategies.useLoaded(List.of(new LimitCycle(calls)), "the test");
        try
        {
            measureStageChain(limitContext());
        }
        finally
        {
            Strategies.useLoaded(List.of(), "");
        }
        assertTrue(calls[0] > 5_000 && calls[1] > 5_000 && calls[2] > 1_000,
            "limit orders placed, replaced and cancelled in the measured path: " + java.util.Arrays.toString(calls));
    }

    /** The live engine thread with the limit-order strategy. */
    @Test
    void theLiveEngineThreadAllocatesZeroBytesPerEventWithLimitOrders()
    {
        final long[] calls = new long[3];
        Strategies.useLoaded(List.of(new LimitCycle(calls)), "the test");
        try
        {
            measureLiveThread(limitContext());
        }
        finally
        {
            Strategies.useLoaded(List.of(), "");
        }
        assertTrue(calls[0] > 5_000 && calls[1] > 5_000 && calls[2] > 1_000,
            "limit orders placed, replaced and cancelled in the measured path: " + java.util.Arrays.toString(calls));
    }

    private static EngineContext limitContext()
    {
        return new EngineContext()
            .symbol("TEST")
            .strategy("limit-cycle", Map.of())
            .orderQty(LivePipelineTest.QTY)
            .initialCash(1_000_000 * LivePipelineTest.MONEY)
            .commissionRate(50_000L)
            .priceTicks(PriceTicks.of("0", "0.05"))
            .ringSize(1024)
            .conclude();
    }

    /**
     * Flat: bids 0.15 under the price; bid resting: moves it under the price every 5th trade, cancels it every 23rd;
     * long: offers 0.15 over the price, moved every 5th trade. calls counts the accepted place, replace and cancel calls.
     */
    private static final class LimitCycle implements StrategyFactory
    {
        private final long[] calls;

        LimitCycle(final long[] calls)
        {
            this.calls = calls;
        }

        @Override
        public String name()
        {
            return "limit-cycle";
        }

        @Override
        public String description()
        {
            return "places, replaces and cancels limit orders";
        }

        @Override
        public List<StrategyParameter> parameters()
        {
            return List.of();
        }

        @Override
        public Strategy create(final StrategyParams params, final StrategyContext c)
        {
            return new Strategy()
            {
                private long n;

                @Override
                public void onTrade(final long timeNs, final long price, final long qty)
                {
                    n++;
                    final boolean flat = c.position() == 0;
                    if (c.openOrders() == 0)
                    {
                        count(0, flat ? c.buyLimit(c.entryQty(), c.roundPriceDown(price - 15), StrategyContext.GTC)
                            : c.sellLimit(c.position(), c.roundPriceUp(price + 15), StrategyContext.GTC));
                    }
                    else if (n % 23 == 0 && flat)
                    {
                        count(2, c.cancel());
                    }
                    else if (n % 5 == 0)
                    {
                        count(1, flat ? c.replace(c.entryQty(), c.roundPriceDown(price - 15)) : c.replace(c.position(), c.roundPriceUp(price + 15)));
                    }
                }

                private void count(final int call, final boolean accepted)
                {
                    if (accepted)
                    {
                        calls[call]++;
                    }
                }
            };
        }
    }

    private void measureStageChain(final EngineContext context)
    {
        try (Journal journal = Journal.openForAppend(dir))
        {
            final QueuedOrders orders = new QueuedOrders();
            final EngineCore core = new EngineCore(context, journal, orders, OutputListener.NONE);
            core.chain.onStart();
            final InboundSlot slot = new InboundSlot();
            final long thread = Thread.currentThread().getId();
            final long[] chainBytes = new long[1];
            final StringBuilder allocating = new StringBuilder();
            final int[] allocatingEvents = new int[1];
            final boolean[] measuring = new boolean[1];
            final InputSink engine = (timeNs, source, format, buffer, offset, length) ->
            {
                slot.set(timeNs, source, format, buffer, offset, length);
                final long before = threads.getThreadAllocatedBytes(thread);
                core.chain.process(slot);
                final long bytes = threads.getThreadAllocatedBytes(thread) - before;
                if (measuring[0] && bytes > 0)
                {
                    chainBytes[0] += bytes;
                    allocatingEvents[0]++;
                    allocating.append(' ').append(timeNs).append(':').append(bytes);
                }
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
            measuring[0] = true;
            for (; i < WARM_UP_EVENTS + MEASURED_EVENTS; i++)
            {
                events.trade(i, LivePipelineTest.price(i), 100_000_000L);
            }
            measuring[0] = false;
            core.chain.onShutdown();
            assertTrue(core.counters.orders - ordersBefore > 5_000, "orders and fills are part of the measured path");
            System.out.printf("stage chain: %d bytes over %d events; %d events allocated (event time:bytes):%s%n",
                chainBytes[0], MEASURED_EVENTS, allocatingEvents[0], allocating);
            assertTrue(allocatingEvents[0] <= ALLOCATING_EVENTS_ALLOWED,
                "stage chain: " + allocatingEvents[0] + " of " + MEASURED_EVENTS + " events allocated (event time:bytes):" + allocating);
            assertTrue(chainBytes[0] < TOTAL_BYTES_ALLOWED, "stage chain: " + chainBytes[0] + " bytes in all");
        }
    }

    /** The live engine thread (Disruptor consumer), measured from outside. */
    @Test
    void theLiveEngineThreadAllocatesZeroBytesPerEventInSteadyState()
    {
        measureLiveThread(LivePipelineTest.context());
    }

    private void measureLiveThread(final EngineContext context)
    {
        assertTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled());
        final long allocated;
        final EngineResult result;
        int allocatingSlices = 0;
        final StringBuilder slices = new StringBuilder();
        try (Journal journal = Journal.openForAppend(dir);
            LivePipeline pipeline = new LivePipeline(context, journal, OutputListener.NONE))
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
            long before = threads.getThreadAllocatedBytes(engineThread);
            assertTrue(before > 0, "the engine thread must be measurable");
            long total = 0;
            for (int slice = 0; slice < MEASURED_EVENTS / SLICE_EVENTS; slice++)
            {
                for (final long end = i + SLICE_EVENTS; i < end; i++)
                {
                    events.trade(i, LivePipelineTest.price(i), 100_000_000L);
                }
                pipeline.awaitIdle();
                final long now = threads.getThreadAllocatedBytes(engineThread);
                if (now > before)
                {
                    allocatingSlices++;
                    slices.append(' ').append(slice).append(':').append(now - before);
                    total += now - before;
                }
                before = now;
            }
            allocated = total;
            exchange.finish();
            result = pipeline.stop();
        }
        assertTrue(result.orders() > 5_000, "orders and fills must be part of the measured path: " + result.orders());
        System.out.printf("live engine thread: %d bytes over %d events; %d of %d slices of %d events allocated (slice:bytes):%s%n",
            allocated, MEASURED_EVENTS, allocatingSlices, MEASURED_EVENTS / SLICE_EVENTS, SLICE_EVENTS, slices);
        assertTrue(allocatingSlices <= ALLOCATING_SLICES_ALLOWED, "live engine thread: " + allocatingSlices + " of "
            + MEASURED_EVENTS / SLICE_EVENTS + " slices allocated (slice:bytes):" + slices);
        assertTrue(allocated < TOTAL_BYTES_ALLOWED, "live engine thread: " + allocated + " bytes in all");
    }
}
