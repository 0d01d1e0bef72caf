package io.qts.engine.pipeline;

import io.qts.engine.FixedPoint;
import io.qts.engine.book.Instruments;
import io.qts.engine.book.Sides;
import io.qts.engine.risk.RiskParams;
import io.qts.journal.EntryHeader;
import io.qts.journal.sbe.AdminCommandDecoder;
import io.qts.journal.sbe.BarDecoder;
import io.qts.journal.sbe.InstrumentDefinitionDecoder;
import io.qts.journal.sbe.MessageHeaderDecoder;
import io.qts.journal.sbe.OrderAcceptedDecoder;
import io.qts.journal.sbe.OrderCancelledDecoder;
import io.qts.journal.sbe.OrderFilledDecoder;
import io.qts.journal.sbe.OrderRejectedDecoder;
import io.qts.journal.sbe.QuoteDecoder;
import io.qts.journal.sbe.TimerDecoder;
import io.qts.journal.sbe.TradeTickDecoder;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Turns the raw bytes of an input into the slot's typed fields. Flyweights only: no allocation. */
public final class DecodeStage
{
    /** Fixed block length of each inbound template, by template id; 0 for templates that are not inputs. */
    private static final int[] MIN_BLOCK_LENGTH = new int[16];

    static
    {
        MIN_BLOCK_LENGTH[InstrumentDefinitionDecoder.TEMPLATE_ID] = InstrumentDefinitionDecoder.BLOCK_LENGTH;
        MIN_BLOCK_LENGTH[TradeTickDecoder.TEMPLATE_ID] = TradeTickDecoder.BLOCK_LENGTH;
        MIN_BLOCK_LENGTH[QuoteDecoder.TEMPLATE_ID] = QuoteDecoder.BLOCK_LENGTH;
        MIN_BLOCK_LENGTH[BarDecoder.TEMPLATE_ID] = BarDecoder.BLOCK_LENGTH;
        MIN_BLOCK_LENGTH[OrderAcceptedDecoder.TEMPLATE_ID] = OrderAcceptedDecoder.BLOCK_LENGTH;
        MIN_BLOCK_LENGTH[OrderRejectedDecoder.TEMPLATE_ID] = OrderRejectedDecoder.BLOCK_LENGTH;
        MIN_BLOCK_LENGTH[OrderFilledDecoder.TEMPLATE_ID] = OrderFilledDecoder.BLOCK_LENGTH;
        MIN_BLOCK_LENGTH[OrderCancelledDecoder.TEMPLATE_ID] = OrderCancelledDecoder.BLOCK_LENGTH;
        MIN_BLOCK_LENGTH[TimerDecoder.TEMPLATE_ID] = TimerDecoder.BLOCK_LENGTH;
        MIN_BLOCK_LENGTH[AdminCommandDecoder.TEMPLATE_ID] = AdminCommandDecoder.BLOCK_LENGTH;
    }

    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final InstrumentDefinitionDecoder instrument = new InstrumentDefinitionDecoder();
    private final TradeTickDecoder trade = new TradeTickDecoder();
    private final QuoteDecoder quote = new QuoteDecoder();
    private final BarDecoder bar = new BarDecoder();
    private final OrderAcceptedDecoder accepted = new OrderAcceptedDecoder();
    private final OrderRejectedDecoder rejected = new OrderRejectedDecoder();
    private final OrderFilledDecoder filled = new OrderFilledDecoder();
    private final OrderCancelledDecoder cancelled = new OrderCancelledDecoder();
    private final TimerDecoder timer = new TimerDecoder();
    private final AdminCommandDecoder admin = new AdminCommandDecoder();
    /** The traded symbols, padded like the decoder's symbol field; an instrument's index here is its strategy's. */
    private final byte[][] tradedSymbols;
    private final byte[] symbolScratch = new byte[InstrumentDefinitionDecoder.symbolLength()];
    private final byte[] paramScratch = new byte[AdminCommandDecoder.paramKeyLength()];
    private final byte[][] paramKeys;
    private final byte[][] strategyParamKeys;
    private final Counters counters;
    private final InputDecoder[] decoders;
    private final DecodedInput decoded;

    /**
     * Engine-internal. A decode stage for one traded symbol, with no strategy parameter keys and no decoders for
     * formats other than SBE (benchmarks and tests); inputs of another format are malformed.
     */
    public DecodeStage(final String tradedSymbol, final Counters counters)
    {
        this(tradedSymbol, counters, new String[0]);
    }

