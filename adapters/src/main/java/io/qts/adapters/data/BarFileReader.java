package io.qts.adapters.data;

import io.qts.adapters.cli.UserError;

import java.io.IOException;
import java.util.Arrays;

/**
 * Reads the CSV bar formats: Yahoo daily ({@link DataFormat#YAHOO}), OHLCV with columns found by header name
 * ({@link DataFormat#OHLCV}) and Binance klines ({@link DataFormat#BINANCE_KLINES}).
 */
final class BarFileReader
{
    private static final String[] YAHOO_HEADER = {"Date", "Open", "High", "Low", "Close", "Adj Close", "Volume"};
    /** A bar's time column in an OHLCV header, in order of preference. */
    private static final String[] TIME_NAMES = {"timestamp", "datetime", "date_time", "open_time", "time", "date"};
    private static final String OHLCV_NEEDS = "ohlcv needs a header naming a time column (timestamp, datetime, " +
        "date_time, open_time, time or date; or Date and Time apart) and open, high, low, close and volume, in any " +
        "order; other columns are ignored";
    /**
     * Binance's kline columns (open time, open, high, low, close, volume, close time, quote volume, trades,
     * taker buy base, taker buy quote, ignore), per Binance's spot API docs "Kline/Candlestick data" and its
     * public data dumps (data.binance.vision), which have no header line.
     */
    private static final String[] KLINE_NAMES = {"open_time", "open", "high", "low", "close", "volume", "close_time",
        "quote_volume", "count", "taker_buy_volume", "taker_buy_quote_volume", "ignore"};
    private static final int KLINE_CLOSE_TIME = 6;

    private BarFileReader()
    {
    }

    static BarSeries read(final CsvCursor csv, final DataFormat format, final String symbol, final BadRows bad)
        throws IOException
    {
        return switch (format)
        {
            case YAHOO -> yahoo(csv, symbol, bad);
            case OHLCV -> ohlcv(csv, symbol, bad);
            case BINANCE_KLINES -> klines(csv, symbol, bad);
            default -> throw new IllegalArgumentException(format + " is not a CSV bar format");
        };
    }

    /** Yahoo's Adj Close is ignored: its OHLC are raw, not rescaled by it. Rows of {@code null}s are days without data. */
    private static BarSeries yahoo(final CsvCursor csv, final String symbol, final BadRows bad) throws IOException
    {
        csv.expectHeader(YAHOO_HEADER);
        final BarRows bars = new BarRows(YAHOO_HEADER[1], YAHOO_HEADER[2], YAHOO_HEADER[3], YAHOO_HEADER[4]);
        while (csv.next())
        {
            if (csv.columns() == YAHOO_HEADER.length && allNull(csv, 1, YAHOO_HEADER.length))
            {
                bad.nullRow();
                continue;
            }
            final int digits = csv.priceDigits();
            try
            {
                csv.expectColumns(YAHOO_HEADER.length);
                bars.add(csv, csv.dateNs(0), 1, 2, 3, 4, 6, YAHOO_HEADER[6]);
            }
            catch (final UserError ex)
            {
                bad.refused(ex, csv, digits);
            }
        }
        if (bars.isEmpty())
        {
            throw csv.noDataRows();
        }
        return bars.series(symbol, csv.priceDigits(), Timestamps.NANOS_PER_DAY);
    }

    private static BarSeries ohlcv(final CsvCursor csv, final String symbol, final BadRows bad) throws IOException
    {
        if (!csv.next())
        {
            throw csv.error("missing header; " + OHLCV_NEEDS);
        }
        if (csv.lineNumber() != 1)
        {
            throw csv.error("expected the header on line 1; " + OHLCV_NEEDS);
        }
        final String[] names = csv.lowerCaseCells();
        final int date = indexOf(csv, names, "date");
        final int time = indexOf(csv, names, "time");
        final boolean split = date >= 0 && time >= 0 && indexOf(csv, names, "timestamp") < 0 &&
            indexOf(csv, names, "datetime") < 0;
        int timeColumn = -1;
        for (int i = 0; i < TIME_NAMES.length && timeColumn < 0 && !split; i++)
        {
            timeColumn = indexOf(csv, names, TIME_NAMES[i]);
        }
        final int open = required(csv, names, "open", split || timeColumn >= 0);
        final int high = required(csv, names, "high", true);
        final int low = required(csv, names, "low", true);
        final int close = required(csv, names, "close", true);
        final int volume = required(csv, names, "volume", true);
        final int columns = names.length;
        final BarRows bars = new BarRows(csv.cell(open), csv.cell(high), csv.cell(low), csv.cell(close));
        final String volumeName = csv.cell(volume);
        while (csv.next())
        {
            final int digits = csv.priceDigits();
            try
            {
                csv.expectColumns(columns);
                final long timeNs = split ? csv.dateAndTimeNs(date, time) : csv.barTimeNs(timeColumn);
                bars.add(csv, timeNs, open, high, low, close, volume, volumeName);
            }
            catch (final UserError ex)
            {
                bad.refused(ex, csv, digits);
            }
        }
        if (bars.isEmpty())
        {
            throw csv.noDataRows();
        }
        // The file does not state its bar length; the first step is it, as in a contiguous series.
        final long durationNs = bars.size() > 1 ? bars.timeNs(1) - bars.timeNs(0) : 0;
        return bars.series(symbol, csv.priceDigits(), durationNs);
    }

