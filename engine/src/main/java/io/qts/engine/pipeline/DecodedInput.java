package io.qts.engine.pipeline;

import io.qts.engine.book.Instruments;
import io.qts.engine.book.RecentTradeIds;
import io.qts.engine.book.Sides;
import io.qts.journal.sbe.RejectReason;
import org.agrona.DirectBuffer;

import java.util.Arrays;

/**
 * What an {@link InputDecoder} reports about one input; fills the slot's typed fields. It also knows the
 * instruments defined so far by InstrumentDefinition inputs (symbol, id, scales), so a decoder finds the
 * instrument of a venue message and its fixed-point scales in the journal itself, not in outside config.
 * <p>
 * Trades with a venue trade id are de-duplicated here: an id seen among the last {@value #RECENT_TRADE_IDS}
 * trades is dropped and counted (a reconnecting feed resends recent trades). The journal keeps both copies;
 * a replay drops the same ones. Our own fills are de-duplicated the same way by the venue's trade id (its own
 * window of {@value #RECENT_TRADE_IDS}), and the execution stage also drops a fill whose cumulative executed quantity
 * it has already booked: each fill is booked once however often the venue repeats it.
 */
public final class DecodedInput
{
    /** A buy, the side a decoder reports with {@link #filled} and {@link #orderStatus} ({@link Sides#BUY}). */
    public static final int BUY = Sides.BUY;
    /** A sell, the side a decoder reports with {@link #filled} and {@link #orderStatus} ({@link Sides#SELL}). */
    public static final int SELL = Sides.SELL;
    /** Fill's leaves quantity when the venue does not say (an amount-based market buy): the order stays open until done. */
    public static final long LEAVES_UNKNOWN = Long.MAX_VALUE;
    /** A fill's or an order end's cumulative executed quantity when the venue does not say. */
    public static final long EXECUTED_UNKNOWN = -1;
    /** A fill's venue trade id when the venue gives none. */
    public static final long NO_TRADE_ID = 0;
    /** {@link #orderStatus}: the venue still works the order. */
    public static final int VENUE_ORDER_OPEN = 1;
    /** {@link #orderStatus}: the venue finished the order (done or cancelled); nothing more will fill. */
    public static final int VENUE_ORDER_ENDED = 2;
    /** {@link #orderStatus}: the venue has no order with that identifier: it never arrived. */
    public static final int VENUE_ORDER_NOT_FOUND = 3;
    /** Trade ids remembered for de-duplication. */
    public static final int RECENT_TRADE_IDS = RecentTradeIds.CAPACITY;
    private static final int SYMBOL_LENGTH = 24;

    private final Counters counters;
    private final byte[][] symbols = new byte[Instruments.MAX_INSTRUMENTS][];
    private final int[] symbolIds = new int[Instruments.MAX_INSTRUMENTS];
    private final int[] priceScale = new int[Instruments.MAX_INSTRUMENTS];
    private final int[] qtyScale = new int[Instruments.MAX_INSTRUMENTS];
    private int symbolCount;
    private final RecentTradeIds recentTrades = new RecentTradeIds();
    /** Our own fills by the venue's trade id: the same rule as market trades, a repeat is dropped. */
    private final RecentTradeIds recentFills = new RecentTradeIds();
    private InboundSlot slot;

    DecodedInput(final Counters counters)
    {
        this.counters = counters;
    }

    /**
     * A decoder harness outside the engine (tests, journal tools): {@link #define} instruments, then
     * {@link #decode} inputs and read what was reported with the getters. Single-threaded; not for the hot path.
     */
    public static DecodedInput standalone()
    {
        final DecodedInput input = new DecodedInput(new Counters());
        input.slot = new InboundSlot();
        return input;
    }

    /** Defines an instrument as an InstrumentDefinition input would (standalone use). */
    public void define(final String symbol, final int instrumentId, final int priceScale, final int qtyScale)
    {
        define(Arrays.copyOf(symbol.getBytes(java.nio.charset.StandardCharsets.US_ASCII), SYMBOL_LENGTH),
            instrumentId, priceScale, qtyScale);
    }

