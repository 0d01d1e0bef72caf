package io.qts.engine;

import io.qts.engine.pipeline.DecodedInput;
import io.qts.engine.pipeline.OrderConsumer;
import io.qts.engine.pipeline.QueuedOrders;
import io.qts.journal.EntryHeader;
import io.qts.journal.Sources;
import io.qts.journal.sbe.MessageHeaderDecoder;
import io.qts.journal.sbe.OrderCommandDecoder;
import io.qts.journal.sbe.OrderFilledDecoder;
import io.qts.journal.sbe.OrderRejectedDecoder;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A venue's account of an order asked for at reconciliation ({@link DecodedInput#orderStatus}): the engine books what the
 * venue executed beyond the fills it already booked, once. A comma-separated test format stands in for the venue's
 * JSON: "T,price,qty,tradeId" (trade), "F,cid,price,qty,leaves,fee" (a buy fill from the private stream),
 * "E,cid,price,qty,leaves,fee,tradeId,executedQty" (the same with the venue's trade id and cumulative executed quantity) and
 * "S,cid,executedQty,executedFunds,paidFee,OPEN|ENDED|NOT_FOUND" (a buy's status). KRW-BTC at price scale 0, qty scale 8.
 */
class OrderStatusTest
{
    private static final long BTC = 100_000_000L;
    /** One KRW as money at 10^-8. */
    private static final long KRW = 100_000_000L;
    private static final long CASH = 1_000_000 * KRW;

    private final List<String> outputs = new ArrayList<>();
    private final QueuedOrders orders = new QueuedOrders();
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[256]);
    private final InlineEngine engine = new InlineEngine(new EngineContext()
        .symbol("KRW-BTC")
        .strategy("sma-cross", Map.of("fast", "2", "slow", "3"))
        .orderQty(BTC)
        .initialCash(CASH)
        .inputDecoder(EntryHeader.FORMAT_JSON, OrderStatusTest::decode)
        .conclude(), null, orders, this::onOutput);
    private long time;

    OrderStatusTest()
    {
        new TestEvents(engine).instrument("KRW-BTC", 0, 8);
    }

    private static void decode(final int sourceId, final DirectBuffer payload, final int length, final DecodedInput out)
    {
        final String[] f = payload.getStringWithoutLengthAscii(0, length).split(",");
        switch (f[0])
        {
            case "T" -> out.trade(TestEvents.INSTRUMENT, Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]), 0);
            case "F" -> out.filled(Long.parseLong(f[1]), TestEvents.INSTRUMENT, DecodedInput.BUY, Long.parseLong(f[2]),
                Long.parseLong(f[3]), Long.parseLong(f[4]), Long.parseLong(f[5]));
            case "E" -> out.filled(Long.parseLong(f[1]), TestEvents.INSTRUMENT, DecodedInput.BUY, Long.parseLong(f[2]),
                Long.parseLong(f[3]), Long.parseLong(f[4]), Long.parseLong(f[5]), Long.parseLong(f[6]), Long.parseLong(f[7]));
            case "S" -> out.orderStatus(Long.parseLong(f[1]), TestEvents.INSTRUMENT, DecodedInput.BUY, Long.parseLong(f[2]),
                Long.parseLong(f[3]), Long.parseLong(f[4]), switch (f[5])
                {
                    case "OPEN" -> DecodedInput.VENUE_ORDER_OPEN;
                    case "ENDED" -> DecodedInput.VENUE_ORDER_ENDED;
                    default -> DecodedInput.VENUE_ORDER_NOT_FOUND;
                });
            default -> out.malformed();
        }
    }

    private void onOutput(final DirectBuffer b, final int o, final int l)
    {
        final MessageHeaderDecoder h = new MessageHeaderDecoder().wrap(b, o);
        if (h.templateId() == OrderFilledDecoder.TEMPLATE_ID)
        {
            final OrderFilledDecoder d = new OrderFilledDecoder().wrapAndApplyHeader(b, o, h);
            outputs.add("fill " + d.side() + " " + d.qty() + "@" + d.price() + " fee " + d.commission() + " leaves " + d.leavesQty());
        }
        else if (h.templateId() == OrderRejectedDecoder.TEMPLATE_ID)
        {
            outputs.add("rejected " + new OrderRejectedDecoder().wrapAndApplyHeader(b, o, h).reason());
        }
    }

    private void send(final int sourceId, final String text)
    {
        final int length = buffer.putStringWithoutLengthAscii(0, text);
        engine.accept(++time, sourceId, EntryHeader.FORMAT_JSON, buffer, 0, length);
    }

    /** Falling, then rising prices until the strategy buys 1 BTC; returns the order's client id. */
    private long tradeUntilBuy()
    {
        final long[] cid = {-1};
        for (int i = 0; i < 20 && cid[0] < 0; i++)
        {
            send(Sources.MARKET_DATA, "T," + (i < 5 ? 1000 - i : 1000 + i * 10) + ",5," + (100 + time));
            orders.drainAfterIdle((b, o, l) ->
                cid[0] = new OrderCommandDecoder().wrapAndApplyHeader(b, o, new MessageHeaderDecoder().wrap(b, o)).clientOrderId());
        }
        assertTrue(cid[0] >= 0, "the strategy must buy on the rise");
        outputs.clear();
        return cid[0];
    }

    /**
     * Risk sees an entry booked from a status as it sees a stream fill: the ATR stop (initial, 1 x ATR over 2 bars) is
     * armed at the entry's price and exits at the same bar whichever way the 1 BTC at 4,100 KRW was booked. Closes keep
     * rising, so sma-cross never sells: only the stop exits.
     */
    @Test
    void anEntryBookedFromAStatusArmsTheStopAsAStreamFillDoes()
    {
        assertEquals(List.of("BUY day 4", "SELL day 6"), ordersAroundAStop("F,%d,4100," + BTC + ",0,0"));
        assertEquals(List.of("BUY day 4", "SELL day 6"), ordersAroundAStop("S,%d," + BTC + "," + 4100 * KRW + ",0,ENDED"));
    }

    /**
     * A status is the venue's answer for the order, counted by the circuit breaker: one saying the venue never had the
     * order is a failure (one failure opens the breaker here), as the reject it becomes is.
     */
    @Test
    void aStatusIsAnAnswerForTheCircuitBreakerAndNotFoundIsAFailure()
    {
        final QueuedOrders sent = new QueuedOrders();
        final InlineEngine guarded = new InlineEngine(new EngineContext()
            .symbol("KRW-BTC")
            .strategy("sma-cross", Map.of("fast", "2", "slow", "3"))
            .orderQty(BTC)
            .initialCash(CASH)
            .breakerFailures(1)
            .inputDecoder(EntryHeader.FORMAT_JSON, OrderStatusTest::decode)
            .conclude(), null, sent, (b, o, l) -> { });
        new TestEvents(guarded).instrument("KRW-BTC", 0, 8);
        final UnsafeBuffer text = new UnsafeBuffer(new byte[128]);
        final long[] cid = {-1};
        long at = 0;
        for (int i = 0; i < 20 && cid[0] < 0; i++)
        {
            final int length = text.putStringWithoutLengthAscii(0, "T," + (i < 5 ? 1000 - i : 1000 + i * 10) + ",5," + (100 + i));
            guarded.accept(++at, Sources.MARKET_DATA, EntryHeader.FORMAT_JSON, text, 0, length);
            sent.drainAfterIdle((b, o, l) ->
                cid[0] = new OrderCommandDecoder().wrapAndApplyHeader(b, o, new MessageHeaderDecoder().wrap(b, o)).clientOrderId());
        }
        final int length = text.putStringWithoutLengthAscii(0, "S," + cid[0] + ",0,0,0,NOT_FOUND");
        guarded.accept(++at, Sources.VENUE, EntryHeader.FORMAT_JSON, text, 0, length);
        assertEquals(1, guarded.figures().breakerTrips());
        assertEquals(EngineFigures.BREAKER_OPEN, guarded.figures().breakerState());
    }

    private static List<String> ordersAroundAStop(final String booking)
    {
        final QueuedOrders sent = new QueuedOrders();
        final InlineEngine stopped = new InlineEngine(new EngineContext()
            .symbol("KRW-BTC")
            .strategy("sma-cross", Map.of("fast", "2", "slow", "3"))
            .orderQty(BTC)
            .initialCash(CASH)
            .atrBars(2)
            .stop("initial")
            .stopAtrMultiple(100_000_000L)
            .inputDecoder(EntryHeader.FORMAT_JSON, OrderStatusTest::decode)
            .conclude(), null, sent, (b, o, l) -> { });
        final TestEvents events = new TestEvents(stopped);
        events.instrument("KRW-BTC", 0, 8);
        final List<String> orders = new ArrayList<>();
        final long[] cid = {-1};
        final long[] day = {0};
        final OrderConsumer record = (b, o, l) ->
        {
            final OrderCommandDecoder command = new OrderCommandDecoder().wrapAndApplyHeader(b, o, new MessageHeaderDecoder().wrap(b, o));
            cid[0] = command.clientOrderId();
            orders.add(command.side() + " day " + day[0]);
        };
        events.barsUpToTheUpCross();
        day[0] = 4;
        sent.drainAfterIdle(record);
        final UnsafeBuffer text = new UnsafeBuffer(new byte[128]);
        final int length = text.putStringWithoutLengthAscii(0, String.format(booking, cid[0]));
        stopped.accept(5 * TestEvents.DAY_NS - 1, Sources.VENUE, EntryHeader.FORMAT_JSON, text, 0, length);
        events.bar(5, 4100, 4200, 4000, 4200);
        day[0] = 5;
        sent.drainAfterIdle(record);
        events.bar(6, 4200, 4300, 1, 4250);
        day[0] = 6;
        sent.drainAfterIdle(record);
        return orders;
    }

    @Test
    void aFillTheStatusAlreadyBookedIsDroppedWhenThePrivateStreamReportsItLater()
    {
        final long cid = tradeUntilBuy();
        // Reconciliation: the venue executed 0.4 BTC for 400.4 KRW and 0.2 KRW of fee, and still works the order.
        send(Sources.VENUE, "S," + cid + "," + 40_000_000 + "," + (4004 * KRW / 10) + "," + 20 * KRW / 100 + ",OPEN");
        // The private stream, reconnected, reports that same trade (cumulative 0.4 BTC): booked already, dropped.
        send(Sources.VENUE, "E," + cid + ",1001," + 40_000_000 + "," + 60_000_000 + "," + 20 * KRW / 100 + ",7," + 40_000_000);
        // Then the rest: 0.6 BTC at 1000, cumulative 1 BTC, the order done.
        send(Sources.VENUE, "E," + cid + ",1000," + 60_000_000 + ",0," + 30 * KRW / 100 + ",8," + BTC);

        final EngineResult result = engine.result();
        assertEquals(List.of(
            "fill BUY 40000000@1001 fee 20000000 leaves " + DecodedInput.LEAVES_UNKNOWN,
            "fill BUY 60000000@1000 fee 30000000 leaves 0"), outputs);
        assertEquals(BTC, result.position());
        assertEquals(CASH - 10004 * KRW / 10 - 50 * KRW / 100, result.finalCash(), "1000.4 KRW of funds and 0.5 KRW of fees, once");
        assertEquals(1, result.duplicateFillsDropped());
        assertEquals(0, result.ordersInFlight().length);
    }

    @Test
    void aStatusBooksOnlyWhatTheVenueExecutedBeyondTheFillsAlreadyBookedAndARepeatBooksNothing()
    {
        final long cid = tradeUntilBuy();
        // 0.6 BTC at 1000 came over the private stream; 0.4 BTC at 1001 was made while the engine was down.
        send(Sources.VENUE, "F," + cid + ",1000," + 60_000_000 + "," + DecodedInput.LEAVES_UNKNOWN + "," + 30 * KRW / 100);
        send(Sources.VENUE, "S," + cid + "," + BTC + "," + (10004 * KRW / 10) + "," + 50 * KRW / 100 + ",ENDED");
        send(Sources.VENUE, "S," + cid + "," + BTC + "," + (10004 * KRW / 10) + "," + 50 * KRW / 100 + ",ENDED");

        final EngineResult result = engine.result();
        assertEquals(List.of(
            "fill BUY 60000000@1000 fee 30000000 leaves " + DecodedInput.LEAVES_UNKNOWN,
            "fill BUY 40000000@1001 fee 20000000 leaves 0"), outputs);
        assertEquals(BTC, result.position());
        assertEquals(CASH - 10004 * KRW / 10 - 50 * KRW / 100, result.finalCash(), "1000.4 KRW of funds and 0.5 KRW of fees");
        assertEquals(2, result.fills());
        assertEquals(1, result.fillsRecovered());
        assertEquals(0, result.ordersInFlight().length, "the venue ended the order");
        assertEquals(1, result.unknownOrderEvents(), "the repeated status finds the order ended and books nothing");
    }

    @Test
    void anOrderTheVenueStillWorksStaysInFlightWithWhatItExecutedBooked()
    {
        final long cid = tradeUntilBuy();
        send(Sources.VENUE, "S," + cid + ",0,0,0,OPEN");
        assertEquals(List.of(), outputs);
        send(Sources.VENUE, "S," + cid + "," + 25_000_000 + "," + 250 * KRW + "," + 0 + ",OPEN");
        assertEquals(List.of("fill BUY 25000000@1000 fee 0 leaves " + DecodedInput.LEAVES_UNKNOWN), outputs);
        final EngineResult result = engine.result();
        assertEquals(1, result.ordersInFlight().length);
        assertEquals(25_000_000, result.position());
        assertEquals(CASH - 250 * KRW, result.finalCash());
    }

    @Test
    void anOrderTheVenueCancelledUnfilledEndsWithNothingBooked()
    {
        final long cid = tradeUntilBuy();
        send(Sources.VENUE, "S," + cid + ",0,0,0,ENDED");
        final EngineResult result = engine.result();
        assertEquals(List.of(), outputs);
        assertEquals(0, result.ordersInFlight().length);
        assertEquals(0, result.fills());
        assertEquals(0, result.position());
        assertEquals(CASH, result.finalCash());
        assertNotEquals(cid, tradeUntilBuy(), "flat again: the next rise buys with a new order");
    }

    @Test
    void anOrderTheVenueNeverReceivedEndsRejectedAndTheStrategyMayDecideAgain()
    {
        final long cid = tradeUntilBuy();
        send(Sources.VENUE, "S," + cid + ",0,0,0,NOT_FOUND");
        final EngineResult result = engine.result();
        assertEquals(List.of("rejected UNKNOWN_ORDER"), outputs);
        assertEquals(1, result.ordersNeverArrived());
        assertEquals(0, result.ordersInFlight().length);
        assertEquals(0, result.position());
        assertEquals(CASH, result.finalCash());
        assertNotEquals(cid, tradeUntilBuy(), "flat again: the next rise buys with a new order");
    }
}
