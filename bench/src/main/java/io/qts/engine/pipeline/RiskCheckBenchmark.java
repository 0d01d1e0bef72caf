package io.qts.engine.pipeline;

import io.qts.bench.jmh.Codecs;
import io.qts.engine.EngineContext;
import io.qts.engine.OutputListener;
import io.qts.engine.book.Instruments;
import io.qts.engine.book.Portfolio;
import io.qts.engine.book.Sides;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;

/**
 * The risk stage on its own: one buy intent through every check (halt, max position, max order
 * notional, cash). {@code pass}: all checks pass. {@code reject}: there is no cash, so the last check
 * refuses it and the rejection is encoded and recorded in the output digest, as it is live.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RiskCheckBenchmark
{
    @Param({"pass", "reject"})
    public String outcome;

    private final Instruments instruments = new Instruments();
    private final InboundSlot slot = new InboundSlot();
    private RiskStage risk;

    @Setup
    public void build()
    {
        final Portfolio portfolio = new Portfolio("pass".equals(outcome) ? StageFixtures.CASH : 0);
        // Finite limits, so that each check computes what it compares.
        final EngineContext context = StageFixtures.context()
            .maxPositionQty(100 * StageFixtures.ORDER_QTY)
            .maxOrderNotional(StageFixtures.CASH / 10)
            .conclude();
        risk = new RiskStage(context, instruments, portfolio, new OutputRecorder(OutputListener.NONE), new Counters());
        instruments.define(Codecs.INSTRUMENT_ID, StageFixtures.PRICE_SCALE, StageFixtures.QTY_SCALE);
        slot.type = EventType.TRADE;
        slot.instrumentId = Codecs.INSTRUMENT_ID;
        slot.timeNs = Codecs.START_NS;
        slot.intentQty = StageFixtures.ORDER_QTY;
        slot.intentPrice = StageFixtures.wavePrice(100);
    }

    @Benchmark
    public int check()
    {
        slot.sequence++;
        slot.intentSide = Sides.BUY;
        risk.onEvent(slot);
        return slot.intentSide;
    }
}
