package io.qts.bench.jmh;

import io.qts.journal.sbe.MessageHeaderDecoder;
import io.qts.journal.sbe.OrderFilledDecoder;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

import java.util.concurrent.TimeUnit;

/** Reads the header and every field of an encoded OrderFilled through reused flyweights. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class OrderFilledDecodeBenchmark
{
    private final UnsafeBuffer buffer = Codecs.orderFilled();
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final OrderFilledDecoder filled = new OrderFilledDecoder();

    @Benchmark
    public void decode(final Blackhole bh)
    {
        header.wrap(buffer, 0);
        bh.consume(header.templateId());
        filled.wrapAndApplyHeader(buffer, 0, header);
        bh.consume(filled.timeNs());
        bh.consume(filled.clientOrderId());
        bh.consume(filled.instrumentId());
        bh.consume(filled.sideRaw());
        bh.consume(filled.price());
        bh.consume(filled.qty());
        bh.consume(filled.leavesQty());
        bh.consume(filled.commission());
    }
}
