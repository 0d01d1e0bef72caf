package io.qts.engine.book;

import io.qts.engine.FixedPoint;
import org.agrona.collections.Long2LongHashMap;

/**
 * Our orders in flight, by client order id, with what was filled so far and what the venue said at their end. An
 * order in doubt stays here like any other. Fixed capacity, so it never allocates once built.
 */
public final class OrderBook
{
    /** Engine-internal. The most orders in flight at once; {@link #hasRoom()} is false beyond it. */
    public static final int CAPACITY = 1024;
    static final int RECENTLY_ENDED = 64;
    private static final long MISSING = -1;

    private final Long2LongHashMap slotById = new Long2LongHashMap(CAPACITY * 2, 0.65f, MISSING);
    private final int[] instrumentId = new int[CAPACITY];
    private final int[] side = new int[CAPACITY];
    /** What has been booked for each order so far (quantity at the instrument's qty scale, funds and fee as money at
     * 10^-8), so a venue's cumulative account of it, or a repeat of a fill, books only the rest. */
    private final long[] filledQty = new long[CAPACITY];
    private final long[] filledFunds = new long[CAPACITY];
    private final long[] filledFee = new long[CAPACITY];
    /** The cumulative quantity the venue said when it ended the order (done/cancel), while fills are still to come; else -1. */
    private final long[] endedAtQty = new long[CAPACITY];
    private final boolean[] inDoubt = new boolean[CAPACITY];
    private final int[] freeSlots = new int[CAPACITY];
    private int freeCount = CAPACITY;
    /** The last orders that ended, so a venue's late answer about one is known for what it is. */
    private final long[] ended = new long[RECENTLY_ENDED];
    private int endedNext;

    /** Engine-internal. An empty book with room for {@link #CAPACITY} orders; allocates here and never after. */
    public OrderBook()
    {
        for (int i = 0; i < CAPACITY; i++)
        {
            freeSlots[i] = CAPACITY - 1 - i;
        }
    }

    /** Engine-internal. Whether another order can be added. */
    public boolean hasRoom()
    {
        return freeCount > 0;
    }

    /**
     * Engine-internal. Adds an order in flight (side a {@link Sides} value) with nothing filled yet; check
     * {@link #hasRoom()} first.
     *
     * @throws ArrayIndexOutOfBoundsException if the book is full.
     */
    public void add(final long clientOrderId, final int instrumentId, final int side)
    {
        final int slot = freeSlots[--freeCount];
        this.instrumentId[slot] = instrumentId;
        this.side[slot] = side;
        filledQty[slot] = 0;
        filledFunds[slot] = 0;
        filledFee[slot] = 0;
        endedAtQty[slot] = -1;
        inDoubt[slot] = false;
        slotById.put(clientOrderId, slot);
    }

    /** Books a fill to the order's tallies (funds and fee as money at 10^-8); returns its cumulative filled quantity. */
    public long addFilled(final int slot, final long qty, final long funds, final long fee)
    {
        filledQty[slot] += qty;
        filledFunds[slot] = FixedPoint.addMoney(filledFunds[slot], funds);
        filledFee[slot] = FixedPoint.addMoney(filledFee[slot], fee);
        return filledQty[slot];
    }

    /** Engine-internal. Money (10^-8) the order's fills booked so far moved: their notional. */
    public long filledFunds(final int slot)
    {
        return filledFunds[slot];
    }

    /** Engine-internal. Commission (money at 10^-8) of the order's fills booked so far. */
    public long filledFee(final int slot)
    {
        return filledFee[slot];
    }

    /** Slot of the order, or -1 if it is not ours or no longer in flight. */
    public int find(final long clientOrderId)
    {
        return (int)slotById.get(clientOrderId);
    }

    /** Engine-internal. The instrument of the order in the slot. */
    public int instrumentId(final int slot)
    {
        return instrumentId[slot];
    }

    /** Engine-internal. The side of the order in the slot, a {@link Sides} value. */
    public int side(final int slot)
    {
        return side[slot];
    }

    /** Engine-internal. Quantity of the order booked as filled so far, at the instrument's quantity scale. */
    public long filledQty(final int slot)
    {
        return filledQty[slot];
    }

    /** The venue ended the order at {@code executedQty}, of which not all is booked yet. */
    public void endWhenFilled(final int slot, final long executedQty)
    {
        endedAtQty[slot] = executedQty;
    }

    /** Whether the venue has ended the order and its fills have now all been booked. */
    public boolean endReached(final int slot)
    {
        return endedAtQty[slot] >= 0 && filledQty[slot] >= endedAtQty[slot];
    }

    /**
     * Engine-internal. Marks the order as one the gateway could not confirm; it stays in flight until the venue answers
     * for it.
     */
    public void markInDoubt(final int slot)
    {
        inDoubt[slot] = true;
    }

    /** Engine-internal. Whether the order was marked in doubt. */
    public boolean inDoubt(final int slot)
    {
        return inDoubt[slot];
    }

    /**
     * Engine-internal. Ends the order: frees its slot and remembers its id among the recently ended. Does nothing for
     * an id not in flight.
     */
    public void remove(final long clientOrderId)
    {
        final long slot = slotById.remove(clientOrderId);
        if (slot != MISSING)
        {
            freeSlots[freeCount++] = (int)slot;
            ended[endedNext] = clientOrderId;
            endedNext = (endedNext + 1) % RECENTLY_ENDED;
        }
    }

    /** The client order ids in flight, ascending (not for the engine thread's steady state: it allocates). */
    public long[] idsInFlight()
    {
        final long[] ids = new long[slotById.size()];
        int n = 0;
        for (final Long2LongHashMap.KeyIterator it = slotById.keySet().iterator(); it.hasNext(); )
        {
            ids[n++] = it.nextValue();
        }
        java.util.Arrays.sort(ids);
        return ids;
    }

    /** Whether the order is one of the last {@link #RECENTLY_ENDED} to end. */
    public boolean endedRecently(final long clientOrderId)
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
