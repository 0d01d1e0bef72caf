package io.qts.adapters.report;

import io.qts.engine.FixedPoint;
import io.qts.engine.Strategies;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * report.html, a tearsheet in one self-contained file ({@link Page}): the headline figures as percentages,
 * the strategy's return against buy-and-hold of the same instrument, the drawdown, the price with every
 * entry and exit, the monthly (or, for less than {@value #MONTHLY_MIN_DAYS} days of data, daily) returns,
 * the sortable trade list, the rejection reasons that occurred with their meaning, the notes, the
 * effective parameters and the inputs. Charts are drawn by uPlot from down-sampled points ({@link Chart}).
 */
final class HtmlReport
{
    /** Shorter series get a daily returns table: a monthly one would have a single, partial cell. */
    static final int MONTHLY_MIN_DAYS = 60;
    private static final long NS_PER_MS = 1_000_000L;
    private static final long NS_PER_DAY = 86_400_000_000_000L;
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

    /** The buy-and-hold lines of a portfolio's instruments, in the symbols' order. */
    private static final String[] HOLD_COLOURS = {"#999999", "#d08020", "#30a050", "#8040b0", "#c03080"};

    private final BacktestReport report;
    private final EquityCurve curve;

    HtmlReport(final BacktestReport report)
    {
        this.report = report;
        this.curve = report.curve();
    }

    String render()
    {
        final Page page = new Page(report.strategy() + " on " + report.symbol(), subtitle());
        page.heading("Summary").raw(summary());
        if (report.holdings().size() > 1)
        {
            page.heading("Instruments (one strategy instance each, shared cash)").raw(instruments());
        }
        if (curve.size() > 0)
        {
            charts(page);
            periodReturns(page);
        }
        page.heading("Trades (" + report.tradeRows().size() + " closed; click a column to sort)").raw(trades());
        page.heading("Rejected orders").raw(rejections());
        if (!report.notes().isEmpty())
        {
            final StringBuilder notes = new StringBuilder("<ul>\n");
            report.notes().forEach(note -> notes.append("<li>").append(Page.text(note)).append("</li>\n"));
            page.heading("Notes").raw(notes.append("</ul>\n").toString());
        }
        final Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("strategy", report.strategy());
        Strategies.effectiveParams(report.strategy(), report.params()).forEach(parameters::put);
        page.heading("Parameters (effective)").table(parameters);
        page.heading("Inputs").table(ReportFiles.flatten(report.inputs()));
        final Map<String, String> run = new LinkedHashMap<>();
        run.put("finalValue", BacktestReport.money(report.finalValue()));
        run.put("digest", report.digest());
        page.heading("Run").table(run);
        return page.finish();
    }

    private String subtitle()
    {
        return curve.size() == 0 ? "no market data"
            : BacktestReport.time(curve.timeNs(0)) + " to " + BacktestReport.time(curve.timeNs(curve.size() - 1)) + ", " +
            curve.size() + " bars/trades, starting cash " + BacktestReport.money(curve.equity(0));
    }

    private String summary()
    {
        final Metrics m = report.metrics();
        final String[][] cells = {
            {"Total return", Page.percent(m.totalReturn()), "totalReturn"},
            {"Buy and hold", Page.percent(report.buyAndHold(report)), ""},
            {"CAGR", Page.percent(m.cagr()), "cagr"},
            {"Max drawdown", Page.percent(m.maxDrawdown()), "maxDrawdown"},
            {"Sharpe", Page.ratio(m.sharpe()), "sharpe"},
            {"Sortino", Page.ratio(m.sortino()), "sortino"},
            {"Win rate", Page.percent(m.winRate()), "winRate"},
            {"Profit factor", Page.ratio(m.profitFactor()), "profitFactor"},
            {"Exposure", Page.percent(m.exposure()), "exposure"},
            {"Trades", Integer.toString(m.trades()), ""},
            {"Commission", BacktestReport.money(m.commissionPaid()), ""},
            {"Final value", BacktestReport.money(report.finalValue()), ""},
        };
        final StringBuilder html = new StringBuilder("<table class=\"kpi\">\n");
        for (final String[] cell : cells)
        {
            final String why = m.undefined().get(cell[2]);
            html.append("<tr><th>").append(cell[0]).append("</th><td class=\"n\" id=\"kpi-").append(cell[0].replace(' ', '-').toLowerCase())
                .append('"').append(why == null ? "" : " title=\"" + Page.text(why) + "\"").append('>').append(cell[1]).append("</td></tr>\n");
        }
        return html.append("</table>\n").toString();
    }

    private void charts(final Page page)
    {
        final int n = curve.size();
        final double start = curve.equity(0);
        final double firstPrice = curve.price(0);
        final double[] strategy = new double[n];
        final double[] hold = new double[n];
        final double[] drawdown = new double[n];
        final double[] price = new double[n];
        final double priceUnit = Math.pow(10, curve.priceScale());
        double peak = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++)
        {
            final double e = curve.equity(i);
            strategy[i] = start == 0 ? Double.NaN : 100 * (e / start - 1);
            hold[i] = firstPrice == 0 ? Double.NaN : 100 * (curve.price(i) / firstPrice - 1);
            peak = Math.max(peak, e);
            drawdown[i] = peak > 0 ? -100 * (peak - e) / peak : 0;
            price[i] = curve.price(i) / priceUnit;
        }
        final int[] byEquity = Chart.sample(strategy, Chart.MAX_POINTS);
        final Chart equity = new Chart("chart-equity", "%", times(byEquity)).series("strategy", "#1f5fbf", null, pick(strategy, byEquity));
        if (report.holdings().size() == 1)
        {
            equity.series("buy and hold", "#999999", null, pick(hold, byEquity));
        }
        else
        {
            final double[][] holds = holdsCarriedForward();
            for (int k = 0; k < holds.length; k++)
            {
                equity.series("hold " + report.holdings().get(k).symbol(), HOLD_COLOURS[k % HOLD_COLOURS.length], null, pick(holds[k], byEquity));
            }
        }
        page.chart("Return: strategy against buy-and-hold (%, drag to zoom, double-click to reset)", "chart-equity", equity);
        final int[] byDrawdown = Chart.sample(drawdown, Chart.MAX_POINTS);
        page.chart("Drawdown from the running peak (%)", "chart-drawdown",
            new Chart("chart-drawdown", "%", times(byDrawdown)).series("drawdown", "#c03030", "rgba(232,160,160,0.5)", pick(drawdown, byDrawdown)));
        if (report.holdings().size() == 1)
        {
            final int[] byPrice = Chart.sample(price, Chart.MAX_POINTS);
            page.chart("Price with entries (green, up) and exits (red, down)", "chart-price",
                markers(new Chart("chart-price", "", times(byPrice)).series(report.symbol(), "#444444", null, pick(price, byPrice)),
                    priceUnit, report.book()));
            return;
        }
        for (int k = 0; k < report.holdings().size(); k++)
        {
            instrumentPrice(page, k);
        }
    }

    /** A portfolio's instrument: its own prices (the points that follow its events), entries and exits. */
    private void instrumentPrice(final Page page, final int k)
    {
        final BacktestReport.Holding holding = report.holdings().get(k);
        final double unit = Math.pow(10, holding.priceScale());
        final List<Integer> points = new ArrayList<>();
        for (int i = 0; i < curve.size(); i++)
        {
            if (curve.instrument(i) == k)
            {
                points.add(i);
            }
        }
        final int[] own = points.stream().mapToInt(Integer::intValue).toArray();
        final double[] price = new double[own.length];
        for (int i = 0; i < own.length; i++)
        {
            price[i] = curve.price(own[i]) / unit;
        }
        final int[] sampled = Chart.sample(price, Chart.MAX_POINTS);
        final int[] indices = new int[sampled.length];
        for (int i = 0; i < sampled.length; i++)
        {
            indices[i] = own[sampled[i]];
        }
        final String id = "chart-price-" + (k + 1);
        page.chart(holding.symbol() + ": price with entries (green, up) and exits (red, down)", id,
            markers(new Chart(id, "", times(indices)).series(holding.symbol(), "#444444", null, pick(price, sampled)), unit, holding.book()));
    }

    /**
     * Each instrument's buy-and-hold return (%) at every point: its last price so far over its first; NaN (not
     * drawn) before its first price.
     */
    private double[][] holdsCarriedForward()
    {
        final int instruments = report.holdings().size();
        final double[][] holds = new double[instruments][curve.size()];
        final long[] first = new long[instruments];
        final long[] last = new long[instruments];
        for (int i = 0; i < curve.size(); i++)
        {
            final int own = curve.instrument(i);
            first[own] = first[own] == 0 ? curve.price(i) : first[own];
            last[own] = curve.price(i);
            for (int k = 0; k < instruments; k++)
            {
                holds[k][i] = first[k] == 0 ? Double.NaN : 100 * ((double)last[k] / first[k] - 1);
            }
        }
        return holds;
    }

    /** Per instrument: closed trades, realised PnL, commission, final position, market value and buy-and-hold. */
    private String instruments()
    {
        final StringBuilder html = new StringBuilder("<table class=\"sortable\" id=\"instruments\">\n<thead><tr><th>symbol</th><th>trades</th>")
            .append("<th>realised pnl</th><th>commission</th><th>final position</th><th>last price</th><th>buy and hold</th></tr></thead>\n<tbody>\n");
        for (final BacktestReport.Holding h : report.holdings())
        {
            html.append("<tr><td>").append(Page.text(h.symbol())).append("</td>");
            number(html, Integer.toString(h.book().trades().size()));
            number(html, BacktestReport.money(h.realisedPnl()));
            number(html, BacktestReport.money(h.commission()));
            number(html, FixedPoint.format(h.finalPosition(), h.qtyScale()));
            number(html, FixedPoint.format(h.lastPrice(), h.priceScale()));
            final BigDecimal hold = h.buyAndHold();
            html.append("<td class=\"n\" data-v=\"").append(hold == null ? "" : hold.toPlainString()).append("\">")
                .append(Page.percent(hold)).append("</td></tr>\n");
        }
        return html.append("</tbody>\n</table>\n").toString();
    }

    private Chart markers(final Chart chart, final double priceUnit, final TradeLedger.Book book)
    {
        final List<Trade> trades = book.trades();
        final boolean open = book.openQty() > 0;
        final int count = 2 * trades.size() + (open ? 1 : 0);
        final long[] timesMs = new long[count];
        final double[] prices = new double[count];
        final boolean[] entry = new boolean[count];
        int k = 0;
        for (final Trade t : trades)
        {
            timesMs[k] = t.entryTimeNs() / NS_PER_MS;
            prices[k] = t.entryPrice() / priceUnit;
            entry[k++] = true;
            timesMs[k] = t.exitTimeNs() / NS_PER_MS;
            prices[k++] = t.exitPrice() / priceUnit;
        }
        if (open)
        {
            timesMs[k] = book.openTimeNs() / NS_PER_MS;
            prices[k] = book.openEntryPrice() / priceUnit;
            entry[k] = true;
        }
        return chart.markers(timesMs, prices, entry);
    }

    private long[] times(final int[] indices)
    {
        final long[] ms = new long[indices.length];
        for (int i = 0; i < indices.length; i++)
        {
            ms[i] = curve.timeNs(indices[i]) / NS_PER_MS;
        }
        return ms;
    }

    private static double[] pick(final double[] values, final int[] indices)
    {
        final double[] picked = new double[indices.length];
        for (int i = 0; i < indices.length; i++)
        {
            picked[i] = values[indices[i]];
        }
        return picked;
    }

    /**
     * Each calendar month's (UTC) return: its last point's equity over the previous month's last point (the
     * first month: over the starting cash), and for the year the same over years. Daily for short series.
     */
    private void periodReturns(final Page page)
    {
        final long spanNs = curve.timeNs(curve.size() - 1) - curve.timeNs(0);
        final boolean monthly = spanNs >= MONTHLY_MIN_DAYS * 86_400_000_000_000L;
        final List<String> labels = new ArrayList<>();
        final List<BigDecimal> strategy = new ArrayList<>();
        final List<BigDecimal> hold = new ArrayList<>();
        long previousEquity = curve.equity(0);
        long previousPrice = curve.price(0);
        for (int i = 0; i < curve.size(); i++)
        {
            final long period = period(curve.timeNs(i), monthly);
            if (i == curve.size() - 1 || period(curve.timeNs(i + 1), monthly) != period)
            {
                labels.add(label(curve.timeNs(i), monthly));
                strategy.add(change(previousEquity, curve.equity(i)));
                hold.add(report.holdings().size() == 1 ? change(previousPrice, curve.price(i)) : null);
                previousEquity = curve.equity(i);
                previousPrice = curve.price(i);
            }
        }
        if (monthly)
        {
            page.heading("Monthly returns (strategy; buy-and-hold below each)").raw(monthlyGrid(labels, strategy, hold));
        }
        else
        {
            final StringBuilder html = new StringBuilder("<table class=\"returns\">\n<tr><th>day (UTC)</th><th>strategy</th><th>buy and hold</th></tr>\n");
            for (int i = 0; i < labels.size(); i++)
            {
                html.append("<tr><th>").append(labels.get(i)).append("</th>").append(cell(strategy.get(i))).append(cell(hold.get(i)))
                    .append("</tr>\n");
            }
            page.heading("Daily returns").raw(html.append("</table>\n").toString());
        }
    }

    private static String monthlyGrid(final List<String> labels, final List<BigDecimal> strategy, final List<BigDecimal> hold)
    {
        final StringBuilder html = new StringBuilder("<table class=\"returns\">\n<tr><th>year</th>");
        for (final String month : MONTHS)
        {
            html.append("<th>").append(month).append("</th>");
        }
        html.append("<th>year</th></tr>\n");
        int i = 0;
        while (i < labels.size())
        {
            final String year = labels.get(i).substring(0, 4);
            final BigDecimal[] row = new BigDecimal[12];
            final BigDecimal[] holdRow = new BigDecimal[12];
            BigDecimal yearGrowth = BigDecimal.ONE;
            BigDecimal holdGrowth = BigDecimal.ONE;
            for (; i < labels.size() && labels.get(i).startsWith(year); i++)
            {
                final int month = Integer.parseInt(labels.get(i).substring(5, 7)) - 1;
                row[month] = strategy.get(i);
                holdRow[month] = hold.get(i);
                yearGrowth = grow(yearGrowth, strategy.get(i));
                holdGrowth = grow(holdGrowth, hold.get(i));
            }
            html.append("<tr><th>").append(year).append("</th>");
            for (final BigDecimal value : row)
            {
                html.append(value == null ? "<td></td>" : cell(value));
            }
            html.append(yearGrowth == null ? "<td>n/a</td>" : cell(yearGrowth.subtract(BigDecimal.ONE))).append("</tr>\n<tr><th>hold</th>");
            for (final BigDecimal value : holdRow)
            {
                html.append(value == null ? "<td></td>" : "<td class=\"n\">" + Page.percent(value) + "</td>");
            }
            html.append("<td class=\"n\">").append(holdGrowth == null ? "n/a" : Page.percent(holdGrowth.subtract(BigDecimal.ONE)))
                .append("</td></tr>\n");
        }
        return html.append("</table>\n").toString();
    }

    private static BigDecimal grow(final BigDecimal growth, final BigDecimal periodReturn)
    {
        return growth == null || periodReturn == null ? null
            : growth.multiply(BigDecimal.ONE.add(periodReturn)).setScale(Metrics.SCALE, RoundingMode.HALF_EVEN);
    }

    private static String cell(final BigDecimal value)
    {
        final String css = value == null || value.signum() == 0 ? "n" : value.signum() > 0 ? "n pos" : "n neg";
        return "<td class=\"" + css + "\">" + Page.percent(value) + "</td>";
    }

    private static BigDecimal change(final long from, final long to)
    {
        return from == 0 ? null
            : BigDecimal.valueOf(to).divide(BigDecimal.valueOf(from), Metrics.SCALE, RoundingMode.HALF_EVEN).subtract(BigDecimal.ONE);
    }

    /** The UTC day, or for monthly tables the month (year x 12 + month), of an epoch-nanosecond time. */
    private static long period(final long timeNs, final boolean monthly)
    {
        final long day = Math.floorDiv(timeNs, NS_PER_DAY);
        if (!monthly)
        {
            return day;
        }
        final LocalDate date = LocalDate.ofEpochDay(day);
        return date.getYear() * 12L + date.getMonthValue();
    }

    private static String label(final long timeNs, final boolean monthly)
    {
        final ZonedDateTime t = Instant.ofEpochSecond(Math.floorDiv(timeNs, 1_000_000_000L)).atZone(ZoneOffset.UTC);
        return monthly ? String.format(Locale.ROOT, "%04d-%02d", t.getYear(), t.getMonthValue())
            : String.format(Locale.ROOT, "%04d-%02d-%02d", t.getYear(), t.getMonthValue(), t.getDayOfMonth());
    }

    /** Every closed round trip; each cell carries its sort key (epoch ns, decimal value) in data-v. */
    private String trades()
    {
        final boolean portfolio = report.holdings().size() > 1;
        final StringBuilder html = new StringBuilder(256 + 400 * report.tradeRows().size())
            .append("<table class=\"sortable\" id=\"trades\">\n<thead><tr><th>#</th>").append(portfolio ? "<th>symbol</th>" : "")
            .append("<th>entry time</th><th>entry price</th>")
            .append("<th>exit time</th><th>exit price</th><th>qty</th><th>commission</th><th>pnl</th><th>return</th></tr></thead>\n<tbody>\n");
        int k = 1;
        for (final BacktestReport.TradeRow row : report.tradeRows())
        {
            final Trade t = row.trade();
            final int ps = row.priceScale();
            final int qs = row.qtyScale();
            final BigDecimal cost = BigDecimal.valueOf(t.entryPrice());
            final BigDecimal tradeReturn = t.entryPrice() == 0 ? null
                : BigDecimal.valueOf(t.exitPrice()).subtract(cost).divide(cost, Metrics.SCALE, RoundingMode.HALF_EVEN);
            html.append("<tr><td data-v=\"").append(k).append("\">").append(k++).append("</td>")
                .append(portfolio ? "<td>" + Page.text(row.symbol()) + "</td>" : "")
                .append("<td data-v=\"").append(t.entryTimeNs()).append("\">").append(BacktestReport.time(t.entryTimeNs())).append("</td>");
            number(html, FixedPoint.format(t.entryPrice(), ps));
            html.append("<td data-v=\"").append(t.exitTimeNs()).append("\">").append(BacktestReport.time(t.exitTimeNs())).append("</td>");
            number(html, FixedPoint.format(t.exitPrice(), ps));
            number(html, FixedPoint.format(t.qty(), qs));
            number(html, BacktestReport.money(t.commission()));
            number(html, BacktestReport.money(t.pnl()));
            html.append("<td class=\"n\" data-v=\"").append(tradeReturn == null ? "" : tradeReturn.toPlainString()).append("\">")
                .append(Page.percent(tradeReturn)).append("</td></tr>\n");
        }
        return html.append("</tbody>\n</table>\n").toString();
    }

    private static void number(final StringBuilder html, final String value)
    {
        html.append("<td class=\"n\" data-v=\"").append(value).append("\">").append(value).append("</td>");
    }

    /** Only the reasons that occurred, with what they mean (the risk rules are in docs/risk.md). */
    private String rejections()
    {
        final StringBuilder html = new StringBuilder();
        report.metrics().rejectedByReason().forEach((reason, count) ->
        {
            if (count > 0)
            {
                html.append("<tr><th>").append(Page.text(reason)).append("</th><td class=\"n\">").append(count).append("</td><td>")
                    .append(Page.text(RejectMeaning.of(reason))).append("</td></tr>\n");
            }
        });
        return html.length() == 0 ? "<p id=\"no-rejects\">No order was rejected.</p>\n"
            : "<table id=\"rejects\">\n<tr><th>reason</th><th>orders</th><th>meaning</th></tr>\n" + html + "</table>\n";
    }
}
