package io.qts.adapters.upbit.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qts.adapters.data.DataFormat;
import io.qts.adapters.data.MarketDataFile;
import io.qts.adapters.upbit.UpbitAuth;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The simulator over real loopback sockets, with the JDK's HTTP and WebSocket clients as the counterpart. */
class ExchangeSimulatorTest
{
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ACCESS = "sim-test-access";

    private final byte[] secret = new byte[32];
    private final List<String> logLines = new CopyOnWriteArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private ExchangeSimulator sim;
    private int port;
    private UpbitAuth auth;
    private List<SimTrade> tape;

    @BeforeEach
    void start()
    {
        new SecureRandom().nextBytes(secret);
        auth = new UpbitAuth(ACCESS, secret);
        tape = MarketTape.of(
            MarketDataFile.read(Path.of("../config/samples/upbit-krw-btc-1m.csv"), DataFormat.OHLCV, "KRW-BTC"));
        sim = new ExchangeSimulator(tape, new SimSettings().speed(0).key(ACCESS, secret).log(logLines::add));
        port = sim.start(0);
    }

    @AfterEach
    void stop()
    {
        sim.close();
    }

    // ------------------------------------------------------------ the tape

    @Test
    void barsBecomeFourTradesInBarOrder()
    {
        // 2020-02-20 08:00:00,11495000,11500000,11490000,11490000,9.01642515 (a falling bar: open, high, low, close)
        assertEquals(240 * 4, tape.size());
        assertEquals(List.of("11495000", "11500000", "11490000", "11490000"),
            tape.subList(0, 4).stream().map(t -> t.price().toPlainString()).toList());
        // 2020-02-20 08:01:00,11490000,11530000,11490000,11523000 (a rising bar: open, low, high, close)
        assertEquals(List.of("11490000", "11490000", "11530000", "11523000"),
            tape.subList(4, 8).stream().map(t -> t.price().toPlainString()).toList());
        assertEquals(new BigDecimal("9.01642515"),
            tape.subList(0, 4).stream().map(SimTrade::volume).reduce(BigDecimal.ZERO, BigDecimal::add));
        final long t0 = java.time.Instant.parse("2020-02-20T08:00:00Z").toEpochMilli();
        assertEquals(List.of(t0, t0 + 15_000, t0 + 30_000, t0 + 45_000),
            tape.subList(0, 4).stream().map(SimTrade::tradeTimestampMs).toList());
        for (int i = 1; i < tape.size(); i++)
        {
            assertTrue(tape.get(i).sequentialId() > tape.get(i - 1).sequentialId());
        }
        assertEquals(t0 * 1000, tape.get(0).sequentialId());
    }

    // ------------------------------------------------------------ public stream

    @Test
    void subscribeAndReceiveTradesInOrderAsBinaryFrames() throws Exception
    {
        final WsClient ws = subscribePublic("[{\"ticket\":\"t1\"},{\"type\":\"trade\",\"codes\":[\"KRW-BTC\"]},{\"format\":\"DEFAULT\"}]");
        assertEquals(8, sim.step(8));
        long lastSeq = 0;
        JsonNode first = null;
        for (int i = 0; i < 8; i++)
        {
            final JsonNode m = JSON.readTree(ws.next());
            first = first == null ? m : first;
            assertEquals("trade", m.get("type").asText());
            assertEquals("KRW-BTC", m.get("code").asText());
            assertEquals(tape.get(i).price().compareTo(m.get("trade_price").decimalValue()), 0);
            assertEquals(tape.get(i).sequentialId(), m.get("sequential_id").asLong());
            assertTrue(m.get("sequential_id").asLong() > lastSeq);
            lastSeq = m.get("sequential_id").asLong();
            for (final String field : List.of("timestamp", "trade_date", "trade_time", "trade_timestamp", "trade_volume",
                "ask_bid", "prev_closing_price", "change", "change_price", "stream_type"))
            {
                assertTrue(m.has(field), field);
            }
            assertEquals("REALTIME", m.get("stream_type").asText());
        }
        assertEquals("2020-02-20", first.get("trade_date").asText());
        assertEquals("08:00:00", first.get("trade_time").asText());
        assertTrue(ws.allBinary, "Upbit sends binary frames");
    }

