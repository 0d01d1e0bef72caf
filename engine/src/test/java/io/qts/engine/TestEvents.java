package io.qts.engine;

import io.qts.journal.EntryHeader;
import io.qts.journal.Sources;
import io.qts.journal.sbe.AdminAction;
import io.qts.journal.sbe.AdminCommandEncoder;
import io.qts.journal.sbe.Aggressor;
import io.qts.journal.sbe.BarEncoder;
import io.qts.journal.sbe.InstrumentDefinitionEncoder;
import io.qts.journal.sbe.MessageHeaderEncoder;
import io.qts.journal.sbe.TradeTickEncoder;
import org.agrona.concurrent.UnsafeBuffer;

/** Encodes hand-built inputs and hands them to a sink, as a feed would. */
public final class TestEvents
{
    public static final long DAY_NS = 86_400_000_000_000L;
    public static final int INSTRUMENT = 1;

    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[256]);
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final InstrumentDefinitionEncoder definition = new InstrumentDefinitionEncoder();
    private final BarEncoder bar = new BarEncoder();
    private final TradeTickEncoder trade = new TradeTickEncoder();
    private final AdminCommandEncoder admin = new AdminCommandEncoder();
    private final InputSink sink;

    public TestEvents(final InputSink sink)
    {
        this.sink = sink;
    }

    public void instrument(final String symbol, final int priceScale, final int qtyScale)
    {
        definition.wrapAndApplyHeader(buffer, 0, header)
            .timeNs(0).instrumentId(INSTRUMENT).priceScale((byte)priceScale).qtyScale((byte)qtyScale).symbol(symbol);
        sink.accept(0, Sources.REFERENCE, EntryHeader.FORMAT_SBE, buffer, 0, MessageHeaderEncoder.ENCODED_LENGTH + definition.encodedLength());
    }

    /**
     * Days 0 to 4 with closes 30 20 10 10 40 (price scale 2): the tests' sma-cross signals an up-cross on day 4's
     * close (see SmaCrossTest), so an entry fills at day 5's open.
     */
    public void barsUpToTheUpCross()
    {
        bar(0, 3000, 3000);
        bar(1, 2000, 2000);
        bar(2, 1000, 1000);
        bar(3, 1000, 1000);
        bar(4, 4000, 4000);
    }

    /** A daily bar on day {@code day}; prices are raw at the instrument's price scale. */
    public void bar(final long day, final long open, final long close)
    {
        bar(day, open, Math.max(open, close), Math.min(open, close), close);
    }

    public void bar(final long day, final long open, final long high, final long low, final long close)
    {
        final long timeNs = day * DAY_NS;
        bar.wrapAndApplyHeader(buffer, 0, header)
            .timeNs(timeNs).instrumentId(INSTRUMENT).durationNs(DAY_NS)
            .openPrice(open).highPrice(high).lowPrice(low).closePrice(close).volume(1);
        sink.accept(timeNs, Sources.MARKET_DATA, EntryHeader.FORMAT_SBE, buffer, 0, MessageHeaderEncoder.ENCODED_LENGTH + bar.encodedLength());
    }

    /** Any bar; prices raw at the instrument's price scale. */
    public void bar(final long timeNs, final long durationNs, final long open, final long high, final long low, final long close)
    {
        bar.wrapAndApplyHeader(buffer, 0, header)
            .timeNs(timeNs).instrumentId(INSTRUMENT).durationNs(durationNs)
            .openPrice(open).highPrice(high).lowPrice(low).closePrice(close).volume(1);
        sink.accept(timeNs, Sources.MARKET_DATA, EntryHeader.FORMAT_SBE, buffer, 0, MessageHeaderEncoder.ENCODED_LENGTH + bar.encodedLength());
    }

    public void trade(final long timeNs, final long price, final long qty)
    {
        trade.wrapAndApplyHeader(buffer, 0, header)
            .timeNs(timeNs).instrumentId(INSTRUMENT).aggressor(Aggressor.BUY).price(price).qty(qty).tradeId(timeNs);
        sink.accept(timeNs, Sources.MARKET_DATA, EntryHeader.FORMAT_SBE, buffer, 0, MessageHeaderEncoder.ENCODED_LENGTH + trade.encodedLength());
    }

    public void admin(final long timeNs, final AdminAction action, final String key, final long value)
    {
        admin.wrapAndApplyHeader(buffer, 0, header).timeNs(timeNs).action(action).paramValue(value).paramKey(key);
        sink.accept(timeNs, Sources.ADMIN, EntryHeader.FORMAT_SBE, buffer, 0, MessageHeaderEncoder.ENCODED_LENGTH + admin.encodedLength());
    }
}
