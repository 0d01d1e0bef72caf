package io.qts.journal;

import io.qts.journal.sbe.AdminCommandDecoder;
import io.qts.journal.sbe.BarDecoder;
import io.qts.journal.sbe.EngineStateChangedDecoder;
import io.qts.journal.sbe.InstrumentDefinitionDecoder;
import io.qts.journal.sbe.MessageHeaderDecoder;
import io.qts.journal.sbe.OrderAcceptedDecoder;
import io.qts.journal.sbe.OrderCancelledDecoder;
import io.qts.journal.sbe.OrderCommandDecoder;
import io.qts.journal.sbe.OrderFilledDecoder;
import io.qts.journal.sbe.OrderRejectedDecoder;
import io.qts.journal.sbe.QuoteDecoder;
import io.qts.journal.sbe.TimerDecoder;
import io.qts.journal.sbe.TradeTickDecoder;
import org.agrona.DirectBuffer;

import java.nio.charset.StandardCharsets;

/** Human-readable text of a payload, for {@code journal dump}. Cold path: allocates freely. */
public final class EventText
{
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();

    /**
     * Appends the first {@code length} bytes of {@code buffer} as text: JSON as received, an SBE message of the QTS
     * schema as its fields, anything else as a short placeholder naming its size and format.
     */
    public void append(final int format, final DirectBuffer buffer, final int length, final StringBuilder out)
    {
        if (format == EntryHeader.FORMAT_JSON)
        {
            final byte[] bytes = new byte[length];
            buffer.getBytes(0, bytes);
            out.append(new String(bytes, StandardCharsets.UTF_8));
            return;
        }
        if (format != EntryHeader.FORMAT_SBE)
        {
            out.append("<").append(length).append(" bytes of ").append(EntryHeader.formatName(format)).append('>');
            return;
        }
        if (length < MessageHeaderDecoder.ENCODED_LENGTH)
        {
            out.append("<short SBE message: ").append(length).append(" bytes>");
            return;
        }
        header.wrap(buffer, 0);
        if (header.schemaId() != MessageHeaderDecoder.SCHEMA_ID)
        {
            out.append("<SBE message of schema ").append(header.schemaId()).append('>');
            return;
        }
        if (MessageHeaderDecoder.ENCODED_LENGTH + header.blockLength() > length)
        {
            out.append("<truncated SBE message, template ").append(header.templateId()).append('>');
            return;
        }
        switch (header.templateId())
        {
            case InstrumentDefinitionDecoder.TEMPLATE_ID:
                new InstrumentDefinitionDecoder().wrapAndApplyHeader(buffer, 0, header).appendTo(out);
                break;
            case TradeTickDecoder.TEMPLATE_ID:
                new TradeTickDecoder().wrapAndApplyHeader(buffer, 0, header).appendTo(out);
                break;
            case QuoteDecoder.TEMPLATE_ID:
                new QuoteDecoder().wrapAndApplyHeader(buffer, 0, header).appendTo(out);
                break;
            case BarDecoder.TEMPLATE_ID:
                new BarDecoder().wrapAndApplyHeader(buffer, 0, header).appendTo(out);
                break;
            case OrderCommandDecoder.TEMPLATE_ID:
                new OrderCommandDecoder().wrapAndApplyHeader(buffer, 0, header).appendTo(out);
                break;
            case OrderAcceptedDecoder.TEMPLATE_ID:
                new OrderAcceptedDecoder().wrapAndApplyHeader(buffer, 0, header).appendTo(out);
                break;
            case OrderRejectedDecoder.TEMPLATE_ID:
                new OrderRejectedDecoder().wrapAndApplyHeader(buffer, 0, header).appendTo(out);
                break;
            case OrderFilledDecoder.TEMPLATE_ID:
                new OrderFilledDecoder().wrapAndApplyHeader(buffer, 0, header).appendTo(out);
                break;
            case OrderCancelledDecoder.TEMPLATE_ID:
                new OrderCancelledDecoder().wrapAndApplyHeader(buffer, 0, header).appendTo(out);
                break;
            case TimerDecoder.TEMPLATE_ID:
                new TimerDecoder().wrapAndApplyHeader(buffer, 0, header).appendTo(out);
                break;
            case AdminCommandDecoder.TEMPLATE_ID:
                new AdminCommandDecoder().wrapAndApplyHeader(buffer, 0, header).appendTo(out);
                break;
            case EngineStateChangedDecoder.TEMPLATE_ID:
                new EngineStateChangedDecoder().wrapAndApplyHeader(buffer, 0, header).appendTo(out);
                break;
            default:
                out.append("<unknown template ").append(header.templateId()).append('>');
        }
    }
}
