package io.qts.adapters.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Supplier;

/**
 * What {@code /ready} answers: a set of named conditions, each true or false with the reason it is false. Set from
 * any thread but the engine's: either once ({@link #set}, e.g. "recovered" by the recovery step) or as a check that
 * is evaluated when asked ({@link #watch}, e.g. "marketData" reading the feed's connection). Ready when every
 * condition holds; a service with no condition yet is not ready.
 */
public final class Readiness
{
    /** One condition as last evaluated; {@code reason} says why it fails, or what holds. */
    public record Condition(String name, boolean ok, String reason)
    {
    }

    private final Map<String, Supplier<Condition>> conditions = new ConcurrentSkipListMap<>();

    /** Sets a condition to a fixed value until it is set again. */
    public void set(final String name, final boolean ok, final String reason)
    {
        final Condition condition = new Condition(name, ok, reason);
        conditions.put(name, () -> condition);
    }

    /**
     * A condition evaluated each time readiness is asked.
     *
     * @param check returns the reason it fails, or null when it holds; it must not block.
     */
    public void watch(final String name, final String whenOk, final Supplier<String> check)
    {
        conditions.put(name, () ->
        {
            final String failure = check.get();
            return failure == null ? new Condition(name, true, whenOk) : new Condition(name, false, failure);
        });
    }

    /** Drops the named condition; nothing happens if there is none. */
    public void remove(final String name)
    {
        conditions.remove(name);
    }

    /** Every condition, by name. */
    public List<Condition> conditions()
    {
        final List<Condition> evaluated = new ArrayList<>();
        for (final Supplier<Condition> condition : conditions.values())
        {
            evaluated.add(condition.get());
        }
        return evaluated;
    }

    /** Whether every condition is met now; false while there is none. */
    public boolean ready()
    {
        return ready(conditions());
    }

    static boolean ready(final List<Condition> evaluated)
    {
        return !evaluated.isEmpty() && evaluated.stream().allMatch(Condition::ok);
    }
}
