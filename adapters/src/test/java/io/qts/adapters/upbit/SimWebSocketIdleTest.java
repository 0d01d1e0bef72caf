package io.qts.adapters.upbit;

import io.qts.adapters.data.DataFormat;
import io.qts.adapters.data.MarketDataFile;
import io.qts.adapters.upbit.sim.ExchangeSimulator;
import io.qts.adapters.upbit.sim.SimSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The simulator closes a WebSocket that carried nothing for its idle timeout (Upbit: about 120 s; 400 ms here), and
 * our client's keep-alive pings hold a quiet subscription open. Playback is manual and never stepped, so the server
 * has nothing to send: only pings and pongs can keep a connection alive.
 */
class SimWebSocketIdleTest
{
    private static final long IDLE_MS = 400;

    private final List<String> simLog = new CopyOnWriteArrayList<>();
    private final SerializedInput input = new SerializedInput(new Recorded(), SerializedInput.systemClock());
    private final PrintStream log = new PrintStream(new ByteArrayOutputStream(), true);
    private ExchangeSimulator sim;
    private URI publicUrl;

    @BeforeEach
    void start()
    {
        sim = ExchangeSimulator.of(
            MarketDataFile.read(Path.of("../config/samples/upbit-krw-btc-1m.csv"), DataFormat.OHLCV, "KRW-BTC"),
            new SimSettings().speed(0).wsIdleTimeoutMs(IDLE_MS).log(simLog::add));
        publicUrl = URI.create("ws://127.0.0.1:" + sim.start(0) + ExchangeSimulator.PUBLIC_PATH);
    }

    @AfterEach
    void stop()
    {
        sim.close();
    }

    @Test
    void anIdleRawClientIsClosedWithCode1000() throws Exception
    {
        final CompletableFuture<Integer> closedWith = new CompletableFuture<>();
        final WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder()
            .buildAsync(publicUrl, new WebSocket.Listener()
            {
                @Override
                public CompletionStage<?> onClose(final WebSocket socket, final int statusCode, final String reason)
                {
                    closedWith.complete(statusCode);
                    return null;
                }
            }).get(5, TimeUnit.SECONDS);
        assertEquals(1000, closedWith.get(10, TimeUnit.SECONDS), "closed by the server, normally");
        assertTrue(simLog.stream().anyMatch(l -> l.contains("public WebSocket idle for 400 ms: closing it")), simLog.toString());
        ws.abort();
    }

    @Test
    void ourClientsPingsKeepAQuietSubscriptionOpen() throws Exception
    {
        final UpbitMarketData.Config pinging = new UpbitMarketData.Config(publicUrl, List.of("KRW-BTC"), false, false,
            IDLE_MS / 4, 0, 2_000, 20, 200);
        try (UpbitMarketData feed = new UpbitMarketData(pinging, input, new SplittableRandom(1), log))
        {
            feed.start();
            Recorded.await(() -> sim.publicSubscribers() == 1, 5_000, "the subscription");
            // Five idle timeouts' worth of silence from the server: the pings alone must carry the connection.
            Thread.sleep(5 * IDLE_MS);
            assertEquals(0, feed.reconnects());
            assertTrue(feed.connected());
            assertEquals(1, sim.publicSubscribers());
            assertTrue(feed.client().pongs() >= 4, "pings answered: " + feed.client().pongs());
            assertTrue(simLog.stream().noneMatch(l -> l.contains("idle")), simLog.toString());
        }
    }

    @Test
    void withoutPingsOurClientIsClosedAndReconnects() throws Exception
    {
        final UpbitMarketData.Config silent = new UpbitMarketData.Config(publicUrl, List.of("KRW-BTC"), false, false,
            0, 0, 2_000, 20, 200);
        try (UpbitMarketData feed = new UpbitMarketData(silent, input, new SplittableRandom(1), log))
        {
            feed.start();
            Recorded.await(() -> feed.reconnects() >= 1, 10_000, "a reconnect after the idle close");
            assertTrue(simLog.stream().anyMatch(l -> l.contains("idle for 400 ms")), simLog.toString());
        }
    }
}
