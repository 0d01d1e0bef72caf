package io.qts.engine;

import io.qts.engine.book.Instruments;
import io.qts.engine.book.Portfolio;
import io.qts.engine.book.Sides;
import io.qts.engine.pipeline.ConfiguredStrategy;
import io.qts.engine.pipeline.Counters;
import io.qts.engine.pipeline.DecodeStage;
import io.qts.engine.pipeline.InboundSlot;
import io.qts.engine.pipeline.SignalStage;
import io.qts.engine.strategy.Strategy;
import io.qts.engine.strategy.StrategyContext;
import io.qts.engine.strategy.StrategyFactory;
import io.qts.engine.strategy.StrategyParameter;
import io.qts.engine.strategy.StrategyParams;
import io.qts.journal.EntryHeader;
import io.qts.journal.Sources;
import io.qts.journal.sbe.AdminAction;
import io.qts.journal.sbe.MessageHeaderEncoder;
import io.qts.journal.sbe.TimerEncoder;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The position state machine through the whole stage chain: flat -> entering -> long -> exiting ->
 * cooling down -> flat. momentum lookback 1, entry 0, exit 0 wants to buy on every rise and sell on every
 * fall; daily bars, prices and quantities at scale 0, fills at the next bar's open.
 */
class PositionStateTest
{
    private static final long MONEY = 100_000_000L;
    private static final long TWO_DAYS_S = 2 * 86_400;

    private final OrderLog log = new OrderLog();

    private Backtest backtest(final Map<String, String> params)
    {
        return new Backtest(context(params), log);
    }

    private static EngineContext context(final Map<String, String> params)
    {
        return new EngineContext().symbol("TEST").strategy("momentum", params)
            .orderQty(100_000_000L).initialCash(1000 * MONEY).conclude();
    }

    /** Closes 10 11 12 11 12 13 14 15, each bar opening at the previous close. */
    private static void upDownUp(final TestEvents events)
    {
        events.instrument("TEST", 0, 0);
        final long[] closes = {10, 11, 12, 11, 12, 13, 14, 15};
        for (int day = 0; day < closes.length; day++)
        {
            events.bar(day, day == 0 ? 10 : closes[day - 1], closes[day]);
        }
    }

    @Test
    void withoutCooldownTheNextRiseAfterAnExitEntersAgain()
    {
        final Backtest backtest = backtest(Map.of("lookback", "1", "entry", "0"));
        upDownUp(new TestEvents(backtest.input()));
        backtest.finish();
        assertEquals(List.of(
            "order BUY day 1", "fill BUY @11 day 2",
            "order SELL day 3", "fill SELL @11 day 4",
            "order BUY day 4", "fill BUY @12 day 5"), log.lines);
    }

    @Test
    void aCooldownCountedFromTheClosingFillDelaysTheNextEntry()
    {
        final Backtest backtest = backtest(Map.of("lookback", "1", "entry", "0", "cooldownSeconds", Long.toString(TWO_DAYS_S)));
        upDownUp(new TestEvents(backtest.input()));
        backtest.finish();
        // Closed by the fill on day 4: rises on days 4 and 5 are ignored, day 6 (4 + 2 days) enters.
        assertEquals(List.of(
            "order BUY day 1", "fill BUY @11 day 2",
            "order SELL day 3", "fill SELL @11 day 4",
            "order BUY day 6", "fill BUY @14 day 7"), log.lines);
    }

    @Test
    void noSecondEntryWhileTheFirstIsInFlight()
    {
        // The venue never answers: the first buy stays in flight, and every later rise is ignored.
        try (InlineEngine engine = new InlineEngine(context(Map.of("lookback", "1", "entry", "0")), null, (b, o, l) -> true, log))
        {
            final TestEvents events = new TestEvents(engine);
            upDownUp(events);
            assertEquals(List.of("order BUY day 1"), log.lines);
            assertEquals(1, engine.result().orders());
        }
    }

    @Test
    void aCooldownSetByAnAdminCommandAppliesToTheNextExit()
    {
        final Backtest backtest = backtest(Map.of("lookback", "1", "entry", "0"));
        final TestEvents events = new TestEvents(backtest.input());
        events.instrument("TEST", 0, 0);
        events.admin(0, AdminAction.SET_PARAM, "cooldownSeconds", TWO_DAYS_S * StrategyParameter.ONE);
        events.admin(0, AdminAction.SET_PARAM, "lookback", 0);
        events.admin(0, AdminAction.SET_PARAM, "noSuchKey", 1);
        events.admin(0, AdminAction.SET_PARAM, "maxPositionQty", 1000 * StrategyParameter.ONE);
        final long[] closes = {10, 11, 12, 11, 12, 13, 14, 15};
        for (int day = 0; day < closes.length; day++)
        {
            events.bar(day, day == 0 ? 10 : closes[day - 1], closes[day]);
        }
        final EngineResult result = backtest.finish();
        assertEquals("order BUY day 6", log.lines.get(4));
        // lookback 0 is out of range and noSuchKey names nothing; the risk key is not the signal stage's to count.
        assertEquals(2, result.ignoredParamChanges());
    }

    /** A strategy that buys on a timer: it gets the timer's time, and the order goes at the last price. */
    @Test
    void timersReachTheStrategyAndMaySignal()
    {
        final StrategyFactory buysOnDayThree = new StrategyFactory()
        {
            @Override
            public String name()
            {
                return "timer-buyer";
            }

            @Override
            public String description()
            {
                return "buys on the timer of day 3";
            }

            @Override
            public List<StrategyParameter> parameters()
            {
                return List.of();
            }

            @Override
            public Strategy create(final StrategyParams params, final StrategyContext context)
            {
                return new Strategy()
                {
                    @Override
                    public void onTimer(final long timeNs)
                    {
                        if (timeNs == 3 * TestEvents.DAY_NS)
                        {
                            context.buyMarket(context.entryQty());
                        }
                    }
                };
            }
        };
        final ConfiguredStrategy onTimer = Strategies.configure(buysOnDayThree, Map.of());
        final Instruments instruments = new Instruments();
        final Portfolio portfolio = new Portfolio(1000 * MONEY);
        final SignalStage signal = new SignalStage(onTimer, 0, 100_000_000L, instruments, portfolio, new Counters(), PriceTicks.ONE_UNIT);
        final DecodeStage decode = new DecodeStage("TEST", new Counters());
        final InboundSlot slot = new InboundSlot();
        final InputSink stages = (timeNs, source, format, buffer, offset, length) ->
        {
            slot.set(timeNs, source, format, buffer, offset, length);
            decode.onEvent(slot);
            signal.onEvent(slot);
        };
        final TestEvents events = new TestEvents(stages);
        events.instrument("TEST", 0, 0);
        events.bar(1, 10, 12);
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[64]);
        final TimerEncoder timer = new TimerEncoder().wrapAndApplyHeader(buffer, 0, new MessageHeaderEncoder());
        timer.timeNs(3 * TestEvents.DAY_NS).timerId(7);
        stages.accept(3 * TestEvents.DAY_NS, Sources.TIMER, EntryHeader.FORMAT_SBE, buffer, 0,
            MessageHeaderEncoder.ENCODED_LENGTH + timer.encodedLength());
        assertEquals(Sides.BUY, slot.intentSide);
        assertEquals(12, slot.intentPrice);
        assertEquals(TestEvents.INSTRUMENT, slot.instrumentId);
    }
}
