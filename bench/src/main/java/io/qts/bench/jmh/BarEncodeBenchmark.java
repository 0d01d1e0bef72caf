package io.qts.bench.jmh;

import io.qts.journal.sbe.BarEncoder;
import io.qts.journal.sbe.MessageHeaderEncoder;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;

/** Encodes one OHLCV Bar (header included) into a reused buffer, as the bar feed and the importer do. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class BarEncodeBenchmark
{
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[128]);
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final BarEncoder bar = new BarEncoder();
    private long n;

    @Benchmark
    public int encode()
    {
        // New values every call, so the JIT cannot fold the stores away.
        final long i = ++n;
        bar.wrapAndApplyHeader(buffer, 0, header)
            .timeNs(Codecs.START_NS + i * Codecs.BAR_NS)
            .instrumentId(Codecs.INSTRUMENT_ID)
            .durationNs(Codecs.BAR_NS)
            .openPrice(Codecs.price(i))
            .highPrice(Codecs.price(i + 7))
            .lowPrice(Codecs.price(i - 3))
            .closePrice(Codecs.price(i + 2))
            .volume(Codecs.QTY + i);
        return MessageHeaderEncoder.ENCODED_LENGTH + bar.encodedLength();
    }
}
