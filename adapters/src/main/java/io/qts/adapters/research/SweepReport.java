package io.qts.adapters.research;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qts.adapters.report.Metrics;
import io.qts.adapters.report.ReportFiles;

import java.nio.file.Path;
import java.util.function.Supplier;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * sweep.csv and sweep.json: every combination that ran, best first by the rank metric, and the ones the
 * strategy refused with its reason (in sweep.json; the CSV holds only runs).
 */
public final class SweepReport
{
    private final String strategy;
    private final String symbol;
    private final String rankMetric;
    private final List<String> keys;
    private final List<SweepRow> ranked;
    private final List<SweepRow> skipped;

    /**
     * A report of these rows: the ones that ran ranked best first by {@code rankMetric}, and the ones the strategy
     * refused.
     */
    public SweepReport(final String strategy, final String symbol, final String rankMetric, final List<String> keys,
        final List<SweepRow> rows)
    {
        this.strategy = strategy;
        this.symbol = symbol;
        this.rankMetric = rankMetric;
        this.keys = keys;
        this.ranked = Ranking.rank(rows, rankMetric);
        this.skipped = rows.stream().filter(row -> !row.ran()).toList();
    }

    /** The combinations that ran, best first by the rank metric. */
    public List<SweepRow> ranked()
    {
        return ranked;
    }

    /** The combinations the strategy refused, each with its reason, in the order given. */
    public List<SweepRow> skipped()
    {
        return skipped;
    }

    /**
     * Writes sweep.csv, sweep.inputs.json, sweep.json and sweep.html ({@link SweepPage}) into {@code dir} as one set
     * ({@link ReportFiles#writeSet}).
     *
     * @param inputs what every combination ran on ({@link io.qts.adapters.report.ReportInputs}), into sweep.json and sweep.inputs.json
     */
    public void writeTo(final Path dir, final ObjectNode inputs)
    {
        final Map<String, Supplier<String>> files = new LinkedHashMap<>();
        ReportFiles.putCsv(files, "sweep", csv(), inputs);
        files.put("sweep.json", () -> ReportFiles.json(json().setAll(inputsFirst(inputs))));
        files.put("sweep.html", () -> SweepPage.render(strategy, symbol, rankMetric, keys, ranked, skipped, ReportFiles.flatten(inputs)));
        ReportFiles.writeSet(dir, files);
    }

    String csv()
    {
        final StringBuilder csv = new StringBuilder("rank");
        keys.forEach(key -> csv.append(',').append(key));
        Metrics.COLUMNS.forEach(column -> csv.append(',').append(column));
        csv.append(",finalValue,digest\n");
        int rank = 1;
        for (final SweepRow row : ranked)
        {
            csv.append(rank++);
            row.params().values().forEach(value -> csv.append(',').append(value));
            row.metrics().columnValues().forEach(value -> csv.append(',').append(value));
            csv.append(',').append(row.finalValue()).append(',').append(row.digest()).append('\n');
        }
        return csv.toString();
    }

    private static ObjectNode inputsFirst(final ObjectNode inputs)
    {
        final ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.set("inputs", inputs);
        return node;
    }

    ObjectNode json()
    {
        final ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("strategy", strategy);
        root.put("symbol", symbol);
        root.put("rank", rankMetric);
        root.put("combinations", ranked.size() + skipped.size());
        root.put("ran", ranked.size());
        final ArrayNode runs = root.putArray("results");
        int rank = 1;
        for (final SweepRow row : ranked)
        {
            final ObjectNode node = runs.addObject();
            node.put("rank", rank++);
            params(node, row.params());
            node.put("finalValue", row.finalValue());
            node.put("digest", row.digest());
            node.set("metrics", row.metrics().toJson());
        }
        final ArrayNode refused = root.putArray("skipped");
        for (final SweepRow row : skipped)
        {
            final ObjectNode node = refused.addObject();
            params(node, row.params());
            node.put("reason", row.skipped());
        }
        return root;
    }

    static void params(final ObjectNode node, final Map<String, String> params)
    {
        final ObjectNode p = node.putObject("params");
        params.forEach(p::put);
    }
}
