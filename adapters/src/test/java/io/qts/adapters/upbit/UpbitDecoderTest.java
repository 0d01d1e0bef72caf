package io.qts.adapters.upbit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qts.engine.pipeline.DecodedInput;
import io.qts.journal.Sources;
import io.qts.journal.sbe.RejectReason;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Upbit decoder on the real schema samples, with exact fixed-point values, and on what it must refuse. */
class UpbitDecoderTest
{
    private static final int BTC = 1;
    private static final int ETH = 2;
    private static final int USDT_BTC = 3;

    /** This session's nonce; the identifiers below are {@code NONCE-engine id-sequence}. */
    static final String NONCE = "9f86d081884c7d659a2feaa0c55ad015";
    private static final String OTHER_SESSION = "0123456789abcdef0123456789abcdef";

    private final UpbitDecoder decoder = new UpbitDecoder(VenueIdentifiers.of(NONCE));
    private DecodedInput out;

    @BeforeEach
    void instruments()
    {
        out = DecodedInput.standalone();
        out.define("KRW-BTC", BTC, 0, 8);
        out.define("KRW-ETH", ETH, 0, 8);
        out.define("USDT-BTC", USDT_BTC, 3, 8);
    }

    private String decode(final int source, final String json)
    {
        final byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        return out.decode(decoder, source, 1, new UnsafeBuffer(bytes), bytes.length);
    }

    @Test
    void aTradeFromTheWebSocketSample() throws IOException
    {
        final String message = UpbitSamples.subscriptionMessage("Subscriptions_Spot_Trades.txt");
        assertEquals("trade", decode(Sources.MARKET_DATA, message));
        assertEquals(ETH, out.decodedInstrumentId());
        assertEquals(37_625, out.price(), "trade_price 37625 at price scale 0");
        assertEquals(8_428, out.qty(), "trade_volume 8.428e-05 (exponent form) at qty scale 8");
        assertEquals(1_696_585_056_846_000_000L, out.venueTimeNs(), "trade_timestamp in ns");
        assertEquals("duplicate", decode(Sources.MARKET_DATA, message), "same sequential_id again");
        assertEquals(1, out.duplicateTradesDropped());
        assertEquals("trade", decode(Sources.MARKET_DATA, message.replace("1696585056846000", "1696585056846001")));
    }

    @Test
    void theBestLevelOfTheOrderBookSampleIsTheQuote() throws IOException
    {
        assertEquals("quote", decode(Sources.MARKET_DATA, UpbitSamples.subscriptionMessage("Subscriptions_Spot_OrderBook.txt")));
        assertEquals(ETH, out.decodedInstrumentId());
        assertEquals(137_001_000, out.bidPrice());
        assertEquals(137_002_000, out.askPrice());
    }

    @Test
    void aTickerIsReadAndIgnored() throws IOException
    {
        assertEquals("ignored", decode(Sources.MARKET_DATA, UpbitSamples.subscriptionMessage("Subscriptions_Spot_Tickers.txt")));
        assertEquals("ignored", decode(Sources.MARKET_DATA, "{\"status\":\"UP\"}"));
        assertEquals(0, out.malformedCount());
    }

    @Test
    void quotedDecimalNumbersOfTheCcxtSampleParseExactly() throws IOException
    {
        final JsonNode trade = new ObjectMapper().readTree(Files.readString(UpbitSamples.file("ccxt_upbit/upbit.json")))
            .path("methods").path("fetchTrades").get(0).path("httpResponse").get(0);
        // The REST trade, given the fields of a stream trade: quoted decimals with trailing zeros.
        final String message = "{\"type\":\"trade\",\"code\":\"" + trade.path("market").asText() +
            "\",\"trade_price\":\"" + trade.path("trade_price").asText() + "\",\"trade_volume\":\"" +
            trade.path("trade_volume").asText() + "\",\"trade_timestamp\":\"" + trade.path("timestamp").asText() +
            "\",\"sequential_id\":\"" + trade.path("sequential_id").asText() + "\"}";
        assertEquals("trade", decode(Sources.MARKET_DATA, message));
        assertEquals(USDT_BTC, out.decodedInstrumentId());
        assertEquals(73_249_665, out.price(), "73249.66500000 at price scale 3");
        assertEquals(840_925, out.qty(), "0.00840925 at qty scale 8");
        assertEquals(1_710_327_571_922_000_000L, out.venueTimeNs());
    }