    DecodeStage(final String tradedSymbol, final Counters counters, final String[] strategyParamKeys)
    {
        this(tradedSymbol, counters, strategyParamKeys, new InputDecoder[0]);
    }

    /**
     * @param strategyParamKeys the signal stage's parameter keys; an admin key among them gets its index.
     */
    DecodeStage(
        final String tradedSymbol, final Counters counters, final String[] strategyParamKeys, final InputDecoder[] decoders)
    {
        this(new String[] {tradedSymbol}, counters, strategyParamKeys, decoders);
    }

    /**
     * @param tradedSymbols the instruments the engine trades, one strategy each, in the signal stage's order.
     */
    DecodeStage(
        final String[] tradedSymbols, final Counters counters, final String[] strategyParamKeys, final InputDecoder[] decoders)
    {
        this.decoders = decoders;
        this.decoded = new DecodedInput(counters);
        this.tradedSymbols = new byte[tradedSymbols.length][];
        for (int i = 0; i < tradedSymbols.length; i++)
        {
            this.tradedSymbols[i] = Arrays.copyOf(tradedSymbols[i].getBytes(StandardCharsets.US_ASCII), symbolScratch.length);
        }
        this.counters = counters;
        paramKeys = paddedKeys(RiskParams.KEYS);
        this.strategyParamKeys = paddedKeys(strategyParamKeys);
    }

    private byte[][] paddedKeys(final String[] keys)
    {
        final byte[][] padded = new byte[keys.length][];
        for (int i = 0; i < keys.length; i++)
        {
            padded[i] = Arrays.copyOf(keys[i].getBytes(StandardCharsets.US_ASCII), paramScratch.length);
        }
        return padded;
    }

    /**
     * Engine-internal. Fills the slot's type and typed fields from its raw bytes; an input it cannot decode is typed
     * MALFORMED and counted.
     */
    public void onEvent(final InboundSlot slot)
    {
        slot.type = decode(slot);
        if (slot.type == EventType.MALFORMED)
        {
            counters.malformed++;
        }
    }

