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

    /** Whether the series holds bars or trades. */
    public abstract Kind kind();

    /** The symbol the series was imported as. */
    public String symbol()
    {
        return symbol;
    }

    /** The scale (decimal digits) of the series' prices. */
    public int priceScale()
    {
        return priceScale;
    }

    /** The scale of the series' quantities: always 8. */
    public int qtyScale()
    {
        return CsvCursor.MAX_SCALE;
    }

    /** The instrument id the series' inputs carry: always 1 (a file holds one instrument). */
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

    /** The time of the first bar or trade, ns since the epoch. */
    public long firstTimeNs()
    {
        return timesNs[0];
    }

    /** The time of the last bar or trade, ns since the epoch. */
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
        sink.accept(firstTimeNs(), Sources.REFERENCE, EntryHeader.FORMAT_SBE, buffer, 0,
            encodeDefinition(INSTRUMENT_ID, firstTimeNs(), buffer, header));
        for (int i = 0; i < timesNs.length; i++)
        {
            sink.accept(timesNs[i], Sources.MARKET_DATA, EntryHeader.FORMAT_SBE, buffer, 0, encode(i, INSTRUMENT_ID, buffer, header));
        }
    }

    /** The instrument definition under {@code instrumentId} at {@code timeNs}, encoded at 0; returns its length. */
    int encodeDefinition(final int instrumentId, final long timeNs, final UnsafeBuffer buffer, final MessageHeaderEncoder header)
    {
        final InstrumentDefinitionEncoder definition = new InstrumentDefinitionEncoder()
            .wrapAndApplyHeader(buffer, 0, header)
            .timeNs(timeNs)
            .instrumentId(instrumentId)
            .priceScale((byte)priceScale)
            .qtyScale((byte)qtyScale())
            .symbol(symbol);
        return MessageHeaderEncoder.ENCODED_LENGTH + definition.encodedLength();
    }

    /**
     * Event {@code index} (a bar or trade) under {@code instrumentId}, encoded at 0 with this series' encoder:
     * one replay at a time per series. Returns its length.
     */
    abstract int encode(int index, int instrumentId, UnsafeBuffer buffer, MessageHeaderEncoder header);

    static int bufferLength()
    {
        return BUFFER_LENGTH;
    }
}
