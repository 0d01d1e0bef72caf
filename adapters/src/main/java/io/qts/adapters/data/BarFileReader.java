package io.qts.adapters.data;

import org.agrona.collections.LongArrayList;

import java.io.IOException;

/** Reads the bar formats: Yahoo daily ({@link DataFormat#YAHOO}) and generic OHLCV ({@link DataFormat#OHLCV}). */
final class BarFileReader
{
    private static final String[] YAHOO_HEADER = {"Date", "Open", "High", "Low", "Close", "Adj Close", "Volume"};
    private static final String[] OHLCV_HEADER = {"timestamp", "open", "high", "low", "close", "volume"};
    private static final int TIME = 0;
    private static final int OPEN = 1;
    private static final int HIGH = 2;
    private static final int LOW = 3;
    private static final int CLOSE = 4;

    private BarFileReader()
    {
    }

    static BarSeries read(final CsvCursor csv, final DataFormat format, final String symbol) throws IOException
    {
        final boolean yahoo = format == DataFormat.YAHOO;
        final String[] header = yahoo ? YAHOO_HEADER : OHLCV_HEADER;
        // Yahoo's Adj Close is ignored: its OHLC are raw, not rescaled by it.
        final int volumeColumn = yahoo ? 6 : 5;
        csv.expectHeader(header);

        final LongArrayList times = new LongArrayList();
        final LongArrayList open = new LongArrayList();
        final LongArrayList high = new LongArrayList();
        final LongArrayList low = new LongArrayList();
        final LongArrayList close = new LongArrayList();
        final LongArrayList volume = new LongArrayList();
        while (csv.next())
        {
            csv.expectColumns(header.length);
            final long timeNs = yahoo ? csv.dateNs(TIME) : csv.dateTimeNs(TIME);
            final long o = csv.price(OPEN, header[OPEN]);
            final long h = csv.price(HIGH, header[HIGH]);
            final long l = csv.price(LOW, header[LOW]);
            final long c = csv.price(CLOSE, header[CLOSE]);
            final long v = csv.quantity(volumeColumn, header[volumeColumn]);
            if (h < l)
            {
                throw csv.error(header[HIGH] + " " + csv.cell(HIGH) + " is below " + header[LOW] + " " + csv.cell(LOW));
            }
            checkWithinRange(csv, header, OPEN, o, l, h);
            checkWithinRange(csv, header, CLOSE, c, l, h);
            if (!times.isEmpty() && timeNs <= times.getLong(times.size() - 1))
            {
                throw csv.error("time " + Timestamps.text(timeNs) + " is not after the previous bar's " +
                    Timestamps.text(times.getLong(times.size() - 1)));
            }
            times.addLong(timeNs);
            open.addLong(o);
            high.addLong(h);
            low.addLong(l);
            close.addLong(c);
            volume.addLong(v);
        }
        if (times.isEmpty())
        {
            throw csv.noDataRows();
        }

        final long durationNs;
        if (yahoo)
        {
            durationNs = Timestamps.NANOS_PER_DAY;
        }
        else
        {
            // The file does not state its bar length; the first step is it, as in a contiguous series.
            durationNs = times.size() > 1 ? times.getLong(1) - times.getLong(0) : 0;
        }
        final int priceScale = csv.priceDigits();
        return new BarSeries(
            symbol, priceScale, durationNs, times.toLongArray(),
            Scales.down(open, priceScale), Scales.down(high, priceScale), Scales.down(low, priceScale),
            Scales.down(close, priceScale), volume.toLongArray());
    }

    private static void checkWithinRange(
        final CsvCursor csv, final String[] header, final int column, final long value, final long low, final long high)
    {
        if (value < low || value > high)
        {
            throw csv.error(header[column] + " " + csv.cell(column) + " is outside [" + header[LOW] + " " +
                csv.cell(LOW) + ", " + header[HIGH] + " " + csv.cell(HIGH) + "]");
        }
    }
}
