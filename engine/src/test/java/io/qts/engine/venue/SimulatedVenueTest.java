package io.qts.engine.venue;

import io.qts.engine.InputSink;
import io.qts.engine.TestEvents;
import io.qts.engine.book.ClientOrderIds;
import io.qts.journal.sbe.MessageHeaderDecoder;
import io.qts.journal.sbe.MessageHeaderEncoder;
import io.qts.journal.sbe.OrderAction;
import io.qts.journal.sbe.OrderCommandEncoder;
import io.qts.journal.sbe.OrderRejectedDecoder;
import io.qts.journal.sbe.OrderType;
import io.qts.journal.sbe.Side;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SimulatedVenueTest
{
    private final SimulatedVenue venue = new SimulatedVenue(0);
    private final List<String> answers = new ArrayList<>();
    private final InputSink sink = (timeNs, sourceId, format, buffer, offset, length) ->
    {
        final MessageHeaderDecoder header = new MessageHeaderDecoder().wrap(buffer, offset);
        if (header.templateId() == OrderRejectedDecoder.TEMPLATE_ID)
        {
            answers.add("rejected " + new OrderRejectedDecoder().wrapAndApplyHeader(buffer, offset, header).reason());
        }
        else
        {
            answers.add("template " + header.templateId());
        }
    };

    private void order(final long clientOrderId)
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[128]);
        final OrderCommandEncoder command = new OrderCommandEncoder().wrapAndApplyHeader(buffer, 0, new MessageHeaderEncoder())
            .timeNs(1).clientOrderId(clientOrderId).instrumentId(TestEvents.INSTRUMENT).action(OrderAction.NEW)
            .side(Side.BUY).orderType(OrderType.MARKET).price(100).qty(1);
        venue.onOrder(buffer, 0, MessageHeaderEncoder.ENCODED_LENGTH + command.encodedLength(), sink);
    }

    @Test
    void anIdUsedBeforeIsRejectedAsADuplicate()
    {
        new TestEvents((t, s, f, b, o, l) -> venue.onReference(b, o, l)).instrument("TEST", 2, 8);
        order(ClientOrderIds.of(1, 10));
        order(ClientOrderIds.of(1, 10));
        order(ClientOrderIds.of(1, 7));
        order(ClientOrderIds.of(2, 7));
        order(ClientOrderIds.of(1, 11));
        assertEquals(List.of(
            "template 6",
            "rejected DUPLICATE_ORDER_ID",
            "rejected DUPLICATE_ORDER_ID",
            "template 6",
            "template 6"), answers, "accepted is template 6; another engine's ids are its own");
    }

    @Test
    void anOrderForAnInstrumentTheVenueDoesNotKnowIsRejected()
    {
        order(ClientOrderIds.of(1, 1));
        assertEquals(List.of("rejected UNKNOWN_INSTRUMENT"), answers);
    }
}
