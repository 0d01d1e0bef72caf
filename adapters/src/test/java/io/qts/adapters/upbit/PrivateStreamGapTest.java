package io.qts.adapters.upbit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qts.adapters.upbit.sim.ExchangeSimulator;
import io.qts.adapters.upbit.sim.Fault;
import io.qts.engine.EngineResult;
import io.qts.engine.LivePipeline;
import io.qts.engine.OutputListener;
import io.qts.journal.EntryHeader;
import io.qts.journal.Journal;
import io.qts.journal.Sources;
import io.qts.journal.sbe.AdminAction;
import io.qts.journal.sbe.AdminCommandEncoder;
import io.qts.journal.sbe.MessageHeaderEncoder;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.qts.adapters.upbit.LoopbackVenue.ACCESS_KEY;
import static io.qts.adapters.upbit.LoopbackVenue.BTC;
import static io.qts.adapters.upbit.LoopbackVenue.IDS;
import static io.qts.adapters.upbit.LoopbackVenue.KRW;
import static io.qts.adapters.upbit.LoopbackVenue.LONG_GRACE_MS;
import static io.qts.adapters.upbit.LoopbackVenue.SECRET;
import static io.qts.adapters.upbit.LoopbackVenue.buySignal;
import static io.qts.adapters.upbit.LoopbackVenue.flatTape;
import static io.qts.adapters.upbit.LoopbackVenue.gateway;
import static io.qts.adapters.upbit.LoopbackVenue.myOrders;
import static io.qts.adapters.upbit.LoopbackVenue.simulator;
import static io.qts.adapters.upbit.LoopbackVenue.smaCrossContext;
import static io.qts.adapters.upbit.LoopbackVenue.trade;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The private order stream goes down at the exchange simulator (its private_stream fault: connections closed,
 * handshakes refused, missed myOrder messages never sent again) while our orders change at the venue, over loopback
 * sockets. After a reconnect the gateway asks the venue for every order it has not seen end before the stream is
 * reported up again, so entries stay refused until the REST answers are in; an order sent while the stream is down
 * (an exit: entries are refused then) is polled over REST until the venue ends it.
 */
class PrivateStreamGapTest
{
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DOWN = "{\"qts\":\"orders\",\"down\":true}";
    private static final String UP = "{\"qts\":\"orders\",\"down\":false}";

    @TempDir
    Path dir;

    /** What went into the engine, in order, as text (every input here is JSON or a short SBE command). */
    private final List<String> inputs = new CopyOnWriteArrayList<>();