    /**
     * Header-less (as Binance's data dumps are) or with Binance's own header, whose first name is open_time.
     * Open and close times are epoch numbers whose digit count gives the unit (ms; us in Binance's spot dumps
     * from 2025). The bar length is the first bar's close time - open time + one unit, as Binance's close
     * time is the last unit inside the bar.
     */
    private static BarSeries klines(final CsvCursor csv, final String symbol, final BadRows bad) throws IOException
    {
        final BarRows bars = new BarRows("open", "high", "low", "close");
        long durationNs = 0;
        boolean row = csv.next();
        if (row && csv.cell(0).equalsIgnoreCase(KLINE_NAMES[0]))
        {
            row = csv.next();
        }
        while (row)
        {
            final int digits = csv.priceDigits();
            try
            {
                csv.expectColumns(KLINE_NAMES.length);
                final long openNs = csv.epochNs(0);
                final long closeNs = csv.epochNs(KLINE_CLOSE_TIME);
                if (closeNs < openNs)
                {
                    throw csv.error("close_time " + csv.cell(KLINE_CLOSE_TIME) + " is before open_time " + csv.cell(0));
                }
                bars.add(csv, openNs, 1, 2, 3, 4, 5, KLINE_NAMES[5]);
                if (bars.size() == 1)
                {
                    durationNs = closeNs - openNs + Timestamps.epochUnitNs(csv.cell(KLINE_CLOSE_TIME));
                }
            }
            catch (final UserError ex)
            {
                bad.refused(ex, csv, digits);
            }
            row = csv.next();
        }
        if (bars.isEmpty())
        {
            throw csv.noDataRows();
        }
        return bars.series(symbol, csv.priceDigits(), durationNs);
    }

    private static boolean allNull(final CsvCursor csv, final int from, final int to)
    {
        for (int i = from; i < to; i++)
        {
            if (!"null".equals(csv.cell(i)))
            {
                return false;
            }
        }
        return true;
    }

    /** The column so named, -1 if none; a name given twice is an error, as either could be meant. */
    private static int indexOf(final CsvCursor csv, final String[] names, final String name)
    {
        final int first = Arrays.asList(names).indexOf(name);
        if (first >= 0 && Arrays.asList(names).lastIndexOf(name) != first)
        {
            throw csv.error("column '" + name + "' appears twice in the header '" + csv.line() + "'");
        }
        return first;
    }

    /** @param timeFound whether a time column was found; if not, that is what the error names. */
    private static int required(final CsvCursor csv, final String[] names, final String name, final boolean timeFound)
    {
        final int column = indexOf(csv, names, name);
        if (column < 0 || !timeFound)
        {
            throw csv.error("header '" + csv.line() + "' has no " + (timeFound ? name : "time") + " column; " +
                OHLCV_NEEDS + hint(csv));
        }
        return column;
    }

    /** A pointer to the right format when the first line looks like one of the other layouts. */
    private static String hint(final CsvCursor csv)
    {
        final String first = csv.cell(0);
        if (first.startsWith("[") || first.startsWith("{"))
        {
            return " (this looks like JSON: Upbit candles are --format upbit-candles)";
        }
        if (!first.isEmpty() && TradeLayout.isDigits(first) && csv.columns() == KLINE_NAMES.length)
        {
            return " (a header-less file of 12 columns is likely Binance klines: --format binance-klines)";
        }
        return "";
    }
}
