package io.qts.adapters.data;

import io.qts.journal.sbe.BarEncoder;
import io.qts.journal.sbe.MessageHeaderEncoder;
import org.agrona.concurrent.UnsafeBuffer;

/** OHLCV bars; each time is the bar's open time and every bar lasts {@code durationNs}. */
final class BarSeries extends MarketSeries
{
    private final long durationNs;
    private final long[] open;
    private final long[] high;
    private final long[] low;
    private final long[] close;
    private final long[] volume;
    private final BarEncoder bar = new BarEncoder();

    BarSeries(
        final String symbol, final int priceScale, final long durationNs, final long[] timesNs,
        final long[] open, final long[] high, final long[] low, final long[] close, final long[] volume)
    {
        super(symbol, priceScale, timesNs);
        this.durationNs = durationNs;
        this.open = open;
        this.high = high;
        this.low = low;
        this.close = close;
        this.volume = volume;
    }

    @Override
    public Kind kind()
    {
        return Kind.BARS;
    }

    @Override
    int encode(final int index, final int instrumentId, final UnsafeBuffer buffer, final MessageHeaderEncoder header)
    {
        bar.wrapAndApplyHeader(buffer, 0, header)
            .timeNs(timesNs[index])
            .instrumentId(instrumentId)
            .durationNs(durationNs)
            .openPrice(open[index])
            .highPrice(high[index])
            .lowPrice(low[index])
            .closePrice(close[index])
            .volume(volume[index]);
        return MessageHeaderEncoder.ENCODED_LENGTH + BarEncoder.BLOCK_LENGTH;
    }
}
