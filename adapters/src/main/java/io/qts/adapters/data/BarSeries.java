package io.qts.adapters.data;

import io.qts.engine.InputSink;
import io.qts.journal.EntryHeader;
import io.qts.journal.Sources;
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
    void replayEvents(final InputSink sink, final UnsafeBuffer buffer, final MessageHeaderEncoder header)
    {
        final BarEncoder bar = new BarEncoder();
        final int length = MessageHeaderEncoder.ENCODED_LENGTH + BarEncoder.BLOCK_LENGTH;
        for (int i = 0; i < timesNs.length; i++)
        {
            bar.wrapAndApplyHeader(buffer, 0, header)
                .timeNs(timesNs[i])
                .instrumentId(INSTRUMENT_ID)
                .durationNs(durationNs)
                .openPrice(open[i])
                .highPrice(high[i])
                .lowPrice(low[i])
                .closePrice(close[i])
                .volume(volume[i]);
            sink.accept(timesNs[i], Sources.MARKET_DATA, EntryHeader.FORMAT_SBE, buffer, 0, length);
        }
    }
}
