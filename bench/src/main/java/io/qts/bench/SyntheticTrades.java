package io.qts.bench;

import io.qts.engine.EngineContext;
import io.qts.engine.EngineResult;
import io.qts.engine.InlineEngine;
import io.qts.engine.InputSink;
import io.qts.engine.OutputListener;
import io.qts.engine.pipeline.QueuedOrders;
import io.qts.engine.venue.SimulatedExchange;
import io.qts.engine.venue.SimulatedVenue;
import io.qts.journal.EntryHeader;
import io.qts.journal.Sources;
import io.qts.journal.sbe.Aggressor;
import io.qts.journal.sbe.InstrumentDefinitionEncoder;
import io.qts.journal.sbe.MessageHeaderEncoder;
import io.qts.journal.sbe.TradeTickEncoder;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * A made-up paper session, recorded as the engine sees it: one instrument definition, then trades on a
 * triangle wave that makes sma-cross buy and sell every couple of hundred trades, with the simulated
 * venue's answers (accepted, filled) to those orders in between. The venue answers are what keeps
 * orders flowing: the engine holds one position at a time and sends nothing new until the last
 * order is answered. Recording runs the engine inline; its result is what every other run must match.
 */
final class SyntheticTrades
{
    static final String SYMBOL = "BENCH";
    static final int INSTRUMENT_ID = 1;
    static final int PRICE_SCALE = 2;
    static final int QTY_SCALE = 8;

    /** 2026-01-01T00:00:00Z; one trade every microsecond after it. */
    private static final long START_NS = 1_767_225_600_000_000_000L;
    private static final long SPACING_NS = 1_000L;
    private static final int WAVE_PERIOD = 400;
    private static final long BASE_PRICE = 100_000L;
    private static final long PRICE_STEP = 5L;
    private static final long TRADE_QTY = 100_000_000L;
    private static final int TRADE_BYTES = MessageHeaderEncoder.ENCODED_LENGTH + TradeTickEncoder.BLOCK_LENGTH;

    private final UnsafeBuffer scratch = new UnsafeBuffer(new byte[256]);
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final InstrumentDefinitionEncoder definition = new InstrumentDefinitionEncoder();
    private final TradeTickEncoder trade = new TradeTickEncoder();

    /** What the recording produced, and what the engine decided on it. */
    record Recording(EncodedInputs inputs, EngineResult result)
    {
    }

    /**
     * Records at least {@code minInputs} inputs, ending on a trade (so up to two more: the venue's
     * answers come just before the trade that fills).
     */
    static Recording record(final int minInputs, final EngineContext context)
    {
        return new SyntheticTrades().recordSession(minInputs, context);
    }

    private Recording recordSession(final int minInputs, final EngineContext context)
    {
        final EncodedInputs.Builder inputs = new EncodedInputs.Builder(minInputs + 2, TRADE_BYTES);
        final QueuedOrders orders = new QueuedOrders();
        final InlineEngine engine = new InlineEngine(context, null, orders, OutputListener.NONE);
        final InputSink recorder = (timeNs, sourceId, format, buffer, offset, length) ->
        {
            inputs.accept(timeNs, sourceId, format, buffer, offset, length);
            engine.accept(timeNs, sourceId, format, buffer, offset, length);
        };
        final SimulatedExchange exchange = new SimulatedExchange(new SimulatedVenue(context.commissionRate()), orders, recorder);
        instrument(exchange, context.symbol());
        for (long i = 0; inputs.count() < minInputs; i++)
        {
            trade(exchange, i);
        }
        engine.close();
        return new Recording(inputs.build(), engine.result());
    }

    void instrument(final InputSink sink, final String symbol)
    {
        definition.wrapAndApplyHeader(scratch, 0, header)
            .timeNs(START_NS)
            .instrumentId(INSTRUMENT_ID)
            .priceScale((byte)PRICE_SCALE)
            .qtyScale((byte)QTY_SCALE)
            .symbol(symbol);
        sink.accept(START_NS, Sources.REFERENCE, EntryHeader.FORMAT_SBE, scratch, 0,
            MessageHeaderEncoder.ENCODED_LENGTH + definition.encodedLength());
    }

    private void trade(final InputSink sink, final long i)
    {
        trade(sink, i, START_NS + (i + 1) * SPACING_NS, price(i));
    }

    /** Trade number {@code i} (from 0) at the given time and price; encodes into a reused buffer. */
    void trade(final InputSink sink, final long i, final long timeNs, final long price)
    {
        trade.wrapAndApplyHeader(scratch, 0, header)
            .timeNs(timeNs)
            .instrumentId(INSTRUMENT_ID)
            .aggressor((i & 1) == 0 ? Aggressor.BUY : Aggressor.SELL)
            .price(price)
            .qty(TRADE_QTY)
            .tradeId(i + 1);
        sink.accept(timeNs, Sources.MARKET_DATA, EntryHeader.FORMAT_SBE, scratch, 0,
            MessageHeaderEncoder.ENCODED_LENGTH + trade.encodedLength());
    }

    /** Triangle wave at price scale 2: 1000.00 up to 1010.00 and back, every {@value #WAVE_PERIOD} trades. */
    static long price(final long i)
    {
        return price(i, WAVE_PERIOD);
    }

    /** The same wave with another period (an even number of trades): a shorter period makes more orders. */
    static long price(final long i, final int periodTrades)
    {
        final long phase = i % periodTrades;
        final long half = periodTrades / 2;
        return BASE_PRICE + (phase < half ? phase : periodTrades - phase) * PRICE_STEP;
    }
}
