package io.qts.engine.strategy;

import java.util.List;

/**
 * Makes one kind of strategy: the service a strategy jar provides through {@link java.util.ServiceLoader}
 * (a {@code META-INF/services/io.qts.engine.strategy.StrategyFactory} file naming the implementation, which
 * needs a public no-argument constructor). Built-in strategies are made the same way.
 */
public interface StrategyFactory
{
    /** The name users pick it by ({@code --strategy NAME}): lower case, digits and '-'; unique among all strategies. */
    String name();

    /** One line saying what the strategy does. */
    String description();

    /**
     * The parameters it takes, in the order {@link Strategy#onParamChange} and {@link StrategyContext#param}
     * index them. Every strategy also takes the engine's {@code cooldownSeconds}, which is not listed here.
     */
    List<StrategyParameter> parameters();

    /**
     * A new strategy for one run, at start (not on the hot path: it may allocate what it keeps).
     *
     * @param params  every declared parameter's value, each within its range.
     * @param context what the strategy reads and sends orders through, valid from the first event on.
     * @throws IllegalArgumentException naming the parameters when their values do not fit together.
     */
    Strategy create(StrategyParams params, StrategyContext context);
}