    @Test
    void aFillMissedWhileTheStreamWasDownIsBookedOnceFromRestBeforeEntriesResume() throws Exception
    {
        final List<String> simLog = new CopyOnWriteArrayList<>();
        final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
        final PrintStream log = new PrintStream(logBytes, true);
        final EngineResult result;
        final Map<String, BigDecimal> venue;
        try (ExchangeSimulator sim = simulator(flatTape(), new BigDecimal("0.0005"), simLog::add);
            Journal in = Journal.openForAppend(dir.resolve("in"));
            LivePipeline pipeline = new LivePipeline(smaCrossContext(), in, OutputListener.NONE))
        {
            final int port = sim.start(0);
            pipeline.start();
            final SerializedInput input = teeInto(pipeline);
            try (UpbitMyOrders myOrders = myOrders(port, input, log);
                UpbitOrderGateway gateway = gateway(port, pipeline, input, log, 2_000, LONG_GRACE_MS))
            {
                gateway.start();
                myOrders.gateUpNote(gateway.privateStreamGate());
                myOrders.start();
                Recorded.await(() -> count(UP) == 1, 5_000, "the private stream up");
                buySignal(input);
                Recorded.await(() -> gateway.ordersSent() == 1 && gateway.unansweredOrders().isEmpty(), 5_000, "the buy at the venue");

                sim.inject(Fault.privateStreamDown());
                Recorded.await(() -> count(DOWN) == 2, 5_000, "the private stream reported down");
                // The venue fills the buy with its next trade; nobody hears of it.
                sim.step(1);
                Recorded.await(() -> sim.balances(ACCESS_KEY).getOrDefault("BTC", BigDecimal.ZERO).signum() > 0, 5_000, "the fill at the venue");
                assertEquals(0, pipeline.figures().fills(), "no stream, no fill yet");

                // The venue answers slowly: the reconnect's query is out a while before the stream may be reported up.
                sim.inject(Fault.delayAcks(300), Fault.privateStreamUp());
                Recorded.await(() -> count(UP) == 2, 10_000, "the private stream reported up again\n" + logBytes);
                Recorded.await(() -> pipeline.figures().fills() == 1, 5_000, "the fill booked from the REST answer");
                sim.inject(Fault.delayAcks(0));

                // The stream now repeats the trade it could not deliver: the order's tally already holds it.
                final byte[] repeat = repeatedTrade(resyncAnswer());
                input.publish(Sources.VENUE, EntryHeader.FORMAT_JSON, new UnsafeBuffer(repeat), 0, repeat.length);
                awaitQuiet(pipeline);
                venue = sim.balances(ACCESS_KEY);
            }
            result = pipeline.stop();
        }
        final int lastDown = inputs.lastIndexOf(DOWN);
        final int answer = inputs.indexOf(resyncAnswerText());
        final int up = inputs.lastIndexOf(UP);
        assertTrue(lastDown < answer && answer < up, "down, then the venue's answer, then up: " + inputs);
        assertTrue(resyncAnswer().path("body").path("state").asText().equals("done"), resyncAnswerText());
        assertEquals(1, result.fills(), "booked once\n" + logBytes);
        assertEquals(1, result.fillsRecovered(), "from the REST answer");
        assertEquals(1, result.unknownOrderEvents(), "the stream's repeat, for an order the REST answer ended, is dropped");
        assertEquals(0, result.ordersInFlight().length, "the venue's done ended the order");
        assertEquals(venue.get("BTC").movePointRight(8).longValueExact(), result.position(), "the venue's position: " + venue);
        assertEquals(venue.get("KRW").movePointRight(8).longValueExact(), result.finalCash(), "the venue's cash: " + venue);
        assertEquals(1_000_000, result.position(), "961,230 KRW at 96,123,000: 0.01 BTC");
        assertEquals(9_038_289_385L * KRW / 1_000, result.finalCash(), "10,000,000 - 961,230 - 480.615 fee");
    }

    @Test
    void aKillSentWhileTheStreamIsDownIsJournaledAsBlindAndPolledUntilTheVenueEndsIt() throws Exception
    {
        final List<String> simLog = new CopyOnWriteArrayList<>();
        final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
        final PrintStream log = new PrintStream(logBytes, true);
        final EngineResult result;
        final Map<String, BigDecimal> venue;
        try (ExchangeSimulator sim = simulator(flatTape(), new BigDecimal("0.0005"), simLog::add);
            Journal in = Journal.openForAppend(dir.resolve("in"));
            LivePipeline pipeline = new LivePipeline(smaCrossContext(), in, OutputListener.NONE))
        {
            final int port = sim.start(0);
            pipeline.start();
            final SerializedInput input = teeInto(pipeline);
            try (UpbitMyOrders myOrders = myOrders(port, input, log);
                UpbitOrderGateway gateway = gateway(port, pipeline, input, log, 2_000, LONG_GRACE_MS))
            {
                gateway.start();
                myOrders.gateUpNote(gateway.privateStreamGate());
                myOrders.start();
                Recorded.await(() -> count(UP) == 1, 5_000, "the private stream up");
                buySignal(input);
                Recorded.await(() -> gateway.ordersSent() == 1 && gateway.unansweredOrders().isEmpty(), 5_000, "the buy at the venue");
                sim.step(1);
                Recorded.await(() -> pipeline.figures().fills() == 1, 5_000, "the buy's fill over the stream");

                sim.inject(Fault.privateStreamDown());
                Recorded.await(() -> count(DOWN) == 2, 5_000, "the private stream reported down");
                kill(input);
                trade(input, 96_123_000);
                Recorded.await(() -> gateway.ordersSent() == 2 && gateway.unansweredOrders().isEmpty(), 5_000,
                    "the kill's sell at the venue\n" + logBytes);
                Recorded.await(() -> inputs.stream().anyMatch((text) -> text.startsWith("{\"qts\":\"blind\"")), 5_000, "the blind note");
                sim.step(1);
                Recorded.await(() -> pipeline.figures().fills() == 2, 10_000, "the sell's fill from a poll\n" + logBytes);
                awaitQuiet(pipeline);
                venue = sim.balances(ACCESS_KEY);
            }
            result = pipeline.stop();
        }
        final String blind = inputs.stream().filter((text) -> text.startsWith("{\"qts\":\"blind\"")).findFirst().orElseThrow();
        final JsonNode note = JSON.readTree(blind);
        assertEquals("ask", note.path("side").asText(), blind);
        assertTrue(note.path("reason").asText().contains("private order stream is down"), blind);
        assertTrue(inputs.stream().anyMatch((text) -> text.contains("\"op\":\"poll\"") && text.contains("\"state\":\"done\"")),
            "a poll found the sell done: " + inputs);
        assertEquals(1, count(UP), "the stream never came back: only the poll could tell");
        assertEquals(2, result.fills(), logBytes.toString());
        assertEquals(0, result.ordersInFlight().length, "the venue's done ended the sell");
        assertEquals(venue.getOrDefault("BTC", BigDecimal.ZERO).movePointRight(8).longValueExact(), result.position(), "venue: " + venue);
        assertEquals(venue.get("KRW").movePointRight(8).longValueExact(), result.finalCash(), "venue: " + venue);
        assertEquals(0, result.position(), "flat after the kill");
        assertEquals(999_903_877L * 1_000_000L, result.finalCash(), "10,000,000 - 2 x 480.615 fees");
    }

