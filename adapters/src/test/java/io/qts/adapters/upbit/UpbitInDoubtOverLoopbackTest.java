package io.qts.adapters.upbit;

import io.qts.adapters.upbit.sim.ExchangeSimulator;
import io.qts.adapters.upbit.sim.Fault;
import io.qts.adapters.upbit.sim.SimSettings;
import io.qts.adapters.upbit.sim.SimTrade;
import io.qts.engine.EngineResult;
import io.qts.engine.LivePipeline;
import io.qts.engine.OutputListener;
import io.qts.engine.pipeline.DecodedInput;
import io.qts.engine.pipeline.OrderConsumer;
import io.qts.journal.Journal;
import io.qts.journal.Sources;
import io.qts.journal.sbe.MessageHeaderEncoder;
import io.qts.journal.sbe.OrderAction;
import io.qts.journal.sbe.OrderCommandEncoder;
import io.qts.journal.sbe.OrderType;
import io.qts.journal.sbe.RejectReason;
import io.qts.journal.sbe.Side;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

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
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Orders in doubt over loopback sockets against the exchange simulator. The case: the venue takes the order
 * but its answers are late, so the gateway gives up on it; the fill then arrives over the private stream. The order
 * was in doubt, never rejected, so the engine books the fill and ends with the venue's position and cash. And a
 * venue order under our identifier that is not ours is never adopted.
 */
class UpbitInDoubtOverLoopbackTest
{
    @TempDir
    Path dir;

    @Test
    void aFillAfterTheGatewayGaveUpIsBookedAndTheEngineMatchesTheVenue() throws Exception
    {
        final List<String> simLog = new CopyOnWriteArrayList<>();
        final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
        final PrintStream log = new PrintStream(logBytes, true);
        final EngineResult result;
        final Map<String, BigDecimal> venue;
        final long creates;
        try (ExchangeSimulator sim = simulator(flatTape(), new BigDecimal("0.0005"), simLog::add);
            Journal in = Journal.openForAppend(dir.resolve("in"));
            LivePipeline pipeline = new LivePipeline(smaCrossContext(), in, OutputListener.NONE))
        {
            final int port = sim.start(0);
            pipeline.start();
            final SerializedInput input = new SerializedInput(pipeline.input(), SerializedInput.systemClock());
            UpbitInstruments.define(List.of(BTC), input);
            try (UpbitMyOrders myOrders = myOrders(port, input, log);
                UpbitOrderGateway gateway = gateway(port, pipeline, input, log, 200, LONG_GRACE_MS))
            {
                myOrders.start();
                Recorded.await(() -> simLog.stream().anyMatch((line) -> line.startsWith("private subscription")), 5_000,
                    "the private subscription");
                gateway.start();
                // Every answer of the venue comes too late: the create and each query time out.
                sim.inject(Fault.delayAcks(3_000));
                buySignal(input);
                // The gateway logs its give-up after the in-doubt note is in: the fill below comes after it.
                Recorded.await(() -> logBytes.toString().contains("in doubt"), 10_000, "the gateway giving up");
                // The venue had the order all along: it fills on the next trade it plays.
                sim.step(1);
                Recorded.await(() -> sim.balances(ACCESS_KEY).getOrDefault("BTC", BigDecimal.ZERO).signum() > 0, 5_000, "the fill at the venue");
                long seen = -1;
                while (seen != pipeline.processed())
                {
                    seen = pipeline.processed();
                    Thread.sleep(300);
                }
                creates = gateway.ordersSent();
                venue = sim.balances(ACCESS_KEY);
                sim.inject(Fault.delayAcks(0));
            }
            result = pipeline.stop();
        }
        assertEquals(1, creates, "sent once, never again under a new identifier\n" + logBytes);
        assertEquals(1, result.ordersInDoubt(), logBytes.toString());
        assertEquals(0, result.rejectedOrders(), "in doubt is not rejected");
        assertTrue(result.fills() >= 1, "the fill was booked: " + result.fills() + "\n" + logBytes);
        assertEquals(venue.get("BTC").movePointRight(8).longValueExact(), result.position(), "the venue's position: " + venue);
        assertEquals(venue.get("KRW").movePointRight(8).longValueExact(), result.finalCash(), "the venue's cash: " + venue);
        assertEquals(1_000_000, result.position(), "961,230 KRW at 96,123,000: 0.01 BTC");
        assertEquals(9_038_289_385L * KRW / 1_000, result.finalCash(), "10,000,000 - 961,230 - 480.615 fee");
    }

