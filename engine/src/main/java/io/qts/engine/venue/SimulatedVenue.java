package io.qts.engine.venue;

import io.qts.engine.book.OrderIntent;
import io.qts.engine.FixedPoint;
import io.qts.engine.InputSink;
import io.qts.engine.book.ClientOrderIds;
import io.qts.engine.book.Instruments;
import io.qts.engine.book.RecentTradeIds;
import io.qts.journal.EntryHeader;
import io.qts.journal.Sources;
import io.qts.journal.sbe.BarDecoder;
import io.qts.journal.sbe.InstrumentDefinitionDecoder;
import io.qts.journal.sbe.MessageHeaderDecoder;
import io.qts.journal.sbe.MessageHeaderEncoder;
import io.qts.journal.sbe.OrderAcceptedEncoder;
import io.qts.journal.sbe.OrderAction;
import io.qts.journal.sbe.OrderCancelledEncoder;
import io.qts.journal.sbe.OrderCommandDecoder;
import io.qts.journal.sbe.OrderFilledEncoder;
import io.qts.journal.sbe.OrderRejectedEncoder;
import io.qts.journal.sbe.RejectReason;
import io.qts.journal.sbe.Side;
import io.qts.journal.sbe.TradeTickDecoder;
import org.agrona.DirectBuffer;
import org.agrona.collections.Long2LongHashMap;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * A deterministic venue for paper trading and backtests. A market order is accepted at once and
 * filled in full on the next market event of its instrument: at a bar's open, or at a trade's price.
 * A limit order is accepted at once and judged on the market events after it (docs/strategy-api.md, "the fill
 * rule"): on the first, it takes at the event's opening price (a bar's open, a trade's price) if that is at or
 * better than its limit; an IOC or FOK order that cannot is cancelled. A GTC order rests, and fills when the market
 * trades through its limit (a bar's low below a buy's limit, its high above a sell's; touching is not enough), at its
 * limit. On a trade with a quantity, a limit order fills at most that
 * quantity (partly, the rest resting; FOK: all or none); bars have no depth here and fill it whole.
 * Commission is rate x qty x fill price. It answers with the same events a real venue's adapter
 * produces, and they go back to the engine as inputs.
 */
public final class SimulatedVenue
{
    static final int MAX_PENDING = 1024;

    private final long commissionRate;
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final OrderCommandDecoder command = new OrderCommandDecoder();
    private final BarDecoder bar = new BarDecoder();
    private final TradeTickDecoder trade = new TradeTickDecoder();
    private final RecentTradeIds recentTrades = new RecentTradeIds();
    private final InstrumentDefinitionDecoder instrument = new InstrumentDefinitionDecoder();
    private final MessageHeaderEncoder headerOut = new MessageHeaderEncoder();
    private final OrderAcceptedEncoder accepted = new OrderAcceptedEncoder();
    private final OrderRejectedEncoder rejected = new OrderRejectedEncoder();
    private final OrderFilledEncoder filled = new OrderFilledEncoder();
    private final OrderCancelledEncoder cancelled = new OrderCancelledEncoder();
    private final UnsafeBuffer out = new UnsafeBuffer(new byte[256]);
    private final Instruments instruments = new Instruments();
    /** Highest order sequence accepted per engine id: enough to spot duplicates, and it never grows with orders. */
    private final Long2LongHashMap lastSequenceByEngine = new Long2LongHashMap(-1);
    private final long[] pendingId = new long[MAX_PENDING];
    private final int[] pendingInstrument = new int[MAX_PENDING];
    private final int[] pendingSide = new int[MAX_PENDING];
    /** What is left to fill. */
    private final long[] pendingQty = new long[MAX_PENDING];
    /** The SBE OrderType value; for limit orders the limit price and whether no market event has judged it yet. */
    private final int[] pendingType = new int[MAX_PENDING];
    private final long[] pendingLimit = new long[MAX_PENDING];
    private final boolean[] pendingFresh = new boolean[MAX_PENDING];
    private int pendingCount;
    private long nextVenueOrderId = 1;

    /**
     * @param commissionRate at 10^-8 (0.001 = 100_000).
     */
    public SimulatedVenue(final long commissionRate)
    {
        this.commissionRate = commissionRate;
    }

    /** Learns instrument scales from reference data, as a real venue's instrument list would give them. */
    public void onReference(final DirectBuffer buffer, final int offset, final int length)
    {
        if (wrapHeader(buffer, offset, length) && header.templateId() == InstrumentDefinitionDecoder.TEMPLATE_ID)
        {
            instrument.wrapAndApplyHeader(buffer, offset, header);
            if (Instruments.validId(instrument.instrumentId()))
            {
                instruments.define(instrument.instrumentId(), instrument.priceScale(), instrument.qtyScale());
            }
        }
    }

    /** An order command from the engine's outbound path. */
    public void onOrder(final DirectBuffer buffer, final int offset, final int length, final InputSink answers)
    {
        if (!wrapHeader(buffer, offset, length) || header.templateId() != OrderCommandDecoder.TEMPLATE_ID)
        {
            return;
        }
        command.wrapAndApplyHeader(buffer, offset, header);
        final long timeNs = command.timeNs();
        final long clientOrderId = command.clientOrderId();
        final int instrumentId = command.instrumentId();
        if (command.action() == OrderAction.CANCEL)
        {
            cancel(timeNs, clientOrderId, instrumentId, answers);
            return;
        }
        if (!firstUse(clientOrderId))
        {
            reject(timeNs, clientOrderId, instrumentId, RejectReason.DUPLICATE_ORDER_ID, answers);
            return;
        }
        if (!instruments.isDefined(instrumentId) || command.qty() <= 0 || pendingCount == MAX_PENDING ||
            (command.side() != Side.BUY && command.side() != Side.SELL) ||
            (command.orderTypeRaw() != OrderIntent.MARKET && !(OrderIntent.isLimit(command.orderTypeRaw()) && command.price() > 0)))
        {
            reject(timeNs, clientOrderId, instrumentId,
                instruments.isDefined(instrumentId) ? RejectReason.VENUE_REJECTED : RejectReason.UNKNOWN_INSTRUMENT, answers);
            return;
        }
        pendingId[pendingCount] = clientOrderId;
        pendingInstrument[pendingCount] = instrumentId;
        pendingSide[pendingCount] = command.sideRaw();
        pendingQty[pendingCount] = command.qty();
        pendingType[pendingCount] = command.orderTypeRaw();
        pendingLimit[pendingCount] = command.price();
        pendingFresh[pendingCount] = true;
        pendingCount++;
        accepted.wrapAndApplyHeader(out, 0, headerOut)
            .timeNs(timeNs)
            .clientOrderId(clientOrderId)
            .venueOrderId(nextVenueOrderId++)
            .instrumentId(instrumentId);
        emit(timeNs, accepted.encodedLength(), answers);
    }

    /**
     * An engine's client order ids increase with the sequence of the deciding input, so an id that is
     * not above the last one seen from the same engine was used before.
     */
    private boolean firstUse(final long clientOrderId)
    {
        final long engineId = ClientOrderIds.engineIdOf(clientOrderId);
        final long sequence = ClientOrderIds.sequenceOf(clientOrderId);
        if (sequence <= lastSequenceByEngine.get(engineId))
        {
            return false;
        }
        lastSequenceByEngine.put(engineId, sequence);
        return true;
    }

    /** A market event: fills what is pending on its instrument, before the engine sees the event itself. */
    public void onMarket(final long timeNs, final DirectBuffer buffer, final int offset, final int length, final InputSink answers)
    {
        if (!wrapHeader(buffer, offset, length))
        {
            return;
        }
        final int instrumentId;
        final long open;
        final long low;
        final long high;
        // What a limit order can take here: a trade's quantity, or no limit (a bar, or a trade without one).
        long available = Long.MAX_VALUE;
        if (header.templateId() == BarDecoder.TEMPLATE_ID)
        {
            bar.wrapAndApplyHeader(buffer, offset, header);
            instrumentId = bar.instrumentId();
            open = bar.openPrice();
            low = bar.lowPrice();
            high = bar.highPrice();
        }
        else if (header.templateId() == TradeTickDecoder.TEMPLATE_ID)
        {
            trade.wrapAndApplyHeader(buffer, offset, header);
            instrumentId = trade.instrumentId();
            open = trade.price();
            low = open;
            high = open;
            if (trade.qty() > 0)
            {
                available = trade.qty();
            }
            // Every trade id is remembered, orders pending or not, so the venue skips exactly what the decode stage drops.
            if (!recentTrades.firstSeen(instrumentId, trade.tradeId()))
            {
                return;
            }
        }
        else
        {
            return;
        }
        if (pendingCount == 0)
        {
            return;
        }
        int kept = 0;
        for (int i = 0; i < pendingCount; i++)
        {
            boolean ended = false;
            if (pendingInstrument[i] == instrumentId)
            {
                if (pendingType[i] == OrderIntent.MARKET)
                {
                    fill(timeNs, i, open, pendingQty[i], answers);
                    ended = true;
                }
                else
                {
                    available -= judgeLimit(timeNs, i, open, low, high, available, answers);
                    ended = pendingQty[i] == 0 || pendingType[i] != OrderIntent.LIMIT;
                }
            }
            if (!ended)
            {
                pendingId[kept] = pendingId[i];
                pendingInstrument[kept] = pendingInstrument[i];
                pendingSide[kept] = pendingSide[i];
                pendingQty[kept] = pendingQty[i];
                pendingType[kept] = pendingType[i];
                pendingLimit[kept] = pendingLimit[i];
                pendingFresh[kept] = pendingFresh[i];
                kept++;
            }
        }
        pendingCount = kept;
    }

    /**
     * One market event against limit order i: fills what the fill rule gives (leaving the rest in pendingQty) and
     * cancels what an IOC or FOK order could not fill. Returns the quantity filled.
     */
    private long judgeLimit(
        final long timeNs, final int i, final long open, final long low, final long high, final long available,
        final InputSink answers)
    {
        final boolean buy = pendingSide[i] == Side.BUY.value();
        final long limit = pendingLimit[i];
        final boolean fresh = pendingFresh[i];
        pendingFresh[i] = false;
        final long price;
        if (fresh && (buy ? open <= limit : open >= limit))
        {
            price = open;
        }
        else if (pendingType[i] == OrderIntent.LIMIT && (buy ? low < limit : high > limit))
        {
            // It was resting on the book: the market reached it there, so it fills at its own price, never better.
            price = limit;
        }
        else
        {
            price = 0;
        }
        long qty = price == 0 ? 0 : Math.min(pendingQty[i], available);
        if (pendingType[i] == OrderIntent.LIMIT_FOK && qty < pendingQty[i])
        {
            qty = 0;
        }
        if (qty > 0)
        {
            fill(timeNs, i, price, qty, answers);
        }
        if (pendingType[i] != OrderIntent.LIMIT && pendingQty[i] > 0)
        {
            // An IOC or FOK order never rests: what is left is cancelled now.
            emitCancelled(timeNs, pendingId[i], pendingInstrument[i], answers);
        }
        return qty;
    }

    /** Fills qty of order i at price; what is left of it stays in pendingQty. */
    private void fill(final long timeNs, final int i, final long price, final long qty, final InputSink answers)
    {
        final int instrumentId = pendingInstrument[i];
        pendingQty[i] -= qty;
        final long commission = FixedPoint.commission(instruments.notional(instrumentId, qty, price), commissionRate);
        filled.wrapAndApplyHeader(out, 0, headerOut)
            .timeNs(timeNs)
            .clientOrderId(pendingId[i])
            .instrumentId(instrumentId)
            .side(Side.get((short)pendingSide[i]))
            .price(price)
            .qty(qty)
            .leavesQty(pendingQty[i])
            .commission(commission);
        emit(timeNs, filled.encodedLength(), answers);
    }

    private void cancel(final long timeNs, final long clientOrderId, final int instrumentId, final InputSink answers)
    {
        for (int i = 0; i < pendingCount; i++)
        {
            if (pendingId[i] == clientOrderId)
            {
                final int after = pendingCount - i - 1;
                System.arraycopy(pendingId, i + 1, pendingId, i, after);
                System.arraycopy(pendingInstrument, i + 1, pendingInstrument, i, after);
                System.arraycopy(pendingSide, i + 1, pendingSide, i, after);
                System.arraycopy(pendingQty, i + 1, pendingQty, i, after);
                System.arraycopy(pendingType, i + 1, pendingType, i, after);
                System.arraycopy(pendingLimit, i + 1, pendingLimit, i, after);
                System.arraycopy(pendingFresh, i + 1, pendingFresh, i, after);
                pendingCount--;
                emitCancelled(timeNs, clientOrderId, instrumentId, answers);
                return;
            }
        }
        reject(timeNs, clientOrderId, instrumentId, RejectReason.UNKNOWN_ORDER, answers);
    }

    private void emitCancelled(final long timeNs, final long clientOrderId, final int instrumentId, final InputSink answers)
    {
        cancelled.wrapAndApplyHeader(out, 0, headerOut)
            .timeNs(timeNs)
            .clientOrderId(clientOrderId)
            .instrumentId(instrumentId);
        emit(timeNs, cancelled.encodedLength(), answers);
    }

    private void reject(
        final long timeNs, final long clientOrderId, final int instrumentId, final RejectReason reason, final InputSink answers)
    {
        rejected.wrapAndApplyHeader(out, 0, headerOut)
            .timeNs(timeNs)
            .clientOrderId(clientOrderId)
            .instrumentId(instrumentId)
            .reason(reason)
            .side(Side.BUY)
            .price(0)
            .qty(0);
        emit(timeNs, rejected.encodedLength(), answers);
    }

    private void emit(final long timeNs, final int bodyLength, final InputSink answers)
    {
        answers.accept(timeNs, Sources.VENUE, EntryHeader.FORMAT_SBE, out, 0, MessageHeaderEncoder.ENCODED_LENGTH + bodyLength);
    }

    private boolean wrapHeader(final DirectBuffer buffer, final int offset, final int length)
    {
        if (length < MessageHeaderDecoder.ENCODED_LENGTH)
        {
            return false;
        }
        header.wrap(buffer, offset);
        return header.schemaId() == MessageHeaderDecoder.SCHEMA_ID &&
            MessageHeaderDecoder.ENCODED_LENGTH + header.blockLength() <= length;
    }
}
