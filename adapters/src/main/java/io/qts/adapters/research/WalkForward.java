package io.qts.adapters.research;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qts.adapters.cli.UserError;
import io.qts.adapters.report.BacktestReport;
import io.qts.adapters.report.Metrics;
import io.qts.adapters.report.Page;
import io.qts.adapters.report.ReportFiles;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.function.Supplier;
import java.util.LinkedHashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Rolling walk-forward over the traded instrument's market events: window k trains on events
 * [k*test, k*test + train) and tests on the {@code test} events after them; windows roll by {@code test},
 * so the test windows follow each other without gap or overlap, and only whole windows are run. In each,
 * every combination is backtested on the train events, the best by the rank metric is chosen (ties and
 * undefined values as in a sweep), and that one is backtested on the test events.
 *
 * <p>State at a window's start: every backtest (train or test) is a fresh engine, flat, with the starting
 * cash, and its strategy starts cold on the window's first event (no warm-up on earlier data), so an
 * indicator needs its own look-back inside the window. A position still open at a test window's end is
 * valued at that window's last price and not carried over. The out-of-sample summary compounds the test
 * windows' equity curves into one ({@link Metrics#combined}).
 */
public final class WalkForward
{
    static final String STATE_RULE = "each train and test backtest starts flat with the starting cash and a cold strategy "
        + "(no warm-up before the window); a position open at a test window's end is valued at its last price and not carried";

    private final Sweep sweep;
    private final RecordedInputs inputs;
    private final List<Map<String, String>> combinations;
    private final List<String> keys;
    private final String metric;
    private final int train;
    private final int test;
    private final long initialCash;
    private final List<Window> windows = new ArrayList<>();
    private final List<BacktestReport> tests = new ArrayList<>();
    private Metrics combined;

    record Window(int from, Map<String, String> params, BigDecimal inSample, BacktestReport outOfSample)
    {
    }

    /**
     * A walk-forward of {@code combinations} over {@code inputs}: windows of {@code train} market events, then
     * {@code test} market events, ranked by {@code metric}; money at 10^-8 ({@code initialCash}).
     */
    public WalkForward(final Sweep sweep, final RecordedInputs inputs, final List<Map<String, String>> combinations,
        final List<String> keys, final String metric, final int train, final int test, final long initialCash)
    {
        this.sweep = sweep;
        this.inputs = inputs;
        this.combinations = combinations;
        this.keys = keys;
        this.metric = metric;
        this.train = train;
        this.test = test;
        this.initialCash = initialCash;
    }

    /** Number of whole windows in {@code events} market events. */
    static int windowCount(final int events, final int train, final int test)
    {
        return events < (long)train + test ? 0 : (int)((events - (long)train) / test);
    }

    /**
     * Runs every whole window, reporting progress to {@code err}.
     *
     * @throws UserError if {@code train} plus {@code test} is more than the series' market events.
     */
    public void run(final PrintWriter err)
    {
        final int count = windowCount(inputs.marketEvents(), train, test);
        if (count == 0)
        {
            throw new UserError("--train " + train + " plus --test " + test + " is more than the " + inputs.marketEvents() +
                " bars/events of the series");
        }
        final Progress progress = new Progress(err, count * (combinations.size() + 1));
        for (int k = 0; k < count; k++)
        {
            final int from = k * test;
            final List<SweepRow> rows = sweep.run(combinations, inputs.window(from, from + train), progress);
            // The command made sure the strategy takes at least one combination, so there is a best.
            final SweepRow best = Ranking.rank(rows, metric).get(0);
            final BacktestReport outOfSample = sweep.backtest(best.params(), inputs.window(from + train, from + train + test));
            progress.done();
            tests.add(outOfSample);
            windows.add(new Window(from, best.params(), best.metrics().value(metric), outOfSample));
        }
        combined = Metrics.combined(tests, initialCash);
    }

