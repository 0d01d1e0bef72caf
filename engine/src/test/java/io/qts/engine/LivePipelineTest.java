package io.qts.engine;

import io.qts.engine.pipeline.JournaledOrderFeed;
import io.qts.engine.pipeline.OrderFeed;
import io.qts.engine.venue.SimulatedExchange;
import io.qts.engine.venue.SimulatedVenue;
import io.qts.journal.Journal;
import io.qts.journal.JournalAppender;
import io.qts.journal.JournalVerifier;
import io.qts.journal.Sources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LivePipelineTest
{
    static final long QTY = 100_000_000L;
    static final long MONEY = 100_000_000L;

    @TempDir
    Path dir;

    static EngineContext context()
    {
        return new EngineContext()
            .symbol("TEST")
            .strategy("sma-cross", Map.of("fast", "5", "slow", "20"))
            .orderQty(QTY)
            .initialCash(1_000_000 * MONEY)
            .commissionRate(50_000L)
            .ringSize(1024)
            .conclude();
    }

    /** A triangle wave: the averages cross twice in every period of 200 trades. */
    static long price(final long i)
    {
        final long phase = i % 200;
        return 100_000 + (phase < 100 ? phase : 200 - phase) * 10;
    }

    @Test
    void aPaperSessionAndABacktestOverItsJournalDecideTheSame()
    {
        final Path in = dir.resolve("in");
        final Path out = dir.resolve("out");
        final EngineResult live;
        try (Journal inJournal = Journal.openForAppend(in);
            Journal outJournal = Journal.openForAppend(out);
            JournalAppender outAppender = outJournal.appender();
            LivePipeline pipeline = new LivePipeline(context(), inJournal, OutputListener.NONE))
        {
            pipeline.start();
            final SimulatedVenue venue = new SimulatedVenue(50_000L);
            final InputSink engine = pipeline.input();
            final OrderFeed gateway = new JournaledOrderFeed(pipeline.orders(), outAppender);
            final SimulatedExchange exchange = new SimulatedExchange(venue, gateway, engine);
            final TestEvents events = new TestEvents(exchange);
            events.instrument("TEST", 2, 8);
            for (long i = 0; i < 5_000; i++)
            {
                events.trade(1_000_000L * i, price(i), QTY);
            }
            exchange.finish();
            live = pipeline.stop();
        }
        assertTrue(live.orders() > 40, "the wave must make the strategy trade: " + live.orders());
        final long unfilled = live.orders() - live.fills();
        assertTrue(unfilled == 0 || unfilled == 1, "every order fills but one decided on the last trade: " + unfilled);

        final long journaled;
        try (Journal inJournal = Journal.openForRead(in))
        {
            final JournalVerifier.Report report = JournalVerifier.verify(inJournal);
            assertTrue(report.ok());
            journaled = report.entries();
        }
        assertEquals(live.events(), journaled, "every input the engine saw is in the journal");
        try (Journal outJournal = Journal.openForRead(out))
        {
            assertEquals(live.orders(), JournalVerifier.verify(outJournal).entries(), "every order sent is in out/");
        }

        final Backtest backtest = new Backtest(context(), OutputListener.NONE);
        try (Journal inJournal = Journal.openForRead(in))
        {
            JournalReplay.replay(inJournal, backtest.input());
        }
        final EngineResult replayed = backtest.finish();
        assertEquals(live.digest(), replayed.digest());
        assertEquals(live.events(), replayed.events());
        assertEquals(live.finalValue(), replayed.finalValue());
    }

    @Test
    void aCrossingBetweenSourcesIsJournaledWithSourceIds()
    {
        try (Journal inJournal = Journal.openForAppend(dir);
            LivePipeline pipeline = new LivePipeline(context(), inJournal, OutputListener.NONE))
        {
            pipeline.start();
            final SimulatedExchange exchange = new SimulatedExchange(
                new SimulatedVenue(0), pipeline.orders(), pipeline.input());
            final TestEvents events = new TestEvents(exchange);
            events.instrument("TEST", 2, 8);
            for (long i = 0; i < 400; i++)
            {
                events.trade(i, price(i), QTY);
            }
            exchange.finish();
            final EngineResult result = pipeline.stop();
            // The definition and 400 trades, one "accepted" per order and one fill per filled order.
            assertEquals(401 + result.orders() + result.fills(), result.events());
        }
        try (Journal inJournal = Journal.openForRead(dir))
        {
            final int[] bySource = new int[8];
            JournalReplay.replay(inJournal, (t, source, f, b, o, l) -> bySource[source]++);
            assertEquals(1, bySource[Sources.REFERENCE]);
            assertEquals(400, bySource[Sources.MARKET_DATA]);
            assertEquals(0, bySource[Sources.VENUE], "venue answers are re-simulated, not replayed");
        }
    }
}