    /**
     * The same order in doubt, with no private stream at all: only the gateway's queries by identifier can tell. Its
     * answers come late until the venue has filled the order; the next query's answer (state done, the cumulative
     * executed volume, funds and fee) books the fill, once, and ends the order.
     */
    @Test
    void anOrderInDoubtIsResolvedByTheGatewaysQueryWhenNoStreamReportsTheFill() throws Exception
    {
        final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
        final PrintStream log = new PrintStream(logBytes, true);
        final EngineResult result;
        final Map<String, BigDecimal> venue;
        try (ExchangeSimulator sim = simulator(flatTape(), new BigDecimal("0.0005"), (line) -> { });
            Journal in = Journal.openForAppend(dir.resolve("in"));
            LivePipeline pipeline = new LivePipeline(smaCrossContext(), in, OutputListener.NONE))
        {
            final int port = sim.start(0);
            pipeline.start();
            final SerializedInput input = new SerializedInput(pipeline.input(), SerializedInput.systemClock());
            UpbitInstruments.define(List.of(BTC), input);
            // Asked again 500 ms after giving up, and again until an answer comes.
            try (UpbitOrderGateway gateway = gateway(port, pipeline, input, log, 200, 500))
            {
                gateway.start();
                sim.inject(Fault.delayAcks(3_000));
                buySignal(input);
                Recorded.await(() -> logBytes.toString().contains("in doubt"), 10_000, "the gateway giving up");
                sim.step(1);
                Recorded.await(() -> sim.balances(ACCESS_KEY).getOrDefault("BTC", BigDecimal.ZERO).signum() > 0, 5_000, "the fill at the venue");
                // The venue answers in time again: the next query finds the order done.
                sim.inject(Fault.delayAcks(0));
                Recorded.await(() -> pipeline.figures().fills() > 0, 15_000, "the fill booked from the query's answer");
                venue = sim.balances(ACCESS_KEY);
            }
            result = pipeline.stop();
        }
        assertEquals(1, result.ordersInDoubt(), logBytes.toString());
        assertEquals(0, result.rejectedOrders(), "in doubt is not rejected");
        assertEquals(1, result.fills(), "booked once, from the query's answer\n" + logBytes);
        assertEquals(0, result.ordersInFlight().length, "the venue's done ended the order");
        assertEquals(venue.get("BTC").movePointRight(8).longValueExact(), result.position(), "the venue's position: " + venue);
        assertEquals(venue.get("KRW").movePointRight(8).longValueExact(), result.finalCash(), "the venue's cash: " + venue);
        assertEquals(1_000_000, result.position(), "961,230 KRW at 96,123,000: 0.01 BTC");
        assertEquals(9_038_289_385L * KRW / 1_000, result.finalCash(), "10,000,000 - 961,230 - 480.615 fee");
    }

