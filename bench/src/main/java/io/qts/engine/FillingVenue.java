package io.qts.engine;

import io.qts.journal.EntryHeader;
import io.qts.journal.Sources;
import io.qts.journal.sbe.MessageHeaderDecoder;
import io.qts.journal.sbe.MessageHeaderEncoder;
import io.qts.journal.sbe.OrderAcceptedEncoder;
import io.qts.journal.sbe.OrderCommandDecoder;
import io.qts.journal.sbe.OrderFilledEncoder;
import io.qts.journal.sbe.Side;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Answers orders as {@link SimulatedVenue} does (accepted at once, filled in full at the next trade's
 * price, commission on the notional) for one instrument, but keeps no set of every order id it has
 * seen: that set grows with each order and would put the venue's allocation into the chain's
 * gc.alloc.rate.norm. The engine's orders are unique by construction, so nothing is lost here.
 */
final class FillingVenue implements OrderConsumer
{
    private static final int CAPACITY = 64;

    private final InputSink engine;
    private final int priceScale;
    private final int qtyScale;
    private final long commissionRate;
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final OrderCommandDecoder command = new OrderCommandDecoder();
    private final MessageHeaderEncoder headerOut = new MessageHeaderEncoder();
    private final OrderAcceptedEncoder accepted = new OrderAcceptedEncoder();
    private final OrderFilledEncoder filled = new OrderFilledEncoder();
    private final UnsafeBuffer out = new UnsafeBuffer(new byte[128]);
    private final long[] pendingId = new long[CAPACITY];
    private final int[] pendingInstrument = new int[CAPACITY];
    private final Side[] pendingSide = new Side[CAPACITY];
    private final long[] pendingQty = new long[CAPACITY];
    private int pendingCount;
    private long nextVenueOrderId = 1;

    FillingVenue(final InputSink engine, final int priceScale, final int qtyScale, final long commissionRate)
    {
        this.engine = engine;
        this.priceScale = priceScale;
        this.qtyScale = qtyScale;
        this.commissionRate = commissionRate;
    }

    @Override
    public void onOrder(final DirectBuffer buffer, final int offset, final int length)
    {
        header.wrap(buffer, offset);
        command.wrapAndApplyHeader(buffer, offset, header);
        if (pendingCount == CAPACITY)
        {
            throw new IllegalStateException("more than " + CAPACITY + " orders in flight");
        }
        final long timeNs = command.timeNs();
        pendingId[pendingCount] = command.clientOrderId();
        pendingInstrument[pendingCount] = command.instrumentId();
        pendingSide[pendingCount] = command.side();
        pendingQty[pendingCount] = command.qty();
        accepted.wrapAndApplyHeader(out, 0, headerOut)
            .timeNs(timeNs)
            .clientOrderId(pendingId[pendingCount])
            .venueOrderId(nextVenueOrderId++)
            .instrumentId(pendingInstrument[pendingCount]);
        pendingCount++;
        engine.accept(timeNs, Sources.VENUE, EntryHeader.FORMAT_SBE, out, 0,
            MessageHeaderEncoder.ENCODED_LENGTH + accepted.encodedLength());
    }

    /** Fills every pending order at a trade's price, before the engine sees that trade. */
    void onTrade(final long timeNs, final long price)
    {
        for (int i = 0; i < pendingCount; i++)
        {
            final long notional = FixedPoint.notional(pendingQty[i], qtyScale, price, priceScale);
            filled.wrapAndApplyHeader(out, 0, headerOut)
                .timeNs(timeNs)
                .clientOrderId(pendingId[i])
                .instrumentId(pendingInstrument[i])
                .side(pendingSide[i])
                .price(price)
                .qty(pendingQty[i])
                .leavesQty(0)
                .commission(FixedPoint.commission(notional, commissionRate));
            engine.accept(timeNs, Sources.VENUE, EntryHeader.FORMAT_SBE, out, 0,
                MessageHeaderEncoder.ENCODED_LENGTH + filled.encodedLength());
        }
        pendingCount = 0;
    }
}
