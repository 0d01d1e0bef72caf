package io.qts.adapters.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;

/**
 * A self-contained HTML page of a report: our CSS, uPlot's CSS and script (MIT licence, from the
 * {@code org.webjars.npm:uplot} jar on the classpath, inlined) and the page script that draws the
 * {@link Chart}s and makes tables sortable. Nothing is fetched when the page is opened, so it works offline.
 * If a script fails, the message shows in a box at the top of the page.
 */
public final class Page
{
    private static final String CSS = """
        body{font-family:system-ui,sans-serif;margin:1.5em 2em;color:#222;max-width:1150px}
        h1{font-size:1.4em;margin-bottom:0.2em}h2{font-size:1.1em;margin-top:1.6em;border-bottom:1px solid #ddd}
        .sub{color:#666;margin-top:0}
        table{border-collapse:collapse;margin:0.4em 0}td,th{border:1px solid #ccc;padding:2px 8px;text-align:left}
        td.n{text-align:right;font-family:ui-monospace,monospace}
        .pos{background:#e3f4e6}.neg{background:#f8e1e1}
        table.sortable th{cursor:pointer;background:#f3f3f3}
        table.sortable th[data-order=asc]::after{content:" \\25B2"}table.sortable th[data-order=desc]::after{content:" \\25BC"}
        .kpi td{min-width:7em}
        .chart{margin:0.3em 0 1em 0}
        #page-errors{color:#a00;border:1px solid #a00;padding:0.5em}
        .heat td{text-align:right;font-family:ui-monospace,monospace;min-width:5em}
        """;

    private final StringBuilder html = new StringBuilder(256 * 1024);

    /** Starts a page with its title as the heading and {@code subtitle} (plain text) under it. */
    public Page(final String title, final String subtitle)
    {
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n<title>").append(text(title))
            .append("</title>\n<style>\n").append(CSS).append(Assets.CSS).append("\n</style>\n</head>\n<body>\n")
            .append("<pre id=\"page-errors\" hidden=\"hidden\"></pre>\n")
            .append("<h1>").append(text(title)).append("</h1>\n<p class=\"sub\">").append(text(subtitle)).append("</p>\n");
    }

    /** A section heading (plain text, escaped here). */
    public Page heading(final String title)
    {
        html.append("<h2>").append(text(title)).append("</h2>\n");
        return this;
    }

    /** Markup built by the caller, whose text it has escaped with {@link #text}. */
    public Page raw(final String markup)
    {
        html.append(markup);
        return this;
    }

    /** A paragraph of plain text, escaped here. */
    public Page paragraph(final String plain)
    {
        html.append("<p>").append(text(plain)).append("</p>\n");
        return this;
    }

    /** A two-column table of name and value, in the map's order (plain text, escaped here). */
    public Page table(final Map<String, String> rows)
    {
        html.append("<table>\n");
        rows.forEach((key, value) -> html.append("<tr><th>").append(text(key)).append("</th><td class=\"n\">")
            .append(text(value)).append("</td></tr>\n"));
        html.append("</table>\n");
        return this;
    }

    /** A heading, then the chart drawn into the element {@code id} (which must be the id the chart was made with). */
    public Page chart(final String title, final String id, final Chart chart)
    {
        heading(title);
        html.append("<div class=\"chart\" id=\"").append(text(id)).append("\"></div>\n")
            .append("<script type=\"application/json\" class=\"chart\">").append(chart.toJson()).append("</script>\n");
        return this;
    }

    /** The finished page: the scripts come last so they find every chart and table above them. */
    public String finish()
    {
        return html + "<script>\n" + Assets.UPLOT + "\n</script>\n<script>\n" + Assets.PAGE_SCRIPT + "\n</script>\n</body>\n</html>\n";
    }

    /** {@code value} escaped for HTML text and attribute values. */
    public static String text(final String value)
    {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** A fraction as a percentage with two decimals, rounded half-even ("0.00337088" gives "0.34%"); "n/a" for null. */
    public static String percent(final BigDecimal fraction)
    {
        return fraction == null ? "n/a" : fraction.movePointRight(2).setScale(2, RoundingMode.HALF_EVEN).toPlainString() + "%";
    }

    /** A ratio to two decimals, rounded half-even; "n/a" for null. */
    public static String ratio(final BigDecimal value)
    {
        return value == null ? "n/a" : value.setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    }

    /** The scripts and styles, read once from the classpath. */
    private static final class Assets
    {
        static final String UPLOT_VERSION = uplotVersion();
        static final String UPLOT = resource("META-INF/resources/webjars/uplot/" + UPLOT_VERSION + "/dist/uPlot.iife.min.js")
            .replace("</script", "<\\/script");
        static final String CSS = resource("META-INF/resources/webjars/uplot/" + UPLOT_VERSION + "/dist/uPlot.min.css");
        static final String PAGE_SCRIPT = resource("io/qts/adapters/report/page.js");

        private static String uplotVersion()
        {
            final Properties properties = new Properties();
            try (InputStream in = stream("META-INF/maven/org.webjars.npm/uplot/pom.properties"))
            {
                properties.load(in);
            }
            catch (final IOException ex)
            {
                throw new UncheckedIOException(ex);
            }
            return properties.getProperty("version");
        }

        private static String resource(final String name)
        {
            try (InputStream in = stream(name))
            {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            catch (final IOException ex)
            {
                throw new UncheckedIOException(ex);
            }
        }

        private static InputStream stream(final String name)
        {
            final InputStream in = Page.class.getClassLoader().getResourceAsStream(name);
            if (in == null)
            {
                throw new IllegalStateException("the report's script " + name + " is not on the classpath (the uplot webjar is missing)");
            }
            return in;
        }
    }
}
