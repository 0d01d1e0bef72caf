package io.qts.engine.risk;

import io.qts.engine.EngineContext;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Trading-halt windows from configuration, in which no order goes out: daily UTC windows
 * "HH:MM-HH:MM" (one that ends before it starts runs over midnight) and absolute ones
 * "2024-03-20T18:00:00Z/2024-03-20T19:00:00Z". Each window includes its start and excludes its end.
 */
public final class HaltSchedule
{
    /** No halt windows. */
    public static final HaltSchedule NONE = new HaltSchedule(new long[0], new long[0], new long[0], new long[0]);

    private static final long DAY_NS = LossLimits.DAY_NS;
    private static final long MINUTE_NS = 60_000_000_000L;
    private static final Pattern DAILY = Pattern.compile("([01][0-9]|2[0-3]):([0-5][0-9])-([01][0-9]|2[0-4]):([0-5][0-9])");

    /** Daily windows as [start, end) in ns since midnight; one over midnight is held as two. */
    private final long[] dailyStart;
    private final long[] dailyEnd;
    private final long[] absoluteStart;
    private final long[] absoluteEnd;

    private HaltSchedule(final long[] dailyStart, final long[] dailyEnd, final long[] absoluteStart, final long[] absoluteEnd)
    {
        this.dailyStart = dailyStart;
        this.dailyEnd = dailyEnd;
        this.absoluteStart = absoluteStart;
        this.absoluteEnd = absoluteEnd;
    }

    /** Whether event time timeNs (ns since the epoch, UTC) falls in a halt window. */
    public boolean halted(final long timeNs)
    {
        final long timeOfDay = Math.floorMod(timeNs, DAY_NS);
        for (int i = 0; i < dailyStart.length; i++)
        {
            if (timeOfDay >= dailyStart[i] && timeOfDay < dailyEnd[i])
            {
                return true;
            }
        }
        for (int i = 0; i < absoluteStart.length; i++)
        {
            if (timeNs >= absoluteStart[i] && timeNs < absoluteEnd[i])
            {
                return true;
            }
        }
        return false;
    }

    /**
     * Parses comma-separated windows (cold path).
     *
     * @throws IllegalArgumentException naming the key, for a malformed window or two that overlap.
     */
    public static HaltSchedule parse(final String key, final String spec)
    {
        if (spec == null || spec.isBlank() || spec.trim().equals(EngineContext.NONE))
        {
            return NONE;
        }
        final List<long[]> daily = new ArrayList<>();
        final List<String> dailyText = new ArrayList<>();
        final List<Integer> dailyWindow = new ArrayList<>();
        final List<long[]> absolute = new ArrayList<>();
        final List<String> absoluteText = new ArrayList<>();
        for (final String part : spec.split(",", -1))
        {
            final String window = part.trim();
            final Matcher m = DAILY.matcher(window);
            if (m.matches())
            {
                final long start = (Integer.parseInt(m.group(1)) * 60L + Integer.parseInt(m.group(2))) * MINUTE_NS;
                final long end = (Integer.parseInt(m.group(3)) * 60L + Integer.parseInt(m.group(4))) * MINUTE_NS;
                if (end > DAY_NS || start == end)
                {
                    throw new IllegalArgumentException(key + ": '" + window + "' is " +
                        (start == end ? "empty" : "past 24:00") + "; a daily window is HH:MM-HH:MM (UTC) with two different times");
                }
                final int ordinal = dailyText.size();
                daily.add(new long[] {start, end > start ? end : DAY_NS});
                dailyText.add(window);
                dailyWindow.add(ordinal);
                if (end < start)
                {
                    daily.add(new long[] {0, end});
                    dailyText.add(window);
                    dailyWindow.add(ordinal);
                }
            }
            else
            {
                absolute.add(absolute(key, window));
                absoluteText.add(window);
            }
        }
        for (int i = 0; i < daily.size(); i++)
        {
            for (int j = i + 1; j < daily.size(); j++)
            {
                if (!dailyWindow.get(i).equals(dailyWindow.get(j)) && overlap(daily.get(i), daily.get(j)))
                {
                    throw overlapping(key, dailyText.get(i), dailyText.get(j));
                }
            }
        }
        for (int i = 0; i < absolute.size(); i++)
        {
            for (int j = i + 1; j < absolute.size(); j++)
            {
                if (overlap(absolute.get(i), absolute.get(j)))
                {
                    throw overlapping(key, absoluteText.get(i), absoluteText.get(j));
                }
            }
            for (int j = 0; j < daily.size(); j++)
            {
                if (overlapsDaily(absolute.get(i), daily.get(j)))
                {
                    throw overlapping(key, absoluteText.get(i), dailyText.get(j));
                }
            }
        }
        return new HaltSchedule(
            daily.stream().mapToLong((w) -> w[0]).toArray(), daily.stream().mapToLong((w) -> w[1]).toArray(),
            absolute.stream().mapToLong((w) -> w[0]).toArray(), absolute.stream().mapToLong((w) -> w[1]).toArray());
    }

    private static long[] absolute(final String key, final String window)
    {
        final int slash = window.indexOf('/');
        try
        {
            if (slash < 0)
            {
                throw new DateTimeParseException("no '/'", window, 0);
            }
            final long start = nanos(Instant.parse(window.substring(0, slash).trim()));
            final long end = nanos(Instant.parse(window.substring(slash + 1).trim()));
            if (end <= start)
            {
                throw new IllegalArgumentException(key + ": window '" + window + "' ends before it starts");
            }
            return new long[] {start, end};
        }
        catch (final DateTimeParseException | ArithmeticException ex)
        {
            throw new IllegalArgumentException(key + ": '" + window + "' is neither a daily UTC window HH:MM-HH:MM nor " +
                "an ISO instant range such as 2024-03-20T18:00:00Z/2024-03-20T19:00:00Z");
        }
    }

    private static long nanos(final Instant instant)
    {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
    }

    private static boolean overlap(final long[] a, final long[] b)
    {
        return a[0] < b[1] && b[0] < a[1];
    }

    /** Whether an absolute window meets the daily window on any day it spans. */
    private static boolean overlapsDaily(final long[] absolute, final long[] daily)
    {
        final long lastDay = Math.floorDiv(absolute[1], DAY_NS);
        for (long day = Math.floorDiv(absolute[0], DAY_NS); day <= lastDay; day++)
        {
            if (overlap(absolute, new long[] {day * DAY_NS + daily[0], day * DAY_NS + daily[1]}))
            {
                return true;
            }
        }
        return false;
    }

    private static IllegalArgumentException overlapping(final String key, final String a, final String b)
    {
        return new IllegalArgumentException(key + ": windows '" + a + "' and '" + b + "' overlap");
    }
}