    /** Runs {@code decoder} on one payload (standalone use); returns {@link #kind()}. */
    public String decode(final InputDecoder decoder, final int sourceId, final long timeNs, final DirectBuffer payload, final int length)
    {
        slot.set(timeNs, sourceId, io.qts.journal.EntryHeader.FORMAT_JSON, payload, 0, length);
        begin(slot);
        decoder.decode(sourceId, slot.rawBuffer, slot.length, this);
        if (!reported())
        {
            slot.type = EventType.MALFORMED;
        }
        if (slot.type == EventType.MALFORMED)
        {
            counters.malformed++;
        }
        return kind();
    }

    /** What the last standalone decode found: trade, quote, accepted, rejected, filled, cancelled, done, blocked, feed, ignored, duplicate, status, malformed. */
    public String kind()
    {
        switch (slot.type)
        {
            case EventType.TRADE: return "trade";
            case EventType.QUOTE: return "quote";
            case EventType.ORDER_ACCEPTED: return "accepted";
            case EventType.ORDER_REJECTED: return "rejected";
            case EventType.ORDER_FILLED: return "filled";
            case EventType.ORDER_CANCELLED: return "cancelled";
            case EventType.ORDER_DONE: return "done";
            case EventType.VENUE_BLOCKED: return "blocked";
            case EventType.FEED_STATE: return "feed";
            case EventType.ORDER_STREAM_STATE: return "orders";
            case EventType.DUPLICATE: return "duplicate";
            case EventType.ORDER_IN_DOUBT: return "inDoubt";
            case EventType.ORDER_STATUS: return "status";
            case EventType.MALFORMED: return "malformed";
            default: return slot.ignored ? "ignored" : "none";
        }
    }

    /** The instrument id the last decode reported; read after {@link #decode} (standalone use). */
    public int decodedInstrumentId()
    {
        return slot.instrumentId;
    }

    /** The last decode's price (trade or fill) at the instrument's price scale. */
    public long price()
    {
        return slot.price;
    }

    /**
     * The last decode's quantity (trade, fill, or an order status's executed total) at the instrument's quantity scale.
     */
    public long qty()
    {
        return slot.qty;
    }

    /** The last decoded quote's best bid at the instrument's price scale. */
    public long bidPrice()
    {
        return slot.bidPrice;
    }

    /** The last decoded quote's best ask at the instrument's price scale. */
    public long askPrice()
    {
        return slot.askPrice;
    }

    /** The client order id of the order event the last decode reported. */
    public long clientOrderId()
    {
        return slot.clientOrderId;
    }

    /** The side of the last decoded fill or order status, {@link #BUY} or {@link #SELL}. */
    public int side()
    {
        return slot.side;
    }

    /** The last decoded fill's leaves quantity at the instrument's quantity scale, or {@link #LEAVES_UNKNOWN}. */
    public long leavesQty()
    {
        return slot.leavesQty;
    }

    /** ORDER_STATUS: executed funds, money at 10^-8. */
    public long funds()
    {
        return slot.funds;
    }

    /** ORDER_STATUS: {@link #VENUE_ORDER_OPEN}, {@link #VENUE_ORDER_ENDED} or {@link #VENUE_ORDER_NOT_FOUND}. */
    public int venueOrderState()
    {
        return slot.venueOrderState;
    }

    /** The last decoded fill's commission, or an order status's paid fee: money at 10^-8 of the quote currency. */
    public long commission()
    {
        return slot.commission;
    }

    /** Cumulative executed quantity a fill or an order's end reported, or {@link #EXECUTED_UNKNOWN}. */
    public long executedQty()
    {
        return slot.executedQty;
    }

    /** Our own fills dropped as repeats so far (same venue trade id). */
    public long duplicateFillsDropped()
    {
        return counters.duplicateFillsDropped;
    }

    /** The last decoded rejection's reason, a RejectReason value. */
    public int rejectReason()
    {
        return slot.rejectReason;
    }