    /**
     * The create reaches the book but every answer about it is lost (the simulator's drop_answers), so the gateway
     * gives up and holds the order in doubt; meanwhile the order is cancelled at the venue (a DELETE by identifier, as
     * from the venue's site). The next query's answer, state cancel with nothing executed, ends the order: no fill,
     * books unchanged, and the strategy may decide again.
     */
    @Test
    void anOrderInDoubtThatTheVenueCancelledIsEndedByTheGatewaysQuery() throws Exception
    {
        final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
        final PrintStream log = new PrintStream(logBytes, true);
        final EngineResult result;
        final Map<String, BigDecimal> venue;
        try (ExchangeSimulator sim = simulator(flatTape(), new BigDecimal("0.0005"), (line) -> { });
            Journal in = Journal.openForAppend(dir.resolve("in"));
            LivePipeline pipeline = new LivePipeline(smaCrossContext(), in, OutputListener.NONE))
        {
            final int port = sim.start(0);
            pipeline.start();
            final SerializedInput input = new SerializedInput(pipeline.input(), SerializedInput.systemClock());
            UpbitInstruments.define(List.of(BTC), input);
            // The create and its 2 x 2 queries lose their answers; asked again 3 s after giving up.
            sim.inject(Fault.dropAnswers(5));
            try (UpbitOrderGateway gateway = gateway(port, pipeline, input, log, 2_000, 3_000))
            {
                gateway.start();
                buySignal(input);
                Recorded.await(() -> logBytes.toString().contains("in doubt"), 15_000, "the gateway giving up\n" + logBytes);
                final String identifier = logBytes.toString().replaceAll("(?s).*order (\\S+) has no answer.*", "$1");
                assertEquals(200, cancelAtVenue(port, identifier), "cancelled at the venue");
                Recorded.await(() -> pipeline.resultSoFar().ordersInFlight().length == 0, 15_000,
                    "the order ended by the query's answer\n" + logBytes);
                venue = sim.balances(ACCESS_KEY);
            }
            result = pipeline.stop();
        }
        assertEquals(1, result.ordersInDoubt(), logBytes.toString());
        assertEquals(0, result.fills(), "nothing executed");
        assertEquals(0, result.rejectedOrders(), "cancelled, not rejected");
        assertEquals(0, result.ordersInFlight().length);
        assertEquals(0, result.position());
        assertEquals(10_000_000 * KRW, result.finalCash());
        assertEquals(0, venue.getOrDefault("BTC", BigDecimal.ZERO).signum(), "the venue holds no coin: " + venue);
        assertEquals(10_000_000 * KRW, venue.get("KRW").movePointRight(8).longValueExact(), "nor spent any KRW: " + venue);
    }

    /**
     * Both sends of a create are lost in transit (the simulator's lose_orders): the order never reaches the book. The
     * gateway sends it again under the same identifier once, then asks until the never-arrived grace has passed; the
     * venue's 404 then ends the order as never arrived (UNKNOWN_ORDER), and nothing was bought.
     */
    @Test
    void anOrderThatNeverReachedTheVenueIsResolvedAsNeverArrivedAfterTheGrace() throws Exception
    {
        final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
        final PrintStream log = new PrintStream(logBytes, true);
        final EngineResult result;
        final Map<String, BigDecimal> venue;
        final long creates;
        try (ExchangeSimulator sim = simulator(flatTape(), new BigDecimal("0.0005"), (line) -> { });
            Journal in = Journal.openForAppend(dir.resolve("in"));
            LivePipeline pipeline = new LivePipeline(smaCrossContext(), in, OutputListener.NONE))
        {
            final int port = sim.start(0);
            pipeline.start();
            final SerializedInput input = new SerializedInput(pipeline.input(), SerializedInput.systemClock());
            UpbitInstruments.define(List.of(BTC), input);
            sim.inject(Fault.loseOrders(2));
            try (UpbitOrderGateway gateway = gateway(port, pipeline, input, log, 2_000, 500))
            {
                gateway.start();
                buySignal(input);
                Recorded.await(() -> pipeline.figures().rejectedOrders() == 1, 15_000, "the order resolved as never arrived\n" + logBytes);
                creates = gateway.ordersSent();
                sim.step(1);
                venue = sim.balances(ACCESS_KEY);
            }
            result = pipeline.stop();
        }
        assertEquals(2, creates, "sent twice under one identifier, never under a new one\n" + logBytes);
        assertTrue(logBytes.toString().contains("resolved as never arrived"), logBytes.toString());
        assertEquals(1, result.rejectedOrders());
        assertEquals(0, result.ordersInFlight().length, "ended: the strategy may decide again");
        assertEquals(0, result.fills());
        assertEquals(0, result.position());
        assertEquals(10_000_000 * KRW, result.finalCash());
        assertEquals(0, venue.getOrDefault("BTC", BigDecimal.ZERO).signum(), "nothing reached the book: " + venue);
    }




