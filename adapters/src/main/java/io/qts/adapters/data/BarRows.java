package io.qts.adapters.data;

import org.agrona.collections.LongArrayList;

/**
 * The bars of a file as they are read, each checked before it is kept: high not below low, open and close
 * within [low, high], time strictly after the previous bar's. Column names in messages are the file's own.
 */
final class BarRows
{
    private final String open;
    private final String high;
    private final String low;
    private final String close;
    private final LongArrayList times = new LongArrayList();
    private final LongArrayList opens = new LongArrayList();
    private final LongArrayList highs = new LongArrayList();
    private final LongArrayList lows = new LongArrayList();
    private final LongArrayList closes = new LongArrayList();
    private final LongArrayList volumes = new LongArrayList();

    /** The names of the price columns, for messages. */
    BarRows(final String open, final String high, final String low, final String close)
    {
        this.open = open;
        this.high = high;
        this.low = low;
        this.close = close;
    }

    /**
     * Reads the prices and volume of the cursor's row from these columns and keeps the bar if it is sound.
     *
     * @throws io.qts.adapters.cli.UserError naming the line and what is wrong with it.
     */
    void add(final CsvCursor csv, final long timeNs, final int openColumn, final int highColumn, final int lowColumn,
        final int closeColumn, final int volumeColumn, final String volume)
    {
        final long o = csv.price(openColumn, open);
        final long h = csv.price(highColumn, high);
        final long l = csv.price(lowColumn, low);
        final long c = csv.price(closeColumn, close);
        final long v = csv.quantity(volumeColumn, volume);
        if (h < l)
        {
            throw csv.error(high + " " + csv.cell(highColumn) + " is below " + low + " " + csv.cell(lowColumn));
        }
        checkWithinRange(csv, open, openColumn, o, l, h, lowColumn, highColumn);
        checkWithinRange(csv, close, closeColumn, c, l, h, lowColumn, highColumn);
        if (!times.isEmpty() && timeNs <= lastTimeNs())
        {
            throw csv.error("time " + Timestamps.text(timeNs) + " is not after the previous bar's " +
                Timestamps.text(lastTimeNs()));
        }
        times.addLong(timeNs);
        opens.addLong(o);
        highs.addLong(h);
        lows.addLong(l);
        closes.addLong(c);
        volumes.addLong(v);
    }

    boolean isEmpty()
    {
        return times.isEmpty();
    }

    int size()
    {
        return times.size();
    }

    long timeNs(final int index)
    {
        return times.getLong(index);
    }

    private long lastTimeNs()
    {
        return times.getLong(times.size() - 1);
    }

    /** The series, prices moved to {@code priceScale} (the most places any kept price needed). */
    BarSeries series(final String symbol, final int priceScale, final long durationNs)
    {
        return new BarSeries(
            symbol, priceScale, durationNs, times.toLongArray(),
            Scales.down(opens, priceScale), Scales.down(highs, priceScale), Scales.down(lows, priceScale),
            Scales.down(closes, priceScale), volumes.toLongArray());
    }

    private void checkWithinRange(final CsvCursor csv, final String name, final int column, final long value,
        final long l, final long h, final int lowColumn, final int highColumn)
    {
        if (value < l || value > h)
        {
            throw csv.error(name + " " + csv.cell(column) + " is outside [" + low + " " + csv.cell(lowColumn) + ", " +
                high + " " + csv.cell(highColumn) + "]");
        }
    }
}
