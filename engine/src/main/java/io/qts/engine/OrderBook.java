package io.qts.engine;

import org.agrona.collections.Long2LongHashMap;

/** Our orders in flight, by client order id. Fixed capacity, so it never allocates once built. */
final class OrderBook
{
    static final int CAPACITY = 1024;
    static final int RECENTLY_ENDED = 64;
    private static final long MISSING = -1;

    private final Long2LongHashMap slotById = new Long2LongHashMap(CAPACITY * 2, 0.65f, MISSING);
    private final int[] instrumentId = new int[CAPACITY];
    private final int[] side = new int[CAPACITY];
    /** What has been booked for each order so far, so a venue's cumulative account of it books only the rest. */
    private final long[] filledQty = new long[CAPACITY];
    private final long[] filledFunds = new long[CAPACITY];
    private final long[] filledFee = new long[CAPACITY];
    private final int[] freeSlots = new int[CAPACITY];
    private int freeCount = CAPACITY;
    /** The last orders that ended, so a venue's late answer about one is known for what it is. */
    private final long[] ended = new long[RECENTLY_ENDED];
    private int endedNext;

    OrderBook()
    {
        for (int i = 0; i < CAPACITY; i++)
        {
            freeSlots[i] = CAPACITY - 1 - i;
        }
    }

    boolean hasRoom()
    {
        return freeCount > 0;
    }

    void add(final long clientOrderId, final int instrumentId, final int side)
    {
        final int slot = freeSlots[--freeCount];
        this.instrumentId[slot] = instrumentId;
        this.side[slot] = side;
        filledQty[slot] = 0;
        filledFunds[slot] = 0;
        filledFee[slot] = 0;
        slotById.put(clientOrderId, slot);
    }

    /** Adds a booked fill to the order's tallies; funds and fee as money at 10^-8. */
    void addFilled(final int slot, final long qty, final long funds, final long fee)
    {
        filledQty[slot] += qty;
        filledFunds[slot] += funds;
        filledFee[slot] += fee;
    }

    long filledQty(final int slot)
    {
        return filledQty[slot];
    }

    long filledFunds(final int slot)
    {
        return filledFunds[slot];
    }

    long filledFee(final int slot)
    {
        return filledFee[slot];
    }

    /** Number of orders in flight. */
    int size()
    {
        return slotById.size();
    }

    /** The client order ids in flight, ascending (a stable order, whatever the hash map's). Cold path: allocates. */
    long[] openIds()
    {
        final long[] ids = new long[slotById.size()];
        int n = 0;
        final Long2LongHashMap.KeyIterator keys = slotById.keySet().iterator();
        while (keys.hasNext())
        {
            ids[n++] = keys.nextValue();
        }
        java.util.Arrays.sort(ids);
        return ids;
    }

    /** Slot of the order, or -1 if it is not ours or no longer in flight. */
    int find(final long clientOrderId)
    {
        return (int)slotById.get(clientOrderId);
    }

    int instrumentId(final int slot)
    {
        return instrumentId[slot];
    }

    int side(final int slot)
    {
        return side[slot];
    }

    void remove(final long clientOrderId)
    {
        final long slot = slotById.remove(clientOrderId);
        if (slot != MISSING)
        {
            freeSlots[freeCount++] = (int)slot;
            ended[endedNext] = clientOrderId;
            endedNext = (endedNext + 1) % RECENTLY_ENDED;
        }
    }

    /** Whether the order is one of the last {@link #RECENTLY_ENDED} to end. */
    boolean endedRecently(final long clientOrderId)
    {
        for (final long id : ended)
        {
            if (id == clientOrderId && id != 0)
            {
                return true;
            }
        }
        return false;
    }
}
