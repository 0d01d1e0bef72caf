package io.qts.engine;

import io.qts.engine.pipeline.Counters;
import io.qts.engine.pipeline.OutputRecorder;
import io.qts.engine.pipeline.QueuedOrders;
import io.qts.engine.pipeline.StateChanges;
import io.qts.engine.risk.CircuitBreaker;
import io.qts.engine.venue.SimulatedExchange;
import io.qts.engine.venue.SimulatedVenue;
import io.qts.journal.Journal;
import io.qts.journal.JournalKind;
import io.qts.journal.JournalSync;
import io.qts.journal.sbe.AdminAction;
import io.qts.journal.sbe.BarEncoder;
import io.qts.journal.sbe.InstrumentDefinitionEncoder;
import io.qts.journal.sbe.RejectReason;
import io.qts.journal.sbe.StateChangeReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * What metrics read while the engine runs: rejects by reason, breaker trips, the halt's reason, journal entries and
 * bytes, realised and unrealised PnL, round trips won and lost, drawdown. Hand-built daily bars as in
 * {@link RiskScenariosTest}: prices at scale 2, quantities at scale 0, 1000 cash, sma-cross fast=2 slow=3, one unit,
 * commission 0.1%. The closes 30 20 10 10 40 up-cross on day 4; the entry fills at day 5's open.
 */
class EngineFiguresTest
{
    private static final long E8 = 100_000_000L;

    private final QueuedOrders orders = new QueuedOrders();

    private static EngineContext context(final UnaryOperator<EngineContext> settings)
    {
        return settings.apply(new EngineContext()
            .symbol("TEST")
            .strategy("sma-cross", Map.of("fast", "2", "slow", "3"))
            .orderQty(E8)
            .initialCash(1000 * E8)
            .commissionRate(E8 / 1000))
            .conclude();
    }

    /** An engine (journaled when a journal is given) behind the simulated venue, as a backtest runs it. */
    private TestEvents events(final InlineEngine engine, final EngineContext context)
    {
        final SimulatedExchange exchange = new SimulatedExchange(new SimulatedVenue(context.commissionRate()), orders, engine);
        final TestEvents events = new TestEvents(exchange);
        events.instrument("TEST", 2, 0);
        return events;
    }

    @Test
    void aLosingRoundTripIsRealisedAgainstItsCostAndTheDrawdownIsFromThePeak()
    {
        final EngineContext context = context((c) -> c);
        try (InlineEngine engine = new InlineEngine(context, null, orders, OutputListener.NONE))
        {
            final TestEvents events = events(engine, context);
            final EngineFigures figures = engine.figures();
            events.barsUpToTheUpCross();
            events.bar(5, 4100, 4200);
            // Bought 1 at 41.00 plus 0.041 commission; marked at 42.00: equity 958.959 + 42 = 1000.959, the peak.
            assertEquals(958_959 * E8 / 1000, figures.cash());
            assertEquals(0, figures.realisedPnl());
            assertEquals(959 * E8 / 1000, figures.unrealisedPnl());
            assertEquals(figures.equity() - 1000 * E8, figures.realisedPnl() + figures.unrealisedPnl());
            assertEquals(1_000_959 * E8 / 1000, figures.peakEquity());
            assertEquals(0, figures.drawdown());

            // Down-cross on day 6 (fast 31 < slow 34): marked at 20.00, 22.00 below the peak.
            events.bar(6, 4200, 2000);
            assertEquals(22 * E8, figures.drawdown());
            assertEquals(22 * E8, figures.maxDrawdown());

            // The exit fills at day 7's open, 30.00 less 0.03 commission: 29.97 - 41.041 = -11.071 realised.
            events.bar(7, 3000, 3000);
            assertEquals(0, figures.position());
            assertEquals(-11_071 * E8 / 1000, figures.realisedPnl());
            assertEquals(0, figures.unrealisedPnl());
            assertEquals(figures.equity() - 1000 * E8, figures.realisedPnl());
            assertEquals(0, figures.winningRoundTrips());
            assertEquals(1, figures.losingRoundTrips());
            assertEquals(12_030 * E8 / 1000, figures.drawdown());
            assertEquals(22 * E8, figures.maxDrawdown(), "the deepest fall stays");
        }
    }

