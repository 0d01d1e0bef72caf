package io.qts.bench;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code bench backtest}: the whole-process backtest ({@code bin/qts backtest}, sma-cross 10/30) run as a child
 * process several times; wall time and peak RSS as median, min and max. With {@code --vs}, other programs on
 * the same file are run alternately with it (QTS, first other, second other, QTS, ...) so all see the same
 * machine load, and all must report the same trade count and final value.
 */
@Command(
    name = "backtest",
    description = "Whole-process backtest (bin/qts backtest, sma-cross 10/30) as a child process, N runs: "
        + "wall time and peak RSS (median, min, max); optionally alternated with another program (--vs).")
final class BacktestBenchCommand implements Callable<Integer>
{
    /** The BTC 1-minute bars of the shared public data (45,000 bars), relative to the shared data folder. */
    static final String DEFAULT_DATA = "nautilus_trader/btc-perp-20211231-20220201_1m.csv";
    static final int MAX_RUNS = 99;
    /** A run's summary line, QTS's or the other program's: "..., N trades, ..., final value V, ...". */
    static final Pattern OUTCOME = Pattern.compile("(\\d+) trades,.*final value (-?[0-9.]+)");

    @Spec
    CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Option(names = "--data", paramLabel = "FILE",
        description = "OHLCV CSV to backtest (default: " + DEFAULT_DATA + " in the shared data beside the project).")
    Path data;

    @Option(names = "--runs", defaultValue = "5", paramLabel = "N", description = "Runs of each program (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--vs", paramLabel = "PROGRAM",
        description = "An executable to run alternately with QTS (repeatable); it gets the data file as its only "
            + "argument and must print 'N trades, ... final value V'.")
    List<Path> vs = new ArrayList<>();

    @Option(names = "--json", description = "Print the results as one JSON object on the last line as well.")
    boolean json;

    @Override
    public Integer call() throws Exception
    {
        final Path home = Path.of(System.getProperty("qts.home", "."));
        final Path file = data != null ? data : sharedData(home).resolve(DEFAULT_DATA);
        if (!Files.isReadable(file))
        {
            throw bad("--data: cannot read " + file.toAbsolutePath());
        }
        if (runs < 1 || runs > MAX_RUNS)
        {
            throw bad("--runs must be 1 to " + MAX_RUNS + ", got " + runs);
        }
        final PrintWriter out = spec.commandLine().getOut();
        final PeakRssMeter meter = PeakRssMeter.detect();
        final List<String> qts = List.of(home.resolve("bin/qts").toString(), "backtest", "--data", file.toString(),
            "--format", "ohlcv", "--symbol", "BTC", "--strategy", "sma-cross", "--param", "fast=10", "--param", "slow=30",
            "--cash", "1000000", "--size", "1");
        final List<ChildRunSeries> series = new ArrayList<>();
        series.add(new ChildRunSeries("qts"));
        for (final Path program : vs)
        {
            if (!Files.isExecutable(program))
            {
                throw bad("--vs: not an executable: " + program);
            }
            series.add(new ChildRunSeries(program.getFileName().toString()));
        }
        try (WorkDir work = WorkDir.create(null))
        {
            for (int run = 0; run < runs; run++)
            {
                final List<String> qtsRun = new ArrayList<>(qts);
                qtsRun.addAll(List.of("--out", work.fresh("report").toString()));
                series.get(0).add(meter.run(qtsRun, work.fresh("qts")));
                for (int i = 0; i < vs.size(); i++)
                {
                    series.get(i + 1).add(meter.run(List.of(vs.get(i).toString(), file.toString()), work.fresh("vs")));
                }
            }
        }
        final String outcome = outcome(series);
        out.print(table(file, meter, outcome, series));
        if (json)
        {
            out.println(json(file, meter, outcome, series));
        }
        out.flush();
        return 0;
    }

    /** The one trade count and final value all runs of all programs reported; throws when they differ. */
    static String outcome(final List<ChildRunSeries> series)
    {
        String agreed = null;
        for (final ChildRunSeries one : series)
        {
            for (final String stdout : one.stdouts())
            {
                final Matcher matcher = OUTCOME.matcher(stdout);
                if (!matcher.find())
                {
                    throw new IllegalStateException(one.name() + " printed no 'N trades ... final value V': " + stdout.strip());
                }
                final String found = matcher.group(1) + " trades, final value " + matcher.group(2);
                if (agreed != null && !agreed.equals(found))
                {
                    throw new IllegalStateException("the runs disagree: '" + agreed + "' vs " + one.name() + "'s '" + found + "'");
                }
                agreed = found;
            }
        }
        return agreed;
    }

    private static String table(final Path file, final PeakRssMeter meter, final String outcome, final List<ChildRunSeries> series)
    {
        final StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "data %s; every run: %s; peak RSS by %s; %d runs each, alternated%n",
            file.getFileName(), outcome, meter.source(), series.get(0).size()));
        text.append(String.format(Locale.ROOT, "%-16s %10s %10s %10s %12s %10s %10s%n",
            "program", "wall med", "min", "max", "RSS MB med", "min", "max"));
        for (final ChildRunSeries one : series)
        {
            text.append(String.format(Locale.ROOT, "%-16s %8d ms %7d ms %7d ms %12.1f %10.1f %10.1f%n", one.name(),
                one.wallMs().median(), one.wallMs().min(), one.wallMs().max(),
                mb(one.rssKib().median()), mb(one.rssKib().min()), mb(one.rssKib().max())));
        }
        for (final ChildRunSeries other : series.subList(1, series.size()))
        {
            text.append(String.format(Locale.ROOT, "qts / %s: median wall %.2fx, median peak RSS %.2fx%n", other.name(),
                ratio(series.get(0).wallMs().median(), other.wallMs().median()),
                ratio(series.get(0).rssKib().median(), other.rssKib().median())));
        }
        return text.toString();
    }

    private static String json(final Path file, final PeakRssMeter meter, final String outcome, final List<ChildRunSeries> series)
    {
        final StringBuilder text = new StringBuilder("{\"data\":\"").append(file.getFileName())
            .append("\",\"outcome\":\"").append(outcome)
            .append("\",\"peakRssSource\":\"").append(meter.source()).append("\",\"programs\":[");
        for (int i = 0; i < series.size(); i++)
        {
            final ChildRunSeries one = series.get(i);
            text.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT,
                "{\"name\":\"%s\",\"runs\":%d,\"wallMsMedian\":%d,\"wallMsMin\":%d,\"wallMsMax\":%d,"
                    + "\"peakRssKibMedian\":%d,\"peakRssKibMin\":%d,\"peakRssKibMax\":%d}",
                one.name(), one.size(), one.wallMs().median(), one.wallMs().min(), one.wallMs().max(),
                one.rssKib().median(), one.rssKib().min(), one.rssKib().max()));
        }
        return text.append("]}").toString();
    }

    private static double mb(final long kib)
    {
        return kib / 1024.0;
    }

    private static double ratio(final long a, final long b)
    {
        return b == 0 ? Double.NaN : (double)a / b;
    }

    /** The shared public data beside the project: {@code -Dqts.sharedData}, else {@code ../shared/data} of the home. */
    static Path sharedData(final Path home)
    {
        final String property = System.getProperty("qts.sharedData");
        return property != null ? Path.of(property) : home.toAbsolutePath().normalize().resolveSibling("shared").resolve("data");
    }

    private ParameterException bad(final String message)
    {
        return new ParameterException(spec.commandLine(), message);
    }
}
