package io.qts.engine.strategy.builtin;

import io.qts.engine.strategy.StrategyContext;
import io.qts.engine.strategy.StrategyFactory;
import io.qts.engine.strategy.StrategyParameter;
import io.qts.engine.strategy.StrategyParams;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each strategy's rule on a few prices written out by hand. */
class StrategyRulesTest
{
    private static final int B = SignalRule.BUY;
    private static final int S = SignalRule.SELL;
    private static final long MINUTE_NS = 60_000_000_000L;

    /** The built-in strategy's signal rule, made by its factory from checked values (defaults filled in). */
    private static SignalRule rule(final String name, final Map<String, String> params)
    {
        final StrategyFactory factory = BuiltInStrategies.factories().stream().filter((f) -> f.name().equals(name)).findFirst().orElseThrow();
        final List<StrategyParameter> declared = factory.parameters();
        final long[] values8 = new long[declared.size()];
        for (int i = 0; i < values8.length; i++)
        {
            values8[i] = declared.get(i).read(name, params);
        }
        return (SignalRule)factory.create(new StrategyParams(declared, values8), null);
    }

    private static int[] closes(final SignalRule strategy, final long... prices)
    {
        final int[] out = new int[prices.length];
        for (int i = 0; i < prices.length; i++)
        {
            out[i] = strategy.barSignal(i, 1, prices[i], prices[i], prices[i], prices[i]);
        }
        return out;
    }

    @Test
    void emaCrossSeedsWithTheSmaAndRoundsHalfEven()
    {
        // fast=2: seeded on price 2 with (10+20)/2 = 15, then +2(p-ema)/3: 25, 22 (25-3.33), 14, 31 (14+17.33).
        // slow=3: seeded on price 3 with 20, then +2(p-ema)/4: 20, 15, 27 (15 + 12.5, half-even to 12).
        // fast-slow from price 3: +5, +2, -1 (down-cross), +4 (up-cross).
        assertArrayEquals(new int[] {0, 0, 0, 0, S, B},
            closes(rule("ema-cross", Map.of("fast", "2", "slow", "3")), 10, 20, 30, 20, 10, 40));
    }

    @Test
    void emaCrossLengthChangedAtRunTimeChangesTheSmoothingFromTheNextPrice()
    {
        final SignalRule ema = rule("ema-cross", Map.of("fast", "2", "slow", "3"));
        closes(ema, 10, 20, 30, 20);
        // slow 3 -> 9: smoothing 2/10. slow = 20 + 2(10-20)/10 = 18; fast = 22 + 2(10-22)/3 = 14: down-cross.
        assertTrue(ema.onParamChange(1, 9 * StrategyParameter.ONE));
        assertEquals(S, ema.tradeSignal(4, 10));
        assertFalse(ema.onParamChange(0, 9 * StrategyParameter.ONE), "fast must stay below slow");
    }

    @Test
    void momentumEntersAboveTheEntryReturnAndExitsBelowTheExitReturn()
    {
        // lookback 2, entry 0.1, exit -0.05. Returns from price 3: 10/100 = 0.1 (not above), 11/100 = 0.11 (BUY),
        // -10/110 = -0.0909 (SELL), -7/111 = -0.063 (SELL), -5/100 = -0.05 (not below).
        assertArrayEquals(new int[] {0, 0, 0, B, S, S, 0},
            closes(rule("momentum", Map.of("lookback", "2", "entry", "0.1", "exit", "-0.05")),
                100, 100, 110, 111, 100, 104, 95));
    }

    @Test
    void momentumThresholdsAreExactAtTenToTheMinusEight()
    {
        // (100000001 - 100000000) / 100000000 = 0.00000001 exactly: not above an entry of 0.00000001.
        final SignalRule momentum = rule("momentum", Map.of("lookback", "1", "entry", "0.00000001", "exit", "0"));
        assertArrayEquals(new int[] {0, 0, B}, closes(momentum, 100_000_000, 100_000_001, 100_000_003));
    }

