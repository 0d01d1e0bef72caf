package io.qts.engine;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Builds strategies by name from their parameters, checking every parameter once, up front. */
public final class Strategies
{
    private static final List<String> NAMES = List.of("sma-cross");

    private Strategies()
    {
    }

    public static List<String> names()
    {
        return NAMES;
    }

    /**
     * @throws IllegalArgumentException naming the strategy or parameter that is wrong.
     */
    public static Strategy create(final String name, final Map<String, String> params)
    {
        if ("sma-cross".equals(name))
        {
            requireOnly(name, params, Set.of("fast", "slow"));
            return new SmaCross(positiveInt(name, params, "fast"), positiveInt(name, params, "slow"));
        }
        throw new IllegalArgumentException("unknown strategy '" + name + "' (known: " + String.join(", ", NAMES) + ")");
    }

    private static void requireOnly(final String strategy, final Map<String, String> params, final Set<String> known)
    {
        for (final String key : new TreeSet<>(params.keySet()))
        {
            if (!known.contains(key))
            {
                throw new IllegalArgumentException(
                    "unknown parameter '" + key + "' for " + strategy + " (known: " + String.join(", ", new TreeSet<>(known)) + ")");
            }
        }
    }

    private static int positiveInt(final String strategy, final Map<String, String> params, final String key)
    {
        final String value = params.get(key);
        if (value == null)
        {
            throw new IllegalArgumentException("missing parameter '" + key + "' for " + strategy + " (use --param " + key + "=N)");
        }
        try
        {
            final int n = Integer.parseInt(value.trim());
            if (n < 1 || n > 100_000)
            {
                throw new NumberFormatException();
            }
            return n;
        }
        catch (final NumberFormatException ex)
        {
            throw new IllegalArgumentException(
                "parameter '" + key + "' for " + strategy + " must be a whole number from 1 to 100000, got '" + value + "'");
        }
    }
}