    /**
     * The last decoded trade's venue time, ns since the epoch as the venue stamped it; 0 where the decoder had none.
     */
    public long venueTimeNs()
    {
        return slot.venueTimeNs;
    }

    /** The time the last decoded venue block lasts until, ns of event time. */
    public long blockedUntilNs()
    {
        return slot.blockedUntilNs;
    }

    /** What the last decoded feed-state input said: true for stale. */
    public boolean feedIsStale()
    {
        return slot.feedStale;
    }

    /** Malformed inputs counted by a standalone harness. */
    public long malformedCount()
    {
        return counters.malformed;
    }

    /** Market trades dropped as repeats so far (same venue trade id among the last {@value #RECENT_TRADE_IDS}). */
    public long duplicateTradesDropped()
    {
        return counters.duplicateTradesDropped;
    }

    /** Called by the decode stage for each InstrumentDefinition it decodes. */
    void define(final byte[] paddedSymbol, final int instrumentId, final int priceScale, final int qtyScale)
    {
        int at = -1;
        for (int i = 0; i < symbolCount; i++)
        {
            if (Arrays.equals(symbols[i], paddedSymbol))
            {
                at = i;
                break;
            }
        }
        if (at < 0)
        {
            if (symbolCount == symbols.length)
            {
                return;
            }
            at = symbolCount++;
            symbols[at] = paddedSymbol.clone();
        }
        symbolIds[at] = instrumentId;
        this.priceScale[instrumentId] = priceScale;
        this.qtyScale[instrumentId] = qtyScale;
    }

    void begin(final InboundSlot slot)
    {
        this.slot = slot;
        slot.type = EventType.NONE;
        slot.ignored = false;
    }

    /** Whether the decoder reported an outcome; the decode stage counts a silent decoder as malformed. */
    boolean reported()
    {
        return slot.type != EventType.NONE || slot.ignored;
    }

    /** The event time of the input being decoded, ns (the receive time the input was journaled with). */
    public long timeNs()
    {
        return slot.timeNs;
    }

    /**
     * The instrument id defined for the ASCII symbol {@code buffer[offset, offset+length)}, or -1 if none is.
     * Linear over the defined instruments (few); no allocation.
     */
    public int instrumentId(final DirectBuffer buffer, final int offset, final int length)
    {
        if (length <= 0 || length > SYMBOL_LENGTH)
        {
            return -1;
        }
        outer:
        for (int i = 0; i < symbolCount; i++)
        {
            final byte[] symbol = symbols[i];
            if (length < SYMBOL_LENGTH && symbol[length] != 0)
            {
                continue;
            }
            for (int j = 0; j < length; j++)
            {
                if (symbol[j] != buffer.getByte(offset + j))
                {
                    continue outer;
                }
            }
            return symbolIds[i];
        }
        return -1;
    }

    /** Price scale of a defined instrument (an id from {@link #instrumentId}). */
    public int priceScale(final int instrumentId)
    {
        return priceScale[instrumentId];
    }

    /** Quantity scale of a defined instrument (an id from {@link #instrumentId}). */
    public int qtyScale(final int instrumentId)
    {
        return qtyScale[instrumentId];
    }

    /**
     * A public trade. {@code tradeId} &gt; 0 is the venue's unique trade id: a repeat of a recent one is dropped
     * and counted as a duplicate. {@code venueTimeNs} is the venue's trade time (the engine's time stays the
     * receive time).
     */
    public void trade(final int instrumentId, final long price, final long qty, final long tradeId, final long venueTimeNs)
    {
        if (price <= 0 || qty <= 0 || !Instruments.validId(instrumentId))
        {
            malformed();
            return;
        }
        if (duplicateTrade(instrumentId, tradeId))
        {
            slot.type = EventType.DUPLICATE;
            return;
        }
        slot.instrumentId = instrumentId;
        slot.price = price;
        slot.qty = qty;
        slot.venueTimeNs = venueTimeNs;
        slot.type = EventType.TRADE;
    }

    /** A duplicate by {@link RecentTradeIds}' rule, counted in {@code duplicateTradesDropped}. */
    boolean duplicateTrade(final int instrumentId, final long tradeId)
    {
        if (!recentTrades.firstSeen(instrumentId, tradeId))
        {
            counters.duplicateTradesDropped++;
            return true;
        }
        return false;
    }

