package io.qts.adapters.cli;

import io.qts.adapters.strategies.StrategyPathOption;
import io.qts.engine.FixedPoint;
import io.qts.engine.Strategies;
import io.qts.engine.strategy.StrategyFactory;
import io.qts.engine.strategy.StrategyParameter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code qts strategies}: every strategy QTS can run, built-in and loaded, with its parameters. */
@Command(name = "strategies", mixinStandardHelpOptions = true,
    description = "List every strategy (built-in and from --strategy-path) with its parameters, defaults, ranges and descriptions.")
final class StrategiesCommand implements Callable<Integer>
{
    @Mixin
    private StrategyPathOption strategyPath;

    @picocli.CommandLine.Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call()
    {
        strategyPath.load();
        final PrintWriter out = spec.commandLine().getOut();
        for (final StrategyFactory factory : Strategies.all())
        {
            out.println(factory.name() + (Strategies.isBuiltIn(factory.name()) ? " (built-in)" : " (loaded)") + ": " + factory.description());
            final List<StrategyParameter> params = new ArrayList<>(factory.parameters());
            params.add(Strategies.COOLDOWN);
            for (final StrategyParameter param : params)
            {
                out.printf("  %-16s %-8s default %-8s %s .. %s  %s%n", param.name(), param.isWhole() ? "whole" : "decimal",
                    param.defaultText() == null ? "(none)" : param.defaultText(),
                    FixedPoint.format(param.min8(), 8), FixedPoint.format(param.max8(), 8), param.description());
            }
        }
        return 0;
    }
}
