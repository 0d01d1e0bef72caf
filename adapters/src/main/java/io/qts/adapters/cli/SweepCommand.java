package io.qts.adapters.cli;

import io.qts.adapters.report.Metrics;
import io.qts.adapters.research.ParamGrid;
import io.qts.adapters.research.RecordedInputs;
import io.qts.adapters.research.Sweep;
import io.qts.adapters.research.SweepReport;
import io.qts.adapters.research.SweepRow;
import io.qts.adapters.research.WalkForward;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qts.adapters.report.ReportInputs;
import io.qts.engine.EngineContext;
import io.qts.adapters.strategies.StrategyPathOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code qts sweep}: the backtest of every parameter combination, in parallel, ranked; or, with
 * {@code --train} and {@code --test}, a rolling walk-forward. See docs/research.md.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Backtest every combination of parameter ranges in parallel and rank them (sweep.csv, sweep.json); "
        + "with --train and --test, a walk-forward instead (walkforward.csv, walkforward.json).")
final class SweepCommand implements Callable<Integer>
{
    @Mixin
    private BacktestOptions options;

    @Mixin
    private StrategyPathOption strategyPath;

    @Option(names = "--strategy", required = true, paramLabel = "NAME", completionCandidates = StrategyNames.class,
        description = "Strategy: ${COMPLETION-CANDIDATES}.")
    private String strategy;

    @Option(names = "--param", paramLabel = "KEY=SPEC",
        description = "A fixed value (fast=10) or an inclusive range FROM..TO:STEP (fast=5..20:5, k=0.3..0.7:0.1).")
    private Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--rank", paramLabel = "METRIC", defaultValue = "sharpe",
        description = "Metric to rank by, best first (default ${DEFAULT-VALUE}): sharpe, sortino, totalReturn, cagr, "
            + "maxDrawdown (smallest first), winRate, profitFactor.")
    private String rank;

    @Option(names = "--threads", paramLabel = "N", description = "Backtests at a time (default: all processors).")
    private Integer threads;

    @Option(names = "--train", paramLabel = "N", description = "Walk-forward: bars/events each train window has.")
    private Integer train;

    @Option(names = "--test", paramLabel = "M", description = "Walk-forward: bars/events each test window has (also the step).")
    private Integer test;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where the sweep or walk-forward files go.")
    private Path out;

    @picocli.CommandLine.Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call()
    {
        strategyPath.load();
        BacktestOptions.noteConfiguration(spec.commandLine().getErr(), "sweep");
        if (!Metrics.RANKABLE.contains(rank))
        {
            throw new UserError("--rank: unknown metric '" + rank + "' (known: " + String.join(", ", Metrics.RANKABLE) + ")");
        }
        final int poolSize = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (poolSize < 1)
        {
            throw new UserError("--threads must be positive, got " + threads);
        }
        if ((train == null) != (test == null))
        {
            throw new UserError(train == null ? "--test needs --train N" : "--train needs --test M");
        }
        positive("--train", train);
        positive("--test", test);
        final ParamGrid grid = ParamGrid.parse(params);
        final List<Map<String, String>> combinations = grid.combinations();

        final BacktestOptions.Inputs source = train == null ? options.inputs() : options.inputs().single("walk-forward");
        final RecordedInputs inputs = RecordedInputs.record(source.symbols(), source.replay());
        options.check(source, inputs.instrumentSeen(), inputs.marketEvents());
        final EngineContext accepted = requireOneAccepted(source.symbols(), combinations);
        final ObjectNode reportInputs = ReportInputs.of(accepted, source.dataSources(), inputs.marketEvents(),
            inputs.marketEvents() == 0 ? 0 : inputs.marketTimeNs(0), inputs.marketEvents() == 0 ? 0 : inputs.marketTimeNs(inputs.marketEvents() - 1),
            false);
        final PrintWriter err = spec.commandLine().getErr();
        final PrintWriter console = spec.commandLine().getOut();
        if (!source.skippedLine().isEmpty())
        {
            console.println(source.skippedLine());
        }
        try (Sweep sweep = new Sweep(p -> options.context(source.symbols(), strategy, p), poolSize, err))
        {
            if (train != null)
            {
                final WalkForward walkForward =
                    new WalkForward(sweep, inputs, combinations, grid.keys(), rank, train, test, options.initialCash());
                walkForward.run(err);
                walkForward.writeTo(out, strategy, source.symbol(), reportInputs);
                console.println("wrote " + out.resolve("walkforward.csv") + ", walkforward.inputs.json, walkforward.json and walkforward.html");
                console.println(walkForward.summary());
                return 0;
            }
            final List<SweepRow> rows = sweep.run(combinations, inputs::replay);
            final SweepReport report = new SweepReport(strategy, String.join(",", source.symbols()), rank, grid.keys(), rows);
            report.writeTo(out, reportInputs);
            final SweepRow best = report.ranked().get(0);
            console.println(String.format("%d combinations ran, %d skipped%s; best by %s: %s (%s %s, final value %s)",
                report.ranked().size(), report.skipped().size(),
                report.skipped().isEmpty() ? "" : " (e.g. " + report.skipped().get(0).skipped() + ")",
                rank, best.params(), rank, best.metrics().value(rank) == null
                    ? "undefined: " + best.metrics().undefined().get(rank) : Metrics.plain(best.metrics().value(rank)),
                best.finalValue()));
            console.println("wrote " + out.resolve("sweep.csv") + ", sweep.inputs.json, sweep.json and sweep.html");
            return 0;
        }
    }

    private static void positive(final String option, final Integer value)
    {
        if (value != null && value < 1)
        {
            throw new UserError(option + " must be a positive number of bars/events, got " + value);
        }
    }

    /** Refuses, before any output, a sweep where nothing would run (a misspelt key, a bad --size, no fast < slow). */
    private EngineContext requireOneAccepted(final List<String> symbols, final List<Map<String, String>> combinations)
    {
        IllegalArgumentException first = null;
        for (final Map<String, String> combination : combinations)
        {
            try
            {
                return options.context(symbols, strategy, combination);
            }
            catch (final IllegalArgumentException ex)
            {
                first = first == null ? ex : first;
            }
        }
        throw new UserError("the strategy refuses every combination: " + first.getMessage());
    }
}
