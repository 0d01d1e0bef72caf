package io.qts.adapters.upbit;

import io.qts.engine.EngineContext;
import io.qts.engine.EngineResult;
import io.qts.engine.InlineEngine;
import io.qts.engine.OutputListener;
import io.qts.engine.pipeline.QueuedOrders;
import io.qts.journal.EntryHeader;
import io.qts.journal.Sources;
import io.qts.journal.sbe.MessageHeaderDecoder;
import io.qts.journal.sbe.OrderCommandDecoder;
import io.qts.journal.sbe.Side;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Venue answers about our own orders, as Upbit sends them, through the real decoder and engine: every fill is booked
 * exactly once, whatever the order of the two channels (REST answers, the private myOrder stream), repeats after a
 * reconnect, an order the gateway gave up on, or an end that overtakes the last trade.
 */
class UpbitFillBookingTest
{
    private static final VenueIdentifiers IDS = VenueIdentifiers.of(UpbitDecoderTest.NONCE);
    /** KRW-BTC at price scale 0 and qty scale 8: a notional in money (10^-8 KRW) is exactly qty x price. */
    private static final long KRW = 100_000_000L;
    private static final long INITIAL_CASH = 10_000_000 * KRW;
    /** Prices that make sma-cross 2/3 buy on the last one. */
    private static final long[] UP_CROSS = {96_200_000, 96_150_000, 96_100_000, 96_050_000, 96_123_000, 96_300_000};

    private final QueuedOrders orders = new QueuedOrders();
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final OrderCommandDecoder command = new OrderCommandDecoder();
    private InlineEngine engine;
    private SerializedInput input;
    private long tradeSequence = 1_700_000_000_000_000L;

    @BeforeEach
    void engine()
    {
        final EngineContext context = new EngineContext()
            .symbol("KRW-BTC")
            .strategy("sma-cross", Map.of("fast", "2", "slow", "3"))
            .orderQty(1_000_000L)
            .initialCash(INITIAL_CASH)
            .commissionRate(0)
            .inputDecoder(EntryHeader.FORMAT_JSON, new UpbitDecoder(IDS))
            .conclude();
        engine = new InlineEngine(context, null, orders, OutputListener.NONE);
        final long[] clock = {1_700_000_000_000_000_000L};
        input = new SerializedInput(engine, () -> clock[0] += 1_000_000L);
        UpbitInstruments.define(List.of(new UpbitOrderGateway.Market("KRW-BTC", 1, 0, 8)), input);
    }

    @AfterEach
    void close()
    {
        engine.close();
    }

    private void publish(final int sourceId, final String json)
    {
        final byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        input.publish(sourceId, EntryHeader.FORMAT_JSON, new UnsafeBuffer(bytes), 0, bytes.length);
    }

    private void trade(final long price)
    {
        publish(Sources.MARKET_DATA, "{\"type\":\"trade\",\"code\":\"KRW-BTC\",\"trade_price\":" + price +
            ",\"trade_volume\":0.01,\"ask_bid\":\"BID\",\"sequential_id\":" + tradeSequence++ + "}");
    }

    /** The order the engine sent since the last call: {client order id, side (1 buy, 2 sell), qty}; null if none. */
    private long[] sentOrder()
    {
        final List<long[]> sent = new ArrayList<>();
        orders.drainAfterIdle((buffer, offset, length) ->
        {
            header.wrap(buffer, offset);
            command.wrapAndApplyHeader(buffer, offset, header);
            sent.add(new long[] {command.clientOrderId(), command.side() == Side.BUY ? 1 : 2, command.qty()});
        });
        assertTrue(sent.size() <= 1, "one order at a time");
        return sent.isEmpty() ? null : sent.get(0);
    }

    private long buyOnUpCross()
    {
        for (final long price : UP_CROSS)
        {
            trade(price);
        }
        final long[] order = sentOrder();
        assertTrue(order != null && order[1] == 1, "the up-cross made the engine buy");
        return order[0];
    }

