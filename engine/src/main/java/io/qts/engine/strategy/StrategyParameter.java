package io.qts.engine.strategy;

import io.qts.engine.FixedPoint;

import java.util.Map;

/**
 * One parameter a strategy declares: its name, whether it is a whole number or a decimal, its allowed range,
 * its default and a one-line description. Values are held as decimals at 10^-8 (5 is 500000000), the same
 * encoding admin SET_PARAM commands use.
 */
public final class StrategyParameter
{
    /** 1 at 10^-8. */
    public static final long ONE = 100_000_000L;

    private final String name;
    private final boolean whole;
    private final long min8;
    private final long max8;
    private final String defaultText;
    private final String description;

    private StrategyParameter(
        final String name, final boolean whole, final long min8, final long max8, final String defaultText, final String description)
    {
        if (min8 > max8)
        {
            throw new IllegalArgumentException("parameter '" + name + "': min above max");
        }
        this.name = name;
        this.whole = whole;
        this.min8 = min8;
        this.max8 = max8;
        this.defaultText = defaultText;
        this.description = description;
    }

    /**
     * A whole-number parameter from {@code min} to {@code max} inclusive.
     *
     * @param defaultText the default as written on a command line, or null when the user must give it.
     */
    public static StrategyParameter whole(
        final String name, final long min, final long max, final String defaultText, final String description)
    {
        return new StrategyParameter(name, true, min * ONE, max * ONE, defaultText, description);
    }

    /** A decimal parameter (at most 8 decimals) from {@code min} to {@code max} inclusive, written as decimals. */
    public static StrategyParameter decimal(
        final String name, final String min, final String max, final String defaultText, final String description)
    {
        return new StrategyParameter(name, false, FixedPoint.parse(min, 8), FixedPoint.parse(max, 8), defaultText, description);
    }

    /** The parameter's key, as given on the command line ({@code --param name=value}) and in an admin SET_PARAM. */
    public String name()
    {
        return name;
    }

    /** True for a whole number, false for a decimal. */
    public boolean isWhole()
    {
        return whole;
    }

    /** Smallest allowed value at 10^-8. */
    public long min8()
    {
        return min8;
    }

    /** Largest allowed value at 10^-8. */
    public long max8()
    {
        return max8;
    }

    /** The default as text, or null when the parameter must be given. */
    public String defaultText()
    {
        return defaultText;
    }

    /** One line saying what the parameter does. */
    public String description()
    {
        return description;
    }

    /** True when {@code value8} (at 10^-8) is within the range and, for a whole number, whole. */
    public boolean accepts(final long value8)
    {
        return value8 >= min8 && value8 <= max8 && (!whole || value8 % ONE == 0);
    }

    /**
     * The value given for this parameter in {@code params} (or its default), at 10^-8.
     *
     * @throws IllegalArgumentException naming the strategy and the key when it is missing, not a number or out of range.
     */
    public long read(final String strategy, final Map<String, String> params)
    {
        final String text = params.containsKey(name) ? params.get(name) : defaultText;
        if (text == null)
        {
            throw new IllegalArgumentException("missing parameter '" + name + "' for " + strategy + " (use --param " + name + "=" +
                (whole ? "N" : "X") + ", " + range() + ")");
        }
        long value8;
        try
        {
            value8 = FixedPoint.parse(text.trim(), 8);
        }
        catch (final NumberFormatException ex)
        {
            value8 = Long.MIN_VALUE;
        }
        if (!accepts(value8))
        {
            throw new IllegalArgumentException(
                "parameter '" + name + "' for " + strategy + " must be " + range() + ", got '" + text + "'");
        }
        return value8;
    }

    /** The range in words, e.g. "a whole number from 1 to 99999". */
    public String range()
    {
        return (whole ? "a whole number" : "a decimal") + " from " + FixedPoint.format(min8, 8) + " to " + FixedPoint.format(max8, 8);
    }
}