    @Test
    void tickerAndOrderbookMessages() throws Exception
    {
        final WsClient ws = subscribePublic("[{\"ticket\":\"t\"},{\"type\":\"ticker\",\"codes\":[\"KRW-BTC\"]},"
            + "{\"type\":\"orderbook\",\"codes\":[\"KRW-BTC\"]},{\"format\":\"DEFAULT\"}]");
        sim.step(1);
        final Map<String, JsonNode> byType = new LinkedHashMap<>();
        for (int i = 0; i < 2; i++)
        {
            final JsonNode m = JSON.readTree(ws.next());
            byType.put(m.get("type").asText(), m);
        }
        final JsonNode ticker = byType.get("ticker");
        assertEquals(0, new BigDecimal("11495000").compareTo(ticker.get("trade_price").decimalValue()));
        assertEquals("EVEN", ticker.get("change").asText());
        final JsonNode book = byType.get("orderbook");
        final JsonNode units = book.get("orderbook_units");
        assertEquals(15, units.size());
        assertEquals(0, new BigDecimal("11496000").compareTo(units.get(0).get("ask_price").decimalValue()));
        assertEquals(0, new BigDecimal("11495000").compareTo(units.get(0).get("bid_price").decimalValue()));
        BigDecimal asks = BigDecimal.ZERO;
        for (final JsonNode u : units)
        {
            asks = asks.add(u.get("ask_size").decimalValue());
            assertTrue(u.has("bid_size"));
        }
        assertEquals(0, asks.compareTo(book.get("total_ask_size").decimalValue()));
        assertTrue(book.has("total_bid_size"));
    }

    @Test
    void answersWebSocketPingsAndTextPing() throws Exception
    {
        final WsClient ws = WsClient.connect(port, ExchangeSimulator.PUBLIC_PATH, null);
        ws.socket.sendPing(java.nio.ByteBuffer.wrap("hi".getBytes(StandardCharsets.UTF_8))).get(5, TimeUnit.SECONDS);
        assertEquals("hi", ws.pongs.poll(5, TimeUnit.SECONDS));
        ws.send("PING");
        assertEquals("{\"status\":\"UP\"}", ws.next());
    }

    @Test
    void aSubscribeRequestWithoutTicketGetsUpbitsError() throws Exception
    {
        final WsClient ws = WsClient.connect(port, ExchangeSimulator.PUBLIC_PATH, null);
        ws.send("[{\"type\":\"trade\",\"codes\":[\"KRW-BTC\"]}]");
        assertEquals("NO_TICKET", JSON.readTree(ws.next()).get("error").get("name").asText());
        ws.send("not json");
        assertEquals("WRONG_FORMAT", JSON.readTree(ws.next()).get("error").get("name").asText());
    }

    // ------------------------------------------------------------ orders

