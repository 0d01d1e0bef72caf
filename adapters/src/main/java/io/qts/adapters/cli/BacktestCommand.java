package io.qts.adapters.cli;

import io.qts.adapters.report.BacktestReport;
import io.qts.adapters.research.BacktestRun;
import io.qts.adapters.run.AdminSchedule;
import io.qts.adapters.strategies.StrategyPathOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code qts backtest}: one deterministic backtest through the engine's stage chain. */
@Command(name = "backtest", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Run a strategy over a journal or a data file against the simulated venue; write report.json, "
        + "report.html, trades.csv and trades.inputs.json.")
final class BacktestCommand implements Callable<Integer>
{
    @Mixin
    private BacktestOptions options;

    @Mixin
    private StrategyPathOption strategyPath;

    @Option(names = "--strategy", required = true, paramLabel = "NAME", completionCandidates = StrategyNames.class,
        description = "Strategy: ${COMPLETION-CANDIDATES}.")
    private String strategy;

    @Option(names = "--param", paramLabel = "KEY=VALUE", description = "Strategy parameter, e.g. --param fast=10 (see docs/strategies.md).")
    private Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--admin", paramLabel = "COMMAND",
        description = "Operator command put into the inputs at its time (repeatable): " + AdminSchedule.SYNTAX + ".")
    private List<String> admin = new ArrayList<>();

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where report.json, report.html, trades.csv and trades.inputs.json go.")
    private Path out;

    @picocli.CommandLine.Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call()
    {
        strategyPath.load();
        BacktestOptions.noteConfiguration(spec.commandLine().getErr(), "backtest");
        final BacktestOptions.Inputs inputs = options.inputs();
        final AdminSchedule adminSchedule = AdminSchedule.parse(admin, strategy);
        final BacktestReport report = BacktestRun.run(options.context(inputs.symbols(), strategy, params), inputs.dataSources(), sink ->
        {
            final AdminSchedule.Merged merged = adminSchedule.into(sink);
            inputs.replay().accept(merged);
            merged.finish();
        });
        options.check(inputs, report.result().instrumentSeen(), report.result().marketEvents());
        report.writeTo(out);
        spec.commandLine().getOut().println(report.summary());
        if (!inputs.skippedLine().isEmpty())
        {
            spec.commandLine().getOut().println(inputs.skippedLine());
        }
        spec.commandLine().getOut().println("wrote " + out.resolve("report.json") + ", report.html, trades.csv and trades.inputs.json");
        return 0;
    }
}
