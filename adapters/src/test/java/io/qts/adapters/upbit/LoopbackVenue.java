package io.qts.adapters.upbit;

import io.qts.adapters.upbit.sim.ExchangeSimulator;
import io.qts.adapters.upbit.sim.SimSettings;
import io.qts.adapters.upbit.sim.SimTrade;
import io.qts.engine.EngineContext;
import io.qts.engine.LivePipeline;
import io.qts.journal.EntryHeader;
import io.qts.journal.Sources;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * What the Upbit tests over a real loopback exchange simulator share: one KRW-BTC market, the key, a flat tape, an
 * sma-cross 2/3 engine that decodes venue JSON, the private stream and gateway clients pointed at the simulator, and
 * the trades that make that engine buy.
 */
final class LoopbackVenue
{
    static final VenueIdentifiers IDS = VenueIdentifiers.of(UpbitDecoderTest.NONCE);
    static final String ACCESS_KEY = "ak";
    static final byte[] SECRET = "loopback-venue-secret-of-32-byte".getBytes(StandardCharsets.US_ASCII);
    /** One KRW at the money scale (10^-8). */
    static final long KRW = 100_000_000L;
    static final UpbitOrderGateway.Market BTC = new UpbitOrderGateway.Market("KRW-BTC", 1, 0, 8);
    /** A never-arrived grace longer than any test here. */
    static final long LONG_GRACE_MS = 60_000;

    private LoopbackVenue()
    {
    }

    /** Four trades of 0.5 BTC at 96,123,000 for the simulator to play, one per step. */
    static List<SimTrade> flatTape()
    {
        final List<SimTrade> tape = new ArrayList<>();
        for (int i = 0; i < 4; i++)
        {
            tape.add(new SimTrade(1_700_000_000_000L + i, new BigDecimal("96123000"), new BigDecimal("0.5"), "BID", 1_000 + i));
        }
        return tape;
    }

    /** A simulator of KRW-BTC playing {@code tape} on demand (no autoplay), our key, the given fee. */
    static ExchangeSimulator simulator(final List<SimTrade> tape, final BigDecimal feeRate, final Consumer<String> simLog)
    {
        return new ExchangeSimulator(tape, new SimSettings().market("KRW-BTC").autoPlay(false)
            .feeRate(feeRate).key(ACCESS_KEY, SECRET).log(simLog));
    }

    /** sma-cross 2/3 on KRW-BTC, 0.01 BTC an order, 10,000,000 KRW, venue JSON decoded by {@link UpbitDecoder}. */
    static EngineContext smaCrossContext()
    {
        return new EngineContext()
            .symbol("KRW-BTC")
            .strategy("sma-cross", Map.of("fast", "2", "slow", "3"))
            .orderQty(1_000_000L)
            .initialCash(10_000_000 * KRW)
            .commissionRate(0)
            .ringSize(1024)
            .multiProducer(true)
            .inputDecoder(EntryHeader.FORMAT_JSON, new UpbitDecoder(IDS))
            .conclude();
    }

    /** The private order stream client of the simulator on {@code port}. */
    static UpbitMyOrders myOrders(final int port, final SerializedInput input, final PrintStream log)
    {
        return new UpbitMyOrders(URI.create("ws://127.0.0.1:" + port + ExchangeSimulator.PRIVATE_PATH), List.of("KRW-BTC"),
            new UpbitAuth(ACCESS_KEY, SECRET), 1_000, 2_000, new Backoff(20, 200, new SplittableRandom(2)), input, log);
    }

    /**
     * The order gateway of the simulator on {@code port}, taking orders from the pipeline's outbound ring.
     *
     * @param requestTimeoutMs     how long it waits for each answer.
     * @param neverArrivedGraceMs  how long after giving up it keeps asking before an unknown order is never arrived.
     */
    static UpbitOrderGateway gateway(
        final int port, final LivePipeline pipeline, final SerializedInput input, final PrintStream log,
        final long requestTimeoutMs, final long neverArrivedGraceMs)
    {
        return new UpbitOrderGateway(new UpbitOrderGateway.Config(URI.create("http://127.0.0.1:" + port),
            Map.of(1, BTC), requestTimeoutMs, 2, 20, 200, 60_000, 1_000, 1, neverArrivedGraceMs),
            new UpbitAuth(ACCESS_KEY, SECRET), IDS, pipeline::pollOrders, input, null, new SplittableRandom(3), log);
    }

    /** Prices that make sma-cross 2/3 buy at the last one, 96,123,000. */
    static void buySignal(final SerializedInput input)
    {
        for (final long price : new long[] {96_200_000, 96_150_000, 96_100_000, 96_050_000, 96_000_000, 96_123_000})
        {
            trade(input, price);
        }
    }

    /** One public KRW-BTC trade of 0.01 BTC at {@code price} KRW, as the venue's JSON. */
    static void trade(final SerializedInput input, final long price)
    {
        final byte[] trade = ("{\"type\":\"trade\",\"code\":\"KRW-BTC\",\"trade_price\":" + price +
            ",\"trade_volume\":0.01,\"ask_bid\":\"BID\"}").getBytes(StandardCharsets.US_ASCII);
        input.publish(Sources.MARKET_DATA, EntryHeader.FORMAT_JSON, new UnsafeBuffer(trade), 0, trade.length);
    }
}
