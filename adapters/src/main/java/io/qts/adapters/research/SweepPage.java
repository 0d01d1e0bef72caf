package io.qts.adapters.research;

import io.qts.adapters.report.Metrics;
import io.qts.adapters.report.Page;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * sweep.html: for a grid over exactly two parameters, a heat map of the rank metric (rows the first
 * parameter, columns the second, green best to red worst, refused combinations grey with the reason on
 * hover); then every run in a sortable table, the refused combinations and the inputs.
 */
final class SweepPage
{
    /** Metrics shown as percentages; the others (sharpe, sortino, profitFactor) as plain ratios. */
    private static final List<String> FRACTIONS = List.of("totalReturn", "cagr", "maxDrawdown", "winRate", "exposure");

    private SweepPage()
    {
    }

    static String render(final String strategy, final String symbol, final String rankMetric, final List<String> keys,
        final List<SweepRow> ranked, final List<SweepRow> skipped, final Map<String, String> inputs)
    {
        final Page page = new Page("Sweep of " + strategy + " on " + symbol, (ranked.size() + skipped.size()) + " combinations, " +
            ranked.size() + " ran, " + skipped.size() + " refused by the strategy; ranked by " + rankMetric);
        final List<String> varying = varying(keys, ranked, skipped);
        if (varying.size() == 2)
        {
            page.heading(rankMetric + " by " + varying.get(0) + " (rows) and " + varying.get(1) + " (columns)")
                .raw(heatMap(varying.get(0), varying.get(1), rankMetric, ranked, skipped));
        }
        else
        {
            page.paragraph("A heat map is drawn for a grid over exactly two parameters; this one varies " + varying.size() + ".");
        }
        page.heading("Runs, best first (click a column to sort)").raw(runs(keys, ranked));
        if (!skipped.isEmpty())
        {
            final StringBuilder html = new StringBuilder("<ul>\n");
            skipped.forEach(row -> html.append("<li>").append(Page.text(row.params() + ": " + row.skipped())).append("</li>\n"));
            page.heading("Refused combinations").raw(html.append("</ul>\n").toString());
        }
        page.heading("Inputs").table(inputs);
        return page.finish();
    }

    static String value(final String metric, final BigDecimal value)
    {
        return FRACTIONS.contains(metric) ? Page.percent(value) : Page.ratio(value);
    }

    private static List<String> varying(final List<String> keys, final List<SweepRow> ranked, final List<SweepRow> skipped)
    {
        final List<String> varying = new ArrayList<>();
        for (final String key : keys)
        {
            final Set<String> values = new HashSet<>();
            ranked.forEach(row -> values.add(row.params().get(key)));
            skipped.forEach(row -> values.add(row.params().get(key)));
            if (values.size() > 1)
            {
                varying.add(key);
            }
        }
        return varying;
    }

    /** The values of a varying key: numbers, since only a range varies. */
    private static TreeSet<BigDecimal> values(final String key, final List<SweepRow> ranked, final List<SweepRow> skipped)
    {
        final TreeSet<BigDecimal> values = new TreeSet<>();
        ranked.forEach(row -> values.add(new BigDecimal(row.params().get(key))));
        skipped.forEach(row -> values.add(new BigDecimal(row.params().get(key))));
        return values;
    }

