package io.qts.engine;

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
 * Pushes binary trades through the engine (journal on disk, decode, sma-cross or a strategy of limit orders placed,
 * replaced and cancelled, risk, execution, orders out and fills back from the simulated venue) and measures what the engine thread allocates
 * once warmed up, with {@code ThreadMXBean#getThreadAllocatedBytes}: less than 0.01 bytes per input handled (the
 * trades and the venue's answers).
 * <p>
 * Nothing in the chain allocates per event (one small object per event would be 16 bytes or more).
 * What a million trades do show, 0 to about 8 KB in all (about 12 KB with limit orders, whose answers double the
 * inputs and so the journal's blocks), comes from Chronicle Queue: a few KB each time
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
            // Bytes allocated, inputs handled, and inputs during which anything was allocated.
            final long[] chainBytes = new long[3];
            final InputSink engine = (timeNs, source, format, buffer, offset, length) ->
            {
                slot.set(timeNs, source, format, buffer, offset, length);
                final long before = threads.getThreadAllocatedBytes(thread);
                core.chain.process(slot);
                final long allocated = threads.getThreadAllocatedBytes(thread) - before;
                chainBytes[0] += allocated;
                chainBytes[1]++;
                chainBytes[2] += allocated > 0 ? 1 : 0;
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
            java.util.Arrays.fill(chainBytes, 0);
            for (; i < WARM_UP_EVENTS + MEASURED_EVENTS; i++)
            {
                events.trade(i, LivePipelineTest.price(i), 100_000_000L);
            }
            core.chain.onShutdown();
            assertTrue(core.counters.orders - ordersBefore > 5_000, "orders and fills are part of the measured path");
            assertZeroPerEvent("stage chain", chainBytes[0], chainBytes[1]);
            // Allocation per input would show at nearly every input; what there is comes at a handful of them.
            assertTrue(chainBytes[2] < 100, "inputs that allocated: " + chainBytes[2] + " of " + chainBytes[1]);
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
        final long inputs;
        final EngineResult result;
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
            final long before = threads.getThreadAllocatedBytes(engineThread);
            final long processedBefore = pipeline.processed();
            assertTrue(before > 0, "the engine thread must be measurable");
            for (; i < WARM_UP_EVENTS + MEASURED_EVENTS; i++)
            {
                events.trade(i, LivePipelineTest.price(i), 100_000_000L);
            }
            pipeline.awaitIdle();
            allocated = threads.getThreadAllocatedBytes(engineThread) - before;
            inputs = pipeline.processed() - processedBefore;
            exchange.finish();
            result = pipeline.stop();
        }
        assertTrue(result.orders() > 5_000, "orders and fills must be part of the measured path: " + result.orders());
        assertZeroPerEvent("live engine thread", allocated, inputs);
    }

    /**
     * @param inputs the inputs the engine handled while measured: the trades and the venue's answers to the orders,
     *               which a strategy of limit orders makes many more of (each goes through the chain and the journal).
     */
    private static void assertZeroPerEvent(final String what, final long allocated, final long inputs)
    {
        final double bytesPerEvent = (double)allocated / inputs;
        System.out.printf("%s: %d bytes over %d events = %.4f bytes/event%n", what, allocated, inputs, bytesPerEvent);
        assertTrue(bytesPerEvent < 0.01, what + ": " + bytesPerEvent + " bytes per event (" + allocated + " bytes in all)");
    }
}
