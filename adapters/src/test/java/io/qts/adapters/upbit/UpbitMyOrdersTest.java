package io.qts.adapters.upbit;

import io.qts.adapters.data.DataFormat;
import io.qts.adapters.data.MarketDataFile;
import io.qts.adapters.upbit.sim.ExchangeSimulator;
import io.qts.adapters.upbit.sim.Fault;
import io.qts.adapters.upbit.sim.SimSettings;
import io.qts.journal.Sources;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The private order stream against the exchange simulator on loopback: the engine hears when it is blind. */
class UpbitMyOrdersTest
{
    private static final byte[] SECRET = "my-orders-test-secret".getBytes(StandardCharsets.US_ASCII);
    private static final String DOWN = "{\"qts\":\"orders\",\"down\":true}";
    private static final String UP = "{\"qts\":\"orders\",\"down\":false}";

    private final Recorded engine = new Recorded();
    private final SerializedInput input = new SerializedInput(engine, SerializedInput.systemClock());

    @Test
    void downUntilSubscribedAndAgainWhileADroppedStreamReconnects() throws Exception
    {
        try (ExchangeSimulator sim = ExchangeSimulator.of(
                MarketDataFile.read(Path.of("../config/samples/upbit-krw-btc-1m.csv"), DataFormat.OHLCV, "KRW-BTC"),
                new SimSettings().speed(0).key("ak", SECRET).log((line) -> { }));
            UpbitMyOrders myOrders = new UpbitMyOrders(
                URI.create("ws://127.0.0.1:" + sim.start(0) + ExchangeSimulator.PRIVATE_PATH), List.of("KRW-BTC"),
                new UpbitAuth("ak", SECRET), 30_000, 2_000, new Backoff(20, 200, new SplittableRandom(1)), input,
                new PrintStream(new ByteArrayOutputStream(), true)))
        {
            myOrders.start();
            Recorded.await(() -> engine.texts().contains(UP), 5_000, "the subscription");
            assertEquals(List.of(DOWN, UP), engine.texts(), "blind from the start until subscribed");
            sim.inject(Fault.dropConnections());
            Recorded.await(() -> engine.texts().size() == 4, 5_000, "the loss and the reconnect");
            assertEquals(List.of(DOWN, UP, DOWN, UP), engine.texts());
            assertEquals(List.of(Sources.VENUE, Sources.VENUE, Sources.VENUE, Sources.VENUE),
                engine.inputs.stream().map(Recorded.Input::sourceId).toList());
        }
    }
}