    @Test
    void numbersInEveryFormTheVenueUses()
    {
        final JsonScanner json = new JsonScanner();
        final String text = "{\"a\":1.2345e-05,\"b\":\"0.00006314\",\"c\":1E+2,\"d\":-306,\"e\":0.123456789,\"f\":99999999999999999999}";
        final byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        assertTrue(json.wrap(new UnsafeBuffer(bytes), 0, bytes.length));
        final int end = json.end();
        assertEquals(1_234_500, json.fixed(json.find("a".getBytes(), 0, end), 11));
        assertEquals(6_314, json.fixed(json.find("b".getBytes(), 0, end), 8));
        assertEquals(100, json.fixed(json.find("c".getBytes(), 0, end), 0));
        assertEquals(-306, json.fixed(json.find("d".getBytes(), 0, end), 0));
        assertTrue(json.ok());
        json.fixed(json.find("e".getBytes(), 0, end), 8);
        assertFalse(json.ok(), "nine decimals do not fit scale 8: refused, not rounded");
        assertTrue(json.wrap(new UnsafeBuffer(bytes), 0, bytes.length));
        json.fixed(json.find("a".getBytes(), 0, end), 8);
        assertFalse(json.ok(), "1.2345e-05 needs scale 9");
        assertTrue(json.wrap(new UnsafeBuffer(bytes), 0, bytes.length));
        json.fixed(json.find("f".getBytes(), 0, end), 0);
        assertFalse(json.ok(), "out of range");
    }

    @Test
    void malformedAndUnexpectedMessagesAreCountedNotThrown()
    {
        final String[] bad = {
            "", "not json", "{\"type\":\"trade\",\"code\":\"KRW-BTC\",\"trade_price\":1", "[1,2]",
            "{\"type\":\"trade\",\"code\":\"KRW-DOGE\",\"trade_price\":1,\"trade_volume\":1}",
            "{\"type\":\"trade\",\"code\":\"KRW-BTC\",\"trade_price\":\"abc\",\"trade_volume\":1}",
            "{\"type\":\"trade\",\"code\":\"KRW-BTC\",\"trade_price\":0.5,\"trade_volume\":1}",
            "{\"type\":\"trade\",\"code\":\"KRW-BTC\",\"trade_volume\":1}",
            "{\"type\":\"candle\",\"code\":\"KRW-BTC\"}", "{\"error\":{\"name\":\"INVALID_AUTH\",\"message\":\"x\"}}",
            "{\"type\":\"orderbook\",\"code\":\"KRW-BTC\",\"orderbook_units\":[]}", "{} {}",
        };
        for (final String message : bad)
        {
            assertEquals("malformed", decode(Sources.MARKET_DATA, message), message);
        }
        assertEquals(bad.length, out.malformedCount());
        assertEquals("malformed", decode(Sources.VENUE, "{\"type\":\"trade\"}"), "market data on the venue source");
    }

    private static String myOrder(final String state, final String extra)
    {
        return "{\"type\":\"myOrder\",\"code\":\"KRW-BTC\",\"uuid\":\"ac2dc2a3-fce9-40a2-a4f6-5987c25c438f\"," +
            "\"ask_bid\":\"BID\",\"order_type\":\"price\",\"state\":\"" + state + "\",\"identifier\":\"" + NONCE + "-1-44\"" +
            extra + ",\"stream_type\":\"REALTIME\"}";
    }

    @Test
    void privateOrderStatesMapToEngineAnswers()
    {
        assertEquals("accepted", decode(Sources.VENUE, myOrder("wait", "")));
        assertEquals((1L << 48) + 44, out.clientOrderId(), "engine 1, sequence 44");
        assertEquals(BTC, out.decodedInstrumentId());
        assertEquals("filled", decode(Sources.VENUE, myOrder("trade",
            ",\"price\":148520000,\"volume\":0.0134662,\"remaining_volume\":null,\"trade_fee\":1000.1234")));
        assertEquals(DecodedInput.BUY, out.side());
        assertEquals(148_520_000, out.price());
        assertEquals(1_346_620, out.qty());
        assertEquals(DecodedInput.LEAVES_UNKNOWN, out.leavesQty(), "an amount-based buy says no remaining volume");
        assertEquals(100_012_340_000L, out.commission(), "KRW at 10^-8");
        assertEquals("filled", decode(Sources.VENUE, myOrder("trade",
            ",\"price\":148520000,\"volume\":0.5,\"remaining_volume\":0.25,\"trade_fee\":0").replace("\"BID\"", "\"ASK\"")));
        assertEquals(DecodedInput.SELL, out.side());
        assertEquals(25_000_000, out.leavesQty());
        assertEquals("done", decode(Sources.VENUE, myOrder("done", "")));
        assertEquals("cancelled", decode(Sources.VENUE, myOrder("cancel", "")));
        assertEquals("malformed", decode(Sources.VENUE, myOrder("trade", ",\"price\":1")), "no volume");
    }

