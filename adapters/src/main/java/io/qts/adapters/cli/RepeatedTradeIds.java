package io.qts.adapters.cli;

import io.qts.engine.book.RecentTradeIds;
import io.qts.journal.sbe.MessageHeaderDecoder;
import io.qts.journal.sbe.TradeTickDecoder;
import org.agrona.DirectBuffer;

/**
 * Counts, among imported SBE events, the trades a replay will drop as duplicates: by the engine's one rule
 * ({@link RecentTradeIds}), so the import's count is the backtest's {@code duplicateTradesDropped}.
 */
final class RepeatedTradeIds
{
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final TradeTickDecoder trade = new TradeTickDecoder();
    private final RecentTradeIds recent = new RecentTradeIds();
    private long count;

    void accept(final DirectBuffer buffer, final int offset, final int length)
    {
        if (length < MessageHeaderDecoder.ENCODED_LENGTH)
        {
            return;
        }
        header.wrap(buffer, offset);
        if (header.templateId() == TradeTickDecoder.TEMPLATE_ID)
        {
            trade.wrapAndApplyHeader(buffer, offset, header);
            if (!recent.firstSeen(trade.instrumentId(), trade.tradeId()))
            {
                count++;
            }
        }
    }

    long count()
    {
        return count;
    }
}