    /** Top of book. */
    public void quote(final int instrumentId, final long bidPrice, final long askPrice)
    {
        if (!Instruments.validId(instrumentId) || bidPrice < 0 || askPrice < 0)
        {
            malformed();
            return;
        }
        slot.instrumentId = instrumentId;
        slot.bidPrice = bidPrice;
        slot.askPrice = askPrice;
        slot.type = EventType.QUOTE;
    }

    /** The venue accepted the order (it works it now). */
    public void accepted(final long clientOrderId, final int instrumentId)
    {
        slot.clientOrderId = clientOrderId;
        slot.instrumentId = instrumentId;
        slot.type = EventType.ORDER_ACCEPTED;
    }

    /** The venue refused the order (or it could not be sent); {@code reason} is a RejectReason value. */
    public void rejected(final long clientOrderId, final int instrumentId, final RejectReason reason)
    {
        slot.clientOrderId = clientOrderId;
        slot.instrumentId = instrumentId;
        slot.rejectReason = reason.value();
        slot.type = EventType.ORDER_REJECTED;
    }

    /**
     * A fill of {@code qty} at {@code price}; {@code leavesQty} 0 ends the order, {@link #LEAVES_UNKNOWN} keeps
     * it open until {@link #done}. Commission in the quote currency at 10^-8.
     */
    public void filled(
        final long clientOrderId, final int instrumentId, final int side, final long price, final long qty,
        final long leavesQty, final long commission)
    {
        filled(clientOrderId, instrumentId, side, price, qty, leavesQty, commission, NO_TRADE_ID, EXECUTED_UNKNOWN);
    }

    /**
     * A fill as above, with what makes it recognisable when the venue sends it again: {@code tradeId}, the venue's
     * trade id folded to 64 bits ({@link #NO_TRADE_ID} if none; a repeat of a recent one is dropped and counted), and
     * {@code executedQty}, the order's cumulative executed quantity after this fill ({@link #EXECUTED_UNKNOWN} if the
     * venue does not say; the execution stage drops a fill whose cumulative quantity it has already booked).
     */
    public void filled(
        final long clientOrderId, final int instrumentId, final int side, final long price, final long qty,
        final long leavesQty, final long commission, final long tradeId, final long executedQty)
    {
        if (qty <= 0 || price <= 0 || leavesQty < 0 || commission < 0 || (side != BUY && side != SELL) ||
            !Instruments.validId(instrumentId) || (executedQty != EXECUTED_UNKNOWN && executedQty < qty))
        {
            malformed();
            return;
        }
        if (!recentFills.firstSeen(instrumentId, tradeId))
        {
            slot.type = EventType.DUPLICATE;
            counters.duplicateFillsDropped++;
            return;
        }
        slot.executedQty = executedQty;
        slot.clientOrderId = clientOrderId;
        slot.instrumentId = instrumentId;
        slot.side = side;
        slot.price = price;
        slot.qty = qty;
        slot.leavesQty = leavesQty;
        slot.commission = commission;
        slot.type = EventType.ORDER_FILLED;
    }

    /**
     * The venue's account of one of our orders, asked for by identifier when a session is reconciled after a
     * restart: what it executed in total ({@code executedQty} at the instrument's quantity scale, {@code executedFunds}
     * and {@code paidFee} as money at 10^-8) and its state ({@link #VENUE_ORDER_OPEN}, {@link #VENUE_ORDER_ENDED},
     * {@link #VENUE_ORDER_NOT_FOUND}; totals 0 for the last). The engine books only what exceeds the fills it has
     * already booked for the order, so an answer that repeats them books nothing.
     */
    public void orderStatus(
        final long clientOrderId, final int instrumentId, final int side, final long executedQty, final long executedFunds,
        final long paidFee, final int venueOrderState)
    {
        if (executedQty < 0 || executedFunds < 0 || paidFee < 0 || !Instruments.validId(instrumentId) ||
            venueOrderState < VENUE_ORDER_OPEN || venueOrderState > VENUE_ORDER_NOT_FOUND ||
            (venueOrderState != VENUE_ORDER_NOT_FOUND && side != BUY && side != SELL))
        {
            malformed();
            return;
        }
        slot.clientOrderId = clientOrderId;
        slot.instrumentId = instrumentId;
        slot.side = side;
        slot.qty = executedQty;
        slot.funds = executedFunds;
        slot.commission = paidFee;
        slot.venueOrderState = venueOrderState;
        slot.type = EventType.ORDER_STATUS;
    }

