package io.qts.engine.strategy.builtin;

import io.qts.engine.strategy.Strategy;
import io.qts.engine.strategy.StrategyContext;
import io.qts.engine.strategy.StrategyFactory;
import io.qts.engine.strategy.StrategyParameter;
import io.qts.engine.strategy.StrategyParams;

import java.util.List;
import java.util.function.BiFunction;

/** The factory of a built-in strategy: the same {@link StrategyFactory} a strategy jar provides. */
final class BuiltInFactory implements StrategyFactory
{
    private final String name;
    private final String description;
    private final List<StrategyParameter> parameters;
    private final BiFunction<StrategyParams, StrategyContext, Strategy> maker;

    BuiltInFactory(
        final String name, final String description, final List<StrategyParameter> parameters,
        final BiFunction<StrategyParams, StrategyContext, Strategy> maker)
    {
        this.name = name;
        this.description = description;
        this.parameters = List.copyOf(parameters);
        this.maker = maker;
    }

    @Override
    public String name()
    {
        return name;
    }

    @Override
    public String description()
    {
        return description;
    }

    @Override
    public List<StrategyParameter> parameters()
    {
        return parameters;
    }

    @Override
    public Strategy create(final StrategyParams params, final StrategyContext context)
    {
        return maker.apply(params, context);
    }
}
