package io.qts.engine;

import io.qts.journal.sbe.MessageHeaderDecoder;
import io.qts.journal.sbe.OrderCommandDecoder;
import io.qts.journal.sbe.OrderFilledDecoder;
import org.agrona.DirectBuffer;

import java.util.ArrayList;
import java.util.List;

/** Records the engine's orders and fills as short lines, with times in days, for tests to compare. */
final class OrderLog implements OutputListener
{
    final List<String> lines = new ArrayList<>();

    @Override
    public void onOutput(final DirectBuffer buffer, final int offset, final int length)
    {
        final MessageHeaderDecoder header = new MessageHeaderDecoder().wrap(buffer, offset);
        if (header.templateId() == OrderCommandDecoder.TEMPLATE_ID)
        {
            final OrderCommandDecoder d = new OrderCommandDecoder().wrapAndApplyHeader(buffer, offset, header);
            lines.add("order " + d.side() + " day " + d.timeNs() / TestEvents.DAY_NS);
        }
        else if (header.templateId() == OrderFilledDecoder.TEMPLATE_ID)
        {
            final OrderFilledDecoder d = new OrderFilledDecoder().wrapAndApplyHeader(buffer, offset, header);
            lines.add("fill " + d.side() + " @" + d.price() + " day " + d.timeNs() / TestEvents.DAY_NS);
        }
    }
}
