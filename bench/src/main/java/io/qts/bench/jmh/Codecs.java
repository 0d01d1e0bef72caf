package io.qts.bench.jmh;

import io.qts.journal.sbe.Aggressor;
import io.qts.journal.sbe.BarEncoder;
import io.qts.journal.sbe.MessageHeaderEncoder;
import io.qts.journal.sbe.OrderAction;
import io.qts.journal.sbe.OrderCommandEncoder;
import io.qts.journal.sbe.OrderFilledEncoder;
import io.qts.journal.sbe.OrderType;
import io.qts.journal.sbe.Side;
import io.qts.journal.sbe.TradeTickEncoder;
import org.agrona.concurrent.UnsafeBuffer;

/** Field values the codec benchmarks share, and messages encoded once for the decode benchmarks. */
public final class Codecs
{
    /** 2026-01-01T00:00:00Z. */
    public static final long START_NS = 1_767_225_600_000_000_000L;
    public static final int INSTRUMENT_ID = 1;
    public static final long QTY = 100_000_000L;
    public static final long BAR_NS = 60_000_000_000L;

    private Codecs()
    {
    }

    /** A price that changes with {@code i} and stays in a realistic range (1000.00 to 1010.23 at scale 2). */
    public static long price(final long i)
    {
        return 100_000L + (i & 1023);
    }

    public static UnsafeBuffer tradeTick()
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[128]);
        new TradeTickEncoder().wrapAndApplyHeader(buffer, 0, new MessageHeaderEncoder())
            .timeNs(START_NS)
            .instrumentId(INSTRUMENT_ID)
            .aggressor(Aggressor.BUY)
            .price(price(7))
            .qty(QTY)
            .tradeId(7);
        return buffer;
    }

    public static UnsafeBuffer bar()
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[128]);
        new BarEncoder().wrapAndApplyHeader(buffer, 0, new MessageHeaderEncoder())
            .timeNs(START_NS)
            .instrumentId(INSTRUMENT_ID)
            .durationNs(BAR_NS)
            .openPrice(price(1))
            .highPrice(price(9))
            .lowPrice(price(0))
            .closePrice(price(5))
            .volume(QTY);
        return buffer;
    }

    public static UnsafeBuffer orderCommand()
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[128]);
        new OrderCommandEncoder().wrapAndApplyHeader(buffer, 0, new MessageHeaderEncoder())
            .timeNs(START_NS)
            .clientOrderId(1L << 48 | 42)
            .instrumentId(INSTRUMENT_ID)
            .action(OrderAction.NEW)
            .side(Side.BUY)
            .orderType(OrderType.MARKET)
            .price(price(3))
            .qty(QTY);
        return buffer;
    }

    public static UnsafeBuffer orderFilled()
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[128]);
        new OrderFilledEncoder().wrapAndApplyHeader(buffer, 0, new MessageHeaderEncoder())
            .timeNs(START_NS)
            .clientOrderId(1L << 48 | 42)
            .instrumentId(INSTRUMENT_ID)
            .side(Side.BUY)
            .price(price(4))
            .qty(QTY)
            .leavesQty(0)
            .commission(50_000L);
        return buffer;
    }
}
