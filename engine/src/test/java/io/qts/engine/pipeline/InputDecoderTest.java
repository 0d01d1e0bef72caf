package io.qts.engine.pipeline;

import io.qts.engine.EngineContext;
import io.qts.engine.EngineResult;
import io.qts.engine.InlineEngine;
import io.qts.engine.OutputListener;
import io.qts.engine.TestEvents;
import io.qts.journal.EntryHeader;
import io.qts.journal.Sources;
import io.qts.journal.sbe.MessageHeaderDecoder;
import io.qts.journal.sbe.OrderCommandDecoder;
import io.qts.journal.sbe.OrderFilledDecoder;
import io.qts.journal.sbe.OrderRejectedDecoder;
import io.qts.journal.sbe.RejectReason;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The decoder SPI: a non-SBE payload reaches the registered decoder, whose report fills the slot. A tiny
 * comma-separated test format stands in for venue JSON: "T,SYMBOL,price,qty,tradeId", "F,cid,price,qty,leaves",
 * "S,1|0" (feed stale), "P,1|0" (private order stream down), "B,untilNs" (venue blocked), "R,cid", "D,cid", "X" (unreadable).
 */
class InputDecoderTest
{
    private static final InputDecoder CSV = InputDecoderTest::decode;

    private final List<String> outputs = new ArrayList<>();
    private final List<RejectReason> rejectReasons = new ArrayList<>();
    private final QueuedOrders orders = new QueuedOrders();
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[256]);

    private static void decode(final int sourceId, final DirectBuffer payload, final int length, final DecodedInput out)
    {
        final String[] f = payload.getStringWithoutLengthAscii(0, length).split(",");
        switch (f[0])
        {
            case "T":
            {
                final byte[] symbol = f[1].getBytes(StandardCharsets.US_ASCII);
                final int id = out.instrumentId(new UnsafeBuffer(symbol), 0, symbol.length);
                if (id < 0)
                {
                    out.malformed();
                    return;
                }
                out.trade(id, Long.parseLong(f[2]), Long.parseLong(f[3]), Long.parseLong(f[4]), 7);
                return;
            }
            case "F":
                out.filled(Long.parseLong(f[1]), TestEvents.INSTRUMENT, f[5].equals("B") ? DecodedInput.BUY : DecodedInput.SELL,
                    Long.parseLong(f[2]), Long.parseLong(f[3]), Long.parseLong(f[4]), 0);
                return;
            case "S":
                out.feedStale(f[1].equals("1"));
                return;
            case "P":
                out.orderStreamDown(f[1].equals("1"));
                return;
            case "B":
                out.venueBlocked(Long.parseLong(f[1]));
                return;
            case "R":
                out.rejected(Long.parseLong(f[1]), TestEvents.INSTRUMENT, RejectReason.VENUE_REJECTED);
                return;
            case "D":
                out.done(Long.parseLong(f[1]), TestEvents.INSTRUMENT);
                return;
            case "I":
                out.ignored();
                return;
            case "N":
                return;
            default:
                out.malformed();
        }
    }

    private EngineContext context(final int breakerFailures)
    {
        return new EngineContext()
            .symbol("KRW-BTC")
            .strategy("sma-cross", Map.of("fast", "2", "slow", "3"))
            .orderQty(100_000_000L)
            .initialCash(1_000_000_000L * 100_000_000L)
            .breakerFailures(breakerFailures)
            .breakerCoolDownMs(1_000)
            .inputDecoder(EntryHeader.FORMAT_JSON, CSV)
            .conclude();
    }

    private InlineEngine engine(final int breakerFailures)
    {
        final InlineEngine engine = new InlineEngine(context(breakerFailures), null, orders, (b, o, l) ->
        {
            final MessageHeaderDecoder h = new MessageHeaderDecoder().wrap(b, o);
            if (h.templateId() == OrderFilledDecoder.TEMPLATE_ID)
            {
                final OrderFilledDecoder d = new OrderFilledDecoder().wrapAndApplyHeader(b, o, h);
                outputs.add("fill " + d.side() + " " + d.qty() + "@" + d.price() + " leaves " + d.leavesQty());
            }
            else
            {
                outputs.add("template " + h.templateId());
            }
            if (h.templateId() == OrderRejectedDecoder.TEMPLATE_ID)
            {
                rejectReasons.add(new OrderRejectedDecoder().wrapAndApplyHeader(b, o, h).reason());
            }
        });
        new TestEvents(engine).instrument("KRW-BTC", 0, 8);
        return engine;
    }

    private void send(final InlineEngine engine, final long timeNs, final int sourceId, final String text)
    {
        final int length = buffer.putStringWithoutLengthAscii(0, text);
        engine.accept(timeNs, sourceId, EntryHeader.FORMAT_JSON, buffer, 0, length);
    }

    /** Rising prices until the strategy buys; returns the order's client id. */
    private long tradeUntilBuy(final InlineEngine engine, final long[] time)
    {
        final long[] cid = {-1};
        for (int i = 0; i < 20 && cid[0] < 0; i++)
        {
            send(engine, ++time[0], Sources.MARKET_DATA, "T,KRW-BTC," + (i < 5 ? 1000 - i : 1000 + i * 10) + ",5," + (100 + time[0]));
            orders.drainAfterIdle((b, o, l) ->
                cid[0] = new OrderCommandDecoder().wrapAndApplyHeader(b, o, new MessageHeaderDecoder().wrap(b, o)).clientOrderId());
        }
        assertTrue(cid[0] >= 0, "the strategy must buy on the rise");
        return cid[0];
    }

    @Test
    void tradesDecodeFromJsonAndADuplicateTradeIdIsDroppedAndCounted()
    {
        final InlineEngine engine = engine(0);
        send(engine, 1, Sources.MARKET_DATA, "T,KRW-BTC,1000,5,42");
        send(engine, 2, Sources.MARKET_DATA, "T,KRW-BTC,1000,5,42");
        send(engine, 3, Sources.MARKET_DATA, "T,KRW-BTC,1001,5,43");
        send(engine, 4, Sources.MARKET_DATA, "T,KRW-ETH,1001,5,44");
        send(engine, 5, Sources.MARKET_DATA, "X");
        send(engine, 6, Sources.MARKET_DATA, "N");
        send(engine, 7, Sources.MARKET_DATA, "I");
        send(engine, 8, Sources.MARKET_DATA, "T,KRW-BTC,1001,0,45");
        final EngineResult result = engine.result();
        assertEquals(1, result.duplicateTradesDropped());
        assertEquals(4, result.malformed(), "unknown symbol, unreadable, silent decoder, zero quantity");
        assertEquals(9, result.events());
    }

    @Test
    void withoutADecoderJsonIsMalformed()
    {
        final InlineEngine engine = new InlineEngine(new EngineContext().symbol("KRW-BTC").strategy("sma-cross", Map.of("fast", "2", "slow", "3"))
            .orderQty(1).conclude(), null, orders, OutputListener.NONE);
        send(engine, 1, Sources.MARKET_DATA, "T,KRW-BTC,1000,5,42");
        assertEquals(1, engine.result().malformed());
    }

    @Test
    void aStaleFeedStopsEntriesUntilItIsFreshAgain()
    {
        final InlineEngine engine = engine(0);
        final long[] time = {0};
        send(engine, ++time[0], Sources.MARKET_DATA, "S,1");
        for (int i = 0; i < 20; i++)
        {
            send(engine, ++time[0], Sources.MARKET_DATA, "T,KRW-BTC," + (i < 5 ? 1000 - i : 1000 + i * 10) + ",5," + time[0]);
        }
        final EngineResult stale = engine.result();
        assertEquals(0, stale.orders());
        assertTrue(stale.rejectedOrders() > 0, "the strategy wanted to buy and risk refused");
        assertEquals(1, stale.feedStale());
        send(engine, ++time[0], Sources.MARKET_DATA, "S,0");
        tradeUntilBuy(engine, time);
    }

    /** Blind to fills: no entry while the private order stream is down; an exit still goes. */
    @Test
    void noEntryWhileThePrivateOrderStreamIsDownButAnExitStillGoes()
    {
        final InlineEngine engine = engine(0);
        final long[] time = {0};
        send(engine, ++time[0], Sources.VENUE, "P,1");
        for (int i = 0; i < 20; i++)
        {
            send(engine, ++time[0], Sources.MARKET_DATA, "T,KRW-BTC," + (i < 5 ? 1000 - i : 1000 + i * 10) + ",5," + time[0]);
        }
        assertEquals(0, engine.result().orders());
        assertTrue(engine.result().rejectedOrders() > 0, "the strategy wanted to buy and risk refused");
        assertTrue(!rejectReasons.isEmpty() && rejectReasons.stream().allMatch((r) -> r == RejectReason.ORDER_STREAM_DOWN),
            rejectReasons.toString());
        send(engine, ++time[0], Sources.VENUE, "P,0");
        final long cid = tradeUntilBuy(engine, time);
        assertArrayEquals(new long[] {cid}, engine.result().ordersInFlight(), "sent, not answered yet");
        send(engine, ++time[0], Sources.VENUE, "F," + cid + ",1000,100000000,0,B");
        assertArrayEquals(new long[0], engine.result().ordersInFlight(), "filled in full: ended");
        send(engine, ++time[0], Sources.VENUE, "P,1");
        final long ordersBefore = engine.result().orders();
        for (int i = 0; i < 20 && engine.result().orders() == ordersBefore; i++)
        {
            send(engine, ++time[0], Sources.MARKET_DATA, "T,KRW-BTC," + (900 - i * 10) + ",5," + time[0]);
        }
        assertEquals(ordersBefore + 1, engine.result().orders(), "the down-cross's exit went out while the stream was down");
    }

    @Test
    void jsonFillsAreRecordedAsSbeAndAnUnknownLeavesOrderEndsOnDone()
    {
        final InlineEngine engine = engine(0);
        final long[] time = {0};
        final long cid = tradeUntilBuy(engine, time);
        outputs.clear();
        send(engine, ++time[0], Sources.VENUE, "F," + cid + ",1000,60000000," + DecodedInput.LEAVES_UNKNOWN + ",B");
        send(engine, ++time[0], Sources.VENUE, "F," + cid + ",1001,40000000," + DecodedInput.LEAVES_UNKNOWN + ",B");
        send(engine, ++time[0], Sources.VENUE, "D," + cid);
        send(engine, ++time[0], Sources.VENUE, "D," + cid);
        final EngineResult result = engine.result();
        assertEquals(2, result.fills());
        assertEquals(100_000_000L, result.position());
        assertEquals(0, result.unknownOrderEvents(), "a done after the order ended is not an unknown order");
        assertEquals("fill BUY 60000000@1000 leaves " + DecodedInput.LEAVES_UNKNOWN, outputs.get(0));
    }

    @Test
    void aVenueBlockOpensTheBreakerAtOnceAndAJsonRejectIsRecorded()
    {
        final InlineEngine engine = engine(5);
        final long[] time = {0};
        final long cid = tradeUntilBuy(engine, time);
        outputs.clear();
        send(engine, ++time[0], Sources.VENUE, "R," + cid);
        send(engine, ++time[0], Sources.VENUE, "B," + (time[0] + 10_000_000_000L));
        final EngineResult result = engine.result();
        assertEquals(1, result.venueRejects());
        assertTrue(outputs.contains("template 7"), "the reject as an SBE OrderRejected: " + outputs);
        assertTrue(outputs.contains("template 12"), "the breaker opened: " + outputs);
    }
}
