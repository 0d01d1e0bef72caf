package io.qts.engine;

import io.qts.engine.pipeline.StageProbe;
import io.qts.engine.venue.SimulatedExchange;
import io.qts.engine.venue.SimulatedVenue;
import io.qts.journal.Journal;
import io.qts.journal.JournalEntry;
import io.qts.journal.JournalReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The parallel topology decides exactly as the chain does; both journal ahead in batches and act on nothing before
 * it is journaled; bad topology and affinity settings stop the start.
 */
class TopologyTest
{
    private static final long QTY = 100_000_000L;

    @TempDir
    Path dir;

    private EngineResult paperSession(final EngineContext context, final Path journalDir)
    {
        try (Journal journal = Journal.openForAppend(journalDir);
            LivePipeline pipeline = new LivePipeline(context, journal, OutputListener.NONE))
        {
            pipeline.start();
            final SimulatedExchange exchange = new SimulatedExchange(new SimulatedVenue(50_000L), pipeline.orders(), pipeline.input());
            final TestEvents events = new TestEvents(exchange);
            events.instrument("TEST", 2, 8);
            for (long i = 0; i < 3_000; i++)
            {
                events.trade(1_000_000L * i, LivePipelineTest.price(i), QTY);
            }
            exchange.finish();
            return pipeline.stop();
        }
    }

    @Test
    void theParallelTopologyDecidesTheSameAsTheChain()
    {
        final EngineResult chain = paperSession(LivePipelineTest.context(), dir.resolve("chain"));
        final EngineResult parallel = paperSession(
            LivePipelineTest.context().topology(EngineContext.PARALLEL).conclude(), dir.resolve("parallel"));
        assertTrue(chain.orders() > 20, "the wave must make the strategy trade: " + chain.orders());
        assertEquals(chain.digest(), parallel.digest());
        assertEquals(chain.events(), parallel.events());
        assertEquals(chain.orders(), parallel.orders());
        assertEquals(chain.finalValue(), parallel.finalValue());
    }

    @Test
    void aProbeHearsEveryStageOfEveryInputInBothTopologies()
    {
        for (final String topology : EngineContext.TOPOLOGIES)
        {
            final AtomicLongArray calls = new AtomicLongArray(StageProbe.STAGE_COUNT);
            final AtomicLongArray ordersSeen = new AtomicLongArray(1);
            final StageProbe probe = (stage, slot) ->
            {
                calls.incrementAndGet(stage);
                if (stage == StageProbe.EXECUTION && slot.orderSent())
                {
                    ordersSeen.incrementAndGet(0);
                }
            };
            final EngineResult result = paperSession(
                LivePipelineTest.context().topology(topology).stageProbe(probe).conclude(), dir.resolve(topology));
            for (int stage = 0; stage < StageProbe.STAGE_COUNT; stage++)
            {
                assertEquals(result.events(), calls.get(stage), topology + " " + StageProbe.name(stage));
            }
            assertEquals(result.orders(), ordersSeen.get(0), topology);
        }
    }

    @Test
    void aBacklogIsJournaledAheadInBatchesAndNothingIsActedOnBeforeItIsJournaled()
    {
        for (final String topology : EngineContext.TOPOLOGIES)
        {
            final AtomicLong journaled = new AtomicLong();
            final AtomicLong actedEarly = new AtomicLong();
            final StageProbe probe = (stage, slot) ->
            {
                if (stage == StageProbe.JOURNAL)
                {
                    journaled.incrementAndGet();
                }
                else if (stage == StageProbe.RISK && journaled.get() <= slot.sequence())
                {
                    actedEarly.incrementAndGet();
                }
            };
            final EngineContext context = LivePipelineTest.context().ringSize(4096).topology(topology).stageProbe(probe).conclude();
            final Path journalDir = dir.resolve(topology);
            final EngineResult live;
            try (Journal journal = Journal.openForAppend(journalDir);
                LivePipeline pipeline = new LivePipeline(context, journal, OutputListener.NONE))
            {
                // 2,001 inputs wait on the ring before the engine starts: its first batch is all of them.
                final TestEvents events = new TestEvents(pipeline.input());
                events.instrument("TEST", 2, 8);
                for (long i = 0; i < 2_000; i++)
                {
                    events.trade(1_000_000L * i, LivePipelineTest.price(i), QTY);
                }
                pipeline.start();
                pipeline.awaitIdle();
                live = pipeline.stop();
            }
            assertEquals(2_001, live.events(), topology);
            assertEquals(2_001, journaled.get(), topology);
            assertEquals(0, actedEarly.get(), topology + ": risk saw an input before it was journaled");

            final List<Long> indexes = new ArrayList<>();
            try (Journal journal = Journal.openForRead(journalDir); JournalReader reader = journal.reader())
            {
                final JournalEntry entry = new JournalEntry();
                while (reader.next(entry))
                {
                    assertEquals(indexes.size(), entry.sequence(), topology);
                    indexes.add(entry.index());
                }
            }
            // 64 inputs to a batch: 2,001 inputs in 32 documents, the first 64 in the first.
            assertEquals(2_001, indexes.size(), topology);
            assertEquals(indexes.get(0), indexes.get(63), topology);
            assertTrue(indexes.get(63) < indexes.get(64), topology);
            assertEquals(32, indexes.stream().distinct().count(), topology);

            // The journal holds every input in order: the engine fed from it alone decides exactly the same.
            final EngineResult replayed;
            try (Journal journal = Journal.openForRead(journalDir);
                InlineEngine engine = new InlineEngine(LivePipelineTest.context(), null, (buffer, offset, length) -> true,
                    OutputListener.NONE))
            {
                JournalReplay.replay(journal, engine);
                replayed = engine.result();
            }
            // No venue answers: the first order stays in flight and the strategy waits for it.
            assertEquals(1, live.orders(), topology);
            assertEquals(live.digest(), replayed.digest(), topology);
            assertEquals(live.orders(), replayed.orders(), topology);
        }
    }

    @Test
    void anUnknownTopologyIsRejectedNamingTheKey()
    {
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
            () -> LivePipelineTest.context().topology("star").conclude());
        assertEquals("engine.topology must be one of chain, parallel, got 'star'", ex.getMessage());
    }

    @Test
    void badCpuAffinityValuesAreRejectedNamingTheKey()
    {
        for (final String bad : new String[] {"", "one", "0,", "-1", "0,0", "4096"})
        {
            final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
                () -> LivePipelineTest.context().cpuAffinity(bad).conclude(), bad);
            assertTrue(ex.getMessage().startsWith("engine.cpuAffinity"), ex.getMessage());
            assertTrue(ex.getMessage().contains("'" + bad + "'"), ex.getMessage());
        }
    }

    @Test
    void noAffinityIsTheDefault()
    {
        assertEquals(EngineContext.NO_AFFINITY, LivePipelineTest.context().cpuAffinity());
        assertEquals(0, LivePipelineTest.context().cpuIds().length);
    }
}
