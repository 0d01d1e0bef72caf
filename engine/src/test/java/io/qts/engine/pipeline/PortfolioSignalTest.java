package io.qts.engine.pipeline;

import io.qts.engine.PriceTicks;
import io.qts.engine.Strategies;
import io.qts.engine.book.Instruments;
import io.qts.engine.book.Portfolio;
import io.qts.engine.book.Sides;
import io.qts.engine.strategy.Strategy;
import io.qts.engine.strategy.StrategyContext;
import io.qts.engine.strategy.StrategyFactory;
import io.qts.engine.strategy.StrategyParameter;
import io.qts.engine.strategy.StrategyParams;
import io.qts.journal.EntryHeader;
import io.qts.journal.Sources;
import io.qts.journal.sbe.BarEncoder;
import io.qts.journal.sbe.InstrumentDefinitionEncoder;
import io.qts.journal.sbe.MessageHeaderEncoder;
import io.qts.journal.sbe.TimerEncoder;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The signal stage with two traded symbols: one strategy instance each, fed only its own instrument's bars;
 * a timer goes to both in the symbols' order and carries the first one's order only.
 */
class PortfolioSignalTest
{
    private static final long MONEY = 100_000_000L;
    private static final int BBB_ID = 1;
    private static final int AAA_ID = 2;

    private final List<String> calls = new ArrayList<>();
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[128]);
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final InboundSlot slot = new InboundSlot();
    private int made;

    /** Records every call as "NAME event"; on a timer it tries to buy and records whether the order was taken. */
    private final StrategyFactory recorder = new StrategyFactory()
    {
        @Override
        public String name()
        {
            return "recorder";
        }

        @Override
        public String description()
        {
            return "records its calls";
        }

        @Override
        public List<StrategyParameter> parameters()
        {
            return List.of();
        }

        @Override
        public Strategy create(final StrategyParams params, final StrategyContext context)
        {
            final String name = made++ == 0 ? "AAA" : "BBB";
            return new Strategy()
            {
                @Override
                public void onBar(final long timeNs, final long durationNs, final long open, final long high, final long low, final long close)
                {
                    calls.add(name + " bar " + close);
                }

                @Override
                public void onTimer(final long timeNs)
                {
                    calls.add(name + " timer, buy taken: " + context.buyMarket(context.entryQty()));
                }
            };
        }
    };

    @Test
    void eachInstanceSeesItsOwnBarsAndATimerCarriesTheFirstOrderOnly()
    {
        final ConfiguredStrategy[] strategies = {Strategies.configure(recorder, Map.of()), Strategies.configure(recorder, Map.of())};
        final Instruments instruments = new Instruments();
        final SignalStage signal = new SignalStage(strategies, 0, 100_000_000L, instruments, new Portfolio(1000 * MONEY), new Counters(),
            PriceTicks.ONE_UNIT);
        final DecodeStage decode = new DecodeStage(new String[] {"AAA", "BBB"}, new Counters(), signal.paramKeys(), new InputDecoder[0]);

        // BBB is defined first and with the lower id: the order of the symbols given decides, not ids or arrival.
        define(decode, signal, "BBB", BBB_ID);
        define(decode, signal, "AAA", AAA_ID);
        bar(decode, signal, BBB_ID, 20);
        bar(decode, signal, AAA_ID, 10);
        assertEquals(List.of("BBB bar 20", "AAA bar 10"), calls);

        calls.clear();
        final TimerEncoder timer = new TimerEncoder().wrapAndApplyHeader(buffer, 0, header).timeNs(3).timerId(7);
        slot.set(3, Sources.TIMER, EntryHeader.FORMAT_SBE, buffer, 0, MessageHeaderEncoder.ENCODED_LENGTH + timer.encodedLength());
        decode.onEvent(slot);
        signal.onEvent(slot);
        assertEquals(List.of("AAA timer, buy taken: true", "BBB timer, buy taken: false"), calls);
        assertEquals(AAA_ID, slot.instrumentId, "the order is AAA's");
        assertEquals(Sides.BUY, slot.intentSide);
        assertEquals(10, slot.intentPrice, "at AAA's last price");
    }

    private void define(final DecodeStage decode, final SignalStage signal, final String symbol, final int id)
    {
        final InstrumentDefinitionEncoder definition = new InstrumentDefinitionEncoder().wrapAndApplyHeader(buffer, 0, header)
            .timeNs(0).instrumentId(id).priceScale((byte)0).qtyScale((byte)8).symbol(symbol);
        slot.set(0, Sources.REFERENCE, EntryHeader.FORMAT_SBE, buffer, 0, MessageHeaderEncoder.ENCODED_LENGTH + definition.encodedLength());
        decode.onEvent(slot);
        signal.onEvent(slot);
    }

    private void bar(final DecodeStage decode, final SignalStage signal, final int id, final long close)
    {
        new BarEncoder().wrapAndApplyHeader(buffer, 0, header).timeNs(1).instrumentId(id).durationNs(1)
            .openPrice(close).highPrice(close).lowPrice(close).closePrice(close).volume(1);
        slot.set(1, Sources.MARKET_DATA, EntryHeader.FORMAT_SBE, buffer, 0, MessageHeaderEncoder.ENCODED_LENGTH + BarEncoder.BLOCK_LENGTH);
        decode.onEvent(slot);
        signal.onEvent(slot);
    }
}
