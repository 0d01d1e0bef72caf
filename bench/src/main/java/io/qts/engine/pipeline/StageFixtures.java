package io.qts.engine.pipeline;

import io.qts.bench.jmh.Codecs;
import io.qts.engine.EngineContext;
import io.qts.journal.EntryHeader;
import io.qts.journal.Sources;
import io.qts.journal.sbe.InstrumentDefinitionEncoder;
import io.qts.journal.sbe.MessageHeaderEncoder;
import io.qts.journal.sbe.TradeTickEncoder;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.Map;

/** The instrument, sizes and strategy the stage benchmarks share, built the way the engine tests build them. */
final class StageFixtures
{
    static final int ENGINE_ID = 1;
    static final String SYMBOL = "BENCH";
    static final int PRICE_SCALE = 2;
    static final int QTY_SCALE = 8;
    /** One unit, at the instrument's quantity scale (10^-8). */
    static final long ORDER_QTY = 100_000_000L;
    /** 10,000,000 of the quote currency, money at 10^-8. */
    static final long CASH = 1_000_000_000_000_000L;
    /** 0.05 %, at 10^-8. */
    static final long COMMISSION_RATE = 50_000L;
    static final int FAST = 10;
    static final int SLOW = 30;
    /** Prices of a triangle wave (1000.00 to 1010.00 and back) that makes sma-cross signal twice per period. */
    static final int WAVE_PERIOD = 400;
    static final int TRADE_LENGTH = MessageHeaderEncoder.ENCODED_LENGTH + TradeTickEncoder.BLOCK_LENGTH;

    private StageFixtures()
    {
    }

    static EngineContext context()
    {
        return new EngineContext()
            .engineId(ENGINE_ID)
            .symbol(SYMBOL)
            .strategy("sma-cross", Map.of("fast", Integer.toString(FAST), "slow", Integer.toString(SLOW)))
            .orderQty(ORDER_QTY)
            .initialCash(CASH)
            .commissionRate(COMMISSION_RATE)
            .conclude();
    }

    static long wavePrice(final int i)
    {
        final int phase = i % WAVE_PERIOD;
        final int half = WAVE_PERIOD / 2;
        return 100_000L + (phase < half ? phase : WAVE_PERIOD - phase) * 5L;
    }

    /** The traded instrument's definition, encoded. */
    static UnsafeBuffer instrumentDefinition()
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[128]);
        new InstrumentDefinitionEncoder().wrapAndApplyHeader(buffer, 0, new MessageHeaderEncoder())
            .timeNs(Codecs.START_NS)
            .instrumentId(Codecs.INSTRUMENT_ID)
            .priceScale((byte)PRICE_SCALE)
            .qtyScale((byte)QTY_SCALE)
            .symbol(SYMBOL);
        return buffer;
    }

    static int instrumentDefinitionLength()
    {
        return MessageHeaderEncoder.ENCODED_LENGTH + InstrumentDefinitionEncoder.BLOCK_LENGTH;
    }

    /** A slot as the decode stage leaves it for the traded instrument's definition. */
    static InboundSlot decodedInstrument()
    {
        final InboundSlot slot = new InboundSlot();
        slot.set(Codecs.START_NS, Sources.REFERENCE, EntryHeader.FORMAT_SBE, instrumentDefinition(), 0, instrumentDefinitionLength());
        new DecodeStage(SYMBOL, new Counters()).onEvent(slot);
        return slot;
    }

    /** One period of the wave as TradeTicks, back to back in one buffer, {@link #TRADE_LENGTH} bytes each. */
    static UnsafeBuffer waveTrades()
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[WAVE_PERIOD * TRADE_LENGTH]);
        final MessageHeaderEncoder header = new MessageHeaderEncoder();
        final TradeTickEncoder trade = new TradeTickEncoder();
        for (int i = 0; i < WAVE_PERIOD; i++)
        {
            trade.wrapAndApplyHeader(buffer, i * TRADE_LENGTH, header)
                .timeNs(Codecs.START_NS + i)
                .instrumentId(Codecs.INSTRUMENT_ID)
                .price(wavePrice(i))
                .qty(ORDER_QTY)
                .tradeId(i + 1);
        }
        return buffer;
    }
}