    /**
     * Writes walkforward.csv, walkforward.inputs.json, walkforward.json and walkforward.html ({@link WalkForwardPage})
     * into {@code dir} as one set ({@link ReportFiles#writeSet}).
     *
     * @param inputs what the windows ran on ({@link io.qts.adapters.report.ReportInputs}), into walkforward.json and walkforward.inputs.json
     */
    public void writeTo(final Path dir, final String strategy, final String symbol, final ObjectNode inputs)
    {
        final Map<String, Supplier<String>> files = new LinkedHashMap<>();
        ReportFiles.putCsv(files, "walkforward", csv(), inputs);
        files.put("walkforward.json", () -> ReportFiles.json(json(strategy, symbol).set("inputs", inputs)));
        files.put("walkforward.html", () -> new WalkForwardPage(this, strategy, symbol).render(ReportFiles.flatten(inputs)));
        ReportFiles.writeSet(dir, files);
    }

    /** The combined out-of-sample result in one line, for the end of the command. */
    public String summary()
    {
        return String.format("walk-forward: %d windows of %d train + %d test events; out of sample: total return %s, max drawdown %s, "
            + "sharpe %s, %d trades (buy and hold over the same span: %s)", windows.size(), train, test, Page.percent(combined.totalReturn()),
            Page.percent(combined.maxDrawdown()), Page.ratio(combined.sharpe()), combined.trades(), Page.percent(buyAndHold()));
    }

    /** Price change from the first test event to the last, as a fraction; null on a zero first price. */
    BigDecimal buyAndHold()
    {
        return tests.get(0).buyAndHold(tests.get(tests.size() - 1));
    }

    List<Window> windows()
    {
        return windows;
    }

    int train()
    {
        return train;
    }

    int test()
    {
        return test;
    }

    List<BacktestReport> tests()
    {
        return tests;
    }

    List<String> keys()
    {
        return keys;
    }

    String metric()
    {
        return metric;
    }

    Metrics combined()
    {
        return combined;
    }

    long initialCash()
    {
        return initialCash;
    }

    String csv()
    {
        final StringBuilder csv = new StringBuilder("window,trainStart,trainEnd,testStart,testEnd");
        keys.forEach(key -> csv.append(',').append(key));
        csv.append(",inSample_").append(metric);
        Metrics.COLUMNS.forEach(column -> csv.append(',').append(column));
        csv.append(",finalValue,digest\n");
        int k = 1;
        for (final Window w : windows)
        {
            csv.append(k++).append(',').append(time(w.from())).append(',').append(time(w.from() + train - 1)).append(',')
                .append(time(w.from() + train)).append(',').append(time(w.from() + train + test - 1));
            w.params().values().forEach(value -> csv.append(',').append(value));
            csv.append(',').append(Metrics.plain(w.inSample()));
            w.outOfSample().metrics().columnValues().forEach(value -> csv.append(',').append(value));
            csv.append(',').append(BacktestReport.money(w.outOfSample().finalValue())).append(',')
                .append(w.outOfSample().digest()).append('\n');
        }
        csv.append("all,,,").append(time(train)).append(',').append(time(windows.size() * test + train - 1));
        keys.forEach(key -> csv.append(','));
        csv.append(',');
        combined.columnValues().forEach(value -> csv.append(',').append(value));
        csv.append(",,\n");
        return csv.toString();
    }

    ObjectNode json(final String strategy, final String symbol)
    {
        final ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("strategy", strategy);
        root.put("symbol", symbol);
        root.put("rank", metric);
        root.put("train", train);
        root.put("test", test);
        root.put("windowStart", STATE_RULE);
        final ArrayNode list = root.putArray("windows");
        int k = 1;
        for (final Window w : windows)
        {
            final ObjectNode node = list.addObject();
            node.put("window", k++);
            node.put("trainStart", time(w.from()));
            node.put("trainEnd", time(w.from() + train - 1));
            node.put("testStart", time(w.from() + train));
            node.put("testEnd", time(w.from() + train + test - 1));
            SweepReport.params(node, w.params());
            final ObjectNode inSample = node.putObject("inSample");
            if (w.inSample() == null)
            {
                inSample.putNull(metric);
            }
            else
            {
                inSample.put(metric, Metrics.plain(w.inSample()));
            }
            final ObjectNode outOfSample = node.putObject("outOfSample");
            outOfSample.put("finalValue", BacktestReport.money(w.outOfSample().finalValue()));
            outOfSample.put("digest", w.outOfSample().digest());
            outOfSample.set("metrics", w.outOfSample().metrics().toJson());
        }
        root.set("outOfSample", combined.toJson());
        return root;
    }

    String time(final int marketEvent)
    {
        return BacktestReport.time(inputs.marketTimeNs(marketEvent));
    }
}
