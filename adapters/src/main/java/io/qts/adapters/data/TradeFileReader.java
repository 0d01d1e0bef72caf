package io.qts.adapters.data;

import io.qts.adapters.cli.UserError;
import io.qts.journal.sbe.Aggressor;
import org.agrona.collections.LongArrayList;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * Reads trade-tick files ({@link DataFormat#TRADES}) in any {@link TradeLayout}, detected from the first line.
 *
 * <p>A numeric epoch timestamp tells its unit by its digit count: 10 digits are seconds, 13 milliseconds,
 * 16 microseconds and 19 nanoseconds; any other count is refused. This is unambiguous for every time from
 * 2001-09-09 on. The trade id is the file's numeric id where it has one, else the 1-based row number.
 */
final class TradeFileReader
{
    /** Numeric ids longer than this may not fit a long; such ids are not used. */
    private static final int MAX_ID_DIGITS = 18;

    private TradeFileReader()
    {
    }

    static TradeSeries read(final CsvCursor csv, final String symbol, final BadRows bad) throws IOException
    {
        if (!csv.next())
        {
            throw csv.error("missing header; expected one of: " + TradeLayout.describe());
        }
        final TradeLayout layout = TradeLayout.detect(csv);
        if (layout == null)
        {
            throw csv.error(
                "unrecognised trades header '" + csv.line() + "'; expected one of: " + TradeLayout.describe());
        }

        final String[] names = layout.names;
        final LongArrayList times = new LongArrayList();
        final LongArrayList price = new LongArrayList();
        final LongArrayList qty = new LongArrayList();
        final LongArrayList ids = new LongArrayList();
        final ByteArrayOutputStream aggressors = new ByteArrayOutputStream();
        boolean idsAreNumbers = layout.id >= 0;
        boolean row = !layout.hasHeader() || csv.next();
        while (row)
        {
            final int digits = csv.priceDigits();
            try
            {
                idsAreNumbers = readRow(csv, layout, times, price, qty, ids, aggressors, idsAreNumbers);
            }
            catch (final UserError ex)
            {
                bad.refused(ex, csv, digits);
            }
            row = csv.next();
        }
        if (times.isEmpty())
        {
            throw csv.noDataRows();
        }

        final long[] tradeIds = idsAreNumbers ? ids.toLongArray() : rowNumbers(times.size());
        final int priceScale = csv.priceDigits();
        return new TradeSeries(
            symbol, priceScale, times.toLongArray(), Scales.down(price, priceScale), qty.toLongArray(), tradeIds,
            aggressors.toByteArray());
    }

    /**
     * Checks the cursor's row and keeps it; nothing is kept when it is refused.
     *
     * @return whether the ids read so far are all numbers
     */
    private static boolean readRow(final CsvCursor csv, final TradeLayout layout, final LongArrayList times,
        final LongArrayList price, final LongArrayList qty, final LongArrayList ids, final ByteArrayOutputStream aggressors,
        final boolean idsWereNumbers)
    {
        final String[] names = layout.names;
        boolean idsAreNumbers = idsWereNumbers;
        long id = 0;
        csv.expectColumns(names.length);
        final long timeNs = csv.epochNs(layout.time);
        final long p = csv.price(layout.price, names[layout.price]);
        final long q = csv.quantity(layout.qty, names[layout.qty]);
        final Aggressor aggressor = aggressor(csv, layout);
        if (!times.isEmpty() && timeNs < times.getLong(times.size() - 1))
        {
            throw csv.error("time " + Timestamps.text(timeNs) + " is before the previous trade's " +
                Timestamps.text(times.getLong(times.size() - 1)));
        }
        if (idsAreNumbers)
        {
            final String idText = csv.cell(layout.id);
            if (TradeLayout.isDigits(idText) && idText.length() <= MAX_ID_DIGITS)
            {
                id = Long.parseLong(idText);
            }
            else if (layout.numericId)
            {
                throw csv.error(names[layout.id] + " '" + idText + "' is not a trade id (digits only, at most " +
                    MAX_ID_DIGITS + ")");
            }
            else
            {
                idsAreNumbers = false;
            }
        }
        if (idsAreNumbers)
        {
            ids.addLong(id);
        }
        times.addLong(timeNs);
        price.addLong(p);
        qty.addLong(q);
        aggressors.write(aggressor.ordinal());
        return idsAreNumbers;
    }

    private static Aggressor aggressor(final CsvCursor csv, final TradeLayout layout)
    {
        if (layout.sideKind == TradeLayout.Side.NONE)
        {
            return Aggressor.UNKNOWN;
        }
        final String text = csv.cell(layout.side);
        final String name = layout.names[layout.side];
        if (layout.sideKind == TradeLayout.Side.BUYER_MAKER)
        {
            if ("true".equalsIgnoreCase(text))
            {
                return Aggressor.SELL;
            }
            if ("false".equalsIgnoreCase(text))
            {
                return Aggressor.BUY;
            }
            throw csv.error(name + " must be True or False, found '" + text + "'");
        }
        if ("buy".equalsIgnoreCase(text))
        {
            return Aggressor.BUY;
        }
        if ("sell".equalsIgnoreCase(text))
        {
            return Aggressor.SELL;
        }
        if (text.isEmpty() || "unknown".equalsIgnoreCase(text))
        {
            return Aggressor.UNKNOWN;
        }
        throw csv.error(name + " must be buy, sell or unknown, found '" + text + "'");
    }

    /** 1-based row numbers, the trade ids of a file without usable ids. */
    private static long[] rowNumbers(final int count)
    {
        final long[] rows = new long[count];
        for (int i = 0; i < count; i++)
        {
            rows[i] = i + 1;
        }
        return rows;
    }
}
