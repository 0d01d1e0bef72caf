package io.qts.bench;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A percentile plot in the HdrHistogram style as SVG: the x axis is 1/(1-p) on a log scale, so each
 * "nine" gets the same width; the y axis is the latency in microseconds, on a log scale too, so that
 * series an order of magnitude apart stay readable on one plot.
 */
final class PercentilePlot
{
    private static final int WIDTH = 900;
    private static final int HEIGHT = 560;
    private static final int LEFT = 80;
    private static final int RIGHT = 160;
    private static final int TOP = 40;
    private static final int BOTTOM = 60;
    /** Up to 99.9999 %: six nines. */
    private static final double MAX_NINES = 6;
    private static final String[] X_TICKS = {"50%", "90%", "99%", "99.9%", "99.99%", "99.999%"};
    private static final double[] X_TICK_NINES = {Math.log10(2), 1, 2, 3, 4, 5};
    private static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd"};

    /** One line of the plot. */
    record Series(String name, Histogram histogram)
    {
    }

    private PercentilePlot()
    {
    }

    static String svg(final String title, final List<Series> series)
    {
        double minUs = Double.MAX_VALUE;
        double maxUs = 0;
        final List<List<double[]>> lines = new ArrayList<>();
        for (final Series s : series)
        {
            final List<double[]> points = points(s.histogram());
            for (final double[] point : points)
            {
                minUs = Math.min(minUs, point[1]);
                maxUs = Math.max(maxUs, point[1]);
            }
            lines.add(points);
        }
        final double lowDecade = Math.floor(Math.log10(Math.max(minUs, 0.01)));
        final double highDecade = Math.max(lowDecade + 1, Math.ceil(Math.log10(Math.max(maxUs, 0.01))));
        final StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" " +
                "font-size=\"12\">%n", WIDTH, HEIGHT, WIDTH, HEIGHT));
        svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", WIDTH, HEIGHT));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"24\" font-size=\"15\">%s</text>%n", LEFT, escape(title)));
        for (int i = 0; i < X_TICKS.length; i++)
        {
            final double x = x(X_TICK_NINES[i]);
            svg.append(String.format(Locale.ROOT,
                "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ddd\"/>" +
                    "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
                x, TOP, x, HEIGHT - BOTTOM, x, HEIGHT - BOTTOM + 18, X_TICKS[i]));
        }
        for (double decade = lowDecade; decade <= highDecade; decade++)
        {
            final double y = y(decade, lowDecade, highDecade);
            svg.append(String.format(Locale.ROOT,
                "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>" +
                    "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n",
                LEFT, y, WIDTH - RIGHT, y, LEFT - 6, y + 4, decadeLabel(decade)));
        }
        svg.append(String.format(Locale.ROOT,
            "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">percentile</text>%n", (LEFT + WIDTH - RIGHT) / 2, HEIGHT - 16));
        svg.append(String.format(Locale.ROOT,
            "<text x=\"18\" y=\"%d\" transform=\"rotate(-90 18 %d)\" text-anchor=\"middle\">latency (us)</text>%n",
            (TOP + HEIGHT - BOTTOM) / 2, (TOP + HEIGHT - BOTTOM) / 2));
        for (int i = 0; i < series.size(); i++)
        {
            final String colour = COLOURS[i % COLOURS.length];
            final StringBuilder path = new StringBuilder();
            for (final double[] point : lines.get(i))
            {
                path.append(path.length() == 0 ? "M" : " L").append(String.format(Locale.ROOT, "%.1f %.1f",
                    x(point[0]), y(Math.log10(Math.max(point[1], Math.pow(10, lowDecade))), lowDecade, highDecade)));
            }
            svg.append(String.format(Locale.ROOT, "<path d=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>%n", path, colour));
            final int legendY = TOP + 20 + 20 * i;
            svg.append(String.format(Locale.ROOT,
                "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2\"/>" +
                    "<text x=\"%d\" y=\"%d\">%s</text>%n",
                WIDTH - RIGHT + 12, legendY, WIDTH - RIGHT + 36, legendY, colour, WIDTH - RIGHT + 42, legendY + 4,
                escape(series.get(i).name())));
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    /** (nines, us) pairs: nines = log10(1/(1-p)), capped where the plot ends. */
    private static List<double[]> points(final Histogram histogram)
    {
        final List<double[]> points = new ArrayList<>();
        if (histogram.getTotalCount() == 0)
        {
            return points;
        }
        for (final HistogramIterationValue value : histogram.percentiles(5))
        {
            final double fraction = value.getPercentileLevelIteratedTo() / 100.0;
            final double nines = fraction >= 1 ? MAX_NINES : Math.min(MAX_NINES, Math.log10(1 / (1 - fraction)));
            points.add(new double[] {nines, value.getValueIteratedTo() / 1000.0});
            if (nines >= MAX_NINES)
            {
                break;
            }
        }
        return points;
    }

    private static double x(final double nines)
    {
        return LEFT + nines / MAX_NINES * (WIDTH - LEFT - RIGHT);
    }

    private static double y(final double log10Us, final double lowDecade, final double highDecade)
    {
        return HEIGHT - BOTTOM - (log10Us - lowDecade) / (highDecade - lowDecade) * (HEIGHT - TOP - BOTTOM);
    }

    private static String decadeLabel(final double decade)
    {
        final double us = Math.pow(10, decade);
        return us >= 1 ? String.format(Locale.ROOT, "%,d", Math.round(us)) : String.format(Locale.ROOT, "%s", us);
    }

    private static String escape(final String text)
    {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
