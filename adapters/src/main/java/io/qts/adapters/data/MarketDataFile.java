package io.qts.adapters.data;

import io.qts.adapters.cli.UserError;

import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.LongConsumer;
import java.util.regex.Pattern;

/**
 * Reads a market-data file of one instrument into a {@link MarketSeries}, checking all of it before
 * anything is written anywhere.
 *
 * <p>Every problem is a {@link UserError} with one line: {@code FILE:LINE: reason} for a bad line (lines
 * count from 1, the header included), {@code FILE: no data rows} for a header alone, and
 * {@code cannot read FILE: reason} for a file that cannot be read.
 *
 * <p>Prices are held at the fewest decimal places (at most 8) that represent every price in the file
 * exactly; quantities always at 8. Values are never rounded: a price or quantity with more places is
 * refused. Times are epoch nanoseconds, UTC; bars must strictly increase in time, trades must not go
 * back in time. A numeric epoch timestamp tells its unit by its digit count: 10 digits are seconds,
 * 13 milliseconds, 16 microseconds, 19 nanoseconds.
 *
 * <p>Under {@link BadRowPolicy#SKIP} a bad data row is left out and counted ({@link MarketSeries#skipped()})
 * instead of failing the read; a bad header, an unreadable file and (Upbit candles) broken JSON still fail.
 */
public final class MarketDataFile
{
    private static final Pattern SYMBOL = Pattern.compile("[A-Za-z0-9._/-]{1,24}");

    private MarketDataFile()
    {
    }

    /**
     * @param file   the data file (CSV, or JSON for Upbit candles).
     * @param format its layout.
     * @param symbol the instrument's symbol: 1 to 24 characters of {@code A-Z a-z 0-9 . _ / -}.
     * @throws UserError on any problem with the arguments or the file.
     */
    public static MarketSeries read(final Path file, final DataFormat format, final String symbol)
    {
        return read(file, format, symbol, bytes -> { });
    }

    /**
     * Like {@link #read(Path, DataFormat, String)}, telling {@code bytesRead} how many bytes of the file have been
     * read so far as reading goes on (for a progress line).
     */
    public static MarketSeries read(final Path file, final DataFormat format, final String symbol, final LongConsumer bytesRead)
    {
        return read(file, format, symbol, BadRowPolicy.FAIL, bytesRead);
    }

    /**
     * Like {@link #read(Path, DataFormat, String, LongConsumer)}, with bad rows handled by {@code badRows}.
     *
     * @throws UserError on any problem with the arguments or the file that the policy does not skip; a file
     *                   whose rows are all bad has no data rows.
     */
    public static MarketSeries read(
        final Path file, final DataFormat format, final String symbol, final BadRowPolicy badRows, final LongConsumer bytesRead)
    {
        if (symbol == null || !SYMBOL.matcher(symbol).matches())
        {
            throw new UserError(
                "invalid symbol '" + symbol + "': expected 1 to 24 characters of A-Z a-z 0-9 . _ / -");
        }
        if (Files.isDirectory(file))
        {
            throw new UserError("cannot read " + file + ": is a directory");
        }
        // A decoder, not a charset: it reports bytes that are not UTF-8 instead of replacing them.
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
            new CountingStream(Files.newInputStream(file), bytesRead), StandardCharsets.UTF_8.newDecoder())))
        {
            final BadRows bad = new BadRows(badRows);
            final CsvCursor csv = new CsvCursor(file, in);
            final MarketSeries series = switch (format)
            {
                case YAHOO, OHLCV, BINANCE_KLINES -> BarFileReader.read(csv, format, symbol, bad);
                case TRADES -> TradeFileReader.read(csv, symbol, bad);
                case UPBIT_CANDLES -> UpbitCandleReader.read(file, in, symbol, bad);
            };
            series.skipped(bad.skipped());
            return series;
        }
        catch (final IOException ex)
        {
            throw new UserError("cannot read " + file + ": " + IoErrors.reason(ex), ex);
        }
    }

    /** Counts the bytes read through it. */
    private static final class CountingStream extends FilterInputStream
    {
        private final LongConsumer bytesRead;
        private long count;

        CountingStream(final InputStream in, final LongConsumer bytesRead)
        {
            super(in);
            this.bytesRead = bytesRead;
        }

        @Override
        public int read() throws IOException
        {
            final int b = super.read();
            counted(b < 0 ? -1 : 1);
            return b;
        }

        @Override
        public int read(final byte[] buffer, final int offset, final int length) throws IOException
        {
            final int n = super.read(buffer, offset, length);
            counted(n);
            return n;
        }

        private void counted(final int n)
        {
            if (n > 0)
            {
                count += n;
                bytesRead.accept(count);
            }
        }
    }
}
