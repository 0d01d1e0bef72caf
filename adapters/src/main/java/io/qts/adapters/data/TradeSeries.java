package io.qts.adapters.data;

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
    private final TradeTickEncoder trade = new TradeTickEncoder();

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
    int encode(final int index, final int instrumentId, final UnsafeBuffer buffer, final MessageHeaderEncoder header)
    {
        trade.wrapAndApplyHeader(buffer, 0, header)
            .timeNs(timesNs[index])
            .instrumentId(instrumentId)
            .aggressor(AGGRESSORS[aggressor[index]])
            .price(price[index])
            .qty(qty[index])
            .tradeId(tradeId[index]);
        return MessageHeaderEncoder.ENCODED_LENGTH + TradeTickEncoder.BLOCK_LENGTH;
    }
}
