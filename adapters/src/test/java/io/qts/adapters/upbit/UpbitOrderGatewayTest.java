package io.qts.adapters.upbit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qts.engine.EngineContext;
import io.qts.engine.InlineEngine;
import io.qts.engine.pipeline.DecodedInput;
import io.qts.engine.pipeline.OrderConsumer;
import io.qts.engine.pipeline.QueuedOrders;
import io.qts.journal.EntryHeader;
import io.qts.journal.EventText;
import io.qts.journal.Journal;
import io.qts.journal.JournalEntry;
import io.qts.journal.JournalKind;
import io.qts.journal.JournalReader;
import io.qts.journal.JournalSync;
import io.qts.journal.Sources;
import io.qts.journal.sbe.EngineState;
import io.qts.journal.sbe.EngineStateChangedDecoder;
import io.qts.journal.sbe.InstrumentDefinitionEncoder;
import io.qts.journal.sbe.MessageHeaderDecoder;
import io.qts.journal.sbe.MessageHeaderEncoder;
import io.qts.journal.sbe.OrderAction;
import io.qts.journal.sbe.OrderCommandEncoder;
import io.qts.journal.sbe.OrderType;
import io.qts.journal.sbe.RejectReason;
import io.qts.journal.sbe.Side;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The REST order gateway against a scripted HTTP server on loopback. */
class UpbitOrderGatewayTest
{
    private static final String ACCESS = "test-access-key";
    private static final byte[] SECRET = "test-secret-key-0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long CID = (1L << 48) | 42;
    /** The request timeout of the tests of a venue that does not answer. */
    private static final long TIMEOUT_MS = 300;
    /** The request timeout of the tests of what the venue answers (see {@code gateway}). */
    private static final long ANSWERED_TIMEOUT_MS = 10_000;
    private static final VenueIdentifiers IDS = VenueIdentifiers.of(UpbitDecoderTest.NONCE);
    /** CID as the venue sees it: the session nonce, engine id 1, sequence 42. */
    private static final String CID_AT_VENUE = UpbitDecoderTest.NONCE + "-1-42";

    @TempDir
    Path dir;

    private final Recorded engine = new Recorded();
    private final SerializedInput input = new SerializedInput(engine, SerializedInput.systemClock());
    private final ConcurrentLinkedQueue<byte[]> commands = new ConcurrentLinkedQueue<>();
    private final Consumer<OrderConsumer> orderSource = (consumer) ->
    {
        byte[] next;
        while ((next = commands.poll()) != null)
        {
            consumer.onOrder(new UnsafeBuffer(next), 0, next.length);
        }
    };
    private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
    private final PrintStream log = new PrintStream(logBytes, true);
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception
    {
        for (int i = open.size() - 1; i >= 0; i--)
        {
            open.get(i).close();
        }
    }

    private LoopbackHttpServer server(final java.util.function.Function<LoopbackHttpServer.Request, LoopbackHttpServer.Reply> script)
        throws InterruptedException
    {
        final LoopbackHttpServer server = new LoopbackHttpServer(script);
        open.add(server);
        return server;
    }

    /**
     * For the tests of what the venue answers: a request times out only after 10 s, since on a busy machine the first
     * request (a new connection, the first JWT signed) can take longer than a short timeout, and a timeout there tests
     * the retry path instead of the answer (a418 flaked so with 300 ms).
     */
    private UpbitOrderGateway gateway(final LoopbackHttpServer server, final Journal out)
    {
        return gateway(server, out, ANSWERED_TIMEOUT_MS, UpbitOrderGateway.Config.NEVER_ARRIVED_GRACE_MS);
    }

    /** For the tests of a venue that does not answer: requests time out after {@value #TIMEOUT_MS} ms. */
    private UpbitOrderGateway timingOutGateway(final LoopbackHttpServer server, final long neverArrivedGraceMs)
    {
        return gateway(server, null, TIMEOUT_MS, neverArrivedGraceMs);
    }

    private UpbitOrderGateway gateway(
        final LoopbackHttpServer server, final Journal out, final long requestTimeoutMs, final long neverArrivedGraceMs)
    {
        final UpbitOrderGateway.Config config = new UpbitOrderGateway.Config(server.uri(),
            Map.of(1, new UpbitOrderGateway.Market("KRW-BTC", 1, 0, 8)), requestTimeoutMs, 3, 20, 100, 60_000, 300, 1,
            neverArrivedGraceMs);
        final UpbitOrderGateway gateway = new UpbitOrderGateway(
            config, new UpbitAuth(ACCESS, SECRET), IDS, orderSource, input, out, new SplittableRandom(3), log);
        open.add(gateway);
        gateway.start();
        return gateway;
    }

