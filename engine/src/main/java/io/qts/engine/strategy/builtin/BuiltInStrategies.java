package io.qts.engine.strategy.builtin;

import io.qts.engine.strategy.StrategyFactory;

import java.util.List;

/**
 * The strategies compiled into QTS (docs/strategies.md), each written against the public strategy API alone and
 * made by its {@link StrategyFactory}, like a strategy loaded from a jar.
 */
public final class BuiltInStrategies
{
    /** Largest window (prices) any built-in strategy keeps. */
    static final int MAX_WINDOW = 100_000;

    private BuiltInStrategies()
    {
    }

    /** sma-cross, ema-cross, momentum and volatility-breakout, in that order. */
    public static List<StrategyFactory> factories()
    {
        return List.of(SmaCross.FACTORY, EmaCross.FACTORY, Momentum.FACTORY, VolatilityBreakout.FACTORY);
    }
}
