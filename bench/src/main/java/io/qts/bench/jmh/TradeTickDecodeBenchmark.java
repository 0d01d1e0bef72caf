package io.qts.bench.jmh;

import io.qts.journal.sbe.MessageHeaderDecoder;
import io.qts.journal.sbe.TradeTickDecoder;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

import java.util.concurrent.TimeUnit;

/** Reads the header and every field of an encoded TradeTick through reused flyweights. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class TradeTickDecodeBenchmark
{
    private final UnsafeBuffer buffer = Codecs.tradeTick();
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final TradeTickDecoder trade = new TradeTickDecoder();

    @Benchmark
    public void decode(final Blackhole bh)
    {
        header.wrap(buffer, 0);
        bh.consume(header.templateId());
        trade.wrapAndApplyHeader(buffer, 0, header);
        bh.consume(trade.timeNs());
        bh.consume(trade.instrumentId());
        bh.consume(trade.aggressorRaw());
        bh.consume(trade.price());
        bh.consume(trade.qty());
        bh.consume(trade.tradeId());
    }
}
