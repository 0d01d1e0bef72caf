package io.qts.engine.pipeline;

import io.qts.bench.jmh.Codecs;
import io.qts.engine.OutputListener;
import io.qts.engine.book.ClientOrderIds;
import io.qts.engine.book.Instruments;
import io.qts.engine.book.Portfolio;
import io.qts.engine.book.Sides;
import io.qts.journal.EntryHeader;
import io.qts.journal.Sources;
import io.qts.journal.sbe.MessageHeaderEncoder;
import io.qts.journal.sbe.OrderAcceptedEncoder;
import io.qts.journal.sbe.OrderFilledEncoder;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;

/**
 * The execution stage on its own, one whole order per operation: the order is encoded, sent and
 * booked in flight; the venue's acceptance is matched; its fill moves cash and position, ends the
 * order and is recorded in the output digest. Orders alternate buy and sell so the position stays
 * bounded. The sender takes every order: the outbound ring is the ring benchmark's subject.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ExecutionOrderBookBenchmark
{
    private final Instruments instruments = new Instruments();
    private final Portfolio portfolio = new Portfolio(StageFixtures.CASH);
    private final OrderSender sender = (buffer, offset, length) -> true;
    private final ExecutionStage execution = new ExecutionStage(
        ClientOrderIds.of(StageFixtures.ENGINE_ID, 0), sender, instruments, portfolio, new OutputRecorder(OutputListener.NONE), new Counters());
    private final InboundSlot order = new InboundSlot();
    private final InboundSlot accepted = new InboundSlot();
    private final InboundSlot filled = new InboundSlot();

    @Setup
    public void build()
    {
        instruments.define(Codecs.INSTRUMENT_ID, StageFixtures.PRICE_SCALE, StageFixtures.QTY_SCALE);
        order.type = EventType.TRADE;
        order.instrumentId = Codecs.INSTRUMENT_ID;
        order.timeNs = Codecs.START_NS;
        // The answers carry real SBE bytes: a fill is recorded in the output digest as received.
        final UnsafeBuffer acceptedBytes = new UnsafeBuffer(new byte[128]);
        new OrderAcceptedEncoder().wrapAndApplyHeader(acceptedBytes, 0, new MessageHeaderEncoder())
            .timeNs(Codecs.START_NS)
            .instrumentId(Codecs.INSTRUMENT_ID);
        accepted.set(Codecs.START_NS, Sources.VENUE, EntryHeader.FORMAT_SBE, acceptedBytes, 0,
            MessageHeaderEncoder.ENCODED_LENGTH + OrderAcceptedEncoder.BLOCK_LENGTH);
        accepted.type = EventType.ORDER_ACCEPTED;
        accepted.instrumentId = Codecs.INSTRUMENT_ID;
        filled.set(Codecs.START_NS, Sources.VENUE, EntryHeader.FORMAT_SBE, Codecs.orderFilled(), 0,
            MessageHeaderEncoder.ENCODED_LENGTH + OrderFilledEncoder.BLOCK_LENGTH);
        filled.type = EventType.ORDER_FILLED;
        filled.instrumentId = Codecs.INSTRUMENT_ID;
        filled.qty = StageFixtures.ORDER_QTY;
        filled.leavesQty = 0;
        filled.commission = 1_000L;
    }

    @Benchmark
    public long sendAcceptFill()
    {
        final int side = portfolio.position[Codecs.INSTRUMENT_ID] > 0 ? Sides.SELL : Sides.BUY;
        final long price = StageFixtures.wavePrice((int)(order.sequence % StageFixtures.WAVE_PERIOD));
        order.sequence++;
        order.timeNs++;
        order.intentSide = side;
        order.intentQty = StageFixtures.ORDER_QTY;
        order.intentPrice = price;
        execution.onEvent(order);

        final long clientOrderId = ClientOrderIds.of(StageFixtures.ENGINE_ID, order.sequence);
        accepted.clientOrderId = clientOrderId;
        execution.onEvent(accepted);

        filled.clientOrderId = clientOrderId;
        filled.side = side;
        filled.price = price;
        execution.onEvent(filled);
        return portfolio.cash;
    }
}