    @Test
    void marketBuyRoundTripFillsOnTheNextTradeAndReportsOnThePrivateStream() throws Exception
    {
        final WsClient priv = subscribePrivate();
        sim.step(1);
        final Map<String, Object> order = new LinkedHashMap<>();
        order.put("market", "KRW-BTC");
        order.put("side", "bid");
        order.put("ord_type", "price");
        order.put("price", "1000000");
        order.put("identifier", "qts-1");
        final HttpResponse<String> placed = post(order, auth);
        assertEquals(201, placed.statusCode(), placed.body());
        final JsonNode body = JSON.readTree(placed.body());
        final String uuid = body.get("uuid").asText();
        assertEquals("wait", body.get("state").asText());
        assertEquals("price", body.get("ord_type").asText());
        assertEquals("qts-1", body.get("identifier").asText());
        assertTrue(placed.headers().firstValue("Remaining-Req").orElse("").startsWith("group=order; min="));

        assertEquals("wait", JSON.readTree(priv.next()).get("state").asText());
        sim.step(1); // fills at tape[1] = 11500000
        final JsonNode fill = JSON.readTree(priv.next());
        assertEquals("myOrder", fill.get("type").asText());
        assertEquals("trade", fill.get("state").asText());
        assertEquals(uuid, fill.get("uuid").asText());
        assertEquals("BID", fill.get("ask_bid").asText());
        assertEquals(0, new BigDecimal("11500000").compareTo(fill.get("price").decimalValue()));
        final BigDecimal volume = new BigDecimal("1000000").divide(new BigDecimal("11500000"), 8, java.math.RoundingMode.DOWN);
        assertEquals(0, volume.compareTo(fill.get("executed_volume").decimalValue()));
        final BigDecimal funds = volume.multiply(new BigDecimal("11500000"));
        final BigDecimal fee = funds.multiply(new BigDecimal("0.0005")).setScale(8, java.math.RoundingMode.HALF_UP);
        assertEquals(0, fee.compareTo(fill.get("trade_fee").decimalValue()));
        assertFalse(fill.get("is_maker").asBoolean());
        assertEquals("qts-1", fill.get("identifier").asText());
        for (final String field : List.of("order_type", "trade_uuid", "avg_price", "remaining_volume", "trades_count",
            "reserved_fee", "remaining_fee", "paid_fee", "locked", "executed_funds", "trade_timestamp", "order_timestamp",
            "timestamp", "stream_type"))
        {
            assertTrue(fill.has(field), field);
        }
        assertEquals("done", JSON.readTree(priv.next()).get("state").asText());

        final HttpResponse<String> got = get("/v1/order", Map.of("uuid", uuid), auth);
        assertEquals(200, got.statusCode(), got.body());
        final JsonNode state = JSON.readTree(got.body());
        assertEquals("done", state.get("state").asText());
        assertEquals(1, state.get("trades").size());
        final HttpResponse<String> byIdentifier = get("/v1/order", Map.of("identifier", "qts-1"), auth);
        assertEquals(uuid, JSON.readTree(byIdentifier.body()).get("uuid").asText());

        final JsonNode accounts = JSON.readTree(get("/v1/accounts", Map.of(), auth).body());
        final Map<String, BigDecimal> balances = new LinkedHashMap<>();
        accounts.forEach(a -> balances.put(a.get("currency").asText(), new BigDecimal(a.get("balance").asText())));
        assertEquals(0, volume.compareTo(balances.get("BTC")));
        assertEquals(0, new BigDecimal("10000000").subtract(funds).subtract(fee).compareTo(balances.get("KRW")));
        assertEquals("KRW", accounts.get(0).get("unit_currency").asText());
    }

    @Test
    void limitOrderRestsThenIsCancelledAndTheLockIsReleased() throws Exception
    {
        final WsClient priv = subscribePrivate();
        sim.step(1);
        final Map<String, Object> order = new LinkedHashMap<>();
        order.put("market", "KRW-BTC");
        order.put("side", "bid");
        order.put("volume", "0.01");
        order.put("price", "5000000");
        order.put("ord_type", "limit");
        final HttpResponse<String> placed = post(order, auth);
        assertEquals(201, placed.statusCode(), placed.body());
        final String uuid = JSON.readTree(placed.body()).get("uuid").asText();
        assertEquals("50025", JSON.readTree(placed.body()).get("locked").asText());
        assertEquals("wait", JSON.readTree(priv.next()).get("state").asText());
        sim.step(4);
        final HttpResponse<String> cancelled = delete(Map.of("uuid", uuid), auth);
        assertEquals(200, cancelled.statusCode(), cancelled.body());
        final JsonNode cancel = JSON.readTree(priv.next());
        assertEquals("cancel", cancel.get("state").asText());
        assertEquals(0, BigDecimal.ZERO.compareTo(cancel.get("locked").decimalValue()));
        assertEquals("cancel", JSON.readTree(get("/v1/order", Map.of("uuid", uuid), auth).body()).get("state").asText());
        assertEquals(0, new BigDecimal("10000000").compareTo(sim.balances(ACCESS).get("KRW")));
        final JsonNode krw = JSON.readTree(get("/v1/accounts", Map.of(), auth).body()).get(0);
        assertEquals("0", krw.get("locked").asText());
    }

