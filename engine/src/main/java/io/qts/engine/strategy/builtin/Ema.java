package io.qts.engine.strategy.builtin;

import io.qts.engine.FixedPoint;

/**
 * An exponential moving average of n prices in exact integer maths, at the prices' own scale. It is
 * seeded with the mean of the prices so far once there are n of them (the SMA of the first n), then
 * each price moves it by 2 x (price - ema) / (n + 1), rounded half-even to a whole price unit.
 */
final class Ema
{
    private int n;
    private long count;
    private long seedSum;
    private long value;
    private boolean seeded;

    Ema(final int n)
    {
        this.n = n;
    }

    /** Takes effect on the next price; an EMA not yet seeded seeds once it has n prices. */
    void length(final int n)
    {
        this.n = n;
    }

    void add(final long price)
    {
        count++;
        if (seeded)
        {
            value = Math.addExact(value, FixedPoint.mulDiv(Math.subtractExact(price, value), 2, n + 1L));
            return;
        }
        seedSum = Math.addExact(seedSum, price);
        if (count >= n)
        {
            value = FixedPoint.mulDiv(seedSum, 1, count);
            seeded = true;
        }
    }

    boolean seeded()
    {
        return seeded;
    }

    long value()
    {
        return value;
    }
}
