package io.qts.engine;

import io.qts.journal.Journal;
import io.qts.journal.JournalEntry;
import io.qts.journal.JournalReader;
import io.qts.journal.sbe.MessageHeaderDecoder;
import io.qts.journal.sbe.OrderCommandDecoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A second process of a session: {@link LivePipeline#recover} replays the first one's journal through the stage chain
 * before the engine starts, sending nothing, and the session goes on from the state the first left: its order in
 * flight, its position state (no second entry while that order is unanswered), its output digest and its sequences.
 */
class RecoveryModeTest
{
    /** Trades 0..249 of the triangle wave: the averages cross up after the first trough, and the strategy buys once (no venue answers it). */
    private static final int FIRST_PROCESS_TRADES = 250;

    @TempDir
    Path dir;

    private static List<Long> sentOrders(final LivePipeline pipeline)
    {
        final List<Long> ids = new ArrayList<>();
        pipeline.awaitIdle();
        pipeline.pollOrders((b, o, l) ->
            ids.add(new OrderCommandDecoder().wrapAndApplyHeader(b, o, new MessageHeaderDecoder().wrap(b, o)).clientOrderId()));
        return ids;
    }

    private static void trades(final InputSink sink, final long from, final long to)
    {
        final TestEvents events = new TestEvents(sink);
        for (long i = from; i < to; i++)
        {
            events.trade(1_000_000_000L + i, LivePipelineTest.price(i), 1);
        }
    }

    @Test
    void aRecoveredEngineHoldsTheOrderInFlightSendsNothingAgainAndContinuesTheDigestAndSequences()
    {
        final Path in = dir.resolve("in");
        final EngineResult first;
        final List<Long> sentByFirst;
        try (Journal journal = Journal.openForAppend(in); LivePipeline pipeline = new LivePipeline(LivePipelineTest.context(), journal, OutputListener.NONE))
        {
            pipeline.start();
            new TestEvents(pipeline.input()).instrument("TEST", 2, 8);
            trades(pipeline.input(), 0, FIRST_PROCESS_TRADES);
            sentByFirst = sentOrders(pipeline);
            first = pipeline.stop();
        }
        assertEquals(1, sentByFirst.size(), "one entry, never answered");
        assertEquals(1, first.ordersInFlight().length);

        final EngineResult second;
        try (Journal journal = Journal.openForAppend(in); LivePipeline pipeline = new LivePipeline(LivePipelineTest.context(), journal, OutputListener.NONE))
        {
            assertEquals(FIRST_PROCESS_TRADES + 1, pipeline.recover(journal));
            final EngineResult recovered = pipeline.resultSoFar();
            assertEquals(first.digest(), recovered.digest());
            assertEquals(first.orders(), recovered.orders());
            assertEquals(first.finalCash(), recovered.finalCash());
            assertArrayEquals(new long[] {sentByFirst.get(0)}, pipeline.openOrderIds());
            assertEquals(1_000_000_000L + FIRST_PROCESS_TRADES - 1, pipeline.lastRecoveredNs());

            pipeline.start();
            assertEquals(List.of(), sentOrders(pipeline), "recovery sends nothing: the order went out (or not) back then");
            // Another full period of the wave crosses again, but the entry is still in flight: no second order.
            trades(pipeline.input(), FIRST_PROCESS_TRADES, FIRST_PROCESS_TRADES + 200);
            assertEquals(List.of(), sentOrders(pipeline));
            second = pipeline.stop();
        }
        assertEquals(1, second.orders());

        // The journal is one session: dense sequences across both processes, and a replay of it gives the same digest.
        final JournalEntry entry = new JournalEntry();
        long expected = 0;
        try (Journal journal = Journal.openForRead(in); JournalReader reader = journal.reader())
        {
            while (reader.next(entry))
            {
                assertEquals(expected++, entry.sequence());
            }
        }
        assertEquals(FIRST_PROCESS_TRADES + 1 + 200, expected);
        try (Journal journal = Journal.openForRead(in);
            InlineEngine replay = new InlineEngine(LivePipelineTest.context(), null, (b, o, l) -> true, OutputListener.NONE))
        {
            JournalReplay.replayEverything(journal, replay);
            assertEquals(second.digest(), replay.result().digest());
        }
    }
}
