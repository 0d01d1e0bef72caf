package io.qts.adapters.data;

import io.qts.engine.InputSink;
import io.qts.journal.EntryHeader;
import io.qts.journal.Sources;
import io.qts.journal.sbe.BarEncoder;
import io.qts.journal.sbe.InstrumentDefinitionEncoder;
import io.qts.journal.sbe.MessageHeaderEncoder;
import io.qts.journal.sbe.TradeTickEncoder;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * One instrument's market data read completely from a file and checked, held in primitive arrays:
 * either bars or trade ticks, with fixed-point prices at {@link #priceScale()} and quantities at
 * {@link #qtyScale()}. {@link #replay(InputSink)} turns it into the SBE inputs the engine takes.
 */
public abstract class MarketSeries
{
    /** What the series holds. */
    public enum Kind
    {
        BARS,
        TRADES
    }

    /** An imported file holds one instrument, so it gets the first id. */
    static final int INSTRUMENT_ID = 1;

    private static final int BUFFER_LENGTH = MessageHeaderEncoder.ENCODED_LENGTH + Math.max(
        InstrumentDefinitionEncoder.BLOCK_LENGTH, Math.max(BarEncoder.BLOCK_LENGTH, TradeTickEncoder.BLOCK_LENGTH));

    private final String symbol;
    private final int priceScale;
    final long[] timesNs;
    private SkippedRows skipped = SkippedRows.NONE;

    MarketSeries(final String symbol, final int priceScale, final long[] timesNs)
    {
        this.symbol = symbol;
        this.priceScale = priceScale;
        this.timesNs = timesNs;
    }

    public abstract Kind kind();

    public String symbol()
    {
        return symbol;
    }

    public int priceScale()
    {
        return priceScale;
    }

    public int qtyScale()
    {
        return CsvCursor.MAX_SCALE;
    }

    public int instrumentId()
    {
        return INSTRUMENT_ID;
    }

    /** Number of bars or trades, not counting the instrument definition. */
    public int size()
    {
        return timesNs.length;
    }

    /** Rows of the file that did not become events. */
    public SkippedRows skipped()
    {
        return skipped;
    }

    void skipped(final SkippedRows rows)
    {
        skipped = rows;
    }

    public long firstTimeNs()
    {
        return timesNs[0];
    }

    public long lastTimeNs()
    {
        return timesNs[timesNs.length - 1];
    }

    /**
     * Emits the instrument definition (source {@link Sources#REFERENCE}, at the first event's time), then
     * every bar or trade in order (source {@link Sources#MARKET_DATA}), all as SBE messages encoded into
     * one buffer that is reused for each event.
     */
    public void replay(final InputSink sink)
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[BUFFER_LENGTH]);
        final MessageHeaderEncoder header = new MessageHeaderEncoder();
        final InstrumentDefinitionEncoder definition = new InstrumentDefinitionEncoder()
            .wrapAndApplyHeader(buffer, 0, header)
            .timeNs(firstTimeNs())
            .instrumentId(INSTRUMENT_ID)
            .priceScale((byte)priceScale)
            .qtyScale((byte)qtyScale())
            .symbol(symbol);
        sink.accept(
            firstTimeNs(), Sources.REFERENCE, EntryHeader.FORMAT_SBE, buffer, 0,
            MessageHeaderEncoder.ENCODED_LENGTH + definition.encodedLength());
        replayEvents(sink, buffer, header);
    }

    abstract void replayEvents(InputSink sink, UnsafeBuffer buffer, MessageHeaderEncoder header);
}
