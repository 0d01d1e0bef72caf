package io.qts.bench.jmh;

import io.qts.journal.sbe.MessageHeaderDecoder;
import io.qts.journal.sbe.OrderCommandDecoder;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

import java.util.concurrent.TimeUnit;

/** Reads the header and every field of an encoded OrderCommand, as the venue gateway does for each order. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class OrderCommandDecodeBenchmark
{
    private final UnsafeBuffer buffer = Codecs.orderCommand();
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final OrderCommandDecoder command = new OrderCommandDecoder();

    @Benchmark
    public void decode(final Blackhole bh)
    {
        header.wrap(buffer, 0);
        bh.consume(header.templateId());
        command.wrapAndApplyHeader(buffer, 0, header);
        bh.consume(command.timeNs());
        bh.consume(command.clientOrderId());
        bh.consume(command.instrumentId());
        bh.consume(command.actionRaw());
        bh.consume(command.sideRaw());
        bh.consume(command.orderTypeRaw());
        bh.consume(command.price());
        bh.consume(command.qty());
    }
}
