package io.qts.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Builds strategies by name from their parameters, checking every parameter once, up front: unknown
 * names, missing values, values out of range and values that do not fit together are each an error
 * naming the strategy and the key. Every strategy also takes {@value #COOLDOWN_SECONDS}.
 */
public final class Strategies
{
    /** Seconds of event time after a position is closed before the next entry; default 0. */
    public static final String COOLDOWN_SECONDS = "cooldownSeconds";
    /** Largest window (prices) any strategy keeps. */
    static final int MAX_WINDOW = 100_000;
    static final StrategyParam COOLDOWN = StrategyParam.whole(COOLDOWN_SECONDS, 0, 366L * 86_400, "0");
    private static final List<String> NAMES = List.of("sma-cross", "ema-cross", "momentum", "volatility-breakout");

    private Strategies()
    {
    }

    public static List<String> names()
    {
        return NAMES;
    }

    /** The parameters a strategy takes, {@value #COOLDOWN_SECONDS} first: the keys an admin SET_PARAM may name for it. */
    public static List<String> parameterNames(final String name)
    {
        final List<String> names = new ArrayList<>();
        names.add(COOLDOWN_SECONDS);
        for (final StrategyParam param : params(name))
        {
            names.add(param.name());
        }
        return names;
    }

    /**
     * The parameters a strategy runs with: the given ones, plus the default of each one not given (a parameter
     * without a default is left out; {@link #create} refuses its absence). Sorted by name, for reports.
     */
    public static SortedMap<String, String> effectiveParams(final String name, final Map<String, String> params)
    {
        final SortedMap<String, String> effective = new TreeMap<>(params);
        final List<StrategyParam> all = new ArrayList<>(params(name));
        all.add(COOLDOWN);
        for (final StrategyParam param : all)
        {
            if (param.defaultText() != null)
            {
                effective.putIfAbsent(param.name(), param.defaultText());
            }
        }
        return effective;
    }

    /**
     * @throws IllegalArgumentException naming the strategy or parameter that is wrong.
     */
    public static Strategy create(final String name, final Map<String, String> params)
    {
        final List<StrategyParam> known = params(name);
        requireOnly(name, params, known);
        COOLDOWN.read(name, params);
        final long[] v = new long[known.size()];
        for (int i = 0; i < v.length; i++)
        {
            v[i] = known.get(i).read(name, params);
        }
        switch (name)
        {
            case "sma-cross":
                return new SmaCross(whole(v[0]), whole(v[1]));
            case "ema-cross":
                return new EmaCross(whole(v[0]), whole(v[1]));
            case "momentum":
                return new Momentum(whole(v[0]), v[1], v[2]);
            default:
                return new VolatilityBreakout(v[0], whole(v[1]), v[2]);
        }
    }

    /** The cool-down in nanoseconds of event time, from {@value #COOLDOWN_SECONDS} (checked by {@link #create}). */
    static long cooldownNs(final String name, final Map<String, String> params)
    {
        return COOLDOWN.read(name, params) / StrategyParam.ONE * 1_000_000_000L;
    }

    private static List<StrategyParam> params(final String name)
    {
        switch (name)
        {
            case "sma-cross":
                return SmaCross.PARAMS;
            case "ema-cross":
                return EmaCross.PARAMS;
            case "momentum":
                return Momentum.PARAMS;
            case "volatility-breakout":
                return VolatilityBreakout.PARAMS;
            default:
                throw new IllegalArgumentException("unknown strategy '" + name + "' (known: " + String.join(", ", NAMES) + ")");
        }
    }

    private static int whole(final long value8)
    {
        return (int)(value8 / StrategyParam.ONE);
    }

    private static void requireOnly(final String strategy, final Map<String, String> params, final List<StrategyParam> known)
    {
        final TreeSet<String> names = new TreeSet<>();
        names.add(COOLDOWN_SECONDS);
        known.forEach((p) -> names.add(p.name()));
        for (final String key : new TreeSet<>(params.keySet()))
        {
            if (!names.contains(key))
            {
                throw new IllegalArgumentException(
                    "unknown parameter '" + key + "' for " + strategy + " (known: " + String.join(", ", names) + ")");
            }
        }
    }
}