    private static String myOrder(final long clientOrderId, final boolean buy, final String state, final String extra)
    {
        return "{\"type\":\"myOrder\",\"code\":\"KRW-BTC\",\"uuid\":\"u-" + clientOrderId + "\",\"ask_bid\":\"" +
            (buy ? "BID" : "ASK") + "\",\"order_type\":\"" + (buy ? "price" : "market") + "\",\"state\":\"" + state +
            "\",\"identifier\":\"" + IDS.identifier(clientOrderId) + "\"" + extra + ",\"stream_type\":\"REALTIME\"}";
    }

    private static String fill(final long clientOrderId, final boolean buy, final String price, final String volume,
        final String remaining, final String fee, final String tradeUuid, final String executed)
    {
        return myOrder(clientOrderId, buy, "trade", ",\"price\":" + price + ",\"volume\":" + volume + ",\"remaining_volume\":" +
            remaining + ",\"trade_fee\":" + fee + ",\"trade_uuid\":\"" + tradeUuid + "\",\"executed_volume\":" + executed);
    }

    private static String rest(final String op, final long clientOrderId, final int status, final String body)
    {
        return "{\"qts\":\"rest\",\"op\":\"" + op + "\",\"identifier\":\"" + IDS.identifier(clientOrderId) + "\",\"market\":\"KRW-BTC\"," +
            "\"status\":" + status + ",\"body\":" + body + "}";
    }

    @Test
    void aFillOfAnOrderTheGatewayGaveUpOnIsBooked()
    {
        final long id = buyOnUpCross();
        publish(Sources.VENUE, rest("create", id, 0, "null"));
        publish(Sources.VENUE, fill(id, true, "96123000", "0.00999", "null", "480.615", "t-1", "0.00999"));
        publish(Sources.VENUE, myOrder(id, true, "done", ",\"executed_volume\":0.00999"));
        final EngineResult result = engine.result();
        assertEquals(1, result.ordersInDoubt());
        assertEquals(0, result.rejectedOrders(), "in doubt is not rejected");
        assertEquals(1, result.fills());
        assertEquals(999_000, result.position(), "0.00999 BTC, as the venue holds");
        assertEquals(9_039_250_615L * KRW / 1_000, result.finalCash(), "10,000,000 - 0.00999 x 96,123,000 - 480.615 = 9,039,250.615");
        assertEquals(0, result.unknownOrderEvents());
    }

    @Test
    void aPartialFillBeforeTheGiveUpKeepsTheRestBookable()
    {
        final long id = buyOnUpCross();
        publish(Sources.VENUE, fill(id, true, "96123000", "0.004", "null", "192.246", "t-1", "0.004"));
        publish(Sources.VENUE, rest("create", id, 0, "null"));
        publish(Sources.VENUE, fill(id, true, "96123000", "0.00599", "null", "288.369", "t-2", "0.00999"));
        publish(Sources.VENUE, myOrder(id, true, "done", ",\"executed_volume\":0.00999"));
        final EngineResult result = engine.result();
        assertEquals(2, result.fills());
        assertEquals(999_000, result.position());
        assertEquals(9_039_250_615L * KRW / 1_000, result.finalCash());
    }

    @Test
    void aTradeSentAgainIsBookedOnceByItsTradeUuidOrItsCumulativeQuantity()
    {
        final long id = buyOnUpCross();
        final String first = fill(id, true, "96123000", "0.004", "null", "192.246", "t-1", "0.004");
        publish(Sources.VENUE, first);
        publish(Sources.VENUE, first);
        publish(Sources.VENUE, first.replace("t-1", "t-1-other-id"));
        publish(Sources.VENUE, fill(id, true, "96123000", "0.00599", "null", "288.369", "t-2", "0.00999"));
        publish(Sources.VENUE, myOrder(id, true, "done", ",\"executed_volume\":0.00999"));
        final EngineResult result = engine.result();
        assertEquals(2, result.fills());
        assertEquals(2, result.duplicateFillsDropped(), "one by its trade uuid, one by its cumulative quantity");
        assertEquals(999_000, result.position());
        assertEquals(9_039_250_615L * KRW / 1_000, result.finalCash());
    }