    @Test
    void limitSellFillsWhenThePriceCrosses() throws Exception
    {
        final WsClient priv = subscribePrivate();
        sim.step(1);
        final Map<String, Object> buy = new LinkedHashMap<>(Map.of("market", "KRW-BTC", "side", "bid", "ord_type", "price", "price", "2000000"));
        assertEquals(201, post(buy, auth).statusCode());
        sim.step(1);
        final BigDecimal held = sim.balances(ACCESS).get("BTC");
        final Map<String, Object> sell = new LinkedHashMap<>();
        sell.put("market", "KRW-BTC");
        sell.put("side", "ask");
        sell.put("volume", held.toPlainString());
        sell.put("price", "11520000");
        sell.put("ord_type", "limit");
        final HttpResponse<String> placed = post(sell, auth);
        assertEquals(201, placed.statusCode(), placed.body());
        final String uuid = JSON.readTree(placed.body()).get("uuid").asText();
        sim.step(8); // tape[6] = 11530000 crosses
        JsonNode m;
        do
        {
            m = JSON.readTree(priv.next());
        }
        while (!(uuid.equals(m.get("uuid").asText()) && "trade".equals(m.get("state").asText())));
        assertEquals(0, new BigDecimal("11530000").compareTo(m.get("price").decimalValue()));
        assertTrue(m.get("is_maker").asBoolean());
        assertEquals(0, BigDecimal.ZERO.compareTo(sim.balances(ACCESS).get("BTC")));
    }

    // ------------------------------------------------------------ auth, limits, validation

    @Test
    void badSignatureIs401WithUpbitsErrorBody() throws Exception
    {
        final UpbitAuth wrong = new UpbitAuth(ACCESS, "not-the-secret".getBytes(StandardCharsets.UTF_8));
        final HttpResponse<String> r = post(limitBid("bad-sig"), wrong);
        assertEquals(401, r.statusCode());
        final JsonNode error = JSON.readTree(r.body()).get("error");
        assertEquals("jwt_verification", error.get("name").asText());
        assertTrue(error.has("message"));
        assertEquals(401, get("/v1/accounts", Map.of(), null).statusCode());
        assertEquals("invalid_access_key", JSON.readTree(
            get("/v1/accounts", Map.of(), new UpbitAuth("nobody", secret)).body()).get("error").get("name").asText());
        assertTrue(logLines.stream().noneMatch(l -> l.contains(ACCESS) || l.contains("Bearer")), logLines.toString());
    }

