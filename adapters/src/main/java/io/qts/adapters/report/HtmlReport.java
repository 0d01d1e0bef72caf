package io.qts.adapters.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.qts.engine.FixedPoint;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * report.html: one self-contained page (inline CSS and SVG, no script, no font or image from anywhere)
 * with the equity curve, the drawdown, the price with a marker at each entry and exit, the metrics and
 * the parameters. It is well-formed XML as well as HTML, so tests and tools can parse it.
 *
 * <p>Charts share one time axis from the first to the last point. Curves with more than
 * {@value #MAX_POINTS} points are drawn from every k-th point (and the last), which keeps a tick-data
 * page small; markers are always all drawn.
 */
final class HtmlReport
{
    static final int MAX_POINTS = 2000;
    private static final int WIDTH = 900;
    private static final int HEIGHT = 220;
    private static final int PAD = 4;
    private static final String CSS = """
        body{font-family:sans-serif;margin:2em;color:#222}
        h1{font-size:1.4em}h2{font-size:1.1em;margin-top:1.5em}
        table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 8px;text-align:left}
        td.n{text-align:right;font-family:monospace}
        svg{background:#fafafa;border:1px solid #ddd}
        .equity{fill:none;stroke:#1f5fbf;stroke-width:1.2}
        .drawdown{fill:#e8a0a0;stroke:#c03030;stroke-width:0.8}
        .price{fill:none;stroke:#444;stroke-width:1}
        .entry path{fill:#1a9a3a}.exit path{fill:#c02020}
        .axis{font-size:10px;fill:#666}
        """;

    private final BacktestReport report;
    private final EquityCurve curve;
    private final StringBuilder html = new StringBuilder(64 * 1024);

    HtmlReport(final BacktestReport report)
    {
        this.report = report;
        this.curve = report.curve();
    }

    String render()
    {
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n")
            .append("<meta charset=\"utf-8\"/>\n<title>").append(text(title())).append("</title>\n")
            .append("<style>\n").append(CSS).append("</style>\n</head>\n<body>\n")
            .append("<h1>").append(text(title())).append("</h1>\n");
        if (curve.size() > 0)
        {
            html.append("<h2>Equity</h2>\n");
            equityChart();
            html.append("<h2>Drawdown</h2>\n");
            drawdownChart();
            html.append("<h2>Price, entries (green) and exits (red)</h2>\n");
            priceChart();
        }
        if (!report.notes().isEmpty())
        {
            html.append("<h2>Notes</h2>\n<ul>\n");
            report.notes().forEach(note -> html.append("<li>").append(text(note)).append("</li>\n"));
            html.append("</ul>\n");
        }
        html.append("<h2>Metrics</h2>\n");
        table(flatten(report.metrics().toJson(), ""));
        html.append("<h2>Inputs</h2>\n");
        table(flatten(report.inputs(), ""));
        html.append("<h2>Parameters</h2>\n");
        final Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("strategy", report.strategy());
        new TreeMap<>(report.params()).forEach((k, v) -> parameters.put("param " + k, v));
        parameters.put("symbol", report.symbol());
        parameters.put("finalValue", BacktestReport.money(report.finalValue()));
        parameters.put("digest", report.digest());
        table(parameters);
        html.append("</body>\n</html>\n");
        return html.toString();
    }

    private String title()
    {
        return report.strategy() + " " + new TreeMap<>(report.params()) + " on " + report.symbol();
    }

    private void equityChart()
    {
        final double[] y = new double[curve.size()];
        for (int i = 0; i < y.length; i++)
        {
            y[i] = curve.equity(i);
        }
        svgOpen();
        polyline("equity", y, min(y), max(y), false);
        axisLabels(money(min(y)), money(max(y)));
        html.append("</svg>\n");
    }

    /** Drawdown as a fraction of the running peak, drawn down from 0. */
    private void drawdownChart()
    {
        final double[] y = new double[curve.size()];
        double peak = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < y.length; i++)
        {
            peak = Math.max(peak, curve.equity(i));
            y[i] = peak > 0 ? -(peak - curve.equity(i)) / peak : 0;
        }
        svgOpen();
        polyline("drawdown", y, Math.min(min(y), -1e-9), 0, true);
        axisLabels(String.format(Locale.ROOT, "%.2f%%", 100 * min(y)), "0%");
        html.append("</svg>\n");
    }

    private void priceChart()
    {
        final int scale = curve.priceScale();
        final double[] y = new double[curve.size()];
        for (int i = 0; i < y.length; i++)
        {
            y[i] = curve.price(i);
        }
        final double low = min(y);
        final double high = max(y);
        svgOpen();
        polyline("price", y, low, high, false);
        for (final Trade t : report.book().trades())
        {
            html.append("<g class=\"trade\">");
            marker("entry", t.entryTimeNs(), t.entryPrice(), low, high, scale);
            marker("exit", t.exitTimeNs(), t.exitPrice(), low, high, scale);
            html.append("</g>\n");
        }
        if (report.book().openQty() > 0)
        {
            html.append("<g class=\"open-position\">");
            marker("entry", report.book().openTimeNs(), report.book().openEntryPrice(), low, high, scale);
            html.append("</g>\n");
        }
        axisLabels(FixedPoint.format((long)low, scale), FixedPoint.format((long)high, scale));
        html.append("</svg>\n");
    }

    private void svgOpen()
    {
        html.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
            .append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT).append("\">\n");
    }

    private void polyline(final String cssClass, final double[] y, final double low, final double high, final boolean area)
    {
        final int stride = (y.length + MAX_POINTS - 1) / MAX_POINTS;
        final StringBuilder points = new StringBuilder();
        if (area)
        {
            points.append(coordinate(x(curve.timeNs(0)))).append(',').append(coordinate(yOf(0, low, high))).append(' ');
        }
        for (int i = 0; i < y.length; i++)
        {
            if (i % stride == 0 || i == y.length - 1)
            {
                points.append(coordinate(x(curve.timeNs(i)))).append(',').append(coordinate(yOf(y[i], low, high))).append(' ');
            }
        }
        if (area)
        {
            points.append(coordinate(x(curve.timeNs(y.length - 1)))).append(',').append(coordinate(yOf(0, low, high)));
        }
        html.append("<polyline class=\"").append(cssClass).append("\" points=\"").append(points.toString().trim()).append("\"/>\n");
    }

    /** A triangle pointing up (entry) or down (exit) with its tip at the fill. */
    private void marker(final String kind, final long timeNs, final long price, final double low, final double high, final int scale)
    {
        final double px = x(timeNs);
        final double py = yOf(price, low, high);
        final double dy = "entry".equals(kind) ? 7 : -7;
        html.append("<g class=\"").append(kind).append("\"><title>").append(kind).append(' ')
            .append(BacktestReport.time(timeNs)).append(" at ").append(FixedPoint.format(price, scale)).append("</title>")
            .append("<path d=\"M").append(coordinate(px)).append(',').append(coordinate(py))
            .append(" L").append(coordinate(px - 4)).append(',').append(coordinate(py + dy))
            .append(" L").append(coordinate(px + 4)).append(',').append(coordinate(py + dy)).append(" Z\"/></g>");
    }

    private void axisLabels(final String low, final String high)
    {
        label(PAD, 12, high);
        label(PAD, HEIGHT - PAD, low);
        label(WIDTH / 2.0 - 60, HEIGHT - PAD, BacktestReport.time(curve.timeNs(0)) + " .. " +
            BacktestReport.time(curve.timeNs(curve.size() - 1)));
    }

    private void label(final double x, final double y, final String value)
    {
        html.append("<text class=\"axis\" x=\"").append(coordinate(x)).append("\" y=\"").append(coordinate(y)).append("\">")
            .append(text(value)).append("</text>\n");
    }

    private double x(final long timeNs)
    {
        final long first = curve.timeNs(0);
        final long span = curve.timeNs(curve.size() - 1) - first;
        final double fraction = span == 0 ? 0.5 : (double)(timeNs - first) / span;
        return PAD + fraction * (WIDTH - 2 * PAD);
    }

    private static double yOf(final double value, final double low, final double high)
    {
        final double fraction = high == low ? 0.5 : (value - low) / (high - low);
        return HEIGHT - PAD - 10 - fraction * (HEIGHT - 2 * PAD - 20);
    }

    private void table(final Map<String, String> rows)
    {
        html.append("<table>\n");
        rows.forEach((key, value) -> html.append("<tr><th>").append(text(key)).append("</th><td class=\"n\">")
            .append(text(value)).append("</td></tr>\n"));
        html.append("</table>\n");
    }

    /** The metrics object as rows; nested objects become "outer.inner"; null shows as "undefined". */
    private static Map<String, String> flatten(final JsonNode node, final String prefix)
    {
        final Map<String, String> rows = new LinkedHashMap<>();
        for (final Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();)
        {
            final Map.Entry<String, JsonNode> field = it.next();
            if (field.getValue().isObject())
            {
                rows.putAll(flatten(field.getValue(), prefix + field.getKey() + "."));
            }
            else
            {
                rows.put(prefix + field.getKey(), field.getValue().isNull() ? "undefined" : field.getValue().asText());
            }
        }
        return rows;
    }

    private static String money(final double value)
    {
        return BacktestReport.money((long)value);
    }

    private static String coordinate(final double value)
    {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    private static double min(final double[] values)
    {
        double min = Double.POSITIVE_INFINITY;
        for (final double v : values)
        {
            min = Math.min(min, v);
        }
        return min;
    }

    private static double max(final double[] values)
    {
        double max = Double.NEGATIVE_INFINITY;
        for (final double v : values)
        {
            max = Math.max(max, v);
        }
        return max;
    }

    static String text(final String value)
    {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