    @Test
    void aDoneSeenBeforeTheLastTradeLosesNothing()
    {
        final long id = buyOnUpCross();
        publish(Sources.VENUE, fill(id, true, "96123000", "0.004", "null", "192.246", "t-1", "0.004"));
        publish(Sources.VENUE, myOrder(id, true, "done", ",\"executed_volume\":0.00999"));
        publish(Sources.VENUE, fill(id, true, "96123000", "0.00599", "null", "288.369", "t-2", "0.00999"));
        final EngineResult result = engine.result();
        assertEquals(2, result.fills());
        assertEquals(0, result.unknownOrderEvents(), "the last trade still found its order");
        assertEquals(1, result.ordersInDoubt(), "in doubt while the announced trade was missing");
        assertEquals(999_000, result.position());
        assertEquals(9_039_250_615L * KRW / 1_000, result.finalCash());
    }

    @Test
    void aFillForAnOrderThatIsNotOursIsNotBookedAndDoesNotEndOurs()
    {
        final long id = buyOnUpCross();
        publish(Sources.VENUE, fill(id + 1, true, "96123000", "0.00999", "null", "480.615", "t-9", "0.00999"));
        publish(Sources.VENUE, fill(id, false, "96123000", "0.00999", "0", "480.615", "t-8", "0.00999"));
        assertEquals(2, engine.result().unknownOrderEvents(), "another identifier; our identifier with the other side");
        assertEquals(0, engine.result().fills());
        publish(Sources.VENUE, fill(id, true, "96123000", "0.00999", "null", "480.615", "t-1", "0.00999"));
        publish(Sources.VENUE, myOrder(id, true, "done", ",\"executed_volume\":0.00999"));
        final EngineResult result = engine.result();
        assertEquals(1, result.fills());
        assertEquals(999_000, result.position());
    }

    @Test
    void anOrderThatNeverArrivedEndsAndTheStrategyMayDecideAgain()
    {
        final long id = buyOnUpCross();
        publish(Sources.VENUE, rest("create", id, 0, "null"));
        publish(Sources.VENUE, rest("query", id, 404, "{\"error\":{\"name\":\"order_not_found\",\"message\":\"x\"}}"));
        assertEquals(1, engine.result().rejectedOrders());
        assertEquals(0, engine.result().position());
        for (final long price : new long[] {96_000_000, 95_900_000, 95_800_000, 95_900_000, 96_100_000})
        {
            trade(price);
        }
        final long[] again = sentOrder();
        assertTrue(again != null && again[1] == 1 && again[0] != id, "a new decision, under a new identifier");
    }

    @Test
    void anOrderTheGatewayCouldNotSendForWantOfAMarketEndsAndTheStrategyMayDecideAgain()
    {
        final long id = buyOnUpCross();
        publish(Sources.VENUE, "{\"qts\":\"rest\",\"op\":\"create\",\"identifier\":\"" + IDS.identifier(id) + "\",\"instrument_id\":1," +
            "\"status\":400,\"body\":{\"error\":{\"name\":\"qts_no_market\",\"message\":\"x\"}}}");
        assertEquals(1, engine.result().rejectedOrders());
        for (final long price : new long[] {96_000_000, 95_900_000, 95_800_000, 95_900_000, 96_100_000})
        {
            trade(price);
        }
        assertTrue(sentOrder() != null, "no longer entering: the next up-cross is an order");
    }

    /**
     * Random deliveries of myOrder updates for a run of orders (buys and sells the strategy decides): each order
     * filled in one to four trades, its REST answer and the stream's "wait" anywhere among them, its done or cancel
     * sometimes before its last trade, some orders given up on first (in doubt), trades repeated right away or
     * orders later as after a reconnect, fees with a ninth decimal. The engine's position and cash must equal a
     * plain recomputation from the unique trades (fees rounded half-even to 10^-8).
     */
    @Test
    void positionAndCashEqualTheUniqueTradesWhateverTheDeliveryOrder()
    {
        for (int seed = 1; seed <= 40; seed++)
        {
            close();
            engine();
            tradeSequence = 1_700_000_000_000_000L;
            runRandomSession(new SplittableRandom(seed), seed);
        }
    }

