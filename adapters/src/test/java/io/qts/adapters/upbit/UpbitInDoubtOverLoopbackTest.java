package io.qts.adapters.upbit;

import io.qts.adapters.upbit.sim.ExchangeSimulator;
import io.qts.adapters.upbit.sim.Fault;
import io.qts.adapters.upbit.sim.SimSettings;
import io.qts.adapters.upbit.sim.SimTrade;
import io.qts.engine.EngineContext;
import io.qts.engine.EngineResult;
import io.qts.engine.LivePipeline;
import io.qts.engine.OutputListener;
import io.qts.journal.EntryHeader;
import io.qts.journal.Journal;
import io.qts.journal.Sources;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The case over loopback sockets against the exchange simulator: the venue takes the order but its answers are
 * late, so the gateway gives up on it; the fill then arrives over the private stream. The order was in doubt, never
 * rejected, so the engine books the fill and ends with the venue's position and cash.
 */
class UpbitInDoubtOverLoopbackTest
{
    private static final byte[] SECRET = "in-doubt-test-secret-of-32-bytes".getBytes(StandardCharsets.US_ASCII);
    private static final long KRW = 100_000_000L;

    @TempDir
    Path dir;

    @Test
    void aFillAfterTheGatewayGaveUpIsBookedAndTheEngineMatchesTheVenue() throws Exception
    {
        final List<SimTrade> tape = new ArrayList<>();
        for (int i = 0; i < 4; i++)
        {
            tape.add(new SimTrade(1_700_000_000_000L + i, new BigDecimal("96123000"), new BigDecimal("0.5"), "BID", 1_000 + i));
        }
        final List<String> simLog = new CopyOnWriteArrayList<>();
        final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
        final PrintStream log = new PrintStream(logBytes, true);
        final EngineContext context = new EngineContext()
            .symbol("KRW-BTC")
            .strategy("sma-cross", Map.of("fast", "2", "slow", "3"))
            .orderQty(1_000_000L)
            .initialCash(10_000_000 * KRW)
            .commissionRate(0)
            .ringSize(1024)
            .multiProducer(true)
            .inputDecoder(EntryHeader.FORMAT_JSON, new UpbitDecoder())
            .conclude();
        final EngineResult result;
        final Map<String, BigDecimal> venue;
        final long creates;
        try (ExchangeSimulator sim = new ExchangeSimulator(tape, new SimSettings().market("KRW-BTC").autoPlay(false)
                .feeRate(new BigDecimal("0.0005")).key("ak", SECRET).log(simLog::add));
            Journal in = Journal.openForAppend(dir.resolve("in"));
            LivePipeline pipeline = new LivePipeline(context, in, OutputListener.NONE))
        {
            final int port = sim.start(0);
            pipeline.start();
            final SerializedInput input = new SerializedInput(pipeline.input(), SerializedInput.systemClock());
            final UpbitOrderGateway.Market btc = new UpbitOrderGateway.Market("KRW-BTC", 1, 0, 8);
            UpbitInstruments.define(List.of(btc), input);
            final UpbitAuth auth = new UpbitAuth("ak", SECRET);
            try (UpbitMyOrders myOrders = new UpbitMyOrders(URI.create("ws://127.0.0.1:" + port + ExchangeSimulator.PRIVATE_PATH),
                    List.of("KRW-BTC"), auth, 1_000, 2_000, new Backoff(20, 200, new SplittableRandom(2)), input, log);
                UpbitOrderGateway gateway = new UpbitOrderGateway(new UpbitOrderGateway.Config(URI.create("http://127.0.0.1:" + port),
                    Map.of(1, btc), 200, 2, 20, 200, 60_000, 1_000, 1, 60_000), auth, pipeline::pollOrders, input, null,
                    new SplittableRandom(3), log))
            {
                myOrders.start();
                Recorded.await(() -> simLog.stream().anyMatch((line) -> line.startsWith("private subscription")), 5_000,
                    "the private subscription");
                gateway.start();
                // Every answer of the venue comes too late: the create and each query time out.
                sim.inject(Fault.delayAcks(3_000));
                for (final long price : new long[] {96_200_000, 96_150_000, 96_100_000, 96_050_000, 96_000_000, 96_123_000})
                {
                    final byte[] trade = ("{\"type\":\"trade\",\"code\":\"KRW-BTC\",\"trade_price\":" + price +
                        ",\"trade_volume\":0.01,\"ask_bid\":\"BID\"}").getBytes(StandardCharsets.US_ASCII);
                    input.publish(Sources.MARKET_DATA, EntryHeader.FORMAT_JSON, new UnsafeBuffer(trade), 0, trade.length);
                }
                Recorded.await(() -> logBytes.toString().contains("in doubt"), 10_000, "the gateway giving up");
                // The venue had the order all along: it fills on the next trade it plays.
                sim.step(1);
                Recorded.await(() -> sim.balances("ak").getOrDefault("BTC", BigDecimal.ZERO).signum() > 0, 5_000, "the fill at the venue");
                long seen = -1;
                while (seen != pipeline.processed())
                {
                    seen = pipeline.processed();
                    Thread.sleep(300);
                }
                creates = gateway.ordersSent();
                venue = sim.balances("ak");
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
}
