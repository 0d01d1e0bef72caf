package io.qts.engine.pipeline;

import io.qts.bench.jmh.Codecs;
import io.qts.engine.PriceTicks;
import io.qts.engine.Strategies;
import io.qts.engine.book.Instruments;
import io.qts.engine.book.Portfolio;
import io.qts.engine.book.Sides;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The signal stage on its own with sma-cross 10/30: a decoded trade of the traded instrument in, the
 * averages updated and compared exactly, an order intent out on a cross. The prices follow a wave
 * that crosses twice per {@value StageFixtures#WAVE_PERIOD} trades. No order is ever executed, so the
 * stage stays flat and each up-cross yields a buy intent.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SmaCrossSignalBenchmark
{
    private final Instruments instruments = new Instruments();
    private final Portfolio portfolio = new Portfolio(StageFixtures.CASH);
    private final SignalStage signal = new SignalStage(
        Strategies.create("sma-cross", Map.of("fast", String.valueOf(StageFixtures.FAST), "slow", String.valueOf(StageFixtures.SLOW))),
        0, StageFixtures.ORDER_QTY, instruments, portfolio, new Counters(), PriceTicks.ONE_UNIT);
    private final long[] prices = new long[StageFixtures.WAVE_PERIOD];
    private final InboundSlot slot = new InboundSlot();
    private int next;

    @Setup
    public void define()
    {
        signal.onEvent(StageFixtures.decodedInstrument());
        for (int i = 0; i < prices.length; i++)
        {
            prices[i] = StageFixtures.wavePrice(i);
        }
        slot.type = EventType.TRADE;
        slot.instrumentId = Codecs.INSTRUMENT_ID;
        slot.timeNs = Codecs.START_NS;
    }

    @Benchmark
    public int onTrade()
    {
        slot.price = prices[next];
        next = next + 1 == prices.length ? 0 : next + 1;
        slot.timeNs++;
        slot.intentSide = Sides.NONE;
        signal.onEvent(slot);
        return slot.intentSide;
    }
}
