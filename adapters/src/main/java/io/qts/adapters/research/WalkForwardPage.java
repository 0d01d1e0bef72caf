package io.qts.adapters.research;

import io.qts.adapters.report.BacktestReport;
import io.qts.adapters.report.Chart;
import io.qts.adapters.report.Metrics;
import io.qts.adapters.report.Page;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * walkforward.html: the combined out-of-sample figures, the stitched out-of-sample return against
 * buy-and-hold over the same test windows, and each window with its chosen parameters.
 */
final class WalkForwardPage
{
    private final WalkForward walk;
    private final String strategy;
    private final String symbol;

    WalkForwardPage(final WalkForward walk, final String strategy, final String symbol)
    {
        this.walk = walk;
        this.strategy = strategy;
        this.symbol = symbol;
    }

    String render(final Map<String, String> inputs)
    {
        final int windows = walk.windows().size();
        final Page page = new Page("Walk-forward of " + strategy + " on " + symbol, windows + " windows of " + walk.train() + " train + " +
            walk.test() + " test events, chosen by " + walk.metric() + "; out of sample from " + walk.time(walk.train()) + " to " +
            walk.time(windows * walk.test() + walk.train() - 1));
        final Metrics all = walk.combined();
        final Map<String, String> summary = new LinkedHashMap<>();
        summary.put("Total return (out of sample)", Page.percent(all.totalReturn()));
        summary.put("Buy and hold (same span)", Page.percent(walk.buyAndHold()));
        summary.put("CAGR", Page.percent(all.cagr()));
        summary.put("Max drawdown", Page.percent(all.maxDrawdown()));
        summary.put("Sharpe", Page.ratio(all.sharpe()));
        summary.put("Sortino", Page.ratio(all.sortino()));
        summary.put("Win rate", Page.percent(all.winRate()));
        summary.put("Trades", Integer.toString(all.trades()));
        page.heading("Out-of-sample summary").table(summary);
        page.chart("Out-of-sample return, test windows stitched (%; drag to zoom, double-click to reset)", "chart-oos",
            Chart.outOfSample("chart-oos", walk.tests(), walk.initialCash()));
        page.heading("Windows").raw(windowTable());
        page.paragraph("State at each window's start: " + WalkForward.STATE_RULE + ".");
        page.heading("Inputs").table(inputs);
        return page.finish();
    }

    private String windowTable()
    {
        final StringBuilder html = new StringBuilder("<table class=\"sortable\" id=\"windows\">\n<thead><tr><th>window</th><th>test start</th>")
            .append("<th>test end</th>");
        walk.keys().forEach(key -> html.append("<th>").append(Page.text(key)).append("</th>"));
        html.append("<th>in-sample ").append(Page.text(walk.metric())).append("</th><th>return</th><th>max drawdown</th><th>trades</th>")
            .append("<th>buy and hold</th><th>finalValue</th></tr></thead>\n<tbody>\n");
        int k = 1;
        for (final WalkForward.Window w : walk.windows())
        {
            final BacktestReport test = w.outOfSample();
            final Metrics m = test.metrics();
            html.append("<tr><td data-v=\"").append(k).append("\">").append(k++).append("</td><td>").append(walk.time(w.from() + walk.train()))
                .append("</td><td>").append(walk.time(w.from() + walk.train() + walk.test() - 1)).append("</td>");
            walk.keys().forEach(key -> html.append("<td class=\"n\" data-v=\"").append(Page.text(w.params().get(key))).append("\">")
                .append(Page.text(w.params().get(key))).append("</td>"));
            cell(html, Metrics.plain(w.inSample()), SweepPage.value(walk.metric(), w.inSample()));
            cell(html, Metrics.plain(m.totalReturn()), Page.percent(m.totalReturn()));
            cell(html, Metrics.plain(m.maxDrawdown()), Page.percent(m.maxDrawdown()));
            cell(html, Integer.toString(m.trades()), Integer.toString(m.trades()));
            cell(html, Metrics.plain(test.buyAndHold(test)), Page.percent(test.buyAndHold(test)));
            final String finalValue = BacktestReport.money(test.finalValue());
            cell(html, finalValue, finalValue);
            html.append("</tr>\n");
        }
        return html.append("</tbody>\n</table>\n").toString();
    }

    private static void cell(final StringBuilder html, final String sortKey, final String shown)
    {
        html.append("<td class=\"n\" data-v=\"").append(sortKey).append("\">").append(shown).append("</td>");
    }
}
