package io.qts.bench;

import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.util.Statistics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code jmh}: runs the JMH benchmarks in this jar through the JMH runner, always with the GC profiler
 * (gc.alloc.rate.norm is how the hot path proves it allocates nothing) and one benchmark thread, so a
 * benchmark plus any consumer thread it starts never outnumber the cores of a 2-core machine.
 */
@Command(
    name = "jmh",
    description = "Runs the JMH benchmarks (names matching REGEX, default all) with the GC profiler; "
        + "writes JMH JSON to bench/results/ and prints a summary table.")
final class JmhCommand implements Callable<Integer>
{
    static final int MAX_FORKS = 20;
    static final int MAX_ITERATIONS = 100;
    static final int MAX_SECONDS = 600;
    /** The flags forked benchmark JVMs need for Chronicle and Agrona, taken from the ones this JVM got. */
    private static final List<String> FORWARDED_FLAGS = List.of(
        "--add-opens", "--add-exports", "-Dchronicle.", "--sun-misc-unsafe-memory-access", "--enable-native-access");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    @Spec
    CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Parameters(index = "0", arity = "0..1", paramLabel = "REGEX",
        description = "Benchmarks whose full name (package.Class.method) contains a match; default: all.")
    String regex;

    @Option(names = "--forks", defaultValue = "2", paramLabel = "N",
        description = "Fresh JVMs per benchmark; 0 runs in this JVM, for smoke tests only (default: ${DEFAULT-VALUE}).")
    int forks;

    @Option(names = "--warmups", defaultValue = "3", paramLabel = "N",
        description = "Warm-up iterations per fork (default: ${DEFAULT-VALUE}).")
    int warmups;

    @Option(names = "--iterations", defaultValue = "5", paramLabel = "N",
        description = "Measured iterations per fork (default: ${DEFAULT-VALUE}).")
    int iterations;

    @Option(names = "--time", defaultValue = "1", paramLabel = "S",
        description = "Seconds per iteration, warm-up and measured (default: ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--out", paramLabel = "FILE",
        description = "Where the JMH JSON goes (default: bench/results/jmh-<UTC time>.json under the repository).")
    Path out;

    @Override
    public Integer call() throws RunnerException, IOException
    {
        validate();
        final Path json = out != null ? out : defaultOut();
        final Path parent = json.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        final Collection<RunResult> results = new Runner(options(json)).run();
        final PrintWriter printer = spec.commandLine().getOut();
        printer.print(summary(results));
        printer.println("results: " + json.toAbsolutePath());
        printer.flush();
        return 0;
    }

    private void validate()
    {
        if (regex != null)
        {
            try
            {
                Pattern.compile(regex);
            }
            catch (final PatternSyntaxException ex)
            {
                throw bad("REGEX is not a regular expression: " + ex.getDescription() + " in '" + regex + "'");
            }
        }
        requireRange("--forks", forks, 0, MAX_FORKS);
        requireRange("--warmups", warmups, 0, MAX_ITERATIONS);
        requireRange("--iterations", iterations, 1, MAX_ITERATIONS);
        requireRange("--time", seconds, 1, MAX_SECONDS);
    }

    private void requireRange(final String option, final int value, final int min, final int max)
    {
        if (value < min || value > max)
        {
            throw bad(option + " must be " + min + " to " + max + ", got " + value);
        }
    }

    private Options options(final Path json)
    {
        final OptionsBuilder builder = new OptionsBuilder();
        if (regex != null)
        {
            builder.include(regex);
        }
        builder
            .addProfiler(GCProfiler.class)
            .threads(1)
            .shouldFailOnError(true)
            .forks(forks)
            .warmupIterations(warmups)
            .warmupTime(TimeValue.seconds(seconds))
            .measurementIterations(iterations)
            .measurementTime(TimeValue.seconds(seconds))
            .jvmArgsAppend(forwardedFlags().toArray(new String[0]))
            .resultFormat(ResultFormatType.JSON)
            .result(json.toAbsolutePath().toString());
        return builder.build();
    }

    static List<String> forwardedFlags()
    {
        final List<String> flags = new ArrayList<>();
        for (final String argument : ManagementFactory.getRuntimeMXBean().getInputArguments())
        {
            for (final String prefix : FORWARDED_FLAGS)
            {
                if (argument.startsWith(prefix))
                {
                    flags.add(argument);
                    break;
                }
            }
        }
        return flags;
    }

    /** bench/results/ of the repository: bin/qts passes its root as qts.home; without it, the working directory. */
    private static Path defaultOut()
    {
        final String home = System.getProperty("qts.home");
        final Path root = home == null || home.isEmpty() ? Paths.get("") : Paths.get(home);
        return root.resolve("bench").resolve("results").resolve("jmh-" + STAMP.format(Instant.now()) + ".json");
    }

    /**
     * One line per benchmark: score with its 99.9 % error, and the bytes each operation allocated; a sampled benchmark
     * ({@code Mode.SampleTime}) gets a second line with its percentiles.
     */
    static String summary(final Collection<RunResult> results)
    {
        final StringBuilder table = new StringBuilder();
        table.append(String.format(Locale.ROOT, "%-60s %14s %12s %-6s %14s%n", "benchmark", "score", "error", "unit", "alloc B/op"));
        for (final RunResult result : results)
        {
            final Result<?> primary = result.getPrimaryResult();
            final Result<?> alloc = result.getSecondaryResults().get("gc.alloc.rate.norm");
            table.append(String.format(Locale.ROOT, "%-60s %14.3f %12s %-6s %14s%n",
                name(result.getParams()), primary.getScore(), error(primary), primary.getScoreUnit(),
                alloc == null ? "n/a" : String.format(Locale.ROOT, "%.3f", alloc.getScore())));
            if (result.getParams().getMode() == Mode.SampleTime)
            {
                final Statistics sampled = primary.getStatistics();
                table.append(String.format(Locale.ROOT, "  %,d samples (%s): p50 %.3f, p99 %.3f, p99.9 %.3f, p99.99 %.3f, max %.3f%n",
                    sampled.getN(), primary.getScoreUnit(), sampled.getPercentile(50), sampled.getPercentile(99),
                    sampled.getPercentile(99.9), sampled.getPercentile(99.99), sampled.getMax()));
            }
        }
        return table.toString();
    }

    /** Class.method, then the parameters if it has any: {@code StageChainBenchmark.onTrade(journal=true)}. */
    private static String name(final BenchmarkParams params)
    {
        final String benchmark = params.getBenchmark();
        final StringBuilder name = new StringBuilder(benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1));
        String separator = "(";
        for (final String key : params.getParamsKeys())
        {
            name.append(separator).append(key).append('=').append(params.getParam(key));
            separator = ", ";
        }
        return params.getParamsKeys().isEmpty() ? name.toString() : name.append(')').toString();
    }

    private static String error(final Result<?> result)
    {
        final double error = result.getScoreError();
        return Double.isNaN(error) ? "n/a" : String.format(Locale.ROOT, "± %.3f", error);
    }

    private ParameterException bad(final String message)
    {
        return new ParameterException(spec.commandLine(), message);
    }
}
