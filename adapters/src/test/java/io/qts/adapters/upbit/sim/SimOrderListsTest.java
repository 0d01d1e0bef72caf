package io.qts.adapters.upbit.sim;

import com.fasterxml.jackson.databind.JsonNode;
import io.qts.adapters.data.DataFormat;
import io.qts.adapters.data.MarketDataFile;
import io.qts.adapters.upbit.UpbitAuth;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.qts.adapters.upbit.sim.SimRest.errorName;
import static io.qts.adapters.upbit.sim.SimRest.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The order lists Upbit gives reconciliation ({@code /v1/orders/open}, {@code /closed}, {@code /uuids}), the accounts,
 * order uuids across restarts and the price unit rule, over loopback with signed requests.
 */
class SimOrderListsTest
{
    private static final List<SimTrade> TAPE = MarketTape.of(
        MarketDataFile.read(Path.of("../config/samples/upbit-krw-btc-1m.csv"), DataFormat.OHLCV, "KRW-BTC"));

    private final UpbitAuth alice = new UpbitAuth("alice-access", "alice-secret-0123456789".getBytes(StandardCharsets.UTF_8));
    private final UpbitAuth bob = new UpbitAuth("bob-access", "bob-secret-0123456789".getBytes(StandardCharsets.UTF_8));
    private ExchangeSimulator sim;
    private SimRest rest;

    @BeforeEach
    void start()
    {
        sim = started(new SimSettings().uuidSeed(7));
        rest = new SimRest(sim.port());
        sim.step(1);   // last price 11,495,000 KRW
    }

    @AfterEach
    void stop()
    {
        sim.close();
    }

