package io.qts.adapters.research;

import io.qts.adapters.cli.UserError;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The parameter combinations of a sweep. Each {@code --param KEY=SPEC} is a plain value (fixed) or an
 * inclusive range {@code FROM..TO:STEP}: FROM, FROM+STEP, ... up to TO, in exact decimals, so
 * {@code 0.3..0.7:0.1} is 0.3, 0.4, 0.5, 0.6, 0.7. Values are written without trailing zeros.
 * Combinations run with the keys in name order, the first key varying slowest.
 */
public final class ParamGrid
{
    /** More than this many backtests is almost certainly a typo in a step. */
    public static final int MAX_COMBINATIONS = 10_000;

    private final SortedMap<String, List<String>> axes;

    private ParamGrid(final SortedMap<String, List<String>> axes)
    {
        this.axes = axes;
    }

    /**
     * @throws UserError naming {@code --param KEY} for a bad range, and {@code --param} for too many combinations.
     */
    public static ParamGrid parse(final Map<String, String> specs)
    {
        final SortedMap<String, List<String>> axes = new TreeMap<>();
        BigInteger combinations = BigInteger.ONE;
        for (final Map.Entry<String, String> spec : new TreeMap<>(specs).entrySet())
        {
            final List<String> values = values(spec.getKey(), spec.getValue());
            axes.put(spec.getKey(), values);
            combinations = combinations.multiply(BigInteger.valueOf(values.size()));
        }
        if (combinations.compareTo(BigInteger.valueOf(MAX_COMBINATIONS)) > 0)
        {
            throw new UserError("--param: " + combinations + " combinations, more than the limit of " + MAX_COMBINATIONS);
        }
        return new ParamGrid(axes);
    }

    private static List<String> values(final String key, final String spec)
    {
        final int dots = spec.indexOf("..");
        if (dots < 0)
        {
            return List.of(spec.trim());
        }
        final int colon = spec.indexOf(':', dots);
        if (colon < 0)
        {
            throw badRange(key, spec);
        }
        final BigDecimal from = number(key, spec, spec.substring(0, dots));
        final BigDecimal to = number(key, spec, spec.substring(dots + 2, colon));
        final BigDecimal step = number(key, spec, spec.substring(colon + 1));
        if (step.signum() <= 0)
        {
            throw new UserError("--param " + key + ": step must be positive, got '" + spec + "'");
        }
        if (from.compareTo(to) > 0)
        {
            throw new UserError("--param " + key + ": FROM is greater than TO in '" + spec + "'");
        }
        final BigInteger count = to.subtract(from).divideToIntegralValue(step).toBigInteger().add(BigInteger.ONE);
        if (count.compareTo(BigInteger.valueOf(MAX_COMBINATIONS)) > 0)
        {
            throw new UserError("--param " + key + ": '" + spec + "' has " + count + " values, more than the limit of " +
                MAX_COMBINATIONS + " combinations");
        }
        final List<String> values = new ArrayList<>();
        for (BigDecimal v = from; v.compareTo(to) <= 0; v = v.add(step))
        {
            values.add(plain(v));
        }
        return values;
    }

    private static BigDecimal number(final String key, final String spec, final String text)
    {
        try
        {
            return new BigDecimal(text.trim());
        }
        catch (final NumberFormatException ex)
        {
            throw badRange(key, spec);
        }
    }

    private static UserError badRange(final String key, final String spec)
    {
        return new UserError("--param " + key + ": bad range '" + spec + "', expected FROM..TO:STEP, e.g. 5..20:5");
    }

    private static String plain(final BigDecimal value)
    {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }

    /** The parameter keys of the grid, in the order combinations list them. */
    public List<String> keys()
    {
        return List.copyOf(axes.keySet());
    }

    /** Every combination, in order, each with its keys in name order. */
    public List<Map<String, String>> combinations()
    {
        List<Map<String, String>> all = List.of(new LinkedHashMap<>());
        for (final Map.Entry<String, List<String>> axis : axes.entrySet())
        {
            final List<Map<String, String>> next = new ArrayList<>();
            for (final Map<String, String> partial : all)
            {
                for (final String value : axis.getValue())
                {
                    final Map<String, String> combination = new LinkedHashMap<>(partial);
                    combination.put(axis.getKey(), value);
                    next.add(combination);
                }
            }
            all = next;
        }
        return Collections.unmodifiableList(all);
    }
}
