package io.qts.engine.pipeline;

import io.qts.engine.strategy.Strategy;
import io.qts.engine.strategy.StrategyFactory;

/** A strategy made from checked parameters, with the context it acts through: what one engine runs. */
public final class ConfiguredStrategy
{
    private final StrategyFactory factory;
    private final StrategyView view;
    private final Strategy strategy;

    /** The strategy the factory made, and the view it was made with. */
    public ConfiguredStrategy(final StrategyFactory factory, final StrategyView view, final Strategy strategy)
    {
        this.factory = factory;
        this.view = view;
        this.strategy = strategy;
    }

    /** The factory it was made by. */
    public StrategyFactory factory()
    {
        return factory;
    }

    StrategyView view()
    {
        return view;
    }

    Strategy strategy()
    {
        return strategy;
    }
}