    @Test
    void openClosedAndByIdListsSelectFilterOrderAndPageAsUpbitDocuments() throws Exception
    {
        final JsonNode a = ok(rest.post(limitBid("a", "6000000"), alice), 201);
        final JsonNode b = ok(rest.post(limitBid("b", "6001000"), alice), 201);
        final JsonNode c = ok(rest.post(marketBuy("c", "10000"), alice), 201);
        final JsonNode d = ok(rest.post(limitBid("d", "6002000"), alice), 201);
        ok(rest.post(limitBid("bob-1", "6000000"), bob), 201);
        sim.step(1);   // fills the market buy c
        ok(rest.delete(Map.of("uuid", a.get("uuid").asText()), alice), 200);

        // open: wait orders only, newest first
        assertEquals(List.of("d", "b"), identifiers(ok(rest.get("/v1/orders/open", Map.of(), alice), 200)));
        assertEquals(List.of("b", "d"), identifiers(ok(rest.get("/v1/orders/open", Map.of("order_by", "asc"), alice), 200)));
        assertEquals(List.of("b"), identifiers(ok(rest.get("/v1/orders/open", params("limit", 1, "page", 2), alice), 200)));
        assertEquals(List.of(), identifiers(ok(rest.get("/v1/orders/open", params("limit", 1, "page", 3), alice), 200)));
        assertEquals(List.of(), identifiers(ok(rest.get("/v1/orders/open", Map.of("state", "watch"), alice), 200)));
        assertEquals(List.of("d", "b"),
            identifiers(ok(rest.get("/v1/orders/open", params("market", "KRW-BTC", "states[]", List.of("wait", "watch")), alice), 200)));

        // closed: done and cancel, newest first, within 7 days of now
        assertEquals(List.of("c", "a"), identifiers(ok(rest.get("/v1/orders/closed", Map.of(), alice), 200)));
        assertEquals(List.of("c"), identifiers(ok(rest.get("/v1/orders/closed", Map.of("state", "done"), alice), 200)));
        assertEquals(List.of("a"), identifiers(ok(rest.get("/v1/orders/closed", Map.of("states[]", List.of("cancel")), alice), 200)));
        assertEquals(List.of("a", "c"), identifiers(ok(rest.get("/v1/orders/closed", Map.of("order_by", "asc"), alice), 200)));
        assertEquals(List.of("c"), identifiers(ok(rest.get("/v1/orders/closed", Map.of("limit", 1), alice), 200)));
        final long createdMs = Instant.parse(c.get("created_at").asText().replace("+09:00", "Z")).toEpochMilli() - 9 * 3600_000L;
        assertEquals(List.of(), identifiers(ok(rest.get("/v1/orders/closed",
            Map.of("end_time", Long.toString(createdMs - 24 * 3600_000L)), alice), 200)), "a window a day before");
        assertEquals(List.of("c", "a"), identifiers(ok(rest.get("/v1/orders/closed",
            Map.of("start_time", Instant.ofEpochMilli(createdMs - 60_000).atOffset(ZoneOffset.ofHours(9)).toString()), alice), 200)),
            "start_time as ISO-8601 with +09:00");

        // by uuids or identifiers, newest first; unknown ones left out; another account's never
        final Map<String, Object> byUuids = new LinkedHashMap<>();
        byUuids.put("uuids[]", List.of(a.get("uuid").asText(), c.get("uuid").asText(), "00000000-0000-4000-8000-000000000000"));
        assertEquals(List.of("c", "a"), identifiers(ok(rest.get("/v1/orders/uuids", byUuids, alice), 200)));
        assertEquals(List.of("b"), identifiers(ok(rest.get("/v1/orders/uuids",
            Map.of("identifiers[]", List.of("b", "bob-1")), alice), 200)));
        assertEquals(List.of("bob-1"), identifiers(ok(rest.get("/v1/orders/open", Map.of(), bob), 200)));

        // the listed order: Upbit's fields, decimals as strings, no trades[]
        final JsonNode listed = ok(rest.get("/v1/orders/uuids", Map.of("uuids[]", List.of(d.get("uuid").asText())), alice), 200).get(0);
        for (final String field : List.of("uuid", "side", "ord_type", "price", "state", "market", "created_at", "volume",
            "remaining_volume", "reserved_fee", "remaining_fee", "paid_fee", "locked", "executed_volume", "executed_funds",
            "trades_count", "time_in_force", "identifier"))
        {
            assertTrue(listed.has(field), field);
        }
        assertFalse(listed.has("trades"));
        assertEquals("6002000", listed.get("price").asText());
        assertEquals("wait", listed.get("state").asText());
        assertEquals("6005.001", listed.get("locked").asText(), "0.001 x 6,002,000 + 0.05% fee");
        assertEquals(b.get("uuid").asText(), ok(rest.get("/v1/orders/uuids", Map.of("identifiers[]", List.of("b")), alice), 200)
            .get(0).get("uuid").asText());
    }

    @Test
    void badListParametersAre400ValidationError() throws Exception
    {
        assertEquals("validation_error", errorName(rest.get("/v1/orders/open", params("state", "wait", "states[]", List.of("wait")), alice), 400));
        assertEquals("validation_error", errorName(rest.get("/v1/orders/open", Map.of("limit", 101), alice), 400));
        assertEquals("validation_error", errorName(rest.get("/v1/orders/open", Map.of("state", "done"), alice), 400));
        assertEquals("validation_error", errorName(rest.get("/v1/orders/closed", Map.of("limit", 1001), alice), 400));
        assertEquals("validation_error", errorName(rest.get("/v1/orders/closed", Map.of("order_by", "newest"), alice), 400));
        assertEquals("validation_error", errorName(rest.get("/v1/orders/closed",
            params("start_time", "1733720213791", "end_time", Long.toString(1733720213791L + 8 * 24 * 3600_000L)), alice), 400));
        assertEquals("validation_error", errorName(rest.get("/v1/orders/closed", Map.of("start_time", "yesterday"), alice), 400));
        assertEquals("validation_error", errorName(rest.get("/v1/orders/uuids", Map.of(), alice), 400));
        assertEquals("validation_error", errorName(rest.get("/v1/orders/uuids",
            params("uuids[]", List.of("x"), "identifiers[]", List.of("y")), alice), 400));
        assertEquals("jwt_verification", errorName(rest.get("/v1/orders/open", Map.of(), null), 401));
    }

