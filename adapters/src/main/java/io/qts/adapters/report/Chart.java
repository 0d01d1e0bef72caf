package io.qts.adapters.report;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One uPlot chart of a page ({@link Page}): a time axis, one or more series and, for a price chart, entry
 * and exit markers. It is written as JSON into the page and drawn by the page's script.
 *
 * <p>Only what is drawn is down-sampled ({@link #sample}): metrics are always computed from every point.
 * A chart keeps at most {@link #MAX_POINTS} points, chosen as the lowest and highest point of each bucket
 * of the primary series, so a spike or the deepest drawdown is never dropped; markers are all kept, and
 * the chart zooms (drag across it; double-click to reset).
 */
public final class Chart
{
    /** Points drawn per series: ample for a 1100-pixel-wide chart (two per pixel). */
    public static final int MAX_POINTS = 2000;

    /** Drawn values are rounded to 10^-6 (of a percent or a price unit): far below a pixel, and shorter to write. */
    private static final double DRAWN_DIGITS = 1e6;

    private final StringBuilder json = new StringBuilder(64 * 1024);
    private boolean firstSeries = true;
    private boolean withMarkers;

    /**
     * @param id     the element id of the chart on its page
     * @param unit   suffix of the y values ("%" or "")
     * @param timesMs epoch milliseconds of the points drawn
     */
    public Chart(final String id, final String unit, final long[] timesMs)
    {
        json.append("{\"id\":").append(string(id)).append(",\"unit\":").append(string(unit)).append(",\"x\":[");
        for (int i = 0; i < timesMs.length; i++)
        {
            json.append(i == 0 ? "" : ",").append(timesMs[i]);
        }
        json.append("],\"series\":[");
    }

    /** A line; {@code values[i]} at {@code timesMs[i]}, NaN drawn as a gap. {@code fill} is a CSS colour or null. */
    public Chart series(final String label, final String color, final String fill, final double[] values)
    {
        json.append(firstSeries ? "" : ",").append("{\"label\":").append(string(label)).append(",\"color\":").append(string(color));
        if (fill != null)
        {
            json.append(",\"fill\":").append(string(fill));
        }
        json.append(",\"values\":");
        numbers(values);
        json.append('}');
        firstSeries = false;
        return this;
    }

    /** Triangles at (time, price): up and green for an entry, down and red for an exit; all are drawn. */
    public Chart markers(final long[] timesMs, final double[] prices, final boolean[] entry)
    {
        json.append("],\"markers\":{\"t\":[");
        for (int i = 0; i < timesMs.length; i++)
        {
            json.append(i == 0 ? "" : ",").append(timesMs[i]);
        }
        json.append("],\"p\":");
        numbers(prices);
        json.append(",\"k\":[");
        for (int i = 0; i < entry.length; i++)
        {
            json.append(i == 0 ? "" : ",").append(entry[i] ? 1 : 0);
        }
        json.append("]}");
        withMarkers = true;
        return this;
    }

    String toJson()
    {
        return (json + (withMarkers ? "}" : "]}")).replace("</", "<\\/");
    }

    private void numbers(final double[] values)
    {
        json.append('[');
        for (int i = 0; i < values.length; i++)
        {
            json.append(i == 0 ? "" : ",");
            if (Double.isFinite(values[i]))
            {
                json.append(Math.rint(values[i] * DRAWN_DIGITS) / DRAWN_DIGITS);
            }
            else
            {
                json.append("null");
            }
        }
        json.append(']');
    }

    private static String string(final String value)
    {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(value)) + "\"";
    }

    /**
     * A walk-forward's out-of-sample return: the test windows' equity stitched into one compounding curve
     * ({@link EquityCurve#stitched}) as % of {@code initialCash}, against holding the instrument over the
     * same test windows (% price change from the first test window's first price).
     */
    public static Chart outOfSample(final String id, final List<BacktestReport> windows, final long initialCash)
    {
        final List<EquityCurve> curves = new ArrayList<>();
        windows.forEach(window -> curves.add(window.curve()));
        final EquityCurve all = EquityCurve.stitched(curves, windows.isEmpty() ? "" : windows.get(0).symbol(), initialCash);
        final double[] strategy = new double[all.size()];
        final double[] hold = new double[all.size()];
        for (int i = 0; i < all.size(); i++)
        {
            strategy[i] = initialCash == 0 ? Double.NaN : 100 * ((double)all.equity(i) / initialCash - 1);
            hold[i] = all.price(0) == 0 ? Double.NaN : 100 * ((double)all.price(i) / all.price(0) - 1);
        }
        final int[] drawn = sample(strategy, MAX_POINTS);
        final long[] timesMs = new long[drawn.length];
        final double[] strategyDrawn = new double[drawn.length];
        final double[] holdDrawn = new double[drawn.length];
        for (int i = 0; i < drawn.length; i++)
        {
            timesMs[i] = all.timeNs(drawn[i]) / 1_000_000L;
            strategyDrawn[i] = strategy[drawn[i]];
            holdDrawn[i] = hold[drawn[i]];
        }
        return new Chart(id, "%", timesMs).series("out of sample", "#1f5fbf", null, strategyDrawn)
            .series("buy and hold", "#999999", null, holdDrawn);
    }

    /**
     * The indices of the points to draw: all of them up to {@code maxPoints}; beyond, the first and the
     * last point, and per bucket of consecutive points the lowest and the highest of {@code primary}, in order.
     */
    public static int[] sample(final double[] primary, final int maxPoints)
    {
        final int n = primary.length;
        if (n <= maxPoints)
        {
            final int[] all = new int[n];
            for (int i = 0; i < n; i++)
            {
                all[i] = i;
            }
            return all;
        }
        final int buckets = Math.max(1, (maxPoints - 2) / 2);
        final int[] chosen = new int[2 * buckets + 2];
        int count = 0;
        chosen[count++] = 0;
        for (int b = 0; b < buckets; b++)
        {
            final int from = 1 + (int)((long)b * (n - 2) / buckets);
            final int to = 1 + (int)((long)(b + 1) * (n - 2) / buckets);
            if (from >= to)
            {
                continue;
            }
            int low = from;
            int high = from;
            for (int i = from; i < to; i++)
            {
                low = primary[i] < primary[low] ? i : low;
                high = primary[i] > primary[high] ? i : high;
            }
            chosen[count++] = Math.min(low, high);
            if (low != high)
            {
                chosen[count++] = Math.max(low, high);
            }
        }
        chosen[count++] = n - 1;
        return Arrays.copyOf(chosen, count);
    }
}