    /** 20-minute bars, sessions of 60 minutes, k 0.5. */
    @Test
    void volatilityBreakoutBuysAtOpenPlusKRangeAndExitsOnTheBarThatEndsTheSession()
    {
        final SignalRule vb = rule("volatility-breakout", Map.of("sessionMinutes", "60", "k", "0.5"));
        final long bar = 20 * MINUTE_NS;
        // Session 0: no previous range, no entry. Its range: 110 - 90 = 20.
        assertEquals(0, vb.barSignal(0, bar, 100, 110, 90, 100));
        assertEquals(0, vb.barSignal(bar, bar, 100, 105, 95, 100));
        assertEquals(0, vb.barSignal(2 * bar, bar, 100, 100, 100, 100));
        // Session 1 opens at 100: target 100 + 0.5 x 20 = 110.
        assertEquals(0, vb.barSignal(3 * bar, bar, 100, 109, 99, 105), "high 109 < 110");
        assertEquals(B, vb.barSignal(4 * bar, bar, 105, 110, 104, 108), "high 110 >= 110");
        vb.onFill(5 * bar, StrategyContext.BUY, 108, 1, 0);
        assertEquals(S, vb.barSignal(5 * bar, bar, 108, 111, 107, 110), "this bar ends the session: exit at the next open");
        vb.onFill(6 * bar, StrategyContext.SELL, 110, 1, 0);
        // Session 2 opens at 110, session 1's range 111 - 99 = 12: target 116. One entry per session.
        assertEquals(0, vb.barSignal(6 * bar, bar, 110, 115, 110, 115));
        assertEquals(B, vb.barSignal(7 * bar, bar, 115, 116, 113, 114));
        assertEquals(0, vb.barSignal(8 * bar, bar, 114, 120, 113, 119), "the session's last bar never enters");
    }

    @Test
    void volatilityBreakoutStopsOutAtStopPctBelowTheEntryFill()
    {
        final SignalRule vb = rule("volatility-breakout", Map.of("sessionMinutes", "60", "k", "0", "stopPct", "0.05"));
        final long bar = 15 * MINUTE_NS;
        vb.barSignal(0, 4 * bar, 100, 110, 90, 100);
        // k 0: the target is the open itself, so the first bar of session 1 enters.
        assertEquals(B, vb.barSignal(4 * bar, bar, 100, 101, 99, 100));
        vb.onFill(5 * bar, StrategyContext.BUY, 108, 1, 0);
        // Stop 108 - 5% = 102.6, rounded half-even to 103.
        assertEquals(0, vb.barSignal(5 * bar, bar, 108, 109, 104, 105));
        assertEquals(S, vb.barSignal(6 * bar, bar, 105, 106, 103, 104));
    }

    @Test
    void volatilityBreakoutOnTradesExitsOnTheFirstTradeOfTheNextSession()
    {
        final SignalRule vb = rule("volatility-breakout", Map.of("sessionMinutes", "1", "k", "1"));
        vb.tradeSignal(0, 100);
        vb.tradeSignal(MINUTE_NS / 2, 104);
        // Session 1 opens at 104, previous range 4: target 108.
        assertEquals(0, vb.tradeSignal(MINUTE_NS, 104));
        assertEquals(B, vb.tradeSignal(MINUTE_NS + 1, 108));
        vb.onFill(MINUTE_NS + 2, StrategyContext.BUY, 108, 1, 0);
        assertEquals(0, vb.tradeSignal(MINUTE_NS + 3, 109));
        assertEquals(S, vb.tradeSignal(2 * MINUTE_NS, 109));
    }

    @Test
    void smaCrossWindowChangedAtRunTimeIsRecomputedFromTheKeptPrices()
    {
        final SignalRule sma = rule("sma-cross", Map.of("fast", "1", "slow", "3"));
        // fast1 vs slow3 at price 3: 30 vs 20 (+).
        assertArrayEquals(new int[] {0, 0, 0}, closes(sma, 10, 20, 30));
        // fast 1 -> 2 and slow 3 -> 4: at price 4 (10): fast (30+10)/2 = 20, slow 70/4 = 17.5: still +.
        assertTrue(sma.onParamChange(1, 4 * StrategyParameter.ONE));
        assertTrue(sma.onParamChange(0, 2 * StrategyParameter.ONE));
        assertEquals(0, sma.tradeSignal(3, 10));
        // price 5 (0): fast 5, slow 60/4 = 15: down-cross.
        assertEquals(S, sma.tradeSignal(4, 0));
        assertFalse(sma.onParamChange(0, 4 * StrategyParameter.ONE), "fast must stay below slow");
        assertFalse(sma.onParamChange(1, StrategyParameter.ONE / 2), "windows are whole numbers");
    }
}