    private void order(final long clientOrderId, final Side side, final long price, final long qty)
    {
        order(clientOrderId, OrderAction.NEW, side, price, qty);
    }

    private void order(final long clientOrderId, final OrderAction action, final Side side, final long price, final long qty)
    {
        order(clientOrderId, 1, action, side, price, qty);
    }

    private void order(
        final long clientOrderId, final int instrumentId, final OrderAction action, final Side side, final long price, final long qty)
    {
        order(clientOrderId, instrumentId, action, side, OrderType.MARKET, price, qty);
    }

    private void order(
        final long clientOrderId, final int instrumentId, final OrderAction action, final Side side, final OrderType type,
        final long price, final long qty)
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[128]);
        final OrderCommandEncoder command = new OrderCommandEncoder().wrapAndApplyHeader(buffer, 0, new MessageHeaderEncoder());
        command.timeNs(5).clientOrderId(clientOrderId).instrumentId(instrumentId).action(action).side(side)
            .orderType(type).price(price).qty(qty);
        final byte[] bytes = new byte[MessageHeaderEncoder.ENCODED_LENGTH + command.encodedLength()];
        buffer.getBytes(0, bytes);
        commands.add(bytes);
    }

    private static String created(final long cid)
    {
        return "{\"uuid\":\"u-" + cid + "\",\"side\":\"bid\",\"ord_type\":\"price\",\"price\":\"148520\",\"state\":\"wait\"," +
            "\"market\":\"KRW-BTC\",\"identifier\":\"" + IDS.identifier(cid) + "\"}";
    }

    /** What the engine would make of each VENUE input so far. */
    private List<String> decoded()
    {
        final DecodedInput out = DecodedInput.standalone();
        out.define("KRW-BTC", 1, 0, 8);
        final UpbitDecoder decoder = new UpbitDecoder(IDS);
        final List<String> kinds = new ArrayList<>();
        for (final Recorded.Input in : engine.inputs)
        {
            final byte[] bytes = in.text().getBytes(StandardCharsets.UTF_8);
            final String kind = out.decode(decoder, in.sourceId(), 1, new UnsafeBuffer(bytes), bytes.length);
            kinds.add(kind + ("accepted".equals(kind) || "rejected".equals(kind) || "inDoubt".equals(kind) ? " " + out.clientOrderId() : "") +
                ("rejected".equals(kind) && out.rejectReason() != RejectReason.VENUE_REJECTED.value() ? " " + RejectReason.get(out.rejectReason()) : ""));
        }
        return kinds;
    }

    @Test
    void marketOrdersArePostedSignedAndTheAnswersComeBackWrapped() throws Exception
    {
        final LoopbackHttpServer server = server((r) -> LoopbackHttpServer.Reply.json(201, created(CID)));
        final Path outDir = dir.resolve("out");
        try (Journal out = Journal.openForAppend(outDir, JournalKind.OUT, JournalSync.NONE))
        {
            final UpbitOrderGateway gateway = gateway(server, out);
            order(CID, Side.BUY, 148_520_000, 100_000);
            order(CID + 1, Side.SELL, 148_520_000, 100_000);
            Recorded.await(() -> engine.inputs.size() == 2, 5_000, "two answers");
            gateway.close();
        }
        final JsonNode buy = JSON.readTree(server.requests.get(0).body());
        assertEquals("{\"market\":\"KRW-BTC\",\"side\":\"bid\",\"ord_type\":\"price\",\"price\":\"148520\",\"identifier\":\"" +
            CID_AT_VENUE + "\"}", buy.toString(), "market buy: KRW amount = 0.001 x 148520000");
        final JsonNode sell = JSON.readTree(server.requests.get(1).body());
        assertEquals("market", sell.path("ord_type").asText());
        assertEquals("0.001", sell.path("volume").asText());
        for (final LoopbackHttpServer.Request request : server.requests)
        {
            final LinkedHashMap<String, Object> params = new LinkedHashMap<>();
            JSON.readTree(request.body()).fields().forEachRemaining((f) -> params.put(f.getKey(), f.getValue().asText()));
            assertEquals(ACCESS, UpbitAuth.verify(request.headers().get("Authorization"), (k) -> SECRET,
                UpbitAuth.queryString(params)), "JWT with the query_hash of the body's parameters");
            assertEquals("POST /v1/orders", request.line());
        }
        assertEquals(List.of("accepted " + CID, "accepted " + (CID + 1)), decoded());
        assertEquals(Sources.VENUE, engine.inputs.get(0).sourceId());
        assertEquals(EntryHeader.FORMAT_JSON, engine.inputs.get(0).format());

        final StringBuilder outText = new StringBuilder();
        int sbe = 0;
        int json = 0;
        try (Journal out = Journal.openForRead(outDir); JournalReader reader = out.reader())
        {
            final JournalEntry entry = new JournalEntry();
            while (reader.next(entry))
            {
                assertEquals(Sources.ORDERS, entry.sourceId());
                if (entry.format() == EntryHeader.FORMAT_SBE)
                {
                    sbe++;
                }
                else
                {
                    json++;
                }
                new EventText().append(entry.format(), entry.payloadBuffer(), entry.length(), outText.append('\n'));
            }
        }
        assertEquals(2, sbe, "each order command");
        assertEquals(2, json, "each HTTP request");
        assertTrue(outText.toString().contains("\"method\":\"POST\",\"path\":\"/v1/orders\""), outText.toString());
        assertTrue(outText.toString().contains("\"identifier\":\"" + CID_AT_VENUE + "\""));
        assertFalse(outText.toString().contains(ACCESS), "no key in the outbound journal");
        assertFalse(outText.toString().contains("Bearer"), "no Authorization header in the outbound journal");
        assertFalse(logBytes.toString().contains(ACCESS) || logBytes.toString().contains("Bearer"), "nor in the log");
    }

    @Test
    void aTimedOutCreateIsLookedUpByIdentifierBeforeItIsSentAgain() throws Exception
    {
        final int[] posts = {0};
        final LoopbackHttpServer server = server((r) ->
        {
            if (r.method().equals("POST"))
            {
                return ++posts[0] == 1 ? null : LoopbackHttpServer.Reply.json(201, created(CID));
            }
            return LoopbackHttpServer.Reply.json(404, "{\"error\":{\"name\":\"order_not_found\",\"message\":\"x\"}}");
        });
        final UpbitOrderGateway gateway = timingOutGateway(server, UpbitOrderGateway.Config.NEVER_ARRIVED_GRACE_MS);
        order(CID, Side.BUY, 148_520_000, 100_000);
        Recorded.await(() -> engine.inputs.size() == 1, 5_000, "the answer to the second send");
        assertEquals(List.of("POST /v1/orders", "GET /v1/order", "POST /v1/orders"), server.lines());
        assertEquals("/v1/order?identifier=" + CID_AT_VENUE, server.requests.get(1).uri());
        assertEquals(ACCESS, UpbitAuth.verify(server.requests.get(1).headers().get("Authorization"), (k) -> SECRET,
            "identifier=" + CID_AT_VENUE), "the query is signed too");
        assertEquals(List.of("accepted " + CID), decoded());
        assertEquals(1, gateway.timeouts());
    }

    @Test
    void aCreateThatReachedTheVenueIsNeverSentTwice() throws Exception
    {
        final LoopbackHttpServer server = server((r) -> r.method().equals("POST") ? null
            : LoopbackHttpServer.Reply.json(200, created(CID)));
        final UpbitOrderGateway gateway = timingOutGateway(server, UpbitOrderGateway.Config.NEVER_ARRIVED_GRACE_MS);
        order(CID, Side.BUY, 148_520_000, 100_000);
        Recorded.await(() -> engine.inputs.size() == 1, 5_000, "the query's answer");
        Thread.sleep(600);
        assertEquals(List.of("POST /v1/orders", "GET /v1/order"), server.lines(), "found by identifier: not sent again");
        assertEquals(List.of("accepted " + CID), decoded());
        assertEquals(1, gateway.ordersSent());
    }

    @Test
    void noAnswerAtAllLeavesTheOrderInDoubtNeverRejectedAndKeepsAsking() throws Exception
    {
        final LoopbackHttpServer server = server((r) -> null);
        timingOutGateway(server, 500);
        order(CID, Side.BUY, 148_520_000, 100_000);
        Recorded.await(() -> engine.inputs.size() == 1, 10_000, "the give-up");
        assertEquals(List.of("inDoubt " + CID), decoded(), "unknown, not rejected: the engine keeps the order in flight");
        final long queriesAtGiveUp = server.lines().stream().filter("GET /v1/order"::equals).count();
        Recorded.await(() -> server.lines().stream().filter("GET /v1/order"::equals).count() > queriesAtGiveUp, 5_000,
            "asked for by identifier again after the grace");
        assertEquals(1, server.lines().stream().filter("POST /v1/orders"::equals).count(), "never resent without a 404");
        assertEquals(List.of("inDoubt " + CID), decoded(), "reported in doubt once");
        assertTrue(logBytes.toString().contains("in doubt"));
    }

    @Test
    void anOrderTheVenueStillDoesNotKnowAfterTheGraceNeverArrived() throws Exception
    {
        final LoopbackHttpServer server = server((r) -> r.method().equals("POST") ? null
            : LoopbackHttpServer.Reply.json(404, "{\"error\":{\"name\":\"order_not_found\",\"message\":\"x\"}}"));
        timingOutGateway(server, 1_500);
        final long sentNs = System.nanoTime();
        order(CID, Side.BUY, 148_520_000, 100_000);
        Recorded.await(() -> engine.inputs.size() == 1, 10_000, "the verdict");
        final long verdictAfterMs = (System.nanoTime() - sentNs) / 1_000_000L;
        assertEquals(List.of("rejected " + CID + " UNKNOWN_ORDER"), decoded(), "never arrived: the engine ends the order");
        assertEquals(List.of("POST /v1/orders", "GET /v1/order", "POST /v1/orders", "GET /v1/order", "POST /v1/orders",
            "GET /v1/order", "GET /v1/order"), server.lines(), "resent with the same identifier while attempts last, then only asked");
        assertTrue(server.requests.stream().filter((r) -> r.method().equals("POST"))
            .allMatch((r) -> r.body().contains("\"identifier\":\"" + IDS.identifier(CID) + "\"")), "one identifier for the one decision");
        assertTrue(verdictAfterMs >= 1_500, "not before the grace after the last send: " + verdictAfterMs + " ms");
        assertTrue(logBytes.toString().contains("never arrived"));
    }

    @Test
    void anOrderForAnInstrumentWithoutAVenueMarketIsReportedRejectedNotLeftWaiting() throws Exception
    {
        final LoopbackHttpServer server = server((r) -> LoopbackHttpServer.Reply.json(201, created(CID)));
        gateway(server, null);
        order(CID, 7, OrderAction.NEW, Side.BUY, 148_520_000, 100_000);
        Recorded.await(() -> engine.inputs.size() == 1, 5_000, "the report");
        final DecodedInput out = DecodedInput.standalone();
        out.define("KRW-BTC", 1, 0, 8);
        final byte[] note = engine.inputs.get(0).text().getBytes(StandardCharsets.UTF_8);
        assertEquals("rejected", out.decode(new UpbitDecoder(IDS), Sources.VENUE, 1, new UnsafeBuffer(note), note.length));
        assertEquals(CID, out.clientOrderId());
        assertEquals(7, out.decodedInstrumentId());
        assertEquals(RejectReason.UNKNOWN_INSTRUMENT.value(), out.rejectReason());
        assertEquals(List.of(), server.lines(), "nothing sent");
        assertTrue(logBytes.toString().contains("no Upbit market configured"));
    }

    @Test
    void anotherOrderUnderTheSameIdentifierIsNeverAdopted() throws Exception
    {
        // Another run's filled bid holds the identifier; this gateway's sell gets duplicate_identifier and asks.
        final LoopbackHttpServer server = server((r) -> r.method().equals("POST")
            ? LoopbackHttpServer.Reply.json(400, "{\"error\":{\"name\":\"duplicate_identifier\",\"message\":\"x\"}}")
            : LoopbackHttpServer.Reply.json(200, "{\"uuid\":\"u-other\",\"side\":\"bid\",\"ord_type\":\"price\",\"price\":\"148520\"," +
                "\"state\":\"done\",\"market\":\"KRW-BTC\",\"volume\":null,\"executed_volume\":\"0.001\",\"identifier\":\"" + IDS.identifier(CID) + "\"}"));
        gateway(server, null);
        order(CID, Side.SELL, 148_520_000, 100_000);
        Recorded.await(() -> engine.inputs.size() == 1, 5_000, "the answer");
        assertEquals(List.of("POST /v1/orders", "GET /v1/order"), server.lines());
        assertEquals(List.of("rejected " + CID + " DUPLICATE_ORDER_ID"), decoded(), "a bid is not our ask: not adopted");
        assertTrue(logBytes.toString().contains("not adopted"));
    }

    @Test
    void remainingReqOfZeroHoldsTheGroupForTheWindow() throws Exception
    {
        final LoopbackHttpServer server = server((r) ->
            new LoopbackHttpServer.Reply(201, Map.of("Remaining-Req", "group=order; min=1800; sec=0"), created(CID)));
        gateway(server, null);
        order(CID, Side.BUY, 148_520_000, 100_000);
        Recorded.await(() -> engine.inputs.size() == 1, 5_000, "the first answer");
        final long answeredAt = System.nanoTime();
        order(CID + 1, Side.BUY, 148_520_000, 100_000);
        Recorded.await(() -> engine.inputs.size() == 2, 5_000, "the second answer");
        final long gapMs = (server.requests.get(1).atNanos() - answeredAt) / 1_000_000L;
        assertTrue(gapMs >= 200, "the second order waited for the 300 ms window: " + gapMs + " ms");
    }

    @Test
    void tooManyRequestsBacksOffAndRetries() throws Exception
    {
        final int[] posts = {0};
        final LoopbackHttpServer server = server((r) -> ++posts[0] == 1
            ? new LoopbackHttpServer.Reply(429, Map.of("Remaining-Req", "group=order; min=1800; sec=0"),
                "{\"error\":{\"name\":\"too_many_requests\",\"message\":\"Too many API requests.\"}}")
            : LoopbackHttpServer.Reply.json(201, created(CID)));
        final UpbitOrderGateway gateway = gateway(server, null);
        order(CID, Side.BUY, 148_520_000, 100_000);
        Recorded.await(() -> engine.inputs.size() == 1, 5_000, "the answer after the retry");
        assertEquals(List.of("POST /v1/orders", "POST /v1/orders"), server.lines(), "a 429 was not placed: send again");
        assertEquals(1, gateway.tooManyRequests());
        assertEquals(List.of("accepted " + CID), decoded());
        assertTrue(logBytes.toString().contains("429"));
    }

    @Test
    void a418StopsSendingForTheBanAndTripsTheBreaker() throws Exception
    {
        final LoopbackHttpServer server = server((r) -> new LoopbackHttpServer.Reply(418, Map.of("Retry-After", "30"),
            "{\"error\":{\"name\":\"too_many_requests\",\"message\":\"Your IP is blocked for 30 seconds.\"}}"));
        final UpbitOrderGateway gateway = gateway(server, null);
        order(CID, Side.BUY, 148_520_000, 100_000);
        Recorded.await(() -> engine.inputs.size() == 2, 5_000, "the block note and the reject");
        order(CID + 1, Side.BUY, 148_520_000, 100_000);
        Recorded.await(() -> engine.inputs.size() == 3, 5_000, "the second order rejected unsent");
        assertEquals(1, server.requests.size(), "nothing sent during the ban");
        assertEquals(List.of("blocked", "rejected " + CID, "rejected " + (CID + 1)), decoded());
        assertEquals(1, gateway.bans());
        final JsonNode note = JSON.readTree(engine.inputs.get(0).text());
        final long banNs = note.path("until_ns").asLong() - engine.inputs.get(0).timeNs();
        assertTrue(banNs > 29_000_000_000L && banNs <= 30_000_000_000L, "blocked for the venue's 30 s: " + banNs);

        // The engine opens its circuit breaker on the block note.
        final List<String> states = new ArrayList<>();
        final InlineEngine inline = new InlineEngine(new EngineContext().symbol("KRW-BTC")
            .strategy("sma-cross", Map.of("fast", "2", "slow", "3")).orderQty(100_000).breakerFailures(5)
            .inputDecoder(EntryHeader.FORMAT_JSON, new UpbitDecoder(IDS)).conclude(), null, new QueuedOrders(),
            (b, o, l) ->
            {
                final MessageHeaderDecoder h = new MessageHeaderDecoder().wrap(b, o);
                if (h.templateId() == EngineStateChangedDecoder.TEMPLATE_ID)
                {
                    states.add(new EngineStateChangedDecoder().wrapAndApplyHeader(b, o, h).state().name());
                }
            });
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[4096]);
        final InstrumentDefinitionEncoder definition = new InstrumentDefinitionEncoder().wrapAndApplyHeader(buffer, 0, new MessageHeaderEncoder());
        definition.timeNs(0).instrumentId(1).priceScale((byte)0).qtyScale((byte)8).symbol("KRW-BTC");
        inline.accept(0, Sources.REFERENCE, EntryHeader.FORMAT_SBE, buffer, 0, MessageHeaderEncoder.ENCODED_LENGTH + definition.encodedLength());
        for (final Recorded.Input in : engine.inputs)
        {
            final byte[] bytes = in.text().getBytes(StandardCharsets.UTF_8);
            buffer.putBytes(0, bytes);
            inline.accept(in.timeNs(), in.sourceId(), in.format(), buffer, 0, bytes.length);
        }
        assertEquals(List.of(EngineState.BREAKER_OPEN.name()), states);
        assertEquals(0, inline.result().malformed());
    }

    @Test
    void aCancelIsADeleteByIdentifierAndAccountsAreReadSigned() throws Exception
    {
        final LoopbackHttpServer server = server((r) -> r.path().equals("/v1/accounts")
            ? LoopbackHttpServer.Reply.json(200, "[{\"currency\":\"KRW\",\"balance\":\"1000000.0\"}]")
            : LoopbackHttpServer.Reply.json(200, created(CID)));
        final UpbitOrderGateway gateway = gateway(server, null);
        order(CID, OrderAction.CANCEL, Side.BUY, 0, 0);
        Recorded.await(() -> engine.inputs.size() == 1, 5_000, "the cancel's answer");
        assertEquals("DELETE /v1/order?identifier=" + CID_AT_VENUE, server.requests.get(0).method() + " " + server.requests.get(0).uri());
        assertEquals(List.of("ignored"), decoded(), "the cancel itself arrives as a myOrder state");
        assertTrue(gateway.accounts().get().contains("KRW"));
        assertEquals(ACCESS, UpbitAuth.verify(server.requests.get(1).headers().get("Authorization"), (k) -> SECRET, null));
    }

    @Test
    void limitOrdersArePostedWithTheirPriceVolumeAndTimeInForce() throws Exception
    {
        final LoopbackHttpServer server = server((r) -> LoopbackHttpServer.Reply.json(201, created(CID)));
        gateway(server, null);
        order(CID, 1, OrderAction.NEW, Side.BUY, OrderType.LIMIT, 96_000_000, 1_000_000);
        order(CID + 1, 1, OrderAction.NEW, Side.SELL, OrderType.LIMIT_IOC, 96_500_000, 250_000);
        order(CID + 2, 1, OrderAction.NEW, Side.BUY, OrderType.LIMIT_FOK, 95_999_000, 100_000_000);
        Recorded.await(() -> engine.inputs.size() == 3, 5_000, "three answers");
        assertEquals(Stream.of(
            "{\"market\":\"KRW-BTC\",\"side\":\"bid\",\"volume\":\"0.01\",\"price\":\"96000000\",\"ord_type\":\"limit\"," +
                "\"identifier\":\"" + CID_AT_VENUE + "\"}",
            "{\"market\":\"KRW-BTC\",\"side\":\"ask\",\"volume\":\"0.0025\",\"price\":\"96500000\",\"ord_type\":\"limit\"," +
                "\"time_in_force\":\"ioc\",\"identifier\":\"" + UpbitDecoderTest.NONCE + "-1-43\"}",
            "{\"market\":\"KRW-BTC\",\"side\":\"bid\",\"volume\":\"1\",\"price\":\"95999000\",\"ord_type\":\"limit\"," +
                "\"time_in_force\":\"fok\",\"identifier\":\"" + UpbitDecoderTest.NONCE + "-1-44\"}").sorted().toList(),
            server.requests.stream().map((r) -> compact(r.body())).sorted().toList(), "each POST /v1/orders body (sorted: sent in parallel)");
    }

    private static String compact(final String json)
    {
        try
        {
            return JSON.readTree(json).toString();
        }
        catch (final java.io.IOException ex)
        {
            throw new java.io.UncheckedIOException(ex);
        }
    }
}