    private static String heatMap(final String rowKey, final String columnKey, final String metric, final List<SweepRow> ranked,
        final List<SweepRow> skipped)
    {
        final Map<String, SweepRow> cells = new LinkedHashMap<>();
        ranked.forEach(row -> cells.put(cellKey(row, rowKey, columnKey), row));
        skipped.forEach(row -> cells.put(cellKey(row, rowKey, columnKey), row));
        BigDecimal worst = null;
        BigDecimal best = null;
        for (final SweepRow row : ranked)
        {
            final BigDecimal v = row.metrics().rankValue(metric);
            if (v != null)
            {
                worst = worst == null || v.compareTo(worst) < 0 ? v : worst;
                best = best == null || v.compareTo(best) > 0 ? v : best;
            }
        }
        final StringBuilder html = new StringBuilder("<table class=\"heat\" id=\"heatmap\">\n<tr><th>")
            .append(Page.text(rowKey)).append(" \\ ").append(Page.text(columnKey)).append("</th>");
        final TreeSet<BigDecimal> columns = values(columnKey, ranked, skipped);
        columns.forEach(c -> html.append("<th>").append(c.toPlainString()).append("</th>"));
        html.append("</tr>\n");
        for (final BigDecimal r : values(rowKey, ranked, skipped))
        {
            html.append("<tr><th>").append(r.toPlainString()).append("</th>");
            for (final BigDecimal c : columns)
            {
                final SweepRow row = cells.get(r.stripTrailingZeros().toPlainString() + "|" + c.stripTrailingZeros().toPlainString());
                if (row == null)
                {
                    html.append("<td></td>");
                }
                else if (!row.ran())
                {
                    html.append("<td style=\"background:#ddd\" title=\"").append(Page.text(row.skipped())).append("\">refused</td>");
                }
                else
                {
                    final BigDecimal v = row.metrics().rankValue(metric);
                    html.append("<td style=\"background:").append(color(v, worst, best)).append("\" title=\"")
                        .append(Page.text(row.params().toString())).append("\">").append(value(metric, row.metrics().value(metric)))
                        .append("</td>");
                }
            }
            html.append("</tr>\n");
        }
        return html.append("</table>\n").toString();
    }

    private static String cellKey(final SweepRow row, final String rowKey, final String columnKey)
    {
        return new BigDecimal(row.params().get(rowKey)).stripTrailingZeros().toPlainString() + "|"
            + new BigDecimal(row.params().get(columnKey)).stripTrailingZeros().toPlainString();
    }

    /** Red (worst) through yellow to green (best); white where the metric is undefined. */
    private static String color(final BigDecimal value, final BigDecimal worst, final BigDecimal best)
    {
        if (value == null)
        {
            return "#ffffff";
        }
        final double span = best.subtract(worst).doubleValue();
        final double t = span == 0 ? 1 : value.subtract(worst).doubleValue() / span;
        return String.format(Locale.ROOT, "hsl(%d,70%%,75%%)", Math.round(120 * t));
    }

    private static String runs(final List<String> keys, final List<SweepRow> ranked)
    {
        final List<String> metrics = List.of("totalReturn", "cagr", "maxDrawdown", "sharpe", "sortino", "winRate", "profitFactor");
        final StringBuilder html = new StringBuilder("<table class=\"sortable\" id=\"runs\">\n<thead><tr><th>rank</th>");
        keys.forEach(key -> html.append("<th>").append(Page.text(key)).append("</th>"));
        metrics.forEach(metric -> html.append("<th>").append(metric).append("</th>"));
        html.append("<th>trades</th><th>finalValue</th></tr></thead>\n<tbody>\n");
        int rank = 1;
        for (final SweepRow row : ranked)
        {
            html.append("<tr><td data-v=\"").append(rank).append("\">").append(rank++).append("</td>");
            keys.forEach(key -> html.append("<td class=\"n\" data-v=\"").append(Page.text(row.params().get(key))).append("\">")
                .append(Page.text(row.params().get(key))).append("</td>"));
            for (final String metric : metrics)
            {
                final BigDecimal v = row.metrics().value(metric);
                html.append("<td class=\"n\" data-v=\"").append(Metrics.plain(v)).append("\">").append(value(metric, v)).append("</td>");
            }
            html.append("<td class=\"n\" data-v=\"").append(row.metrics().trades()).append("\">").append(row.metrics().trades())
                .append("</td><td class=\"n\" data-v=\"").append(row.finalValue()).append("\">").append(row.finalValue()).append("</td></tr>\n");
        }
        return html.append("</tbody>\n</table>\n").toString();
    }
}