    @Test
    void accountsShowBalanceAndLockedPerCurrency() throws Exception
    {
        ok(rest.post(limitBid("a", "6000000"), alice), 201);
        final JsonNode accounts = ok(rest.get("/v1/accounts", Map.of(), alice), 200);
        assertEquals(2, accounts.size());
        final JsonNode krw = accounts.get(0);
        assertEquals("KRW", krw.get("currency").asText());
        assertEquals("9993997", krw.get("balance").asText(), "10,000,000 - 6,003 locked");
        assertEquals("6003", krw.get("locked").asText());
        assertEquals("KRW", krw.get("unit_currency").asText());
        assertEquals("BTC", accounts.get(1).get("currency").asText());
        assertEquals("0", accounts.get(1).get("balance").asText());
        for (final String field : List.of("avg_buy_price", "avg_buy_price_modified"))
        {
            assertTrue(krw.has(field), field);
        }
    }

    @Test
    void orderUuidsNeverRepeatAcrossRestartsUnlessSeeded() throws Exception
    {
        final String first = firstUuidOf(new SimSettings());
        final String second = firstUuidOf(new SimSettings());
        assertNotEquals(first, second, "two unseeded simulators hand out different uuids");
        assertEquals(firstUuidOf(new SimSettings().uuidSeed(42)), firstUuidOf(new SimSettings().uuidSeed(42)));
        assertTrue(first.matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"), first);
    }

    @Test
    void anOffGridLimitPriceIsInvalidPriceBidOrAsk() throws Exception
    {
        // KRW-BTC at 11,495,000: the unit is 1,000 KRW
        assertEquals("invalid_price_bid", errorName(rest.post(limitBid("x", "11495500"), alice), 400));
        final Map<String, Object> ask = limitBid("y", "11495001");
        ask.put("side", "ask");
        assertEquals("invalid_price_ask", errorName(rest.post(ask, alice), 400));
        assertEquals("11495000", ok(rest.post(limitBid("z", "11495000"), alice), 201).get("price").asText());
        assertEquals("10000000", sim.balances("alice-access").get("KRW").stripTrailingZeros().toPlainString(),
            "a refused order locks nothing");
    }

    private ExchangeSimulator started(final SimSettings settings)
    {
        final ExchangeSimulator s = new ExchangeSimulator(TAPE, settings.speed(0).rateLimits(100, 1000)
            .key(alice.accessKey(), "alice-secret-0123456789".getBytes(StandardCharsets.UTF_8))
            .key(bob.accessKey(), "bob-secret-0123456789".getBytes(StandardCharsets.UTF_8))
            .log(line -> { }));
        s.start(0);
        return s;
    }

    private String firstUuidOf(final SimSettings settings) throws Exception
    {
        try (ExchangeSimulator s = started(settings))
        {
            s.step(1);
            return ok(new SimRest(s.port()).post(limitBid("same", "6000000"), alice), 201).get("uuid").asText();
        }
    }

    private static List<String> identifiers(final JsonNode orders)
    {
        final List<String> out = new ArrayList<>();
        orders.forEach(o -> out.add(o.get("identifier").asText()));
        return out;
    }

    private static Map<String, Object> params(final Object... keyValues)
    {
        final Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2)
        {
            out.put((String)keyValues[i], keyValues[i + 1]);
        }
        return out;
    }

    private static Map<String, Object> limitBid(final String identifier, final String price)
    {
        return params("market", "KRW-BTC", "side", "bid", "volume", "0.001", "price", price, "ord_type", "limit",
            "identifier", identifier);
    }

    private static Map<String, Object> marketBuy(final String identifier, final String krw)
    {
        return params("market", "KRW-BTC", "side", "bid", "price", krw, "ord_type", "price", "identifier", identifier);
    }
}
