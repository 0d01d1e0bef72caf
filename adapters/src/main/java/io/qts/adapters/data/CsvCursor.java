package io.qts.adapters.data;

import io.qts.adapters.cli.UserError;
import io.qts.engine.FixedPoint;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Walks a market-data CSV file row by row and turns cells into checked values; every problem becomes a
 * {@link UserError} reading {@code FILE:LINE: reason}. Cells are split on commas: none of the supported
 * layouts quotes its fields. Blank lines are skipped.
 *
 * <p>Prices and quantities are parsed at {@link #MAX_SCALE} decimal places; the readers scale prices
 * down to the fewest places the file needs once the whole file is read.
 */
final class CsvCursor
{
    /** Most decimal places a price or quantity may have; quantities are always held at this scale. */
    static final int MAX_SCALE = 8;

    private final Path file;
    private final BufferedReader in;
    private int lineNumber;
    private String line;
    private String[] cells;
    private int priceDigits;

    CsvCursor(final Path file, final BufferedReader in)
    {
        this.file = file;
        this.in = in;
    }

    /** Moves to the next non-blank line; false at the end of the file. */
    boolean next() throws IOException
    {
        while (true)
        {
            String text = in.readLine();
            if (text == null)
            {
                line = null;
                cells = null;
                return false;
            }
            lineNumber++;
            if (lineNumber == 1 && text.startsWith("\uFEFF"))
            {
                text = text.substring(1);
            }
            if (!text.isBlank())
            {
                line = text;
                cells = text.split(",", -1);
                return true;
            }
        }
    }

    String line()
    {
        return line;
    }

    int lineNumber()
    {
        return lineNumber;
    }

    /**
     * Makes these cells the current row, as if read from line {@code lineNumber}: readers of layouts that are not
     * CSV (JSON) check their values with the same rules and messages.
     */
    void load(final int lineNumber, final String[] cells)
    {
        this.lineNumber = lineNumber;
        this.line = String.join(",", cells);
        this.cells = cells;
    }

    /** The current row's cells, lower-cased and trimmed (for finding columns by header name). */
    String[] lowerCaseCells()
    {
        final String[] names = new String[cells.length];
        for (int i = 0; i < cells.length; i++)
        {
            names[i] = cell(i).toLowerCase(Locale.ROOT);
        }
        return names;
    }

    int columns()
    {
        return cells.length;
    }

    String cell(final int column)
    {
        return cells[column].trim();
    }

    /** True if the current line's cells are these names, ignoring case and surrounding blanks. */
    boolean isHeader(final String[] names)
    {
        if (cells.length != names.length)
        {
            return false;
        }
        for (int i = 0; i < names.length; i++)
        {
            if (!cell(i).equalsIgnoreCase(names[i]))
            {
                return false;
            }
        }
        return true;
    }

    /** Reads the first line and checks it is this header. */
    void expectHeader(final String[] names) throws IOException
    {
        final String expected = String.join(",", names);
        if (!next())
        {
            throw error("missing header, expected '" + expected + "'");
        }
        if (lineNumber != 1 || !isHeader(names))
        {
            throw error("expected header '" + expected + "', found '" + line + "'");
        }
    }

    void expectColumns(final int count)
    {
        if (cells.length != count)
        {
            throw error("expected " + count + " columns, found " + cells.length);
        }
    }

    /** A positive price at {@link #MAX_SCALE}; remembers how many decimal places it needed. */
    long price(final int column, final String name)
    {
        final String text = cell(column);
        final String decimal = FloatNoise.strip(text, MAX_SCALE);
        final int digits = digits(decimal, name);
        final long value = parse(decimal, name);
        if (value <= 0)
        {
            throw error(name + " must be positive, found '" + text + "'");
        }
        priceDigits = Math.max(priceDigits, digits);
        return value;
    }

    /** A non-negative quantity at {@link #MAX_SCALE}. */
    long quantity(final int column, final String name)
    {
        final String text = cell(column);
        final String decimal = FloatNoise.strip(text, MAX_SCALE);
        digits(decimal, name);
        final long value = parse(decimal, name);
        if (value < 0)
        {
            throw error(name + " must not be negative, found '" + text + "'");
        }
        return value;
    }

    long epochNs(final int column)
    {
        try
        {
            return Timestamps.epochNs(cell(column));
        }
        catch (final IllegalArgumentException ex)
        {
            throw error(ex.getMessage());
        }
    }

    /** A bar's time: epoch seconds/ms/us/ns by digit count, a date {@code YYYY-MM-DD}, or a UTC date-time. */
    long barTimeNs(final int column)
    {
        try
        {
            return Timestamps.barTimeNs(cell(column));
        }
        catch (final IllegalArgumentException ex)
        {
            throw error(ex.getMessage());
        }
    }

    /** A date {@code YYYY-MM-DD} and a time of day {@code HH:MM:SS[.fraction]} in two columns, UTC. */
    long dateAndTimeNs(final int dateColumn, final int timeColumn)
    {
        try
        {
            return Timestamps.dateAndTimeNs(cell(dateColumn), cell(timeColumn));
        }
        catch (final IllegalArgumentException ex)
        {
            throw error(ex.getMessage());
        }
    }

    long dateNs(final int column)
    {
        try
        {
            return Timestamps.dateNs(cell(column));
        }
        catch (final IllegalArgumentException ex)
        {
            throw error(ex.getMessage());
        }
    }

    long dateTimeNs(final int column)
    {
        try
        {
            return Timestamps.dateTimeNs(cell(column));
        }
        catch (final IllegalArgumentException ex)
        {
            throw error(ex.getMessage());
        }
    }

    /** Most decimal places any price read so far needed. */
    int priceDigits()
    {
        return priceDigits;
    }

    /** Forgets the places prices of a skipped row needed: a row that is not kept does not set the scale. */
    void resetPriceDigits(final int digits)
    {
        priceDigits = digits;
    }

    /** An error on the current line; on line 1 if the file has none, as a missing header is missing there. */
    UserError error(final String reason)
    {
        return new UserError(file + ":" + Math.max(1, lineNumber) + ": " + reason);
    }

    UserError noDataRows()
    {
        return new UserError(file + ": no data rows");
    }

    private int digits(final String text, final String name)
    {
        final int digits;
        try
        {
            digits = FixedPoint.digitsNeeded(text);
        }
        catch (final NumberFormatException ex)
        {
            throw error(name + ": not a number: '" + text + "'");
        }
        if (digits > MAX_SCALE)
        {
            throw error(
                name + " '" + text + "' has " + digits + " decimal places; at most " + MAX_SCALE + " are supported");
        }
        return digits;
    }

    private long parse(final String text, final String name)
    {
        try
        {
            return FixedPoint.parse(text, MAX_SCALE);
        }
        catch (final NumberFormatException ex)
        {
            throw error(name + ": " + ex.getMessage());
        }
    }
}