    /** The private stream carries every order of the account: only this session's are ours, never adopted otherwise. */
    @Test
    void ordersOfAnotherSessionOrWithoutOurIdentifierAreIgnored()
    {
        final String ours = NONCE + "-1-44";
        assertEquals("ignored", decode(Sources.VENUE, myOrder("trade",
            ",\"price\":148520000,\"volume\":0.5,\"remaining_volume\":0,\"trade_fee\":0").replace(ours, OTHER_SESSION + "-1-44")),
            "the same engine id and sequence under another session's nonce");
        assertEquals("ignored", decode(Sources.VENUE, myOrder("wait", "").replace(ours, "manual-order")));
        assertEquals("ignored", decode(Sources.VENUE, myOrder("wait", "").replace("\"" + ours + "\"", "null")), "a manual order");
        assertEquals("ignored", decode(Sources.VENUE, myOrder("wait", "").replace(ours, "281474976710700")), "the old 64-bit form");
        assertEquals("ignored", decode(Sources.VENUE, myOrder("wait", "").replace(ours, ours + "x")));
        assertEquals("malformed", decode(Sources.VENUE, myOrder("wait", "").replace("\"identifier\":\"" + ours + "\"", "\"x\":1")),
            "no identifier field at all");
        assertEquals(1, out.malformedCount());
    }

    @Test
    void theGatewaysWrappedRestAnswers()
    {
        final String created = "{\"qts\":\"rest\",\"op\":\"create\",\"identifier\":\"" + NONCE + "-0-77\",\"market\":\"KRW-BTC\",\"status\":201," +
            "\"body\":{\"uuid\":\"u1\",\"side\":\"bid\",\"ord_type\":\"price\",\"state\":\"wait\",\"market\":\"KRW-BTC\"}}";
        assertEquals("accepted", decode(Sources.VENUE, created));
        assertEquals(77, out.clientOrderId());
        assertEquals("rejected", decode(Sources.VENUE, "{\"qts\":\"rest\",\"op\":\"create\",\"identifier\":\"" + NONCE + "-0-78\",\"market\":" +
            "\"KRW-BTC\",\"status\":400,\"body\":{\"error\":{\"name\":\"insufficient_funds_bid\",\"message\":\"x\"}}}"));
        assertEquals(78, out.clientOrderId());
        assertEquals(RejectReason.VENUE_REJECTED.value(), out.rejectReason());
        assertEquals("inDoubt", decode(Sources.VENUE, "{\"qts\":\"rest\",\"op\":\"create\",\"identifier\":\"" + NONCE + "-0-79\",\"market\":" +
            "\"KRW-BTC\",\"status\":0,\"body\":null}"), "no answer after every retry: unknown, never rejected");
        assertEquals(79, out.clientOrderId());
        assertEquals("inDoubt", decode(Sources.VENUE, "{\"qts\":\"rest\",\"op\":\"query\",\"identifier\":\"" + NONCE + "-0-79\",\"market\":" +
            "\"KRW-BTC\",\"status\":401,\"body\":{\"error\":{\"name\":\"jwt_verification\",\"message\":\"x\"}}}"),
            "a query that failed says nothing about the order");
        assertEquals("rejected", decode(Sources.VENUE, "{\"qts\":\"rest\",\"op\":\"query\",\"identifier\":\"" + NONCE + "-0-79\",\"market\":" +
            "\"KRW-BTC\",\"status\":404,\"body\":{\"error\":{\"name\":\"order_not_found\",\"message\":\"x\"}}}"),
            "the gateway's never-arrived verdict");
        assertEquals(RejectReason.UNKNOWN_ORDER.value(), out.rejectReason());
        assertEquals("ignored", decode(Sources.VENUE, "{\"qts\":\"rest\",\"op\":\"cancel\",\"identifier\":\"" + NONCE + "-0-79\",\"market\":" +
            "\"KRW-BTC\",\"status\":200,\"body\":{}}"));
        assertEquals("blocked", decode(Sources.VENUE, "{\"qts\":\"venue\",\"event\":\"blocked\",\"until_ns\":123456}"));
        assertEquals(123_456, out.blockedUntilNs());
        assertEquals("feed", decode(Sources.MARKET_DATA, "{\"qts\":\"feed\",\"stale\":true}"));
        assertTrue(out.feedIsStale());
        assertEquals("feed", decode(Sources.MARKET_DATA, "{\"qts\":\"feed\",\"stale\":false}"));
        assertEquals("orders", decode(Sources.VENUE, "{\"qts\":\"orders\",\"down\":true}"));
        assertTrue(out.orderStreamIsDown());
        assertEquals("orders", decode(Sources.VENUE, "{\"qts\":\"orders\",\"down\":false}"));
        assertFalse(out.orderStreamIsDown());
        assertEquals("malformed", decode(Sources.MARKET_DATA, "{\"qts\":\"orders\",\"down\":true}"), "only the venue's stream says so");
        assertFalse(out.feedIsStale());
        assertEquals("malformed", decode(Sources.MARKET_DATA, "{\"qts\":\"venue\",\"event\":\"blocked\",\"until_ns\":1}"),
            "a venue note on the market source");
    }

