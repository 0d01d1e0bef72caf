package io.qts.engine;

import io.qts.engine.strategy.StrategyParameter;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Parameters are checked once, up front: each mistake is one error naming the strategy and the key. */
class StrategiesTest
{
    private static String error(final String strategy, final Map<String, String> params)
    {
        return assertThrows(IllegalArgumentException.class, () -> Strategies.create(strategy, params)).getMessage();
    }

    @Test
    void everyStrategyIsListedAndBuildsFromItsRequiredParameters()
    {
        assertEquals(List.of("sma-cross", "ema-cross", "momentum", "volatility-breakout"), Strategies.names());
        Strategies.create("sma-cross", Map.of("fast", "10", "slow", "30"));
        Strategies.create("ema-cross", Map.of("fast", "10", "slow", "30"));
        Strategies.create("momentum", Map.of("lookback", "10", "entry", "0.02"));
        Strategies.create("volatility-breakout", Map.of("k", "0.6"));
        assertEquals(List.of("cooldownSeconds", "k", "sessionMinutes", "stopPct"), Strategies.parameterNames("volatility-breakout"));
    }

    @Test
    void unknownStrategyAndUnknownParameter()
    {
        assertEquals("unknown strategy 'rsi' (known: sma-cross, ema-cross, momentum, volatility-breakout)", error("rsi", Map.of()));
        assertEquals("unknown parameter 'fats' for sma-cross (known: cooldownSeconds, fast, slow)",
            error("sma-cross", Map.of("fats", "10", "slow", "30")));
    }

    @Test
    void everyBuiltInStrategyRunsOnItsDefaults()
    {
        for (final String name : Strategies.names())
        {
            Strategies.create(name, Map.of());
        }
        assertEquals(Map.of("cooldownSeconds", "0", "fast", "10", "slow", "30"), Strategies.effectiveParams("sma-cross", Map.of()));
        assertEquals(Map.of("cooldownSeconds", "0", "fast", "12", "slow", "26"), Strategies.effectiveParams("ema-cross", Map.of()));
        assertEquals(Map.of("cooldownSeconds", "60", "lookback", "20", "entry", "0.05", "exit", "0"),
            Strategies.effectiveParams("momentum", Map.of("entry", "0.05", "cooldownSeconds", "60")));
        assertEquals(Map.of("cooldownSeconds", "0", "k", "0.5", "sessionMinutes", "1440", "stopPct", "0"),
            Strategies.effectiveParams("volatility-breakout", Map.of()));
    }

    @Test
    void missingParameterWithoutDefault()
    {
        final StrategyParameter required = StrategyParameter.decimal("entry", "-0.99999999", "100", null, "entry return");
        assertEquals("missing parameter 'entry' for mine (use --param entry=X, a decimal from -0.99999999 to 100)",
            assertThrows(IllegalArgumentException.class, () -> required.read("mine", Map.of())).getMessage());
    }

    @Test
    void valuesOutOfRange()
    {
        assertEquals("parameter 'lookback' for momentum must be a whole number from 1 to 100000, got '0'",
            error("momentum", Map.of("lookback", "0", "entry", "0.02")));
        assertEquals("parameter 'fast' for ema-cross must be a whole number from 1 to 99999, got '2.5'",
            error("ema-cross", Map.of("fast", "2.5", "slow", "30")));
        assertEquals("parameter 'k' for volatility-breakout must be a decimal from 0 to 10, got '-0.5'",
            error("volatility-breakout", Map.of("k", "-0.5")));
        assertEquals("parameter 'stopPct' for volatility-breakout must be a decimal from 0 to 0.99999999, got 'x'",
            error("volatility-breakout", Map.of("stopPct", "x")));
        assertEquals("parameter 'cooldownSeconds' for sma-cross must be a whole number from 0 to 31622400, got '-1'",
            error("sma-cross", Map.of("fast", "1", "slow", "2", "cooldownSeconds", "-1")));
    }

    @Test
    void valuesThatDoNotFitTogether()
    {
        assertEquals("sma-cross needs 1 <= fast < slow, got fast=30 slow=30",
            error("sma-cross", Map.of("fast", "30", "slow", "30")));
        assertEquals("ema-cross needs fast < slow, got fast=30 slow=10", error("ema-cross", Map.of("fast", "30", "slow", "10")));
        assertEquals("momentum needs exit <= entry, got entry=0.01 exit=0.02",
            error("momentum", Map.of("lookback", "5", "entry", "0.01", "exit", "0.02")));
        assertEquals("volatility-breakout: parameter 'sessionMinutes' must divide a day (1440), got 7",
            error("volatility-breakout", Map.of("sessionMinutes", "7")));
    }
}