    /** DELETE /v1/order?identifier=, signed: the venue's own cancel, as from its site. */
    private static int cancelAtVenue(final int port, final String identifier) throws Exception
    {
        final String query = "identifier=" + identifier;
        final HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/order?" + query))
            .header("Authorization", new UpbitAuth(ACCESS_KEY, SECRET).authorization(query, java.util.UUID.randomUUID().toString()))
            .DELETE().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /**
     * Another run's bid holds the identifier at the simulator; this run's ask under the same identifier gets
     * duplicate_identifier, asks the simulator by identifier, finds the bid, and does not take it for its own.
     */
    @Test
    void aVenueOrderOfAnotherSideUnderOurIdentifierIsNotAdopted() throws Exception
    {
        final long cid = (1L << 48) | (7L << 32) | 42;
        final List<SimTrade> tape = List.of(new SimTrade(1_700_000_000_000L, new BigDecimal("96123000"), new BigDecimal("0.5"), "BID", 1));
        final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
        final PrintStream log = new PrintStream(logBytes, true);
        try (ExchangeSimulator sim = new ExchangeSimulator(tape, new SimSettings().market("KRW-BTC").autoPlay(false)
            .key(ACCESS_KEY, SECRET).initialBalance("BTC", new BigDecimal("1"))))
        {
            final int port = sim.start(0);
            final Recorded earlierRun = new Recorded();
            final Recorded thisRun = new Recorded();
            final ConcurrentLinkedQueue<byte[]> earlierCommands = new ConcurrentLinkedQueue<>();
            final ConcurrentLinkedQueue<byte[]> commands = new ConcurrentLinkedQueue<>();
            try (UpbitOrderGateway earlier = gatewayFedBy(port, earlierCommands, earlierRun, log);
                UpbitOrderGateway gateway = gatewayFedBy(port, commands, thisRun, log))
            {
                earlierCommands.add(command(cid, Side.BUY, 96_123_000, 1_000_000));
                Recorded.await(() -> earlierRun.inputs.size() == 1, 5_000, "the earlier run's bid at the venue");
                commands.add(command(cid, Side.SELL, 96_123_000, 1_000_000));
                Recorded.await(() -> thisRun.inputs.size() == 1, 5_000, "this run's answer");
                assertEquals(1, gateway.ordersSent(), "sent once; the identifier is never changed for the same decision");
            }
            final DecodedInput out = DecodedInput.standalone();
            out.define("KRW-BTC", 1, 0, 8);
            final byte[] answer = thisRun.inputs.get(0).text().getBytes(StandardCharsets.UTF_8);
            assertEquals("rejected", out.decode(new UpbitDecoder(IDS), Sources.VENUE, 1, new UnsafeBuffer(answer), answer.length),
                thisRun.inputs.get(0).text());
            assertEquals(cid, out.clientOrderId());
            assertEquals(RejectReason.DUPLICATE_ORDER_ID.value(), out.rejectReason());
            assertTrue(logBytes.toString().contains("not adopted"), logBytes.toString());
        }
    }

    /** A gateway taking its order commands from {@code commands} and giving the venue's answers to {@code engine}. */
    private static UpbitOrderGateway gatewayFedBy(
        final int port, final ConcurrentLinkedQueue<byte[]> commands, final Recorded engine, final PrintStream log)
    {
        final Consumer<OrderConsumer> source = (consumer) ->
        {
            byte[] next;
            while ((next = commands.poll()) != null)
            {
                consumer.onOrder(new UnsafeBuffer(next), 0, next.length);
            }
        };
        final UpbitOrderGateway gateway = new UpbitOrderGateway(new UpbitOrderGateway.Config(URI.create("http://127.0.0.1:" + port),
            Map.of(1, BTC), 2_000, 2, 20, 200, 60_000, 1_000, 1), new UpbitAuth(ACCESS_KEY, SECRET), IDS, source,
            new SerializedInput(engine, SerializedInput.systemClock()), null, new SplittableRandom(5), log);
        gateway.start();
        return gateway;
    }

    private static byte[] command(final long clientOrderId, final Side side, final long price, final long qty)
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[128]);
        final OrderCommandEncoder command = new OrderCommandEncoder().wrapAndApplyHeader(buffer, 0, new MessageHeaderEncoder());
        command.timeNs(5).clientOrderId(clientOrderId).instrumentId(1).action(OrderAction.NEW).side(side)
            .orderType(OrderType.MARKET).price(price).qty(qty);
        final byte[] bytes = new byte[MessageHeaderEncoder.ENCODED_LENGTH + command.encodedLength()];
        buffer.getBytes(0, bytes);
        return bytes;
    }
}