    private void runRandomSession(final SplittableRandom random, final int seed)
    {
        long cash = INITIAL_CASH;
        long position = 0;
        int uniqueTrades = 0;
        final List<String> deliveredTrades = new ArrayList<>();
        long price = 96_000_000;
        for (int step = 0; step < 400; step++)
        {
            price += (step / 8 % 2 == 0 ? -1 : 1) * 10_000L * (1 + random.nextInt(3));
            trade(price);
            final long[] order = sentOrder();
            if (order == null)
            {
                continue;
            }
            final long id = order[0];
            final boolean buy = order[1] == 1;
            final int pieces = 1 + random.nextInt(4);
            final long[] quantities = split(order[2], pieces, random);
            final List<String> messages = new ArrayList<>();
            long executed = 0;
            for (int i = 0; i < pieces; i++)
            {
                executed += quantities[i];
                final long fillPrice = price - 5_000 + random.nextInt(10_001);
                final BigDecimal fee = BigDecimal.valueOf(quantities[i] * fillPrice, 8)
                    .multiply(new BigDecimal("0.0005")).setScale(9, RoundingMode.DOWN);
                final String uuid = "s" + seed + "-o" + id + "-t" + i;
                messages.add(fill(id, buy, Long.toString(fillPrice), volume(quantities[i]), buy ? "null" : volume(order[2] - executed),
                    fee.toPlainString(), uuid, volume(executed)));
                final long notional = quantities[i] * fillPrice;
                final long feeMoney = fee.setScale(8, RoundingMode.HALF_EVEN).unscaledValue().longValueExact();
                cash += buy ? -notional - feeMoney : notional - feeMoney;
                position += buy ? quantities[i] : -quantities[i];
                uniqueTrades++;
            }
            final String end = myOrder(id, buy, random.nextInt(4) == 0 ? "cancel" : "done", ",\"executed_volume\":" + volume(executed));
            messages.add(random.nextInt(3) == 0 ? messages.size() - 1 : messages.size(), end);
            messages.add(random.nextInt(messages.size() + 1), myOrder(id, buy, "wait", ""));
            messages.add(random.nextInt(messages.size() + 1), rest("create", id, 201,
                "{\"uuid\":\"u-" + id + "\",\"state\":\"wait\",\"market\":\"KRW-BTC\",\"identifier\":\"" + IDS.identifier(id) + "\"}"));
            if (random.nextInt(4) == 0)
            {
                messages.add(0, rest("create", id, 0, "null"));
            }
            final int repeats = random.nextInt(3);
            for (int r = 0; r < repeats; r++)
            {
                final String again = messages.get(random.nextInt(messages.size()));
                messages.add(messages.indexOf(again) + 1 + random.nextInt(messages.size() - messages.indexOf(again)), again);
            }
            for (final String message : messages)
            {
                publish(Sources.VENUE, message);
                if (message.contains("\"state\":\"trade\""))
                {
                    deliveredTrades.add(message);
                }
            }
            if (deliveredTrades.size() > 3 && random.nextInt(3) == 0)
            {
                // A reconnect: the stream sends some recent trades of earlier orders again.
                publish(Sources.VENUE, deliveredTrades.get(deliveredTrades.size() - 1 - random.nextInt(3)));
            }
        }
        final EngineResult result = engine.result();
        assertTrue(result.orders() >= 4, "seed " + seed + ": the wave made the strategy trade: " + result.orders());
        assertEquals(uniqueTrades, result.fills(), "seed " + seed + ": each unique trade booked once");
        assertEquals(position, result.position(), "seed " + seed + ": position");
        assertEquals(cash, result.finalCash(), "seed " + seed + ": cash");
        assertEquals(0, result.malformed(), "seed " + seed);
    }

    /** {@code qty} in {@code pieces} positive parts. */
    private static long[] split(final long qty, final int pieces, final SplittableRandom random)
    {
        final long[] parts = new long[pieces];
        long left = qty;
        for (int i = 0; i < pieces - 1; i++)
        {
            parts[i] = left <= pieces - i ? 1 : 1 + random.nextLong(left - (pieces - i) + 1);
            left -= parts[i];
        }
        parts[pieces - 1] = left;
        return parts;
    }

    private static String volume(final long qty)
    {
        return BigDecimal.valueOf(qty, 8).toPlainString();
    }
}
