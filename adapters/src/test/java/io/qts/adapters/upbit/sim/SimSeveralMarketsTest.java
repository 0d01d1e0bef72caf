package io.qts.adapters.upbit.sim;

import com.fasterxml.jackson.databind.JsonNode;
import io.qts.adapters.upbit.UpbitAuth;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.qts.adapters.upbit.sim.SimRest.JSON;
import static io.qts.adapters.upbit.sim.SimRest.errorName;
import static io.qts.adapters.upbit.sim.SimRest.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The simulator playing two markets at once, over loopback: one tape per market merged in time, each market's orders
 * filled by its own trades only, one account holding KRW and both coins. The tapes are hand-built:
 * <pre>
 *   KRW-BTC  t=1000 ms 50,000,000    t=3000 ms 50,100,000
 *   KRW-ETH  t=2000 ms  3,000,000    t=3000 ms  3,010,000
 * </pre>
 * so the merged order is BTC, ETH, BTC, ETH (at t=3000 the sorted codes decide: KRW-BTC before KRW-ETH).
 */
class SimSeveralMarketsTest
{
    private static final String ACCESS = "sim-markets-access";

    private final byte[] secret = new byte[32];
    private ExchangeSimulator sim;
    private SimRest rest;
    private UpbitAuth auth;
    private int port;

    @BeforeEach
    void start()
    {
        new SecureRandom().nextBytes(secret);
        auth = new UpbitAuth(ACCESS, secret);
        final Map<String, List<SimTrade>> tapes = new LinkedHashMap<>();
        // Given in the other order on purpose: the merge does not depend on the map's order.
        tapes.put("KRW-ETH", List.of(trade(2000, "3000000", "1"), trade(3000, "3010000", "1")));
        tapes.put("KRW-BTC", List.of(trade(1000, "50000000", "0.1"), trade(3000, "50100000", "0.1")));
        sim = new ExchangeSimulator(tapes, new SimSettings().speed(0).key(ACCESS, secret).log(line -> { }));
        port = sim.start(0);
        rest = new SimRest(port);
    }

    @AfterEach
    void stop()
    {
        sim.close();
    }

    @Test
    void playsBothTapesMergedInTimeToASubscriptionWithBothCodes() throws Exception
    {
        final WsClient both = subscribe("[{\"ticket\":\"b\"},{\"type\":\"trade\",\"codes\":[\"KRW-BTC\",\"KRW-ETH\"]}]", 1);
        final WsClient eth = subscribe("[{\"ticket\":\"e\"},{\"type\":\"trade\",\"codes\":[\"KRW-ETH\"]}]", 2);
        assertEquals(List.of("KRW-BTC", "KRW-ETH"), sim.markets());
        assertEquals(4, sim.step(10));
        final List<String> seen = new ArrayList<>();
        for (int i = 0; i < 4; i++)
        {
            final JsonNode m = JSON.readTree(both.next());
            seen.add(m.get("code").asText() + "@" + m.get("trade_price").decimalValue().toPlainString());
        }
        assertEquals(List.of("KRW-BTC@50000000", "KRW-ETH@3000000", "KRW-BTC@50100000", "KRW-ETH@3010000"), seen);
        assertEquals("KRW-ETH", JSON.readTree(eth.next()).get("code").asText());
        final JsonNode second = JSON.readTree(eth.next());
        assertEquals("KRW-ETH", second.get("code").asText());
        assertEquals(0, new BigDecimal("3010000").compareTo(second.get("trade_price").decimalValue()));
    }

