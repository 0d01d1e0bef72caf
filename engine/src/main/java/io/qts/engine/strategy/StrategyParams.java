package io.qts.engine.strategy;

import java.util.List;

/**
 * The checked values of a strategy's declared parameters, handed to {@link StrategyFactory#create}: each
 * within its range, defaults filled in.
 */
public final class StrategyParams
{
    private final List<StrategyParameter> declared;
    private final long[] values8;

    /** @param values8 one value at 10^-8 per declared parameter, in the same order. */
    public StrategyParams(final List<StrategyParameter> declared, final long[] values8)
    {
        if (declared.size() != values8.length)
        {
            throw new IllegalArgumentException("one value per parameter expected");
        }
        this.declared = List.copyOf(declared);
        this.values8 = values8.clone();
    }

    /**
     * The value at 10^-8.
     *
     * @throws IllegalArgumentException if the strategy declared no such parameter.
     */
    public long value8(final String name)
    {
        for (int i = 0; i < values8.length; i++)
        {
            if (declared.get(i).name().equals(name))
            {
                return values8[i];
            }
        }
        throw new IllegalArgumentException("no parameter '" + name + "'");
    }

    /** A whole-number parameter's value. */
    public int whole(final String name)
    {
        return Math.toIntExact(value8(name) / StrategyParameter.ONE);
    }
}
