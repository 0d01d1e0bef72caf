package io.qts.examples.rsi;

import io.qts.engine.strategy.Strategy;
import io.qts.engine.strategy.StrategyContext;
import io.qts.engine.strategy.StrategyFactory;
import io.qts.engine.strategy.StrategyParameter;
import io.qts.engine.strategy.StrategyParams;

import java.util.List;

/** Makes {@code rsi-reversion}; listed in META-INF/services for {@link java.util.ServiceLoader}. */
public final class RsiReversionFactory implements StrategyFactory
{
    static final long ONE = StrategyParameter.ONE;
    private static final List<StrategyParameter> PARAMETERS = List.of(
        StrategyParameter.whole("period", 2, 1000, "14", "price changes the RSI is taken over"),
        StrategyParameter.whole("lower", 1, 99, "30", "buy when the RSI falls below this"),
        StrategyParameter.whole("upper", 1, 99, "70", "sell when the RSI rises above this; above lower"));

    @Override
    public String name()
    {
        return "rsi-reversion";
    }

    @Override
    public String description()
    {
        return "RSI mean reversion: buys when the RSI falls below lower, sells when it rises above upper";
    }

    @Override
    public List<StrategyParameter> parameters()
    {
        return PARAMETERS;
    }

    @Override
    public Strategy create(final StrategyParams params, final StrategyContext context)
    {
        return new RsiReversion(context, params.whole("period"), params.whole("lower"), params.whole("upper"));
    }
}
