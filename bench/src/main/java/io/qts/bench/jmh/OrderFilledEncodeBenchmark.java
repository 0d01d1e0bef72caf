package io.qts.bench.jmh;

import io.qts.journal.sbe.MessageHeaderEncoder;
import io.qts.journal.sbe.OrderFilledEncoder;
import io.qts.journal.sbe.Side;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;

/** Encodes one OrderFilled (header included), as a venue adapter does for each fill it reports. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class OrderFilledEncodeBenchmark
{
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[128]);
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final OrderFilledEncoder filled = new OrderFilledEncoder();
    private long n;

    @Benchmark
    public int encode()
    {
        // New values every call, so the JIT cannot fold the stores away.
        final long i = ++n;
        filled.wrapAndApplyHeader(buffer, 0, header)
            .timeNs(Codecs.START_NS + i)
            .clientOrderId(1L << 48 | i)
            .instrumentId(Codecs.INSTRUMENT_ID)
            .side((i & 1) == 0 ? Side.BUY : Side.SELL)
            .price(Codecs.price(i))
            .qty(Codecs.QTY)
            .leavesQty(0)
            .commission(i);
        return MessageHeaderEncoder.ENCODED_LENGTH + filled.encodedLength();
    }
}