    @Test
    void eachMarketsOrdersFillAtItsOwnTradesIntoOneAccount() throws Exception
    {
        final WsClient ethOrders = privateStream("[{\"ticket\":\"p\"},{\"type\":\"myOrder\",\"codes\":[\"KRW-ETH\"]}]");
        sim.step(1); // KRW-BTC at 50,000,000
        final String btc = ok(rest.post(marketBuy("KRW-BTC", "q-btc"), auth), 201).get("uuid").asText();
        final String eth = ok(rest.post(marketBuy("KRW-ETH", "q-eth"), auth), 201).get("uuid").asText();
        assertEquals("validation_error", errorName(rest.post(marketBuy("KRW-XRP", "q-xrp"), auth), 400));
        final JsonNode openBtc = ok(rest.get("/v1/orders/open", Map.of("market", "KRW-BTC"), auth), 200);
        assertEquals(1, openBtc.size());
        assertEquals(btc, openBtc.get(0).get("uuid").asText());

        sim.step(1); // KRW-ETH at 3,000,000: only the ETH order fills
        assertEquals("done", state(eth));
        assertEquals("wait", state(btc));
        sim.step(1); // KRW-BTC at 50,100,000
        assertEquals("done", state(btc));

        // The ETH-only private subscription hears the ETH order (wait, trade, done) and nothing of the BTC one.
        final List<String> heard = new ArrayList<>();
        for (int i = 0; i < 3; i++)
        {
            final JsonNode m = JSON.readTree(ethOrders.next());
            heard.add(m.get("code").asText() + " " + m.get("state").asText());
        }
        assertEquals(List.of("KRW-ETH wait", "KRW-ETH trade", "KRW-ETH done"), heard);

        // ETH: 1,000,000 / 3,000,000 = 0.33333333 (down to 10^-8), funds 999,999.99, fee 499.999995
        // BTC: 1,000,000 / 50,100,000 = 0.01996007, funds 999,999.507, fee 499.9997535
        final Map<String, String> balances = new LinkedHashMap<>();
        final Map<String, String> avgPrices = new LinkedHashMap<>();
        for (final JsonNode a : ok(rest.get("/v1/accounts", Map.of(), auth), 200))
        {
            balances.put(a.get("currency").asText(), a.get("balance").asText());
            avgPrices.put(a.get("currency").asText(), a.get("avg_buy_price").asText() + " " + a.get("unit_currency").asText());
        }
        assertEquals(Map.of("KRW", "7999000.5032515", "BTC", "0.01996007", "ETH", "0.33333333"), balances);
        assertEquals(List.of("KRW", "BTC", "ETH"), List.copyOf(balances.keySet()));
        assertEquals("50100000 KRW", avgPrices.get("BTC"));
        assertEquals("3000000 KRW", avgPrices.get("ETH"));

        final JsonNode chance = ok(rest.get("/v1/orders/chance", Map.of("market", "KRW-ETH"), auth), 200);
        assertEquals("KRW-ETH", chance.get("market").get("id").asText());
        assertEquals("ETH", chance.get("ask_account").get("currency").asText());
        assertEquals("0.33333333", chance.get("ask_account").get("balance").asText());
    }

    @Test
    void quotationAnswersForEachMarketAsked() throws Exception
    {
        sim.step(4);
        final JsonNode markets = ok(rest.get("/v1/market/all", Map.of(), null), 200);
        assertEquals(2, markets.size());
        assertEquals("KRW-BTC", markets.get(0).get("market").asText());
        assertEquals("KRW-ETH", markets.get(1).get("market").asText());
        final JsonNode tickers = ok(rest.get("/v1/ticker", Map.of("markets", "KRW-ETH,KRW-BTC"), null), 200);
        assertEquals("KRW-ETH 3010000", tickers.get(0).get("market").asText() + " " + tickers.get(0).get("trade_price").decimalValue().toPlainString());
        assertEquals("KRW-BTC 50100000", tickers.get(1).get("market").asText() + " " + tickers.get(1).get("trade_price").decimalValue().toPlainString());
        final JsonNode ticks = ok(rest.get("/v1/trades/ticks", Map.of("market", "KRW-ETH", "count", "5"), null), 200);
        assertEquals(2, ticks.size());
        assertEquals("KRW-ETH", ticks.get(0).get("market").asText());
        assertEquals(404, rest.get("/v1/ticker", Map.of("markets", "KRW-BTC,KRW-XRP"), null).statusCode());
        assertEquals(404, rest.get("/v1/trades/ticks", Map.of("market", "KRW-XRP"), null).statusCode());
    }

    private static SimTrade trade(final long timeMs, final String price, final String volume)
    {
        return new SimTrade(timeMs, new BigDecimal(price), new BigDecimal(volume), "BID", timeMs * 1000);
    }

    private static Map<String, Object> marketBuy(final String market, final String identifier)
    {
        final Map<String, Object> order = new LinkedHashMap<>();
        order.put("market", market);
        order.put("side", "bid");
        order.put("ord_type", "price");
        order.put("price", "1000000");
        order.put("identifier", identifier);
        return order;
    }

    private String state(final String uuid) throws Exception
    {
        return ok(rest.get("/v1/order", Map.of("uuid", uuid), auth), 200).get("state").asText();
    }

    private WsClient subscribe(final String request, final int subscribers) throws Exception
    {
        final WsClient ws = WsClient.connect(port, ExchangeSimulator.PUBLIC_PATH, null);
        ws.send(request);
        awaitStatus("public_subscribers", subscribers);
        return ws;
    }

    private WsClient privateStream(final String request) throws Exception
    {
        final WsClient ws = WsClient.connect(port, ExchangeSimulator.PRIVATE_PATH, auth.authorization("", UUID.randomUUID().toString()));
        ws.send(request);
        awaitStatus("private_subscribers", 1);
        return ws;
    }

    private void awaitStatus(final String field, final int atLeast) throws Exception
    {
        final HttpClient http = HttpClient.newHttpClient();
        final long deadlineNs = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < deadlineNs)
        {
            final JsonNode status = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/sim/status"))
                .GET().build(), HttpResponse.BodyHandlers.ofString()).body());
            if (status.path(field).asInt() >= atLeast)
            {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError(field + " did not reach " + atLeast + " within 5 s");
    }
}
