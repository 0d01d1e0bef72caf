package io.qts.bench.jmh;

import io.qts.journal.sbe.Aggressor;
import io.qts.journal.sbe.MessageHeaderEncoder;
import io.qts.journal.sbe.TradeTickEncoder;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;

/** Encodes one TradeTick (header included) into a reused buffer, as a feed adapter does for each trade. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class TradeTickEncodeBenchmark
{
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[128]);
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final TradeTickEncoder trade = new TradeTickEncoder();
    private long tradeId;

    @Benchmark
    public int encode()
    {
        // A new id, time and price every call, so the JIT cannot fold the stores away.
        final long id = ++tradeId;
        trade.wrapAndApplyHeader(buffer, 0, header)
            .timeNs(Codecs.START_NS + id)
            .instrumentId(Codecs.INSTRUMENT_ID)
            .aggressor((id & 1) == 0 ? Aggressor.BUY : Aggressor.SELL)
            .price(Codecs.price(id))
            .qty(Codecs.QTY)
            .tradeId(id);
        return MessageHeaderEncoder.ENCODED_LENGTH + trade.encodedLength();
    }
}