    @Test
    void wrongQueryHashIs401() throws Exception
    {
        final Map<String, Object> order = limitBid("qh");
        final String signedFor = UpbitAuth.queryString(order).replace("volume=0.001", "volume=0.002");
        final HttpResponse<String> r = send(HttpRequest.newBuilder(uri("/v1/orders"))
            .header("Authorization", auth.authorization(signedFor, UUID.randomUUID().toString()))
            .header("Content-Type", "application/json; charset=utf-8")
            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(order))));
        assertEquals(401, r.statusCode());
        assertEquals("invalid_query_payload", JSON.readTree(r.body()).get("error").get("name").asText());

        final HttpResponse<String> g = send(HttpRequest.newBuilder(uri("/v1/order?uuid=abc"))
            .header("Authorization", auth.authorization("uuid=abd", UUID.randomUUID().toString())).GET());
        assertEquals(401, g.statusCode());
        assertEquals("invalid_query_payload", JSON.readTree(g.body()).get("error").get("name").asText());
    }

    @Test
    void aReusedNonceIs401NonceUsed() throws Exception
    {
        final String header = auth.authorization("", "fixed-nonce");
        assertEquals(200, send(HttpRequest.newBuilder(uri("/v1/accounts")).header("Authorization", header).GET()).statusCode());
        final HttpResponse<String> again = send(HttpRequest.newBuilder(uri("/v1/accounts")).header("Authorization", header).GET());
        assertEquals(401, again.statusCode());
        assertEquals("nonce_used", JSON.readTree(again.body()).get("error").get("name").asText());
    }

    @Test
    void orderGroupRateLimitGives429WithRemainingReq() throws Exception
    {
        int created = 0;
        int limited = 0;
        final List<String> remaining = new ArrayList<>();
        for (int i = 0; i < 20; i++)
        {
            final HttpResponse<String> r = post(limitBid("rl-" + i), auth);
            remaining.add(r.headers().firstValue("Remaining-Req").orElse("none"));
            if (r.statusCode() == 201)
            {
                created++;
            }
            else
            {
                assertEquals(429, r.statusCode(), r.body());
                assertEquals("too_many_requests", JSON.readTree(r.body()).get("error").get("name").asText());
                assertEquals("group=order; min=1800; sec=0", r.headers().firstValue("Remaining-Req").orElseThrow());
                limited++;
            }
        }
        assertTrue(limited > 0, remaining.toString());
        assertTrue(created >= 8 && created <= 16, "created " + created);
        assertTrue(remaining.contains("group=order; min=1800; sec=7"), remaining.toString());
        // the default group is counted separately
        final HttpResponse<String> accounts = get("/v1/accounts", Map.of(), auth);
        assertEquals(200, accounts.statusCode());
        assertTrue(accounts.headers().firstValue("Remaining-Req").orElseThrow().startsWith("group=default; min=1800; sec="));
    }

    @Test
    void duplicateIdentifierIs400() throws Exception
    {
        assertEquals(201, post(limitBid("dup-1"), auth).statusCode());
        final HttpResponse<String> again = post(limitBid("dup-1"), auth);
        assertEquals(400, again.statusCode());
        assertEquals("duplicate_identifier", JSON.readTree(again.body()).get("error").get("name").asText());
    }

    @Test
    void invalidOrdersAre400WithUpbitsNames() throws Exception
    {
        sim.step(1);
        final Map<String, Object> marketBuyWithVolume = new LinkedHashMap<>(
            Map.of("market", "KRW-BTC", "side", "bid", "ord_type", "price", "price", "10000"));
        marketBuyWithVolume.put("volume", "1");
        assertEquals("create_bid_error", errorName(post(marketBuyWithVolume, auth), 400));
        final Map<String, Object> sellWithoutCoins = new LinkedHashMap<>(
            Map.of("market", "KRW-BTC", "side", "ask", "ord_type", "market", "volume", "1"));
        assertEquals("insufficient_funds_ask", errorName(post(sellWithoutCoins, auth), 400));
        final Map<String, Object> tiny = new LinkedHashMap<>(
            Map.of("market", "KRW-BTC", "side", "bid", "ord_type", "price", "price", "1000"));
        assertEquals("under_min_total_bid", errorName(post(tiny, auth), 400));
        final Map<String, Object> tooBig = new LinkedHashMap<>(
            Map.of("market", "KRW-BTC", "side", "bid", "ord_type", "price", "price", "20000000"));
        assertEquals("insufficient_funds_bid", errorName(post(tooBig, auth), 400));
        final Map<String, Object> badSide = new LinkedHashMap<>(limitBid(null));
        badSide.put("side", "buy");
        assertEquals("validation_error", errorName(post(badSide, auth), 400));
        assertEquals("order_not_found", errorName(get("/v1/order", Map.of("uuid", "nope"), auth), 404));
    }

    @Test
    void privateStreamRefusesABadToken() throws Exception
    {
        final UpbitAuth wrong = new UpbitAuth(ACCESS, "not-the-secret".getBytes(StandardCharsets.UTF_8));
        final Exception ex = assertThrows(Exception.class,
            () -> WsClient.connect(port, ExchangeSimulator.PRIVATE_PATH, wrong.authorization("", UUID.randomUUID().toString())));
        final java.net.http.WebSocketHandshakeException handshake = (java.net.http.WebSocketHandshakeException)ex.getCause();
        assertEquals(401, handshake.getResponse().statusCode());
        assertTrue(String.valueOf(handshake.getResponse().body()).contains("jwt_verification"),
            String.valueOf(handshake.getResponse().body()));
    }

    // ------------------------------------------------------------ faults

    @Test
    void dropConnectionsClosesEveryConnection() throws Exception
    {
        final WsClient pub = subscribePublic("[{\"ticket\":\"t\"},{\"type\":\"trade\",\"codes\":[\"KRW-BTC\"]}]");
        final WsClient priv = subscribePrivate();
        sim.inject(Fault.dropConnections());
        assertNotNull(pub.closed.get(5, TimeUnit.SECONDS));
        assertNotNull(priv.closed.get(5, TimeUnit.SECONDS));
        // the server still listens: a new connection works
        final WsClient again = subscribePublic("[{\"ticket\":\"t\"},{\"type\":\"trade\",\"codes\":[\"KRW-BTC\"]}]");
        sim.step(1);
        assertEquals("trade", JSON.readTree(again.next()).get("type").asText());
    }

    @Test
    void dropConnectionsOverTheAdminEndpoint() throws Exception
    {
        final WsClient pub = subscribePublic("[{\"ticket\":\"t\"},{\"type\":\"trade\",\"codes\":[\"KRW-BTC\"]}]");
        assertEquals(200, admin("{\"fault\":\"drop_connections\"}").statusCode());
        assertNotNull(pub.closed.get(5, TimeUnit.SECONDS));
        assertTrue(logLines.stream().anyMatch(l -> l.contains("dropping all")), logLines.toString());
    }

    @Test
    void delayAcksDelaysRestResponses() throws Exception
    {
        assertEquals(200, admin("{\"fault\":\"delay_acks\",\"millis\":400}").statusCode());
        final long t0 = System.nanoTime();
        assertEquals(200, get("/v1/accounts", Map.of(), auth).statusCode());
        assertTrue(System.nanoTime() - t0 >= 400_000_000L);
        sim.inject(Fault.delayAcks(0));
        final long t1 = System.nanoTime();
        assertEquals(200, get("/v1/accounts", Map.of(), auth).statusCode());
        assertTrue(System.nanoTime() - t1 < 400_000_000L);
    }

    @Test
    void injectedHttpErrors429And418And500() throws Exception
    {
        assertEquals(200, admin("[{\"fault\":\"http_error\",\"status\":429,\"count\":2},"
            + "{\"fault\":\"http_error\",\"status\":418,\"count\":1,\"ban_seconds\":30}]").statusCode());
        sim.inject(Fault.serverError(1));
        assertEquals("too_many_requests", errorName(get("/v1/accounts", Map.of(), auth), 429));
        assertEquals("too_many_requests", errorName(get("/v1/accounts", Map.of(), auth), 429));
        final HttpResponse<String> banned = get("/v1/accounts", Map.of(), auth);
        assertEquals(418, banned.statusCode());
        assertEquals("30", banned.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(JSON.readTree(banned.body()).get("error").get("message").asText().contains("30 seconds"));
        assertEquals("server_error", errorName(get("/v1/accounts", Map.of(), auth), 500));
        assertEquals(200, get("/v1/accounts", Map.of(), auth).statusCode());
        assertEquals(400, admin("{\"fault\":\"http_error\",\"status\":404}").statusCode());
    }

    @Test
    void malformedJsonOnThePublicStream() throws Exception
    {
        final WsClient ws = subscribePublic("[{\"ticket\":\"t\"},{\"type\":\"trade\",\"codes\":[\"KRW-BTC\"]}]");
        assertEquals(200, admin("{\"fault\":\"malformed_json\",\"count\":1}").statusCode());
        sim.step(2);
        final String bad = ws.next();
        assertThrows(com.fasterxml.jackson.core.JsonProcessingException.class, () -> JSON.readTree(bad));
        assertEquals(tape.get(0).sequentialId(), JSON.readTree(ws.next()).get("sequential_id").asLong());
        assertEquals(tape.get(1).sequentialId(), JSON.readTree(ws.next()).get("sequential_id").asLong());
    }

    @Test
    void timedPlaybackAtTheChosenSpeed() throws Exception
    {
        try (ExchangeSimulator timed = new ExchangeSimulator(tape.subList(0, 12),
            new SimSettings().speed(200).autoPlay(false).log(logLines::add)))
        {
            final int p = timed.start(0);
            final WsClient ws = WsClient.connect(p, ExchangeSimulator.PUBLIC_PATH, null);
            ws.send("[{\"ticket\":\"t\"},{\"type\":\"trade\",\"codes\":[\"KRW-BTC\"]}]");
            awaitTrue(() -> statusOf(p).path("public_subscribers").asInt() == 1);
            timed.play();
            for (int i = 0; i < 12; i++)
            {
                assertEquals(tape.get(i).sequentialId(), JSON.readTree(ws.next()).get("sequential_id").asLong());
            }
            awaitTrue(timed::finished);
            assertEquals(12, timed.tradesPlayed());
        }
    }

    // ------------------------------------------------------------ helpers

    private WsClient subscribePublic(final String request) throws Exception
    {
        final int before = statusOf(port).path("public_subscribers").asInt();
        final WsClient ws = WsClient.connect(port, ExchangeSimulator.PUBLIC_PATH, null);
        ws.send(request);
        awaitTrue(() -> statusOf(port).path("public_subscribers").asInt() > before
            || request.contains("is_only_snapshot"));
        return ws;
    }

    private WsClient subscribePrivate() throws Exception
    {
        final WsClient ws = WsClient.connect(port, ExchangeSimulator.PRIVATE_PATH,
            auth.authorization("", UUID.randomUUID().toString()));
        ws.send("[{\"ticket\":\"p\"},{\"type\":\"myOrder\"}]");
        awaitTrue(() -> statusOf(port).path("private_subscribers").asInt() >= 1);
        return ws;
    }

    private JsonNode statusOf(final int p)
    {
        try
        {
            return JSON.readTree(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + p + "/sim/status")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body());
        }
        catch (final Exception ex)
        {
            throw new IllegalStateException(ex);
        }
    }

    private static void awaitTrue(final BooleanSupplier condition) throws InterruptedException
    {
        final long deadline = System.nanoTime() + 5_000_000_000L;
        while (!condition.getAsBoolean())
        {
            if (System.nanoTime() > deadline)
            {
                throw new AssertionError("condition not met within 5 s");
            }
            Thread.sleep(10);
        }
    }

    private static Map<String, Object> limitBid(final String identifier)
    {
        final Map<String, Object> order = new LinkedHashMap<>();
        order.put("market", "KRW-BTC");
        order.put("side", "bid");
        order.put("volume", "0.001");
        order.put("price", "6000000");
        order.put("ord_type", "limit");
        if (identifier != null)
        {
            order.put("identifier", identifier);
        }
        return order;
    }

    private static String errorName(final HttpResponse<String> r, final int status) throws Exception
    {
        assertEquals(status, r.statusCode(), r.body());
        return JSON.readTree(r.body()).get("error").get("name").asText();
    }

    private URI uri(final String pathAndQuery)
    {
        return URI.create("http://127.0.0.1:" + port + pathAndQuery);
    }

    private HttpResponse<String> post(final Map<String, Object> params, final UpbitAuth signer) throws Exception
    {
        final ObjectNode body = JSON.createObjectNode();
        params.forEach((k, v) -> body.put(k, String.valueOf(v)));
        return send(HttpRequest.newBuilder(uri("/v1/orders"))
            .header("Authorization", signer.authorization(UpbitAuth.queryString(params), UUID.randomUUID().toString()))
            .header("Content-Type", "application/json; charset=utf-8")
            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    private HttpResponse<String> get(final String path, final Map<String, Object> params, final UpbitAuth signer) throws Exception
    {
        final String query = UpbitAuth.urlQueryString(params);
        final HttpRequest.Builder b = HttpRequest.newBuilder(uri(path + (query.isEmpty() ? "" : "?" + query))).GET();
        if (signer != null)
        {
            b.header("Authorization", signer.authorization(UpbitAuth.queryString(params), UUID.randomUUID().toString()));
        }
        return send(b);
    }

    private HttpResponse<String> delete(final Map<String, Object> params, final UpbitAuth signer) throws Exception
    {
        return send(HttpRequest.newBuilder(uri("/v1/order?" + UpbitAuth.urlQueryString(params)))
            .header("Authorization", signer.authorization(UpbitAuth.queryString(params), UUID.randomUUID().toString()))
            .DELETE());
    }

    private HttpResponse<String> admin(final String json) throws Exception
    {
        return send(HttpRequest.newBuilder(uri("/sim/faults"))
            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpResponse<String> send(final HttpRequest.Builder request) throws Exception
    {
        return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