    /**
     * An order a restart recovered in flight and found still working at the venue: the process's gateway did not send
     * it, so it is told of it ({@code track}, with the venue's answer) and asks for it after a reconnect like its own.
     * Here an earlier gateway sent the buy with no private stream at all; the new one tracks it, the stream drops, the
     * venue fills the buy, the stream comes back: the fill is booked from the reconnect's REST answer.
     */
    @Test
    void anOrderRecoveredStillWorkingIsAskedForAfterAReconnectToo() throws Exception
    {
        final List<String> simLog = new CopyOnWriteArrayList<>();
        final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
        final PrintStream log = new PrintStream(logBytes, true);
        final EngineResult result;
        final Map<String, BigDecimal> venue;
        try (ExchangeSimulator sim = simulator(flatTape(), new BigDecimal("0.0005"), simLog::add);
            Journal in = Journal.openForAppend(dir.resolve("in"));
            LivePipeline pipeline = new LivePipeline(smaCrossContext(), in, OutputListener.NONE))
        {
            final int port = sim.start(0);
            pipeline.start();
            final SerializedInput input = teeInto(pipeline);
            try (UpbitOrderGateway earlier = gateway(port, pipeline, input, log, 2_000, LONG_GRACE_MS))
            {
                earlier.start();
                buySignal(input);
                Recorded.await(() -> earlier.ordersSent() == 1 && earlier.unansweredOrders().isEmpty(), 5_000, "the buy at the venue");
            }
            final String identifier = JSON.readTree(inputs.stream().filter((text) -> text.contains("\"op\":\"create\""))
                .findFirst().orElseThrow()).path("identifier").asText();
            final long cid = IDS.clientOrderId(new UnsafeBuffer(identifier.getBytes(StandardCharsets.US_ASCII)), 0, identifier.length());
            final byte[] working = new io.qts.adapters.recovery.VenueAccount(URI.create("http://127.0.0.1:" + port),
                new UpbitAuth(ACCESS_KEY, SECRET), 2_000).order(identifier).body();
            assertEquals("wait", JSON.readTree(working).path("state").asText());
            try (UpbitMyOrders myOrders = myOrders(port, input, log);
                UpbitOrderGateway gateway = gateway(port, pipeline, input, log, 2_000, LONG_GRACE_MS))
            {
                gateway.start();
                gateway.track(cid, working);
                myOrders.gateUpNote(gateway.privateStreamGate());
                myOrders.start();
                Recorded.await(() -> count(UP) == 1, 5_000, "the private stream up");
                sim.inject(Fault.privateStreamDown());
                Recorded.await(() -> count(DOWN) == 2, 5_000, "the private stream reported down");
                sim.step(1);
                Recorded.await(() -> sim.balances(ACCESS_KEY).getOrDefault("BTC", BigDecimal.ZERO).signum() > 0, 5_000, "the fill at the venue");
                sim.inject(Fault.privateStreamUp());
                Recorded.await(() -> count(UP) == 2, 10_000, "the private stream reported up again\n" + logBytes);
                Recorded.await(() -> pipeline.figures().fills() == 1, 5_000, "the fill booked from the REST answer");
                venue = sim.balances(ACCESS_KEY);
            }
            result = pipeline.stop();
        }
        assertTrue(logBytes.toString().contains("asking the venue for 1 order(s)"), logBytes.toString());
        assertEquals(1, result.fillsRecovered(), "from the reconnect's REST answer");
        assertEquals(0, result.ordersInFlight().length);
        assertEquals(venue.get("BTC").movePointRight(8).longValueExact(), result.position(), "the venue's position: " + venue);
        assertEquals(venue.get("KRW").movePointRight(8).longValueExact(), result.finalCash(), "the venue's cash: " + venue);
    }



