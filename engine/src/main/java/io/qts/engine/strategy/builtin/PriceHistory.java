package io.qts.engine.strategy.builtin;

/**
 * The last prices a window strategy may need, in a ring sized once for the largest window a
 * parameter may ask for, so a window changed at run time can be recomputed without allocating.
 */
final class PriceHistory
{
    private final long[] ring;
    private long count;

    PriceHistory(final int capacity)
    {
        ring = new long[capacity];
    }

    void add(final long price)
    {
        ring[(int)(count % ring.length)] = price;
        count++;
    }

    long count()
    {
        return count;
    }

    /** The price {@code back} prices before the newest (0 = the newest); needs back < min(count, capacity). */
    long ago(final int back)
    {
        return ring[(int)((count - 1 - back) % ring.length)];
    }

    /** Exact sum of the newest min(n, count) prices. */
    long sumOfLast(final int n)
    {
        long sum = 0;
        final long available = Math.min(n, count);
        for (int back = 0; back < available; back++)
        {
            sum = Math.addExact(sum, ago(back));
        }
        return sum;
    }
}
