package io.qts.engine;

import io.qts.engine.pipeline.ConfiguredStrategy;
import io.qts.engine.pipeline.StrategyView;
import io.qts.engine.strategy.Strategy;
import io.qts.engine.strategy.StrategyFactory;
import io.qts.engine.strategy.StrategyParameter;
import io.qts.engine.strategy.StrategyParams;
import io.qts.engine.strategy.builtin.BuiltInStrategies;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The strategies QTS knows, built-in first, then those loaded from strategy jars ({@link #useLoaded}), and
 * builds them by name from their parameters, checking every parameter once, up front: unknown names, missing
 * values, values out of range and values that do not fit together are each an error naming the strategy and
 * the key. Every strategy also takes {@value #COOLDOWN_SECONDS}.
 */
public final class Strategies
{
    /** Seconds of event time after a position is closed before the next entry; default 0. */
    public static final String COOLDOWN_SECONDS = "cooldownSeconds";
    /** The engine's own parameter, which every strategy takes. */
    public static final StrategyParameter COOLDOWN = StrategyParameter.whole(
        COOLDOWN_SECONDS, 0, 366L * 86_400, "0", "event-time seconds after a position is closed before the next entry");
    private static final List<StrategyFactory> BUILT_IN = BuiltInStrategies.factories();
    private static List<StrategyFactory> loaded = List.of();

    private Strategies()
    {
    }

    /** Every strategy's name: the built-in ones, then the loaded ones in the order they were loaded. */
    public static synchronized List<String> names()
    {
        final List<String> names = new ArrayList<>();
        all().forEach((f) -> names.add(f.name()));
        return names;
    }

    /** Every strategy's factory, built-in first. */
    public static synchronized List<StrategyFactory> all()
    {
        final List<StrategyFactory> all = new ArrayList<>(BUILT_IN);
        all.addAll(loaded);
        return all;
    }

    /** True for a strategy compiled into QTS. */
    public static boolean isBuiltIn(final String name)
    {
        return BUILT_IN.stream().anyMatch((f) -> f.name().equals(name));
    }

    /**
     * Makes these the strategies loaded from jars (by the CLI, at start of a command, before any engine is
     * built), replacing those loaded before.
     *
     * @param origin where they came from, for the error message.
     * @throws IllegalArgumentException when a name is not valid or is taken twice, changing nothing.
     */
    public static synchronized void useLoaded(final List<StrategyFactory> factories, final String origin)
    {
        final List<StrategyFactory> next = new ArrayList<>();
        for (final StrategyFactory factory : factories)
        {
            final String name = factory.name();
            if (name == null || !name.matches("[a-z0-9][a-z0-9-]*"))
            {
                throw new IllegalArgumentException("strategy " + factory.getClass().getName() + " from " + origin +
                    " has an invalid name '" + name + "' (lower case letters, digits and '-')");
            }
            for (final StrategyFactory known : BUILT_IN)
            {
                if (known.name().equals(name))
                {
                    throw new IllegalArgumentException("strategy '" + name + "' from " + origin + " clashes with the built-in strategy of that name");
                }
            }
            for (final StrategyFactory known : next)
            {
                if (known.name().equals(name))
                {
                    throw new IllegalArgumentException("strategy '" + name + "' is defined twice in " + origin + ": by " +
                        known.getClass().getName() + " and by " + factory.getClass().getName());
                }
            }
            next.add(factory);
        }
        loaded = List.copyOf(next);
    }

    /**
     * The factory of a strategy.
     *
     * @throws IllegalArgumentException for an unknown name, listing the known ones.
     */
    public static synchronized StrategyFactory factory(final String name)
    {
        for (final StrategyFactory factory : all())
        {
            if (factory.name().equals(name))
            {
                return factory;
            }
        }
        throw new IllegalArgumentException("unknown strategy '" + name + "' (known: " + String.join(", ", names()) + ")");
    }

    /** The parameters a strategy takes, {@value #COOLDOWN_SECONDS} first: the keys an admin SET_PARAM may name for it. */
    public static List<String> parameterNames(final String name)
    {
        final List<String> names = new ArrayList<>();
        names.add(COOLDOWN_SECONDS);
        for (final StrategyParameter param : factory(name).parameters())
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
        final List<StrategyParameter> all = new ArrayList<>(factory(name).parameters());
        all.add(COOLDOWN);
        for (final StrategyParameter param : all)
        {
            if (param.defaultText() != null)
            {
                effective.putIfAbsent(param.name(), param.defaultText());
            }
        }
        return effective;
    }

    /**
     * Checks the parameters and makes the strategy, with the context it will act through once an engine binds it.
     *
     * @throws IllegalArgumentException naming the strategy or parameter that is wrong.
     */
    public static ConfiguredStrategy create(final String name, final Map<String, String> params)
    {
        return configure(factory(name), params);
    }

    /** {@link #create} for a factory in hand (a strategy not registered by name, e.g. in tests). */
    public static ConfiguredStrategy configure(final StrategyFactory factory, final Map<String, String> params)
    {
        final String name = factory.name();
        final List<StrategyParameter> known = factory.parameters();
        requireOnly(name, params, known);
        COOLDOWN.read(name, params);
        final long[] v = new long[known.size()];
        for (int i = 0; i < v.length; i++)
        {
            v[i] = known.get(i).read(name, params);
        }
        final StrategyView view = new StrategyView(v);
        final Strategy strategy;
        try
        {
            strategy = factory.create(new StrategyParams(known, v), view);
        }
        catch (final IllegalArgumentException ex)
        {
            throw ex;
        }
        catch (final RuntimeException | LinkageError ex)
        {
            // A loaded strategy's own bug: one error naming it, not a stack trace from deep in the engine.
            throw new IllegalArgumentException("strategy '" + name + "' failed to start: " + ex, ex);
        }
        if (strategy == null)
        {
            throw new IllegalArgumentException("strategy '" + name + "' failed to start: its factory returned null");
        }
        return new ConfiguredStrategy(factory, view, strategy);
    }

    /** The cool-down in nanoseconds of event time, from {@value #COOLDOWN_SECONDS} (checked by {@link #create}). */
    static long cooldownNs(final String name, final Map<String, String> params)
    {
        return COOLDOWN.read(name, params) / StrategyParameter.ONE * 1_000_000_000L;
    }

    private static void requireOnly(final String strategy, final Map<String, String> params, final List<StrategyParameter> known)
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