    private int decode(final InboundSlot slot)
    {
        if (slot.format != EntryHeader.FORMAT_SBE)
        {
            return decodeOther(slot);
        }
        if (slot.length < MessageHeaderDecoder.ENCODED_LENGTH)
        {
            return EventType.MALFORMED;
        }
        header.wrap(slot.rawBuffer, 0);
        final int templateId = header.templateId();
        if (header.schemaId() != MessageHeaderDecoder.SCHEMA_ID ||
            templateId >= MIN_BLOCK_LENGTH.length || MIN_BLOCK_LENGTH[templateId] == 0 ||
            header.blockLength() < MIN_BLOCK_LENGTH[templateId] ||
            MessageHeaderDecoder.ENCODED_LENGTH + header.blockLength() > slot.length)
        {
            return EventType.MALFORMED;
        }
        switch (templateId)
        {
            case TradeTickDecoder.TEMPLATE_ID:
                trade.wrapAndApplyHeader(slot.rawBuffer, 0, header);
                if (decoded.duplicateTrade(trade.instrumentId(), trade.tradeId()))
                {
                    return EventType.DUPLICATE;
                }
                slot.instrumentId = trade.instrumentId();
                slot.price = trade.price();
                slot.qty = trade.qty();
                return EventType.TRADE;

            case BarDecoder.TEMPLATE_ID:
                bar.wrapAndApplyHeader(slot.rawBuffer, 0, header);
                slot.instrumentId = bar.instrumentId();
                slot.durationNs = bar.durationNs();
                slot.openPrice = bar.openPrice();
                slot.highPrice = bar.highPrice();
                slot.lowPrice = bar.lowPrice();
                slot.price = bar.closePrice();
                slot.qty = bar.volume();
                return EventType.BAR;

            case QuoteDecoder.TEMPLATE_ID:
                quote.wrapAndApplyHeader(slot.rawBuffer, 0, header);
                slot.instrumentId = quote.instrumentId();
                slot.bidPrice = quote.bidPrice();
                slot.askPrice = quote.askPrice();
                return EventType.QUOTE;

            case OrderAcceptedDecoder.TEMPLATE_ID:
                accepted.wrapAndApplyHeader(slot.rawBuffer, 0, header);
                slot.clientOrderId = accepted.clientOrderId();
                slot.instrumentId = accepted.instrumentId();
                return EventType.ORDER_ACCEPTED;

            case OrderRejectedDecoder.TEMPLATE_ID:
                rejected.wrapAndApplyHeader(slot.rawBuffer, 0, header);
                slot.clientOrderId = rejected.clientOrderId();
                slot.instrumentId = rejected.instrumentId();
                slot.rejectReason = rejected.reasonRaw();
                return EventType.ORDER_REJECTED;

            case OrderFilledDecoder.TEMPLATE_ID:
                filled.wrapAndApplyHeader(slot.rawBuffer, 0, header);
                slot.clientOrderId = filled.clientOrderId();
                slot.instrumentId = filled.instrumentId();
                slot.side = filled.sideRaw();
                slot.price = filled.price();
                slot.qty = filled.qty();
                slot.leavesQty = filled.leavesQty();
                slot.commission = filled.commission();
                slot.executedQty = DecodedInput.EXECUTED_UNKNOWN;
                return slot.qty > 0 && slot.leavesQty >= 0 && slot.commission >= 0 &&
                    (slot.side == Sides.BUY || slot.side == Sides.SELL) ? EventType.ORDER_FILLED : EventType.MALFORMED;

            case OrderCancelledDecoder.TEMPLATE_ID:
                cancelled.wrapAndApplyHeader(slot.rawBuffer, 0, header);
                slot.clientOrderId = cancelled.clientOrderId();
                slot.instrumentId = cancelled.instrumentId();
                slot.executedQty = DecodedInput.EXECUTED_UNKNOWN;
                return EventType.ORDER_CANCELLED;

            case InstrumentDefinitionDecoder.TEMPLATE_ID:
                instrument.wrapAndApplyHeader(slot.rawBuffer, 0, header);
                slot.instrumentId = instrument.instrumentId();
                slot.priceScale = instrument.priceScale();
                slot.qtyScale = instrument.qtyScale();
                instrument.getSymbol(symbolScratch, 0);
                slot.tradedIndex = tradedIndex();
                if (Instruments.validId(slot.instrumentId) &&
                    slot.priceScale >= 0 && slot.priceScale <= FixedPoint.MONEY_SCALE &&
                    slot.qtyScale >= 0 && slot.qtyScale <= FixedPoint.MONEY_SCALE)
                {
                    decoded.define(symbolScratch, slot.instrumentId, slot.priceScale, slot.qtyScale);
                    return EventType.INSTRUMENT;
                }
                return EventType.MALFORMED;

            case TimerDecoder.TEMPLATE_ID:
                timer.wrapAndApplyHeader(slot.rawBuffer, 0, header);
                return EventType.TIMER;

            case AdminCommandDecoder.TEMPLATE_ID:
                admin.wrapAndApplyHeader(slot.rawBuffer, 0, header);
                slot.adminAction = admin.actionRaw();
                slot.paramValue = admin.paramValue();
                admin.getParamKey(paramScratch, 0);
                slot.paramId = indexOf(paramKeys) + 1;
                slot.strategyParamId = indexOf(strategyParamKeys);
                return EventType.ADMIN;

            default:
                return EventType.MALFORMED;
        }
    }

    /** The index of the symbol just decoded among the traded ones; -1 if it is not traded. */
    private int tradedIndex()
    {
        for (int i = 0; i < tradedSymbols.length; i++)
        {
            if (Arrays.equals(symbolScratch, tradedSymbols[i]))
            {
                return i;
            }
        }
        return -1;
    }

    /** A payload of another format (venue JSON): the registered decoder reads it, or it is malformed. */
    private int decodeOther(final InboundSlot slot)
    {
        final InputDecoder decoder = slot.format >= 0 && slot.format < decoders.length ? decoders[slot.format] : null;
        if (decoder == null)
        {
            return EventType.MALFORMED;
        }
        decoded.begin(slot);
        decoder.decode(slot.sourceId, slot.rawBuffer, slot.length, decoded);
        if (!decoded.reported())
        {
            return EventType.MALFORMED;
        }
        if (slot.type == EventType.FEED_STATE && slot.feedStale)
        {
            counters.feedStale++;
        }
        return slot.type;
    }

    /** Index of the decoded admin key among {@code keys}, or -1 (so risk ids are this + 1, UNKNOWN when absent). */
    private int indexOf(final byte[][] keys)
    {
        for (int i = 0; i < keys.length; i++)
        {
            if (Arrays.equals(paramScratch, keys[i]))
            {
                return i;
            }
        }
        return -1;
    }
}
