package io.qts.engine.risk;

import io.qts.engine.FixedPoint;
import io.qts.engine.book.Instruments;

/**
 * ATR stop of a long position: initial, entry price - m x ATR, fixed once an ATR is known; trailing,
 * the highest price since entry - m x ATR, which only ever moves up. A market event whose low (a bar's
 * low, a trade's price) is at or below the stop as it stood before the event crosses it.
 */
public final class AtrStop
{
    /** Stop mode (config risk.stop): no ATR stop. */
    public static final String NONE = "none";
    /** Stop mode: entry price - m x ATR, fixed once an ATR is known. */
    public static final String INITIAL = "initial";
    /** Stop mode: highest price since entry - m x ATR, only ever moving up. */
    public static final String TRAILING = "trailing";
    private static final long NO_STOP = Long.MIN_VALUE;

    private final boolean enabled;
    private final boolean trailing;
    private final boolean[] active = new boolean[Instruments.MAX_INSTRUMENTS];
    private final long[] entryPrice = new long[Instruments.MAX_INSTRUMENTS];
    private final long[] entryQty = new long[Instruments.MAX_INSTRUMENTS];
    private final long[] highest = new long[Instruments.MAX_INSTRUMENTS];
    private final long[] stop = new long[Instruments.MAX_INSTRUMENTS];

    /** @param mode {@link #NONE}, {@link #INITIAL} or {@link #TRAILING}; any other value acts as initial (EngineContext validates it). */
    public AtrStop(final String mode)
    {
        enabled = !NONE.equals(mode);
        trailing = TRAILING.equals(mode);
    }

    /**
     * Each fill of an entry: the first starts the stop; the entry price is the average of all its pieces (a market
     * buy fills in pieces), rounded half-even at the price scale, and an initial stop already fixed moves with it.
     */
    public void onEntryFill(final int instrumentId, final long price, final long qty)
    {
        if (!enabled)
        {
            return;
        }
        if (!active[instrumentId])
        {
            active[instrumentId] = true;
            entryPrice[instrumentId] = price;
            entryQty[instrumentId] = qty;
            highest[instrumentId] = price;
            stop[instrumentId] = NO_STOP;
            return;
        }
        final long before = entryPrice[instrumentId];
        entryQty[instrumentId] += qty;
        entryPrice[instrumentId] = before + FixedPoint.mulDiv(price - before, qty, entryQty[instrumentId]);
        highest[instrumentId] = Math.max(highest[instrumentId], price);
        if (stop[instrumentId] != NO_STOP && !trailing)
        {
            stop[instrumentId] += entryPrice[instrumentId] - before;
        }
    }

    /** The position in this instrument is closed: its stop is dropped until the next entry. */
    public void onFlat(final int instrumentId)
    {
        active[instrumentId] = false;
    }

    /** Whether this event's low crosses the stop; then moves the stop with the event's high. */
    public boolean crossed(final int instrumentId, final long low, final long high, final AverageTrueRange atr, final long multiple)
    {
        if (!active[instrumentId])
        {
            return false;
        }
        final boolean crossed = stop[instrumentId] != NO_STOP && low <= stop[instrumentId];
        highest[instrumentId] = Math.max(highest[instrumentId], high);
        if (atr.ready(instrumentId))
        {
            final long distance = atr.atrs(instrumentId, multiple);
            if (stop[instrumentId] == NO_STOP)
            {
                stop[instrumentId] = entryPrice[instrumentId] - distance;
            }
            if (trailing)
            {
                stop[instrumentId] = Math.max(stop[instrumentId], highest[instrumentId] - distance);
            }
        }
        return crossed;
    }

    /** The stop price, or {@link Long#MIN_VALUE} while there is none. */
    public long stop(final int instrumentId)
    {
        return active[instrumentId] ? stop[instrumentId] : NO_STOP;
    }
}
