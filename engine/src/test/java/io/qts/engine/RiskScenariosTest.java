package io.qts.engine;

import io.qts.engine.book.Instruments;
import io.qts.engine.book.Portfolio;
import io.qts.engine.book.Sides;
import io.qts.engine.pipeline.Counters;
import io.qts.engine.pipeline.EventType;
import io.qts.engine.pipeline.InboundSlot;
import io.qts.engine.pipeline.OutputRecorder;
import io.qts.engine.pipeline.RiskStage;
import io.qts.journal.sbe.AdminAction;
import io.qts.journal.sbe.EngineStateChangedDecoder;
import io.qts.journal.sbe.MessageHeaderDecoder;
import io.qts.journal.sbe.OrderCommandDecoder;
import io.qts.journal.sbe.OrderFilledDecoder;
import io.qts.journal.sbe.OrderRejectedDecoder;
import io.qts.journal.sbe.RejectReason;
import org.agrona.DirectBuffer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Each risk control inside a backtest, on hand-built bars: prices at scale 2, quantities at scale 0,
 * 1000 cash, sma-cross fast=2 slow=3, size 1. The crossing bars close 30 20 10 10 40 (up-cross on day 4,
 * the entry fills at day 5's open), as in {@link BacktestConventionsTest}.
 */
class RiskScenariosTest
{
    private static final long E8 = 100_000_000L;
    private static final long MINUTE = 60_000_000_000L;

    private final List<String> outputs = new ArrayList<>();

    private Backtest backtest(final UnaryOperator<EngineContext> risk)
    {
        final EngineContext context = risk.apply(new EngineContext()
            .symbol("TEST")
            .strategy("sma-cross", Map.of("fast", "2", "slow", "3"))
            .orderQty(E8)
            .initialCash(1000 * E8))
            .conclude();
        return new Backtest(context, (buffer, offset, length) -> outputs.add(describe(buffer, offset)));
    }

    private static TestEvents upCrossOnDay4(final Backtest backtest)
    {
        final TestEvents events = new TestEvents(backtest.input());
        events.instrument("TEST", 2, 0);
        events.barsUpToTheUpCross();
        return events;
    }

    @Test
    void fixedNotionalSizesTheEntryAtTheSignalPrice()
    {
        final Backtest backtest = backtest((c) -> c.sizing("fixed-notional").orderNotional(100 * E8));
        upCrossOnDay4(backtest).bar(5, 4100, 4200);
        backtest.finish();
        // 100 / 40.00 = 2.5 -> 2 units.
        assertEquals(List.of("order BUY 2 day 4", "fill BUY 2 @4100 day 5"), outputs);
    }

    @Test
    void equityFractionSizesFromCashPlusPositions()
    {
        final Backtest backtest = backtest((c) -> c.sizing("equity-fraction").equityFraction(E8 / 2));
        upCrossOnDay4(backtest);
        backtest.finish();
        // 50% of 1000 = 500; 500 / 40.00 = 12.5 -> 12.
        assertEquals(List.of("order BUY 12 day 4"), outputs);
    }

    @Test
    void anEntryTooSmallForOneUnitIsRejected()
    {
        final Backtest backtest = backtest((c) -> c.sizing("fixed-notional").orderNotional(39 * E8));
        upCrossOnDay4(backtest);
        assertEquals(0, backtest.finish().orders());
        assertEquals(List.of("reject ZERO_SIZE day 4"), outputs);
    }

    @Test
    void maxOpenPositionsOfZeroRejectsEveryEntry()
    {
        final Backtest backtest = backtest((c) -> c.maxOpenPositions(0));
        upCrossOnDay4(backtest);
        backtest.finish();
        assertEquals(List.of("reject MAX_OPEN_POSITIONS day 4"), outputs);
    }

    @Test
    void aPositionInAnotherInstrumentCountsTowardsMaxOpenPositions()
    {
        final Instruments instruments = new Instruments();
        final Portfolio portfolio = new Portfolio(1000 * E8);
        final RiskStage risk = new RiskStage(
            new EngineContext().symbol("TEST").strategy("sma-cross", Map.of("fast", "2", "slow", "3")).orderQty(E8).maxOpenPositions(1).conclude(),
            instruments, portfolio,
            new OutputRecorder((buffer, offset, length) -> outputs.add(describe(buffer, offset))), new Counters());
        instruments.define(1, 2, 0);
        instruments.define(2, 2, 0);
        portfolio.position[2] = 3;
        portfolio.state[2] = Portfolio.LONG;
        final InboundSlot slot = new InboundSlot();
        slot.type = EventType.TRADE;
        slot.timeNs = 4 * TestEvents.DAY_NS;
        slot.instrumentId = 1;
        slot.price = 4000;
        slot.intentSide = Sides.BUY;
        slot.intentQty = 1;
        slot.intentPrice = 4000;
        risk.onEvent(slot);
        assertEquals(Sides.NONE, slot.intentSide);
        assertEquals(List.of("reject MAX_OPEN_POSITIONS day 4"), outputs);
    }

    @Test
    void anEntryOnAPriceFarFromThePriorMarketIsOutsideThePriceBand()
    {
        // The signal bar closes at 40.00 after 10.00: 300% away. A band of 300% lets it through.
        final Backtest tight = backtest((c) -> c.priceBand(E8 / 2));
        upCrossOnDay4(tight);
        tight.finish();
        assertEquals(List.of("reject PRICE_BAND day 4"), outputs);

        outputs.clear();
        final Backtest wide = backtest((c) -> c.priceBand(3 * E8));
        upCrossOnDay4(wide);
        wide.finish();
        assertEquals(List.of("order BUY 1 day 4"), outputs);
    }

    @Test
    void noEntryWhileAtrIsTooLargeAFractionOfThePrice()
    {
        // ATR over 2 bars (Wilder): TRs 0, 10, 10, 0, 30 -> 5, 7.5, 3.75, 16.875; 16.875 / 40.00 = 0.42.
        final Backtest volatile_ = backtest((c) -> c.atrBars(2).maxAtrFraction(40 * E8 / 100));
        upCrossOnDay4(volatile_);
        volatile_.finish();
        assertEquals(List.of("reject VOLATILITY day 4"), outputs);

        outputs.clear();
        final Backtest calm = backtest((c) -> c.atrBars(2).maxAtrFraction(43 * E8 / 100));
        upCrossOnDay4(calm);
        calm.finish();
        assertEquals(List.of("order BUY 1 day 4"), outputs);
    }

    /**
     * A stop uses the ATR known before each event. Entry fills at 41.00 with ATR(2) = 16.875, so on day 5 the
     * initial stop (m = 1) is 41.00 - 16.88 = 24.12 and the trailing one 42.00 - 16.88 = 25.12. Day 5's range
     * makes ATR (16.875 + 2) / 2 = 9.4375; day 6 (low 32.50, high 43.00) does not cross 25.12 and lifts the
     * trailing stop to 43.00 - 9.44 = 33.56; day 7 dips to 33.00 and crosses it. Closes keep rising, so
     * sma-cross never sells: only the trailing stop exits, and fills at day 8's open.
     */
    @Test
    void theTrailingStopExitsWhereTheInitialStopDoesNot()
    {
        final Backtest initial = backtest((c) -> c.atrBars(2).stop("initial").stopAtrMultiple(E8));
        stopBars(upCrossOnDay4(initial));
        initial.finish();
        assertEquals(List.of("order BUY 1 day 4", "fill BUY 1 @4100 day 5"), outputs);

        outputs.clear();
        final Backtest trailing = backtest((c) -> c.atrBars(2).stop("trailing").stopAtrMultiple(E8));
        stopBars(upCrossOnDay4(trailing));
        trailing.finish();
        assertEquals(List.of("order BUY 1 day 4", "fill BUY 1 @4100 day 5", "order SELL 1 day 7", "fill SELL 1 @4400 day 8"),
            outputs);
    }

    /** The initial stop of the test above, 24.12, crossed exactly by day 6's low. */
    @Test
    void theInitialStopExitsWhenTheLowCrossesIt()
    {
        final Backtest initial = backtest((c) -> c.atrBars(2).stop("initial").stopAtrMultiple(E8));
        final TestEvents events = upCrossOnDay4(initial);
        events.bar(5, 4100, 4200, 4000, 4200);
        events.bar(6, 4200, 4300, 2412, 4250);
        events.bar(7, 4300, 4300);
        initial.finish();
        assertEquals(List.of("order BUY 1 day 4", "fill BUY 1 @4100 day 5", "order SELL 1 day 6", "fill SELL 1 @4300 day 7"),
            outputs);
    }

    private static void stopBars(final TestEvents events)
    {
        events.bar(5, 4100, 4200, 4000, 4200);
        events.bar(6, 4200, 4300, 3250, 4250);
        events.bar(7, 4300, 4400, 3300, 4350);
        events.bar(8, 4400, 4400);
    }

    @Test
    void drawdownHaltsNewEntriesButTheExitStillGoesOut()
    {
        // Bought at 15.00, day 5 closes at 10.00: equity 995, 0.5% below the peak of 1000.
        final Backtest backtest = backtest((c) -> c.maxDrawdown(E8 * 4 / 1000));
        final TestEvents events = upCrossOnDay4(backtest);
        events.bar(5, 1500, 1000);
        events.bar(6, 500, 0);
        events.bar(7, 800, 900);
        final EngineResult result = backtest.finish();
        assertEquals(List.of(
            "order BUY 1 day 4", "fill BUY 1 @1500 day 5", "state HALTED DRAWDOWN day 5", "order SELL 1 day 6",
            "fill SELL 1 @800 day 7"), outputs);
        assertEquals(1, result.stateChanges());
    }

    @Test
    void aDailyLossHaltsWithinTheUtcDay()
    {
        final Backtest backtest = backtest((c) -> c.dailyLossLimit(20 * E8));
        final TestEvents events = new TestEvents(backtest.input());
        events.instrument("TEST", 2, 0);
        final long[] prices = {3000, 2000, 1000, 1000, 4000, 4100, 4200, 1500, 1000, 900};
        for (int i = 0; i < prices.length; i++)
        {
            events.trade(MINUTE * i, prices[i], 1);
        }
        backtest.finish();
        // Bought at 41.00 (minute 5); at 15.00 (minute 7) equity is 974, 26 below the day's 1000.
        assertEquals(List.of(
            "order BUY 1 minute 4", "fill BUY 1 @4100 minute 5", "state HALTED DAILY_LOSS minute 7",
            "order SELL 1 minute 7", "fill SELL 1 @1000 minute 8"), minutes(outputs));
    }

    @Test
    void killHaltsAndSellsThePositionOnTheKillEventItself()
    {
        final Backtest backtest = backtest((c) -> c);
        final TestEvents events = upCrossOnDay4(backtest);
        events.bar(5, 4100, 4200);
        events.admin(5 * TestEvents.DAY_NS, AdminAction.KILL, "", 0);
        events.bar(6, 4300, 4400);
        events.bar(7, 4000, 4000);
        events.bar(8, 1000, 1000);
        events.bar(9, 1000, 1000);
        events.bar(10, 5000, 5000);
        final EngineResult result = backtest.finish();
        assertEquals(List.of(
            "order BUY 1 day 4", "fill BUY 1 @4100 day 5", "state HALTED ADMIN_KILL day 5", "order SELL 1 day 5",
            "fill SELL 1 @4300 day 6", "reject " + RejectReason.HALTED + " day 10"), outputs);
        assertEquals(0, result.position());
    }

    @Test
    void noOrderGoesOutInsideAHaltWindow()
    {
        // 1970-01-05 is day 4.
        final Backtest backtest = backtest((c) -> c.haltWindows("1970-01-05T00:00:00Z/1970-01-05T00:00:01Z"));
        upCrossOnDay4(backtest);
        backtest.finish();
        assertEquals(List.of("reject HALT_WINDOW day 4"), outputs);
    }

    @Test
    void badRiskSettingsAreErrorsNamingTheKey()
    {
        assertError("risk.maxOpenPositions must not be negative, got -1", (c) -> c.maxOpenPositions(-1));
        assertError("risk.priceBand must not be negative, got -0.01", (c) -> c.priceBand(-E8 / 100));
        assertError("risk.dailyLossLimit must not be negative, got -5", (c) -> c.dailyLossLimit(-5 * E8));
        assertError("risk.maxDrawdown must be a fraction from 0 to 1, got 1.5", (c) -> c.maxDrawdown(3 * E8 / 2));
        assertError("risk.maxOrdersPerSecond must be 0 to 100000, got -3", (c) -> c.maxOrdersPerSecond(-3));
        assertError("risk.breakerFailures must not be negative, got -1", (c) -> c.breakerFailures(-1));
        assertError("risk.sizing must be one of fixed-qty, fixed-notional, equity-fraction, got 'kelly'", (c) -> c.sizing("kelly"));
        assertError("risk.orderNotional must be positive with risk.sizing fixed-notional, got none", (c) -> c.sizing("fixed-notional"));
        assertError("risk.stop must be one of none, initial, trailing, got 'tight'", (c) -> c.stop("tight"));
        assertError("risk.haltWindows: windows '09:00-10:00' and '09:30-11:00' overlap", (c) -> c.haltWindows("09:00-10:00,09:30-11:00"));
    }

    private void assertError(final String message, final UnaryOperator<EngineContext> risk)
    {
        assertEquals(message, org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> backtest(risk)).getMessage());
    }

    private static List<String> minutes(final List<String> lines)
    {
        final List<String> out = new ArrayList<>();
        for (final String line : lines)
        {
            final int at = line.lastIndexOf(" t ");
            out.add(line.substring(0, at) + " minute " + Long.parseLong(line.substring(at + 3)) / MINUTE);
        }
        return out;
    }

    /** Day-stamped lines; for times within a day the raw time follows " t " instead (see {@link #minutes}). */
    private static String describe(final DirectBuffer buffer, final int offset)
    {
        final MessageHeaderDecoder header = new MessageHeaderDecoder().wrap(buffer, offset);
        final String text;
        final long timeNs;
        switch (header.templateId())
        {
            case OrderCommandDecoder.TEMPLATE_ID ->
            {
                final OrderCommandDecoder d = new OrderCommandDecoder().wrapAndApplyHeader(buffer, offset, header);
                text = "order " + d.side() + " " + d.qty();
                timeNs = d.timeNs();
            }
            case OrderFilledDecoder.TEMPLATE_ID ->
            {
                final OrderFilledDecoder d = new OrderFilledDecoder().wrapAndApplyHeader(buffer, offset, header);
                text = "fill " + d.side() + " " + d.qty() + " @" + d.price();
                timeNs = d.timeNs();
            }
            case OrderRejectedDecoder.TEMPLATE_ID ->
            {
                final OrderRejectedDecoder d = new OrderRejectedDecoder().wrapAndApplyHeader(buffer, offset, header);
                text = "reject " + d.reason();
                timeNs = d.timeNs();
            }
            case EngineStateChangedDecoder.TEMPLATE_ID ->
            {
                final EngineStateChangedDecoder d = new EngineStateChangedDecoder().wrapAndApplyHeader(buffer, offset, header);
                text = "state " + d.state() + " " + d.reason();
                timeNs = d.timeNs();
            }
            default -> throw new AssertionError("template " + header.templateId());
        }
        return timeNs % TestEvents.DAY_NS == 0 ? text + " day " + timeNs / TestEvents.DAY_NS : text + " t " + timeNs;
    }
}