    @Test
    void aRoundTripThatGainsMoreThanItsCommissionsIsWon()
    {
        final EngineContext context = context((c) -> c);
        try (InlineEngine engine = new InlineEngine(context, null, orders, OutputListener.NONE))
        {
            final TestEvents events = events(engine, context);
            final EngineFigures figures = engine.figures();
            events.barsUpToTheUpCross();
            // Closes 40 90 50: fast 70 above slow 60, still long; then 90 50 45: fast 47.5 below slow 61.67, the exit.
            events.bar(5, 4100, 9000);
            events.bar(6, 9000, 5000);
            events.bar(7, 5000, 4500);
            events.bar(8, 4500, 4500);
            // Sold at 45.00 less 0.045 commission, bought for 41.041: 3.914 gained.
            assertEquals(0, figures.position());
            assertEquals(3_914 * E8 / 1000, figures.realisedPnl());
            assertEquals(figures.equity() - 1000 * E8, figures.realisedPnl());
            assertEquals(1, figures.winningRoundTrips());
            assertEquals(0, figures.losingRoundTrips());
            // Peak 1048.959 at day 5's close of 90.00; deepest after the sale: 1003.914 in cash, 45.045 below it.
            assertEquals(45_045 * E8 / 1000, figures.maxDrawdown());
        }
    }

    @Test
    void rejectsAreCountedByTheirReason()
    {
        final EngineContext context = context((c) -> c.maxOpenPositions(0));
        try (InlineEngine engine = new InlineEngine(context, null, orders, OutputListener.NONE))
        {
            final TestEvents events = events(engine, context);
            events.barsUpToTheUpCross();
            final EngineFigures figures = engine.figures();
            assertEquals(1, figures.rejectedOrders());
            assertEquals(1, figures.rejects(RejectReason.MAX_OPEN_POSITIONS));
            assertEquals(0, figures.rejects(RejectReason.HALTED));
            assertEquals(0, figures.otherRejects());
        }
    }

    @Test
    void theHaltInForceKeepsItsReasonUntilAResume()
    {
        final EngineContext context = context((c) -> c);
        try (InlineEngine engine = new InlineEngine(context, null, orders, OutputListener.NONE))
        {
            final TestEvents events = events(engine, context);
            final EngineFigures figures = engine.figures();
            assertNull(figures.haltReason());
            assertNull(figures.lastStateChangeReason());
            events.admin(1, AdminAction.HALT, "", 0);
            assertEquals(StateChangeReason.ADMIN_HALT, figures.haltReason());
            events.admin(2, AdminAction.RESUME, "", 0);
            assertNull(figures.haltReason());
            assertEquals(StateChangeReason.ADMIN_RESUME, figures.lastStateChangeReason());
            events.admin(3, AdminAction.KILL, "", 0);
            assertEquals(StateChangeReason.ADMIN_KILL, figures.haltReason());
            events.barsUpToTheUpCross();
            assertEquals(1, figures.rejects(RejectReason.HALTED));
        }
    }

    @Test
    void aDrawdownHaltIsToldApartFromAnOperatorHalt()
    {
        // A 2% drawdown limit: day 6's 978.959 is 2.2% below the 1000.959 peak.
        final EngineContext context = context((c) -> c.maxDrawdown(E8 / 50));
        try (InlineEngine engine = new InlineEngine(context, null, orders, OutputListener.NONE))
        {
            final TestEvents events = events(engine, context);
            final EngineFigures figures = engine.figures();
            events.barsUpToTheUpCross();
            events.bar(5, 4100, 4200);
            assertNull(figures.haltReason());
            events.bar(6, 4200, 2000);
            assertEquals(StateChangeReason.DRAWDOWN, figures.haltReason());
            assertEquals(StateChangeReason.DRAWDOWN, figures.lastStateChangeReason());
        }
    }

    @Test
    void everyBreakerOpeningIsATrip()
    {
        final Counters counters = new Counters();
        final CircuitBreaker breaker = new CircuitBreaker(
            1, 1_000_000_000L, 1_000_000_000L, EngineContext.UNLIMITED, new StateChanges(new OutputRecorder(OutputListener.NONE), counters));
        breaker.onSent(7, 0);
        breaker.onReject(7, 1);
        assertEquals(1, counters.breakerTrips);
        breaker.reset(2);
        breaker.trip(3, 3);
        assertEquals(2, counters.breakerTrips);
        breaker.trip(4, 4);
        assertEquals(2, counters.breakerTrips, "an open breaker blocked again has not tripped again");
        assertEquals(StateChangeReason.VENUE_FAILURES.value(), counters.lastStateChangeReason);
        assertEquals(3, counters.stateChanges, "open, closed by the reset, open");
    }

    @Test
    void theJournalStageCountsEntriesAndTheirBytes(@TempDir final Path tmp)
    {
        final EngineContext context = context((c) -> c);
        try (Journal journal = Journal.openForAppend(tmp.resolve("in"), JournalKind.IN, JournalSync.NONE);
            InlineEngine engine = new InlineEngine(context, journal, orders, OutputListener.NONE))
        {
            final TestEvents events = events(engine, context);
            final EngineFigures figures = engine.figures();
            events.bar(0, 3000, 3000);
            // The definition and one bar, each an 8-byte SBE header and its block.
            assertEquals(2, figures.journalEntries());
            assertEquals(8 + InstrumentDefinitionEncoder.BLOCK_LENGTH + 8 + BarEncoder.BLOCK_LENGTH, figures.journalBytes());
        }
    }
}