    @Test
    void aStateTheDecoderDoesNotKnowLeavesTheOrderInDoubtNotMalformed()
    {
        assertEquals("cancelled", decode(Sources.VENUE, myOrder("prevented", ",\"executed_volume\":0")),
            "self-trade prevention ended the order");
        assertEquals(0, out.executedQty());
        assertEquals("inDoubt", decode(Sources.VENUE, myOrder("a_state_of_tomorrow", "")));
        assertEquals(281_474_976_710_700L, out.clientOrderId());
        assertEquals(0, out.malformedCount());
    }

    @Test
    void junkAfterANumberIsMalformed()
    {
        final String trade = "{\"type\":\"trade\",\"code\":\"KRW-BTC\",\"trade_price\":%s,\"trade_volume\":0.00999}";
        assertEquals("malformed", decode(Sources.MARKET_DATA, String.format(trade, "96123000abc")));
        assertEquals("malformed", decode(Sources.MARKET_DATA, String.format(trade, "96123000.0.7")));
        assertEquals("malformed", decode(Sources.MARKET_DATA, String.format(trade, "\"96123000\"x")));
        assertEquals("malformed", decode(Sources.MARKET_DATA, String.format(trade, "96123000 7")));
        assertEquals(4, out.malformedCount());
        assertEquals("trade", decode(Sources.MARKET_DATA, String.format(trade, " 96123000 ")), "space around a number is fine");
        assertEquals(96_123_000, out.price());
        assertEquals(999_000, out.qty());
    }

    @Test
    void nullInAnOptionalFieldIsAnAbsentField()
    {
        assertEquals("trade", decode(Sources.MARKET_DATA, "{\"type\":\"trade\",\"code\":\"KRW-BTC\",\"trade_price\":96123000," +
            "\"trade_volume\":0.00999,\"sequential_id\":null,\"trade_timestamp\":null}"));
        assertEquals(96_123_000, out.price());
        assertEquals(0, out.venueTimeNs(), "no venue time given");
        assertEquals("trade", decode(Sources.MARKET_DATA, "{\"type\":\"trade\",\"code\":\"KRW-BTC\",\"trade_price\":96123000," +
            "\"trade_volume\":0.00999,\"sequential_id\":null}"), "without an id a trade cannot be a duplicate");
        assertEquals("filled", decode(Sources.VENUE, myOrder("trade",
            ",\"price\":96123000,\"volume\":0.00999,\"remaining_volume\":null,\"trade_fee\":null,\"trade_uuid\":null," +
                "\"executed_volume\":null")));
        assertEquals(0, out.commission());
        assertEquals(DecodedInput.EXECUTED_UNKNOWN, out.executedQty());
        assertEquals("malformed", decode(Sources.MARKET_DATA, "{\"type\":\"trade\",\"code\":\"KRW-BTC\",\"trade_price\":null," +
            "\"trade_volume\":0.00999}"), "a required field may not be null");
    }

