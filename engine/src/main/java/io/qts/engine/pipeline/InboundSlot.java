package io.qts.engine.pipeline;

import io.qts.engine.book.OrderIntent;
import io.qts.engine.book.Sides;
import io.qts.engine.risk.RiskParams;
import io.qts.journal.EntryHeader;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * One preallocated ring entry: the input's raw bytes as received plus the typed fields the stages
 * fill in as the event moves down the chain. Reused forever; nothing in it is allocated per event.
 * <p>
 * The raw area starts at {@link #INLINE_CAPACITY} bytes, enough for every binary (SBE) input, so a ring of binary
 * inputs stays small enough for the CPU cache (a 4 KB area in every slot made a 4,096-slot ring 17 MB and every slot
 * a cache miss). An input larger than the area (venue JSON) replaces it, in the publishing thread, with one of the next
 * power of two up to {@link EntryHeader#MAX_PAYLOAD_LENGTH}; the slot keeps that area, so once every slot has held an
 * input of the largest size that comes, nothing more is allocated.
 */
public final class InboundSlot
{
    /** Bytes of raw area a slot starts with: more than the largest SBE input. */
    static final int INLINE_CAPACITY = 256;

    byte[] raw = new byte[INLINE_CAPACITY];
    final UnsafeBuffer rawBuffer = new UnsafeBuffer(raw);
    int length;
    int sourceId;
    int format;
    /** Engine time of this input: every decision made on it uses this, never a clock. */
    public long timeNs;
    /** Dense position of this input in the journal (live) or the input stream (backtest). */
    public long sequence;

    // Filled by the decode stage.
    /** The decoded input's kind, an {@link EventType} value; NONE until decoded. */
    public int type;
    /** The instrument the input is about (id from its InstrumentDefinition); meaningless for inputs about none. */
    public int instrumentId;
    /** Trade price, bar close, or fill price. */
    public long price;
    /** Trade quantity, bar volume, or fill quantity. */
    long qty;
    /** A bar's length. */
    long durationNs;
    long openPrice;
    long highPrice;
    long lowPrice;
    long bidPrice;
    long askPrice;
    long clientOrderId;
    int side;
    long leavesQty;
    long commission;
    /**
     * Of a fill or an order's end: the venue's cumulative executed quantity of the order after it, at the qty scale,
     * or {@link DecodedInput#EXECUTED_UNKNOWN}.
     */
    long executedQty;
    int rejectReason;
    int adminAction;
    /** Admin key as a risk parameter ({@link RiskParams}), or UNKNOWN. */
    int paramId;
    /** Admin key as an index into the signal stage's parameter keys, or -1. */
    int strategyParamId;
    long paramValue;
    int priceScale;
    int qtyScale;
    /** INSTRUMENT: the defined symbol's index among the traded symbols, -1 if it is not traded. */
    int tradedIndex;
    /** A venue trade's own time (the engine's time stays {@link #timeNs}); 0 if not given. */
    long venueTimeNs;
    /** VENUE_BLOCKED: event time until which the venue refuses us. */
    long blockedUntilNs;
    /** FEED_STATE: true when the market-data feed went stale. */
    boolean feedStale;
    /** ORDER_STREAM_STATE: true when the venue's private order stream is down (fills would be missed). */
    boolean orderStreamDown;
    /** ORDER_STATUS: the order's executed funds (quantity x price, summed over its fills), money at 10^-8. */
    long funds;
    /** ORDER_STATUS: {@link DecodedInput#VENUE_ORDER_OPEN}, {@code _ENDED} or {@code _NOT_FOUND}. */
    int venueOrderState;
    /**
     * ORDER_STATUS, set by the execution stage's screen before risk sees it: the quantity the status books beyond the
     * order's tally (0 for none) and its average price, so risk treats it as the fill it is (the stop's entry price).
     */
    long statusFillQty;
    long statusFillPrice;
    /** Set by an input decoder for a message it read and found nothing in for the engine. */
    boolean ignored;

    // Filled by the signal stage, cleared by risk if rejected.
    /** The order intent's side, a {@link Sides} value; {@link Sides#NONE} when the input decided no order. */
    public int intentSide;
    /**
     * The order intent's quantity at the instrument's quantity scale (risk resizes an entry by the configured sizing).
     */
    public long intentQty;
    /** The market price for reference (market orders), or the limit price. */
    public long intentPrice;
    /** The SBE OrderType value: MARKET, LIMIT (good till cancelled), LIMIT_IOC or LIMIT_FOK. */
    public int intentOrderType = OrderIntent.MARKET;
    /** NEW, CANCEL of {@link #intentCancelId}, or REPLACE: cancel {@link #intentCancelId}, then a new limit order. */
    public int intentAction = OrderIntent.NEW;
    /** The client order id a CANCEL or REPLACE ends. */
    public long intentCancelId;

    /** Set by the execution stage when it handed an order command to the outbound path. */
    boolean orderSent;

    /**
     * Copies an input into the slot, first replacing the raw area with a larger one if the input does not fit it.
     *
     * @throws IllegalArgumentException if it is negative or larger than {@link EntryHeader#MAX_PAYLOAD_LENGTH}, the
     *                                  largest journal entry.
     */
    public void set(
        final long timeNs, final int sourceId, final int format, final DirectBuffer buffer, final int offset, final int length)
    {
        if (length < 0 || length > EntryHeader.MAX_PAYLOAD_LENGTH)
        {
            throw new IllegalArgumentException(
                "input of " + length + " bytes is larger than the largest journal entry, " + EntryHeader.MAX_PAYLOAD_LENGTH);
        }
        if (length > raw.length)
        {
            grow(length);
        }
        buffer.getBytes(offset, raw, 0, length);
        this.length = length;
        this.timeNs = timeNs;
        this.sourceId = sourceId;
        this.format = format;
        this.type = EventType.NONE;
        this.intentSide = Sides.NONE;
        this.intentOrderType = OrderIntent.MARKET;
        this.intentAction = OrderIntent.NEW;
        this.orderSent = false;
    }

    private void grow(final int length)
    {
        raw = new byte[Math.min(EntryHeader.MAX_PAYLOAD_LENGTH, Integer.highestOneBit(length - 1) << 1)];
        rawBuffer.wrap(raw);
    }

    /** Bytes of raw area the slot has now. */
    int rawCapacity()
    {
        return raw.length;
    }

    /** The input's bytes as received: {@link #inputLength()} bytes from offset 0, until the slot is reused. */
    public UnsafeBuffer input()
    {
        return rawBuffer;
    }

    /** Bytes of the input in {@link #input()}. */
    public int inputLength()
    {
        return length;
    }

    /** The input's sequence: its dense position in the journal (live) or the input stream (backtest). */
    public long sequence()
    {
        return sequence;
    }

    /** The input's receive time as given to the engine (a latency harness puts its planned send time here). */
    public long timeNs()
    {
        return timeNs;
    }

    /**
     * The source the input came from, a journal {@code Sources} value (reference, market data, venue, timer, admin).
     */
    public int sourceId()
    {
        return sourceId;
    }

    /** Whether this input made the execution stage hand an order to the outbound path. */
    public boolean orderSent()
    {
        return orderSent;
    }
}
