package io.qts.bench.jmh;

import io.qts.journal.sbe.BarDecoder;
import io.qts.journal.sbe.MessageHeaderDecoder;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

import java.util.concurrent.TimeUnit;

/** Reads the header and every field of an encoded Bar through reused flyweights. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class BarDecodeBenchmark
{
    private final UnsafeBuffer buffer = Codecs.bar();
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final BarDecoder bar = new BarDecoder();

    @Benchmark
    public void decode(final Blackhole bh)
    {
        header.wrap(buffer, 0);
        bh.consume(header.templateId());
        bar.wrapAndApplyHeader(buffer, 0, header);
        bh.consume(bar.timeNs());
        bh.consume(bar.instrumentId());
        bh.consume(bar.durationNs());
        bh.consume(bar.openPrice());
        bh.consume(bar.highPrice());
        bh.consume(bar.lowPrice());
        bh.consume(bar.closePrice());
        bh.consume(bar.volume());
    }
}
