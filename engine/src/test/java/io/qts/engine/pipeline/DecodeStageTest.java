package io.qts.engine.pipeline;

import io.qts.journal.EntryHeader;
import io.qts.journal.Sources;
import io.qts.journal.sbe.MessageHeaderEncoder;
import io.qts.journal.sbe.OrderFilledEncoder;
import io.qts.journal.sbe.Side;
import io.qts.journal.sbe.TradeTickEncoder;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Bytes that are not a valid input are counted as malformed and otherwise ignored; the next input decodes. */
class DecodeStageTest
{
    private final Counters counters = new Counters();
    private final DecodeStage decode = new DecodeStage("TEST", counters);
    private final InboundSlot slot = new InboundSlot();
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[128]);
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();

    private int decode(final int format, final int length)
    {
        slot.set(1, Sources.MARKET_DATA, format, buffer, 0, length);
        decode.onEvent(slot);
        return slot.type;
    }

    private int tradeLength()
    {
        final TradeTickEncoder trade = new TradeTickEncoder().wrapAndApplyHeader(buffer, 0, header);
        trade.timeNs(1).instrumentId(1).price(12_345).qty(7).tradeId(3);
        return MessageHeaderEncoder.ENCODED_LENGTH + trade.encodedLength();
    }

    @Test
    void aTradeDecodesIntoTheSlot()
    {
        assertEquals(EventType.TRADE, decode(EntryHeader.FORMAT_SBE, tradeLength()));
        assertEquals(12_345, slot.price);
        assertEquals(7, slot.qty);
        assertEquals(0, counters.malformed);
    }

    @Test
    void truncatedUnknownForeignAndNonSbeInputsAreMalformed()
    {
        final int length = tradeLength();
        assertEquals(EventType.MALFORMED, decode(EntryHeader.FORMAT_SBE, length - 1), "truncated body");
        assertEquals(EventType.MALFORMED, decode(EntryHeader.FORMAT_SBE, 5), "shorter than a header");
        assertEquals(EventType.MALFORMED, decode(EntryHeader.FORMAT_JSON, length), "not SBE");
        buffer.putShort(2, (short)99);
        assertEquals(EventType.MALFORMED, decode(EntryHeader.FORMAT_SBE, length), "unknown template");
        tradeLength();
        buffer.putShort(4, (short)1);
        assertEquals(EventType.MALFORMED, decode(EntryHeader.FORMAT_SBE, length), "another schema");
        tradeLength();
        buffer.putShort(0, (short)4);
        assertEquals(EventType.MALFORMED, decode(EntryHeader.FORMAT_SBE, length), "block shorter than the template's");
        assertEquals(6, counters.malformed);
        assertEquals(EventType.TRADE, decode(EntryHeader.FORMAT_SBE, tradeLength()), "and the next good input decodes");
    }

    @Test
    void aFillWithANonPositiveQuantityIsMalformed()
    {
        final OrderFilledEncoder fill = new OrderFilledEncoder().wrapAndApplyHeader(buffer, 0, header);
        fill.timeNs(1).clientOrderId(1).instrumentId(1).side(Side.BUY).price(100).qty(0).leavesQty(0).commission(0);
        assertEquals(EventType.MALFORMED, decode(EntryHeader.FORMAT_SBE, MessageHeaderEncoder.ENCODED_LENGTH + fill.encodedLength()));
    }
}