    private SerializedInput teeInto(final LivePipeline pipeline)
    {
        final SerializedInput input = new SerializedInput((timeNs, sourceId, format, buffer, offset, length) ->
        {
            final byte[] bytes = new byte[length];
            buffer.getBytes(offset, bytes);
            inputs.add(new String(bytes, StandardCharsets.UTF_8));
            pipeline.input().accept(timeNs, sourceId, format, buffer, offset, length);
        }, SerializedInput.systemClock());
        UpbitInstruments.define(List.of(BTC), input);
        return input;
    }






    private static void kill(final SerializedInput input)
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[128]);
        final AdminCommandEncoder command = new AdminCommandEncoder().wrapAndApplyHeader(buffer, 0, new MessageHeaderEncoder())
            .timeNs(input.nowNs()).action(AdminAction.KILL).paramValue(0).paramKey("");
        input.publish(Sources.ADMIN, EntryHeader.FORMAT_SBE, buffer, 0, MessageHeaderEncoder.ENCODED_LENGTH + command.encodedLength());
    }

    private long count(final String text)
    {
        return inputs.stream().filter(text::equals).count();
    }

    private String resyncAnswerText()
    {
        return inputs.stream().filter((text) -> text.contains("\"op\":\"resync\"") && text.contains("\"status\":200"))
            .findFirst().orElseThrow(() -> new AssertionError("no resync answer in " + inputs));
    }

    private JsonNode resyncAnswer() throws Exception
    {
        return JSON.readTree(resyncAnswerText());
    }

    /** The myOrder message of the order's one trade, as the simulator's stream would have sent it. */
    private static byte[] repeatedTrade(final JsonNode answer)
    {
        final JsonNode order = answer.path("body");
        final JsonNode fill = order.path("trades").path(0);
        return ("{\"type\":\"myOrder\",\"code\":\"KRW-BTC\",\"uuid\":\"" + order.path("uuid").asText()
            + "\",\"ask_bid\":\"BID\",\"order_type\":\"price\",\"state\":\"trade\",\"trade_uuid\":\"" + fill.path("uuid").asText()
            + "\",\"price\":" + fill.path("price").asText() + ",\"volume\":" + fill.path("volume").asText()
            + ",\"remaining_volume\":null,\"executed_volume\":" + order.path("executed_volume").asText()
            + ",\"trade_fee\":" + order.path("paid_fee").asText() + ",\"identifier\":\"" + answer.path("identifier").asText()
            + "\",\"trade_timestamp\":1700000000000,\"timestamp\":1700000000000,\"stream_type\":\"REALTIME\"}")
            .getBytes(StandardCharsets.US_ASCII);
    }

    private static void awaitQuiet(final LivePipeline pipeline) throws InterruptedException
    {
        long seen = -1;
        while (seen != pipeline.processed())
        {
            seen = pipeline.processed();
            Thread.sleep(300);
        }
    }
}
