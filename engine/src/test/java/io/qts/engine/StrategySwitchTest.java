package io.qts.engine;

import io.qts.engine.strategy.Strategy;
import io.qts.engine.strategy.StrategyContext;
import io.qts.engine.strategy.StrategyFactory;
import io.qts.engine.strategy.StrategyParameter;
import io.qts.engine.strategy.StrategyParams;
import io.qts.journal.sbe.AdminAction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A journaled strategy switch (STRATEGY_PARAM inputs, then SET_STRATEGY naming the strategy) through the whole stage
 * chain: the new strategy decides from that input on, with the position, cash and order state the engine holds.
 * Daily bars, prices and quantities at scale 0, fills at the next bar's open, entries of 1.
 */
class StrategySwitchTest
{
    private static final long MONEY = 100_000_000L;
    private static final long ONE = StrategyParameter.ONE;

    private final OrderLog log = new OrderLog();
    /** What the "seller" strategy saw on each bar: position, cash (10^-8), open orders. */
    private final List<String> seen = new ArrayList<>();

    @AfterEach
    void forgetTheLoadedStrategies()
    {
        Strategies.useLoaded(List.of(), "the test");
    }

    private Backtest backtest(final String strategy, final Map<String, String> params)
    {
        return new Backtest(new EngineContext().symbol("TEST").strategy(strategy, params)
            .orderQty(100_000_000L).initialCash(1000 * MONEY).conclude(), log);
    }

    /** Closes 10 11 12 11 12 13 14 15 from {@code fromDay}, each bar opening at the previous close. */
    private static void upDownUp(final TestEvents events, final int fromDay)
    {
        final long[] closes = {10, 11, 12, 11, 12, 13, 14, 15};
        for (int day = fromDay; day < closes.length; day++)
        {
            events.bar(day, day == 0 ? 10 : closes[day - 1], closes[day]);
        }
    }

    @Test
    void fromTheSwitchOnTheNewStrategyDecidesWithTheStagedParameters()
    {
        // sma-cross 10/30 sees too few bars to signal: without the switch nothing is ordered.
        final Backtest unswitched = backtest("sma-cross", Map.of());
        final TestEvents plain = new TestEvents(unswitched.input());
        plain.instrument("TEST", 0, 0);
        upDownUp(plain, 0);
        unswitched.finish();
        assertEquals(List.of(), log.lines);

        final Backtest backtest = backtest("sma-cross", Map.of());
        final TestEvents events = new TestEvents(backtest.input());
        events.instrument("TEST", 0, 0);
        events.admin(0, AdminAction.STRATEGY_PARAM, "lookback", ONE);
        events.admin(0, AdminAction.STRATEGY_PARAM, "entry", 0);
        events.admin(0, AdminAction.SET_STRATEGY, "momentum", 0);
        // Parameter keys are now momentum's: lookback is known (a change to the same value), fast is not.
        events.admin(0, AdminAction.SET_PARAM, "lookback", ONE);
        events.admin(0, AdminAction.SET_PARAM, "fast", 3 * ONE);
        upDownUp(events, 0);
        final EngineResult result = backtest.finish();
        // momentum lookback 1, entry 0, exit 0 (its default): buys every rise, sells every fall.
        assertEquals(List.of(
            "order BUY day 1", "fill BUY @11 day 2",
            "order SELL day 3", "fill SELL @11 day 4",
            "order BUY day 4", "fill BUY @12 day 5"), log.lines);
        assertEquals(1, result.ignoredParamChanges());
    }

    @Test
    void theNewStrategyStartsWithThePositionAndCashTheEngineHolds()
    {
        Strategies.useLoaded(List.of(seller()), "the test");
        final Backtest backtest = backtest("momentum", Map.of("lookback", "1", "entry", "0"));
        final TestEvents events = new TestEvents(backtest.input());
        events.instrument("TEST", 0, 0);
        // momentum buys on day 1's rise; the buy fills at day 2's open, 11.
        upDownUp(events, 0);
        log.lines.clear();
        events.admin(7 * TestEvents.DAY_NS, AdminAction.SET_STRATEGY, "seller", 0);
        events.bar(8, 15, 16);
        events.bar(9, 16, 17);
        backtest.finish();
        // momentum sold on day 3, bought again on day 4 at 12 (filled day 5): long 1, cash 1000 - 11 + 11 - 12.
        // The seller sells on its first bar although prices rise, as momentum would not have; day 9's open fills it
        // at 16 before its bar reaches the strategy: flat, cash 988 + 16.
        assertEquals(List.of("position 1 cash 988 open 0", "position 0 cash 1004 open 0"), seen);
        assertEquals(List.of("order SELL day 8", "fill SELL @16 day 9"), log.lines);
    }

    @Test
    void aSwitchToAStrategyTheEngineDoesNotKnowChangesNothingAndIsCounted()
    {
        final Backtest backtest = backtest("momentum", Map.of("lookback", "1", "entry", "0"));
        final TestEvents events = new TestEvents(backtest.input());
        events.instrument("TEST", 0, 0);
        events.admin(0, AdminAction.SET_STRATEGY, "no-such-strategy", 0);
        // Staged parameters momentum refuses (lookback 0 is below its range) leave momentum as it was too.
        events.admin(0, AdminAction.STRATEGY_PARAM, "lookback", 0);
        events.admin(0, AdminAction.SET_STRATEGY, "momentum", 0);
        upDownUp(events, 0);
        final EngineResult result = backtest.finish();
        assertEquals(List.of(
            "order BUY day 1", "fill BUY @11 day 2",
            "order SELL day 3", "fill SELL @11 day 4",
            "order BUY day 4", "fill BUY @12 day 5"), log.lines);
        assertEquals(2, result.ignoredParamChanges());
    }

    /** Records what its context shows on each bar and sells the whole position whenever long. */
    private StrategyFactory seller()
    {
        return new StrategyFactory()
        {
            @Override
            public String name()
            {
                return "seller";
            }

            @Override
            public String description()
            {
                return "sells whatever it holds";
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
                    public void onBar(final long timeNs, final long durationNs, final long open, final long high, final long low, final long close)
                    {
                        seen.add("position " + context.position() + " cash " + context.cash() / MONEY + " open " + context.openOrders());
                        if (context.position() > 0)
                        {
                            context.sellMarket(context.position());
                        }
                    }
                };
            }
        };
    }
}
