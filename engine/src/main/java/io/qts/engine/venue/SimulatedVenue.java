package io.qts.engine.venue;

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
    private final long[] pendingQty = new long[MAX_PENDING];
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
            (command.side() != Side.BUY && command.side() != Side.SELL))
        {
            reject(timeNs, clientOrderId, instrumentId,
                instruments.isDefined(instrumentId) ? RejectReason.VENUE_REJECTED : RejectReason.UNKNOWN_INSTRUMENT, answers);
            return;
        }
        pendingId[pendingCount] = clientOrderId;
        pendingInstrument[pendingCount] = instrumentId;
        pendingSide[pendingCount] = command.sideRaw();
        pendingQty[pendingCount] = command.qty();
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
        final long fillPrice;
        if (header.templateId() == BarDecoder.TEMPLATE_ID)
        {
            bar.wrapAndApplyHeader(buffer, offset, header);
            instrumentId = bar.instrumentId();
            fillPrice = bar.openPrice();
        }
        else if (header.templateId() == TradeTickDecoder.TEMPLATE_ID)
        {
            trade.wrapAndApplyHeader(buffer, offset, header);
            instrumentId = trade.instrumentId();
            fillPrice = trade.price();
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
            if (pendingInstrument[i] == instrumentId)
            {
                fill(timeNs, i, fillPrice, answers);
            }
            else
            {
                pendingId[kept] = pendingId[i];
                pendingInstrument[kept] = pendingInstrument[i];
                pendingSide[kept] = pendingSide[i];
                pendingQty[kept] = pendingQty[i];
                kept++;
            }
        }
        pendingCount = kept;
    }

    private void fill(final long timeNs, final int i, final long price, final InputSink answers)
    {
        final int instrumentId = pendingInstrument[i];
        final long qty = pendingQty[i];
        final long commission = FixedPoint.commission(instruments.notional(instrumentId, qty, price), commissionRate);
        filled.wrapAndApplyHeader(out, 0, headerOut)
            .timeNs(timeNs)
            .clientOrderId(pendingId[i])
            .instrumentId(instrumentId)
            .side(Side.get((short)pendingSide[i]))
            .price(price)
            .qty(qty)
            .leavesQty(0)
            .commission(commission);
        emit(timeNs, filled.encodedLength(), answers);
    }

    private void cancel(final long timeNs, final long clientOrderId, final int instrumentId, final InputSink answers)
    {
        for (int i = 0; i < pendingCount; i++)
        {
            if (pendingId[i] == clientOrderId)
            {
                System.arraycopy(pendingId, i + 1, pendingId, i, pendingCount - i - 1);
                System.arraycopy(pendingInstrument, i + 1, pendingInstrument, i, pendingCount - i - 1);
                System.arraycopy(pendingSide, i + 1, pendingSide, i, pendingCount - i - 1);
                System.arraycopy(pendingQty, i + 1, pendingQty, i, pendingCount - i - 1);
                pendingCount--;
                cancelled.wrapAndApplyHeader(out, 0, headerOut)
                    .timeNs(timeNs)
                    .clientOrderId(clientOrderId)
                    .instrumentId(instrumentId);
                emit(timeNs, cancelled.encodedLength(), answers);
                return;
            }
        }
        reject(timeNs, clientOrderId, instrumentId, RejectReason.UNKNOWN_ORDER, answers);
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
