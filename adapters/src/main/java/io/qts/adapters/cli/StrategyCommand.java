package io.qts.adapters.cli;

import io.qts.adapters.report.BacktestReport;
import io.qts.adapters.research.BacktestRun;
import io.qts.adapters.strategies.StrategyPathOption;
import io.qts.engine.Backtest;
import io.qts.engine.EngineContext;
import io.qts.engine.InputSink;
import io.qts.engine.OutputListener;
import io.qts.engine.Strategies;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code qts strategy check}: whether a strategy keeps the engine's rules (determinism, no allocation per event). */
@Command(name = "strategy", mixinStandardHelpOptions = true, subcommands = StrategyCommand.Check.class,
    description = "Check a strategy against the engine's rules.")
final class StrategyCommand implements Runnable
{
    @picocli.CommandLine.Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run()
    {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "missing subcommand: check");
    }

    /**
     * Backtests the strategy twice (the digests must match: same inputs, same orders) and a third time measuring
     * what the engine thread allocates per input event (ThreadMXBean#getThreadAllocatedBytes around each input,
     * after the first two runs warmed the code up). A backtest on a fresh engine allocates a few hundred bytes at a
     * handful of events (the instrument's definition, the first order, the JIT's rare deoptimizations), so the rule
     * is broken when more than {@value #ONE_TIME_EVENTS} events, and more than 1 % of them, allocate: a strategy that
     * allocates per bar or per trade allocates at nearly every event. Exit 1 when the digests differ or it is broken.
     */
    @Command(name = "check", mixinStandardHelpOptions = true,
        description = "Backtest NAME twice (same digest required) and report the engine thread's allocation per event.")
    static final class Check implements Callable<Integer>
    {
        static final int ONE_TIME_EVENTS = 3;

        @Parameters(index = "0", paramLabel = "NAME", description = "The strategy to check.")
        private String strategy;

        @Mixin
        private BacktestOptions options;

        @Mixin
        private StrategyPathOption strategyPath;

        @Option(names = "--param", paramLabel = "KEY=VALUE", description = "Strategy parameter (default: the strategy's defaults).")
        private Map<String, String> params = new LinkedHashMap<>();

        @picocli.CommandLine.Spec
        private picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call()
        {
            strategyPath.load();
            Strategies.factory(strategy);
            final PrintWriter out = spec.commandLine().getOut();
            final BacktestOptions.Inputs inputs = options.inputs().single("strategy check");
            final BacktestReport first = BacktestRun.run(options.context(inputs.symbol(), strategy, params), inputs.replay());
            final BacktestReport second = BacktestRun.run(options.context(inputs.symbol(), strategy, params), inputs.replay());
            final String digest = first.result().digest();
            final boolean deterministic = digest.equals(second.result().digest());
            out.printf("%s: digest %s, %s (%d orders, %d fills)%n", strategy, digest,
                deterministic ? "the same on both runs" : "DIFFERENT on the second run: " + second.result().digest(),
                first.result().orders(), first.result().fills());
            final long[] measured = measure(options.context(inputs.symbol(), strategy, params), inputs);
            final double perEvent = measured[1] == 0 ? 0 : (double)measured[0] / measured[1];
            final boolean allocationFree = measured[2] <= ONE_TIME_EVENTS || measured[2] * 100 <= measured[1];
            out.printf(java.util.Locale.ROOT, "engine thread: %d bytes over %d events = %.4f bytes/event, %d events allocated (%s)%n",
                measured[0], measured[1], perEvent, measured[2], allocationFree
                    ? "keeps the rule: no allocation per event, only a fresh engine's one-time few"
                    : "breaks the rule: the hot path must not allocate per event");
            return deterministic && allocationFree ? 0 : Main.EXIT_ERROR;
        }

        /** Bytes the calling (engine) thread allocated inside the engine, the events fed, and those that allocated. */
        private static long[] measure(final EngineContext context, final BacktestOptions.Inputs inputs)
        {
            final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
            final long thread = Thread.currentThread().getId();
            final Backtest backtest = new Backtest(context, OutputListener.NONE);
            final InputSink engine = backtest.input();
            final long[] totals = new long[3];
            inputs.replay().accept((timeNs, sourceId, format, buffer, offset, length) ->
            {
                final long before = threads.getThreadAllocatedBytes(thread);
                engine.accept(timeNs, sourceId, format, buffer, offset, length);
                final long bytes = threads.getThreadAllocatedBytes(thread) - before;
                totals[0] += bytes;
                totals[1]++;
                totals[2] += bytes > 0 ? 1 : 0;
            });
            backtest.finish();
            return totals;
        }
    }
}
