package io.qts.engine;

import java.util.Map;

/**
 * One strategy parameter: its name, whether it is a whole number, its range and its default (null
 * when it must be given). Values are held as decimals at 10^-8, the same encoding admin commands use.
 */
record StrategyParam(String name, boolean whole, long min8, long max8, String defaultText)
{
    static final long ONE = 100_000_000L;

    static StrategyParam whole(final String name, final long min, final long max, final String defaultText)
    {
        return new StrategyParam(name, true, min * ONE, max * ONE, defaultText);
    }

    static StrategyParam decimal(final String name, final String min, final String max, final String defaultText)
    {
        return new StrategyParam(name, false, FixedPoint.parse(min, 8), FixedPoint.parse(max, 8), defaultText);
    }

    boolean accepts(final long value8)
    {
        return value8 >= min8 && value8 <= max8 && (!whole || value8 % ONE == 0);
    }

    /**
     * The value given for this parameter (or its default), at 10^-8.
     *
     * @throws IllegalArgumentException naming the strategy and the key.
     */
    long read(final String strategy, final Map<String, String> params)
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

    String range()
    {
        return (whole ? "a whole number" : "a decimal") + " from " + FixedPoint.format(min8, 8) + " to " + FixedPoint.format(max8, 8);
    }
}
