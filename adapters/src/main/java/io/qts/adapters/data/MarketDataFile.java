package io.qts.adapters.data;

import io.qts.adapters.cli.UserError;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * back in time. A numeric epoch timestamp (trades) tells its unit by its digit count: 10 digits are seconds,
 * 13 milliseconds, 16 microseconds, 19 nanoseconds.
 */
public final class MarketDataFile
{
    private static final Pattern SYMBOL = Pattern.compile("[A-Za-z0-9._/-]{1,24}");

    private MarketDataFile()
    {
    }

    /**
     * @param file   the CSV file.
     * @param format its layout.
     * @param symbol the instrument's symbol: 1 to 24 characters of {@code A-Z a-z 0-9 . _ / -}.
     * @throws UserError on any problem with the arguments or the file.
     */
    public static MarketSeries read(final Path file, final DataFormat format, final String symbol)
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
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8))
        {
            final CsvCursor csv = new CsvCursor(file, in);
            return switch (format)
            {
                case YAHOO, OHLCV -> BarFileReader.read(csv, format, symbol);
                case TRADES -> TradeFileReader.read(csv, symbol);
            };
        }
        catch (final IOException ex)
        {
            throw new UserError("cannot read " + file + ": " + IoErrors.reason(ex), ex);
        }
    }
}
