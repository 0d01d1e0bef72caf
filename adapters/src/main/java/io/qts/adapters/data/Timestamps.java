package io.qts.adapters.data;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Timestamp text of market-data files to epoch nanoseconds, UTC. Each method throws
 * {@link IllegalArgumentException} with a reason fit to follow {@code FILE:LINE: }.
 */
final class Timestamps
{
    static final long NANOS_PER_SECOND = 1_000_000_000L;
    static final long NANOS_PER_DAY = 86_400L * NANOS_PER_SECOND;

    private Timestamps()
    {
    }

    /**
     * A numeric epoch timestamp whose unit is told by its digit count: 10 = seconds, 13 = milliseconds,
     * 16 = microseconds, 19 = nanoseconds. Counting digits is unambiguous for every time from
     * 2001-09-09 to 2262-04-11, the range a nanosecond long can hold.
     */
    static long epochNs(final String text)
    {
        final int digits = text.length();
        for (int i = 0; i < digits; i++)
        {
            final char c = text.charAt(i);
            if (c < '0' || c > '9')
            {
                throw new IllegalArgumentException("timestamp '" + text + "' is not an epoch number");
            }
        }
        final long nanosPerUnit;
        switch (digits)
        {
            case 10:
                nanosPerUnit = NANOS_PER_SECOND;
                break;
            case 13:
                nanosPerUnit = 1_000_000L;
                break;
            case 16:
                nanosPerUnit = 1_000L;
                break;
            case 19:
                nanosPerUnit = 1L;
                break;
            default:
                throw new IllegalArgumentException("timestamp '" + text + "' has " + digits +
                    " digits; expected 10 (s), 13 (ms), 16 (us) or 19 (ns)");
        }
        try
        {
            return Math.multiplyExact(Long.parseLong(text), nanosPerUnit);
        }
        catch (final NumberFormatException | ArithmeticException ex)
        {
            throw new IllegalArgumentException("timestamp '" + text + "' is out of range");
        }
    }

    /** {@code YYYY-MM-DD} as 00:00 UTC of that day. */
    static long dateNs(final String text)
    {
        final LocalDate date;
        try
        {
            date = LocalDate.parse(text);
        }
        catch (final DateTimeException ex)
        {
            throw new IllegalArgumentException("date '" + text + "' is not a date YYYY-MM-DD");
        }
        try
        {
            return Math.multiplyExact(date.toEpochDay(), NANOS_PER_DAY);
        }
        catch (final ArithmeticException ex)
        {
            throw new IllegalArgumentException("date '" + text + "' is out of range");
        }
    }

    /**
     * {@code YYYY-MM-DD HH:MM:SS[.fraction]} in UTC; a {@code T} may stand for the space and a {@code Z}
     * may end it. No other zone is accepted, so a file in local time is refused rather than shifted.
     */
    static long dateTimeNs(final String text)
    {
        final int end = text.endsWith("Z") ? text.length() - 1 : text.length();
        if (end < 11 || (text.charAt(10) != ' ' && text.charAt(10) != 'T'))
        {
            throw notDateTime(text);
        }
        final LocalDateTime dateTime;
        try
        {
            dateTime = LocalDateTime.parse(text.substring(0, 10) + 'T' + text.substring(11, end));
        }
        catch (final DateTimeException ex)
        {
            throw notDateTime(text);
        }
        try
        {
            final long seconds = dateTime.toEpochSecond(ZoneOffset.UTC);
            return Math.addExact(Math.multiplyExact(seconds, NANOS_PER_SECOND), dateTime.getNano());
        }
        catch (final ArithmeticException ex)
        {
            throw new IllegalArgumentException("timestamp '" + text + "' is out of range");
        }
    }

    /** ISO-8601 text of an epoch-ns time, for messages. */
    static String text(final long timeNs)
    {
        return Instant.ofEpochSecond(Math.floorDiv(timeNs, NANOS_PER_SECOND), Math.floorMod(timeNs, NANOS_PER_SECOND))
            .toString();
    }

    private static IllegalArgumentException notDateTime(final String text)
    {
        return new IllegalArgumentException(
            "timestamp '" + text + "' is not 'YYYY-MM-DD HH:MM:SS[.fraction]' (UTC, optional T and Z)");
    }
}
