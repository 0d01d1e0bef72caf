package io.qts.adapters.data;

import io.qts.engine.InputSink;
import io.qts.journal.EntryHeader;
import io.qts.journal.Sources;
import io.qts.journal.sbe.Aggressor;
import io.qts.journal.sbe.MessageHeaderEncoder;
import io.qts.journal.sbe.TradeTickEncoder;
import org.agrona.concurrent.UnsafeBuffer;

/** Public trades, in file order. */
final class TradeSeries extends MarketSeries
{
    private static final Aggressor[] AGGRESSORS = Aggressor.values();

    private final long[] price;
    private final long[] qty;
    private final long[] tradeId;
    /** Ordinal of each trade's {@link Aggressor}. */
    private final byte[] aggressor;

    TradeSeries(
        final String symbol, final int priceScale, final long[] timesNs,
        final long[] price, final long[] qty, final long[] tradeId, final byte[] aggressor)
    {
        super(symbol, priceScale, timesNs);
        this.price = price;
        this.qty = qty;
        this.tradeId = tradeId;
        this.aggressor = aggressor;
    }

    @Override
    public Kind kind()
    {
        return Kind.TRADES;
    }

    @Override
    void replayEvents(final InputSink sink, final UnsafeBuffer buffer, final MessageHeaderEncoder header)
    {
        final TradeTickEncoder trade = new TradeTickEncoder();
        final int length = MessageHeaderEncoder.ENCODED_LENGTH + TradeTickEncoder.BLOCK_LENGTH;
        for (int i = 0; i < timesNs.length; i++)
        {
            trade.wrapAndApplyHeader(buffer, 0, header)
                .timeNs(timesNs[i])
                .instrumentId(INSTRUMENT_ID)
                .aggressor(AGGRESSORS[aggressor[i]])
                .price(price[i])
                .qty(qty[i])
                .tradeId(tradeId[i]);
            sink.accept(timesNs[i], Sources.MARKET_DATA, EntryHeader.FORMAT_SBE, buffer, 0, length);
        }
    }
}