    @Test
    void aNestedKeyNeverShadowsTheMessagesOwn()
    {
        assertEquals("trade", decode(Sources.MARKET_DATA, "{\"extra\":{\"trade_price\":1,\"code\":\"KRW-ETH\",\"type\":\"x\"}," +
            "\"type\":\"trade\",\"code\":\"KRW-BTC\",\"trade_price\":96123000,\"trade_volume\":0.00999}"));
        assertEquals(BTC, out.decodedInstrumentId());
        assertEquals(96_123_000, out.price());
        assertEquals("malformed", decode(Sources.MARKET_DATA, "{\"type\":\"trade\",\"code\":\"KRW-BTC\"," +
            "\"extra\":{\"trade_price\":1},\"trade_volume\":0.00999}"), "a nested price is not the trade's price");
        assertEquals("filled", decode(Sources.VENUE, myOrder("trade", ",\"meta\":[{\"identifier\":\"5\",\"price\":1}]," +
            "\"price\":96123000,\"volume\":0.00999,\"remaining_volume\":null,\"trade_fee\":480.615")));
        assertEquals(281_474_976_710_700L, out.clientOrderId());
        assertEquals(96_123_000, out.price());
        assertEquals("accepted", decode(Sources.VENUE, "{\"qts\":\"rest\",\"op\":\"create\",\"identifier\":\"" + NONCE + "-0-77\",\"market\":" +
            "\"KRW-BTC\",\"status\":201,\"body\":{\"identifier\":\"5\",\"market\":\"KRW-ETH\",\"status\":400}}"),
            "the body's fields are the venue's, not the wrapper's");
        assertEquals(77, out.clientOrderId());
        assertEquals(BTC, out.decodedInstrumentId());
    }

    @Test
    void aFeeWithMoreThanEightDecimalsIsRoundedHalfEvenAndTheFillKept()
    {
        // 0.00012345 BTC at 96,123,000 KRW at 0.05 %: 5.933192175 KRW exactly, nine decimals.
        assertEquals("filled", decode(Sources.VENUE, myOrder("trade",
            ",\"price\":96123000,\"volume\":0.00012345,\"remaining_volume\":0,\"trade_fee\":5.933192175")));
        assertEquals(96_123_000, out.price(), "price exact");
        assertEquals(12_345, out.qty(), "quantity exact");
        assertEquals(593_319_218, out.commission(), "5.933192175 rounded half-even to 8 places: 5.93319218 (the tie goes to even)");
        assertEquals("filled", decode(Sources.VENUE, myOrder("trade",
            ",\"price\":96123000,\"volume\":0.00012345,\"remaining_volume\":0,\"trade_fee\":\"5.933192165\"")));
        assertEquals(593_319_216, out.commission(), "a tie after an even digit stays: 5.93319216");
        assertEquals("filled", decode(Sources.VENUE, myOrder("trade",
            ",\"price\":96123000,\"volume\":0.00012345,\"remaining_volume\":0,\"trade_fee\":5.9331921651")));
        assertEquals(593_319_217, out.commission(), "above the tie rounds up");
        assertEquals(0, out.malformedCount());
    }

    @Test
    void aPrivateTradeSentAgainIsDroppedByItsTradeUuid()
    {
        final String trade = myOrder("trade", ",\"price\":96123000,\"volume\":0.005,\"remaining_volume\":null,\"trade_fee\":240.3075," +
            "\"trade_uuid\":\"9e7b2c1a-0d2f-4b8e-9b1a-1c2d3e4f5a6b\",\"executed_volume\":0.005");
        assertEquals("filled", decode(Sources.VENUE, trade));
        assertEquals(500_000, out.executedQty());
        assertEquals("duplicate", decode(Sources.VENUE, trade), "the same trade_uuid after a reconnect");
        assertEquals(1, out.duplicateFillsDropped());
        assertEquals("filled", decode(Sources.VENUE, trade.replace("5a6b", "5a6c").replace("\"executed_volume\":0.005",
            "\"executed_volume\":0.01")), "another trade of the same order");
        assertEquals("done", decode(Sources.VENUE, myOrder("done", ",\"executed_volume\":0.01")));
        assertEquals(1_000_000, out.executedQty(), "done says how much was filled in all");
    }
}
