package io.qts.engine.pipeline;

import io.qts.bench.jmh.Codecs;
import io.qts.journal.EntryHeader;
import io.qts.journal.Sources;
import io.qts.journal.sbe.BarEncoder;
import io.qts.journal.sbe.MessageHeaderEncoder;
import io.qts.journal.sbe.OrderFilledEncoder;
import io.qts.journal.sbe.TradeTickEncoder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;

/** The decode stage on its own: raw SBE bytes in a slot to the slot's typed fields, for each hot input type. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class DecodeStageBenchmark
{
    @Param({"TradeTick", "Bar", "OrderFilled"})
    public String message;

    private final DecodeStage decode = new DecodeStage(StageFixtures.SYMBOL, new Counters());
    private final InboundSlot slot = new InboundSlot();

    @Setup
    public void fill()
    {
        switch (message)
        {
            case "TradeTick":
                slot.set(Codecs.START_NS, Sources.MARKET_DATA, EntryHeader.FORMAT_SBE, Codecs.tradeTick(), 0,
                    MessageHeaderEncoder.ENCODED_LENGTH + TradeTickEncoder.BLOCK_LENGTH);
                break;

            case "Bar":
                slot.set(Codecs.START_NS, Sources.MARKET_DATA, EntryHeader.FORMAT_SBE, Codecs.bar(), 0,
                    MessageHeaderEncoder.ENCODED_LENGTH + BarEncoder.BLOCK_LENGTH);
                break;

            case "OrderFilled":
                slot.set(Codecs.START_NS, Sources.VENUE, EntryHeader.FORMAT_SBE, Codecs.orderFilled(), 0,
                    MessageHeaderEncoder.ENCODED_LENGTH + OrderFilledEncoder.BLOCK_LENGTH);
                break;

            default:
                throw new IllegalArgumentException("unknown message " + message);
        }
    }

    @Benchmark
    public long decode()
    {
        decode.onEvent(slot);
        return slot.price + slot.type;
    }
}
