package io.qts.adapters.upbit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qts.journal.EntryHeader;
import io.qts.journal.Sources;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The market-data client against a real WebSocket server on loopback. */
class UpbitMarketDataTest
{
    private static final String TRADE = "{\"type\":\"trade\",\"code\":\"KRW-BTC\",\"trade_price\":100,\"trade_volume\":1," +
        "\"sequential_id\":1,\"trade_timestamp\":1}";

    private final Recorded engine = new Recorded();
    private final SerializedInput input = new SerializedInput(engine, SerializedInput.systemClock());
    private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
    private final PrintStream log = new PrintStream(logBytes, true);

    private static UpbitMarketData.Config config(final URI uri, final long staleAfterMs)
    {
        return new UpbitMarketData.Config(uri, List.of("KRW-BTC", "KRW-ETH"), true, false, 50, staleAfterMs, 2_000, 20, 200);
    }

    @Test
    void subscribesWithoutAnOriginHeaderAndJournalsEachMessageAsReceived() throws Exception
    {
        try (LoopbackWebSocketServer server = new LoopbackWebSocketServer("/websocket/v1");
            UpbitMarketData feed = new UpbitMarketData(config(server.uri(), 0), input, new SplittableRandom(1), log))
        {
            feed.start();
            Recorded.await(() -> server.received.size() == 1, 5_000, "the subscribe request");
            assertFalse(server.handshakes.get(0).contains("Origin"), "Upbit throttles handshakes with an Origin header");
            final JsonNode request = new ObjectMapper().readTree(server.received.get(0));
            assertTrue(request.get(0).path("ticket").asText().length() > 10);
            assertEquals("trade", request.get(1).path("type").asText());
            assertEquals("[\"KRW-BTC\",\"KRW-ETH\"]", request.get(1).path("codes").toString());
            assertEquals("orderbook", request.get(2).path("type").asText());
            assertEquals("DEFAULT", request.get(3).path("format").asText());

            server.sendBinary(TRADE);
            server.sendText("{\"status\":\"UP\"}");
            Recorded.await(() -> engine.inputs.size() == 2, 5_000, "two messages");
            assertEquals(TRADE, engine.inputs.get(0).text(), "raw bytes as received (Upbit sends binary frames)");
            assertEquals(Sources.MARKET_DATA, engine.inputs.get(0).sourceId());
            assertEquals(EntryHeader.FORMAT_JSON, engine.inputs.get(0).format());
            assertTrue(engine.inputs.get(0).timeNs() > 1_600_000_000_000_000_000L, "receive time, ns since the epoch");
            Recorded.await(() -> feed.client().pongs() >= 2, 5_000, "keep-alive pings answered");
        }
    }

    @Test
    void reconnectsWithBackoffAndSubscribesAgain() throws Exception
    {
        try (LoopbackWebSocketServer server = new LoopbackWebSocketServer("/websocket/v1");
            UpbitMarketData feed = new UpbitMarketData(config(server.uri(), 0), input, new SplittableRandom(1), log))
        {
            feed.start();
            Recorded.await(() -> server.received.size() == 1, 5_000, "the first subscribe");
            server.dropAll();
            Recorded.await(() -> server.received.size() == 2, 5_000, "the subscribe after reconnecting");
            server.dropAll();
            Recorded.await(() -> server.received.size() == 3, 5_000, "and again");
            assertEquals(2, feed.reconnects());
            assertEquals(3, server.handshakes.size());
            server.sendText(TRADE);
            Recorded.await(() -> engine.inputs.size() == 1, 5_000, "a message on the new connection");
            assertTrue(logBytes.toString().contains("reconnect #2"), logBytes.toString());
        }
    }

    @Test
    void keepsTryingWhileTheServerIsDown() throws Exception
    {
        final URI uri;
        try (LoopbackWebSocketServer server = new LoopbackWebSocketServer("/websocket/v1"))
        {
            uri = server.uri();
        }
        try (UpbitMarketData feed = new UpbitMarketData(config(uri, 0), input, new SplittableRandom(1), log))
        {
            feed.start();
            Recorded.await(() -> feed.reconnects() >= 3, 5_000, "three attempts");
            assertFalse(feed.connected());
        }
    }

    @Test
    void backoffDoublesWithJitterUpToTheCapAndResets()
    {
        final Backoff backoff = new Backoff(100, 1_000, new SplittableRandom(7));
        final SplittableRandom same = new SplittableRandom(7);
        final long[] bases = {100, 200, 400, 800, 1_000, 1_000};
        for (final long base : bases)
        {
            final long delay = backoff.nextDelayMs();
            assertEquals(base / 2 + same.nextLong(base / 2 + 1), delay, "seeded jitter is reproducible");
            assertTrue(delay >= base / 2 && delay <= base, delay + " within [" + base / 2 + ", " + base + "]");
        }
        backoff.reset();
        assertTrue(backoff.nextDelayMs() <= 100);
    }

    @Test
    void aSilentFeedIsReportedStaleThenFreshBeforeTheNextMessage() throws Exception
    {
        try (LoopbackWebSocketServer server = new LoopbackWebSocketServer("/websocket/v1");
            UpbitMarketData feed = new UpbitMarketData(config(server.uri(), 200), input, new SplittableRandom(1), log))
        {
            feed.start();
            Recorded.await(() -> engine.texts().contains("{\"qts\":\"feed\",\"stale\":true}"), 5_000, "the stale note");
            assertEquals(1, feed.staleEvents());
            server.sendText(TRADE);
            Recorded.await(() -> engine.inputs.size() == 3, 5_000, "fresh note and the trade");
            assertEquals(List.of("{\"qts\":\"feed\",\"stale\":true}", "{\"qts\":\"feed\",\"stale\":false}", TRADE), engine.texts());
            assertTrue(logBytes.toString().contains("feed stale"));
        }
    }
}
