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
    /** What {@link #plainDateTimeNs} returns for text it leaves to the ISO parser. */
    private static final long NOT_PLAIN = Long.MIN_VALUE;
    private static final long[] POWERS_OF_TEN = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L, 100_000_000L};

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

    /**
     * A bar's time in any of the forms bar files use: all digits is an epoch number ({@link #epochNs}), ten
     * characters with a {@code -} at index 4 a date ({@link #dateNs}), anything else a date-time
     * ({@link #dateTimeNs}, whose message a malformed time gets). The common date-time shape is tested first, so
     * it costs two character reads more than calling {@link #dateTimeNs} directly.
     */
    static long barTimeNs(final String text)
    {
        if (text.length() > 4 && text.charAt(4) == '-')
        {
            return text.length() == 10 ? dateNs(text) : dateTimeNs(text);
        }
        if (!text.isEmpty() && text.charAt(0) >= '0' && text.charAt(0) <= '9')
        {
            return epochNs(text);
        }
        return dateTimeNs(text);
    }

    /** Nanoseconds in one unit of an epoch number of this many digits (see {@link #epochNs}). */
    static long epochUnitNs(final String text)
    {
        return switch (text.length())
        {
            case 10 -> NANOS_PER_SECOND;
            case 13 -> 1_000_000L;
            case 16 -> 1_000L;
            default -> 1L;
        };
    }

    /** A date {@code YYYY-MM-DD} and a time of day {@code HH:MM:SS[.fraction]} given apart, read as one UTC time. */
    static long dateAndTimeNs(final String date, final String time)
    {
        if (date.length() != 10 || date.indexOf(' ') >= 0 || time.indexOf(' ') >= 0 || time.indexOf('T') >= 0)
        {
            throw new IllegalArgumentException("date '" + date + "' and time '" + time +
                "' are not 'YYYY-MM-DD' and 'HH:MM:SS[.fraction]' (UTC)");
        }
        try
        {
            return dateTimeNs(date + ' ' + time);
        }
        catch (final IllegalArgumentException ex)
        {
            throw new IllegalArgumentException("date '" + date + "' and time '" + time +
                "' are not 'YYYY-MM-DD' and 'HH:MM:SS[.fraction]' (UTC)");
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
        final long plain = plainDateTimeNs(text);
        if (plain != NOT_PLAIN)
        {
            return plain;
        }
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

    /**
     * The common shape {@code YYYY-MM-DD HH:MM:SS[.f]} (1 to 9 fraction digits; {@code T} for the space and a
     * final {@code Z} allowed) read by position, without the ISO parser, which was most of a bar file's
     * reading time. Anything else, an impossible date or time, or an overflow gives {@link #NOT_PLAIN}, and
     * the general path then gives the same value or error.
     */
    private static long plainDateTimeNs(final String text)
    {
        final int end = text.endsWith("Z") ? text.length() - 1 : text.length();
        if (end < 19 || end == 20 || end > 29 || text.charAt(4) != '-' || text.charAt(7) != '-'
            || (text.charAt(10) != ' ' && text.charAt(10) != 'T') || text.charAt(13) != ':' || text.charAt(16) != ':'
            || (end > 19 && text.charAt(19) != '.'))
        {
            return NOT_PLAIN;
        }
        final int year = digits(text, 0, 4);
        final int month = digits(text, 5, 7);
        final int day = digits(text, 8, 10);
        final int hour = digits(text, 11, 13);
        final int minute = digits(text, 14, 16);
        final int second = digits(text, 17, 19);
        final int fraction = end > 19 ? digits(text, 20, end) : 0;
        if (year < 0 || month < 0 || day < 0 || fraction < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59
            || second < 0 || second > 59)
        {
            return NOT_PLAIN;
        }
        try
        {
            final long epochSecond = LocalDate.of(year, month, day).toEpochDay() * 86_400L + hour * 3_600L + minute * 60L + second;
            final long nanos = end > 19 ? fraction * POWERS_OF_TEN[9 - (end - 20)] : 0;
            return Math.addExact(Math.multiplyExact(epochSecond, NANOS_PER_SECOND), nanos);
        }
        catch (final DateTimeException | ArithmeticException ex)
        {
            return NOT_PLAIN;
        }
    }

    /** The decimal value of text[from, to), all digits; -1 if any is not. */
    private static int digits(final String text, final int from, final int to)
    {
        int value = 0;
        for (int i = from; i < to; i++)
        {
            final char c = text.charAt(i);
            if (c < '0' || c > '9')
            {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
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
