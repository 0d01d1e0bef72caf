package io.qts.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/**
 * Entry point of the benchmark tools. Exit codes: 0 done, 1 the run failed or its engines disagreed,
 * 2 bad command line (one error line, no usage dump). Run it with the JVM flags of {@code qts.jvm.flags}
 * in the parent pom:
 * <pre>
 * java -cp "bench/target/qts-bench.jar:bench/target/lib/*" $FLAGS io.qts.bench.BenchMain throughput --json
 * java -cp "bench/target/qts-bench.jar:bench/target/lib/*" $FLAGS -Dqts.home=. io.qts.bench.BenchMain jmh Decode
 * </pre>
 */
@Command(
    name = "bench",
    description = "QTS benchmarks.")
public final class BenchMain implements Callable<Integer>
{
    @Spec
    CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    public static void main(final String[] args)
    {
        System.exit(execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs a command line with the given streams and returns the exit code. */
    static int execute(final PrintWriter out, final PrintWriter err, final String... args)
    {
        return commandLine(out, err).execute(args);
    }

    /**
     * The command tree, named {@code qts bench} as bin/qts starts it, so every usage line shows the command
     * a user types.
     */
    static CommandLine commandLine(final PrintWriter out, final PrintWriter err)
    {
        return new CommandLine(new BenchMain())
            .setCommandName("qts bench")
            .addSubcommand(new ThroughputCommand())
            .addSubcommand(new JmhCommand())
            .addSubcommand(new LatencyCommand())
            .addSubcommand(new BacktestBenchCommand())
            .addSubcommand(new CrashCommand())
            .setOut(out)
            .setErr(err)
            .setParameterExceptionHandler((ex, ignored) ->
            {
                err.println("qts: error: " + ex.getMessage());
                err.flush();
                return 2;
            })
            .setExecutionExceptionHandler((ex, ignored, parseResult) ->
            {
                err.println("qts: error: " + ex);
                err.flush();
                return 1;
            });
    }

    @Override
    public Integer call()
    {
        throw new ParameterException(spec.commandLine(), "missing command (known: throughput, jmh, latency, backtest, crash)");
    }
}
