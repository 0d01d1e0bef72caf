package io.qts.engine;

import java.math.BigDecimal;

/**
 * A venue's price grid: bands of price, each with the step (tick) a limit price in it must be a whole multiple of.
 * Bands and steps are kept at 10^-8 of the quote currency and applied at an instrument's own price scale, where a
 * step finer than one unit of that scale counts as one unit. The adapters build it (Upbit markets from
 * {@code UpbitTickSize}'s tables); backtests of CSV data use {@link #ONE_UNIT}. Reads allocate nothing.
 */
public final class PriceTicks
{
    /** One unit of the instrument's price scale at every price: the grid of data with no venue rule. */
    public static final PriceTicks ONE_UNIT = new PriceTicks(new long[] {0}, new long[] {0});

    private static final int SCALE = FixedPoint.MONEY_SCALE;

    /** Lower bound of each band (inclusive) at 10^-8, from the highest band down to 0. */
    private final long[] from8;
    /** The step in each band at 10^-8; 0 means one unit of the instrument's scale. */
    private final long[] tick8;

    private PriceTicks(final long[] from8, final long[] tick8)
    {
        this.from8 = from8;
        this.tick8 = tick8;
    }

    /**
     * A grid from its bands as decimal strings in the quote currency: lower bound then step, from the highest band
     * down; the last band must start at 0. E.g. {@code of("1000", "1", "100", "0.1", "0", "0.01")}.
     *
     * @throws IllegalArgumentException if the list is not pairs, a value has more than 8 decimals or is negative,
     *     a step is not positive, the bounds do not descend, the last one is not 0, or a bound is off the grid of the
     *     band below it (a step that rounds up would leave the grid).
     */
    public static PriceTicks of(final String... fromAndTick)
    {
        if (fromAndTick.length == 0 || fromAndTick.length % 2 != 0)
        {
            throw new IllegalArgumentException("price ticks need pairs of lower bound and step, got " + fromAndTick.length + " values");
        }
        final int bands = fromAndTick.length / 2;
        final long[] from = new long[bands];
        final long[] tick = new long[bands];
        for (int i = 0; i < bands; i++)
        {
            from[i] = decimal8(fromAndTick[2 * i]);
            tick[i] = decimal8(fromAndTick[2 * i + 1]);
            if (tick[i] <= 0)
            {
                throw new IllegalArgumentException("price tick step must be positive: " + fromAndTick[2 * i + 1]);
            }
            if (i > 0 && from[i] >= from[i - 1])
            {
                throw new IllegalArgumentException("price tick bands must descend: " + fromAndTick[2 * i] + " after " + fromAndTick[2 * i - 2]);
            }
            if (i > 0 && from[i - 1] % tick[i] != 0)
            {
                throw new IllegalArgumentException("price tick band bound " + fromAndTick[2 * i - 2] + " is off the grid of step " + fromAndTick[2 * i + 1] + " below it");
            }
        }
        if (from[bands - 1] != 0)
        {
            throw new IllegalArgumentException("the last price tick band must start at 0, not " + fromAndTick[fromAndTick.length - 2]);
        }
        return new PriceTicks(from, tick);
    }

    /**
     * The step at {@code price}, both raw at {@code priceScale} decimals; at least 1 (one unit of the scale).
     */
    public long tick(final long price, final int priceScale)
    {
        final long tick8 = tick8(price, priceScale);
        if (tick8 == 0)
        {
            return 1;
        }
        if (priceScale <= SCALE)
        {
            return Math.max(1, tick8 / FixedPoint.pow10(SCALE - priceScale));
        }
        return Math.multiplyExact(tick8, FixedPoint.pow10(priceScale - SCALE));
    }

    /** Whether a positive {@code price} (raw at {@code priceScale}) is a whole multiple of its step. */
    public boolean onGrid(final long price, final int priceScale)
    {
        return price > 0 && price % tick(price, priceScale) == 0;
    }

    /** The highest price on the grid at or below {@code price} (raw at {@code priceScale}); 0 below the first step. */
    public long floor(final long price, final int priceScale)
    {
        if (price <= 0)
        {
            return 0;
        }
        return price - price % tick(price, priceScale);
    }

    /** The lowest price on the grid at or above a positive {@code price} (raw at {@code priceScale}). */
    public long ceil(final long price, final int priceScale)
    {
        final long down = floor(price, priceScale);
        // Band bounds are on the grid of the band below, so one step up from the floor is on the grid too.
        return down == price ? price : Math.addExact(down, tick(down, priceScale));
    }

    private long tick8(final long price, final int priceScale)
    {
        final long price8 = priceScale <= SCALE
            ? saturatingScaleUp(price, SCALE - priceScale)
            : price / FixedPoint.pow10(priceScale - SCALE);
        for (int i = 0; i < from8.length; i++)
        {
            if (price8 >= from8[i])
            {
                return tick8[i];
            }
        }
        return tick8[tick8.length - 1];
    }

    private static long saturatingScaleUp(final long value, final int digits)
    {
        final long factor = FixedPoint.pow10(digits);
        return value > Long.MAX_VALUE / factor ? Long.MAX_VALUE : value * factor;
    }

    private static long decimal8(final String text)
    {
        final BigDecimal value;
        try
        {
            value = new BigDecimal(text);
        }
        catch (final NumberFormatException e)
        {
            throw new IllegalArgumentException("not a price tick value: " + text, e);
        }
        if (value.signum() < 0 || value.stripTrailingZeros().scale() > SCALE)
        {
            throw new IllegalArgumentException("price tick value must be 0 or more with at most 8 decimals: " + text);
        }
        return value.movePointRight(SCALE).longValueExact();
    }
}
