package io.qts.engine.pipeline;

import io.qts.journal.EntryHeader;
import io.qts.journal.JournalAppender;
import io.qts.journal.Sources;
import io.qts.journal.sbe.MessageHeaderDecoder;
import io.qts.journal.sbe.OrderCommandDecoder;
import org.agrona.DirectBuffer;

/**
 * The gateway's record of what it sent: every order command taken off the outbound path is written to
 * the out/ journal before it goes on to the venue. Use from the gateway's thread only.
 */
public final class JournaledOrderFeed implements OrderFeed
{
    private final OrderFeed source;
    private final JournalAppender appender;
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final OrderCommandDecoder command = new OrderCommandDecoder();
    private final byte[] copy = new byte[OutboundSlot.CAPACITY];
    private final OrderConsumer journalThenForward = this::onOrder;
    private OrderConsumer next;

    /** Forwards the commands {@code source} yields, each appended to {@code appender} (the out/ journal) first. */
    public JournaledOrderFeed(final OrderFeed source, final JournalAppender appender)
    {
        this.source = source;
        this.appender = appender;
    }

    @Override
    public void drainAfterIdle(final OrderConsumer consumer)
    {
        next = consumer;
        source.drainAfterIdle(journalThenForward);
    }

    private void onOrder(final DirectBuffer buffer, final int offset, final int length)
    {
        command.wrapAndApplyHeader(buffer, offset, header.wrap(buffer, offset));
        buffer.getBytes(offset, copy, 0, length);
        appender.append(command.timeNs(), Sources.ORDERS, EntryHeader.FORMAT_SBE, copy, 0, length);
        next.onOrder(buffer, offset, length);
    }
}
