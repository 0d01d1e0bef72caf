package io.qts.engine;

import io.qts.journal.EntryHeader;
import io.qts.journal.JournalAppender;
import io.qts.journal.Sources;
import io.qts.journal.sbe.MessageHeaderDecoder;
import io.qts.journal.sbe.OrderCommandDecoder;
import org.agrona.DirectBuffer;

/** The gateway's record of what it sent: each order command goes to the out/ journal, then on. */
public final class OutboundJournal implements OrderConsumer
{
    private final JournalAppender appender;
    private final OrderConsumer next;
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final OrderCommandDecoder command = new OrderCommandDecoder();
    private final byte[] copy = new byte[OutboundSlot.CAPACITY];

    public OutboundJournal(final JournalAppender appender, final OrderConsumer next)
    {
        this.appender = appender;
        this.next = next;
    }

    @Override
    public void onOrder(final DirectBuffer buffer, final int offset, final int length)
    {
        command.wrapAndApplyHeader(buffer, offset, header.wrap(buffer, offset));
        buffer.getBytes(offset, copy, 0, length);
        appender.append(command.timeNs(), Sources.ORDERS, EntryHeader.FORMAT_SBE, copy, 0, length);
        next.onOrder(buffer, offset, length);
    }
}
