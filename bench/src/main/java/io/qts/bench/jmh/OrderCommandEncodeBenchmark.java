package io.qts.bench.jmh;

import io.qts.journal.sbe.MessageHeaderEncoder;
import io.qts.journal.sbe.OrderAction;
import io.qts.journal.sbe.OrderCommandEncoder;
import io.qts.journal.sbe.OrderType;
import io.qts.journal.sbe.Side;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;

/** Encodes one OrderCommand (header included), as the execution stage does for every order it sends. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class OrderCommandEncodeBenchmark
{
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[128]);
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final OrderCommandEncoder command = new OrderCommandEncoder();
    private long n;

    @Benchmark
    public int encode()
    {
        // New values every call, so the JIT cannot fold the stores away.
        final long i = ++n;
        command.wrapAndApplyHeader(buffer, 0, header)
            .timeNs(Codecs.START_NS + i)
            .clientOrderId(1L << 48 | i)
            .instrumentId(Codecs.INSTRUMENT_ID)
            .action(OrderAction.NEW)
            .side((i & 1) == 0 ? Side.BUY : Side.SELL)
            .orderType(OrderType.MARKET)
            .price(Codecs.price(i))
            .qty(Codecs.QTY);
        return MessageHeaderEncoder.ENCODED_LENGTH + command.encodedLength();
    }
}