    /** The venue cancelled the order; how much was executed before is unknown (see the three-argument form). */
    public void cancelled(final long clientOrderId, final int instrumentId)
    {
        cancelled(clientOrderId, instrumentId, EXECUTED_UNKNOWN);
    }

    /**
     * Cancelled after {@code executedQty} was filled in all ({@link #EXECUTED_UNKNOWN} if the venue does not say): an
     * order with fills not yet booked stays in flight until they are, because the venue's streams may deliver the
     * cancel before the last trade.
     */
    public void cancelled(final long clientOrderId, final int instrumentId, final long executedQty)
    {
        orderEnded(clientOrderId, instrumentId, executedQty, EventType.ORDER_CANCELLED);
    }

    /** The venue says the order is finished: ends it if it is still in flight (after fills whose leaves were unknown). */
    public void done(final long clientOrderId, final int instrumentId)
    {
        done(clientOrderId, instrumentId, EXECUTED_UNKNOWN);
    }

    /**
     * Finished after {@code executedQty} was filled in all ({@link #EXECUTED_UNKNOWN} if the venue does not say): the
     * order ends once the fills it booked reach that quantity, so a {@code done} seen before its last trade loses
     * nothing.
     */
    public void done(final long clientOrderId, final int instrumentId, final long executedQty)
    {
        orderEnded(clientOrderId, instrumentId, executedQty, EventType.ORDER_DONE);
    }

    private void orderEnded(final long clientOrderId, final int instrumentId, final long executedQty, final int type)
    {
        slot.clientOrderId = clientOrderId;
        slot.instrumentId = instrumentId;
        slot.executedQty = executedQty;
        slot.type = type;
    }

    /**
     * Nobody can say whether the order reached the venue (the gateway got no answer after every try): the order stays
     * in flight, in doubt, and any later fill or end the venue reports for it is booked. Never a rejection.
     */
    public void inDoubt(final long clientOrderId, final int instrumentId)
    {
        slot.clientOrderId = clientOrderId;
        slot.instrumentId = instrumentId;
        slot.type = EventType.ORDER_IN_DOUBT;
    }

    /**
     * The venue blocked us (Upbit's 418) until {@code untilNs} (event time): the circuit breaker opens at once
     * and stays open at least until then.
     */
    public void venueBlocked(final long untilNs)
    {
        slot.blockedUntilNs = untilNs;
        slot.type = EventType.VENUE_BLOCKED;
    }

    /**
     * The venue's private order stream (fills, order states) is down or not yet subscribed ({@code true}: no new
     * positions, risk refuses entries with ORDER_STREAM_DOWN; exits still go), or up again.
     */
    public void orderStreamDown(final boolean down)
    {
        slot.orderStreamDown = down;
        slot.type = EventType.ORDER_STREAM_STATE;
    }

    /** What the last decoded order-stream input said: true for down. */
    public boolean orderStreamIsDown()
    {
        return slot.orderStreamDown;
    }

    /** The market-data feed went stale (no new positions) or is fresh again. */
    public void feedStale(final boolean stale)
    {
        slot.feedStale = stale;
        slot.type = EventType.FEED_STATE;
    }

    /** Read and understood, but nothing for the engine (a ticker, a subscription status). */
    public void ignored()
    {
        slot.ignored = true;
        slot.type = EventType.NONE;
    }

    /** Could not be read: counted, journaled, otherwise ignored. */
    public void malformed()
    {
        slot.type = EventType.MALFORMED;
    }
}
