package io.qts.engine.book;

import org.agrona.collections.LongHashSet;

/**
 * The one duplicate-trade rule, for venue messages (a trade seen again after a reconnect) and SBE trades
 * (imports, backtests) alike: a trade id above 0 seen among the last {@value #CAPACITY} trade ids is a
 * duplicate, per instrument; id 0 means the source has no trade ids. The decode stage drops and counts a
 * duplicate; the simulated venue, which sees each market event before the engine, fills on none, so both
 * skip the same trades; an import counts with it what a replay will drop. Fixed capacity, no allocation after
 * construction; single-threaded.
 */
public final class RecentTradeIds
{
    /** How many recent trade ids are remembered: a power of two. */
    public static final int CAPACITY = 4096;

    private final long[] ring = new long[CAPACITY];
    private final LongHashSet set = new LongHashSet(CAPACITY * 4);
    /**
     * The largest key ever remembered: a larger one cannot be in the set. Trade ids rise, so with one instrument
     * (or for the one whose id puts its keys highest) a new trade skips the lookup.
     */
    private long maxKey = Long.MIN_VALUE;
    private int next;
    private int count;

    /** Whether this trade is new (always, for id 0); remembers it. */
    public boolean firstSeen(final int instrumentId, final long tradeId)
    {
        if (tradeId <= 0)
        {
            return true;
        }
        final long key = tradeId ^ ((long)instrumentId << 56);
        if (key > maxKey)
        {
            maxKey = key;
        }
        else if (set.contains(key))
        {
            return false;
        }
        if (count == CAPACITY)
        {
            set.remove(ring[next]);
        }
        else
        {
            count++;
        }
        ring[next] = key;
        next = (next + 1) & (CAPACITY - 1);
        set.add(key);
        return true;
    }
}
