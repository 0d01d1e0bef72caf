package io.qts.adapters.run;

import io.qts.adapters.config.QtsConfig;
import io.qts.adapters.data.DataFormat;
import io.qts.adapters.data.MarketDataFile;
import io.qts.adapters.data.MarketSeries;
import io.qts.adapters.upbit.UpbitAuth;
import io.qts.adapters.upbit.sim.ExchangeSimulator;
import io.qts.adapters.upbit.sim.Fault;
import io.qts.adapters.upbit.sim.SimSettings;
import io.qts.engine.EngineResult;
import io.qts.engine.InlineEngine;
import io.qts.engine.JournalReplay;
import io.qts.engine.OutputListener;
import io.qts.engine.pipeline.QueuedOrders;
import io.qts.journal.Journal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A session over loopback sockets against the exchange simulator while it injects every fault it has:
 * malformed JSON, dropped connections, a 418 ban, 429s, a 500 and slow acks. The engine must come through
 * each (no crash, reconnects, the breaker acts, bad messages counted) and its journal must still replay,
 * without sockets, to the same decisions.
 */
class LiveSessionFaultsTest
{
    private static final byte[] SECRET = "a-test-secret-of-thirty-two-byte".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path dir;

    @Test
    void theEngineSurvivesEveryInjectedFaultAndItsJournalReplaysToTheSameDigest() throws Exception
    {
        final RunSettings settings = RunSettings.from(QtsConfig.load(null, Map.of(), Map.of()), null, Map.of(), dir, "sim", false);
        final MarketSeries feed = MarketDataFile.read(
            Path.of("../config/samples/upbit-krw-btc-1m.csv"), DataFormat.fromName("ohlcv"), "KRW-BTC");
        final List<String> simLog = new CopyOnWriteArrayList<>();
        final ByteArrayOutputStream clientLog = new ByteArrayOutputStream();
        final Path in = dir.resolve("in");
        final LiveSession.Outcome outcome;
        try (ExchangeSimulator simulator = ExchangeSimulator.of(feed, new SimSettings().market("KRW-BTC").speed(300).autoPlay(false)
            .feeRate(new BigDecimal("0.0005")).key("ak", SECRET).log(simLog::add)))
        {
            final int port = simulator.start(0);
            final Thread faults = new Thread(() -> injectFaults(simulator), "faults");
            outcome = LiveSession.run(settings, new LiveSession.Venue("the simulator",
                    URI.create("ws://127.0.0.1:" + port + ExchangeSimulator.PUBLIC_PATH),
                    URI.create("ws://127.0.0.1:" + port + ExchangeSimulator.PRIVATE_PATH),
                    URI.create("http://127.0.0.1:" + port), new UpbitAuth("ak", SECRET), 30_000),
                false, settings.venue().market("KRW-BTC"), AdminSchedule.parse(List.of(), "sma-cross"),
                () ->
                {
                    simulator.play();
                    faults.start();
                },
                simulator::finished, StopRequest.NEVER, in, dir.resolve("out"), new PrintWriter(new StringWriter()),
                new PrintStream(clientLog, true, StandardCharsets.UTF_8));
            faults.join();
        }
        final EngineResult live = outcome.result();
        final String log = clientLog.toString(StandardCharsets.UTF_8);
        assertTrue(live.orders() > 0 && live.fills() > 0, "it kept trading: " + live.orders() + " orders\n" + log);
        assertEquals(2, live.malformed(), "both malformed frames counted, nothing else\n" + log);
        assertTrue(outcome.reconnects() >= 2, "both streams reconnected after the drop: " + outcome.reconnects() + "\n" + log);
        assertTrue(live.stateChanges() >= 1, "the 418 opened the circuit breaker\n" + log);
        assertTrue(simLog.stream().anyMatch((line) -> line.contains("418")), String.join("\n", simLog));
        assertTrue(simLog.stream().anyMatch((line) -> line.contains("429")), String.join("\n", simLog));

        final EngineResult replayed;
        try (Journal journal = Journal.openForRead(in);
            InlineEngine engine = new InlineEngine(settings.session().engineContext().conclude(), null, new QueuedOrders(),
                OutputListener.NONE))
        {
            JournalReplay.replayEverything(journal, engine);
            replayed = engine.result();
        }
        assertEquals(live.digest(), replayed.digest());
        assertEquals(live.events(), replayed.events());
        assertEquals(live.malformed(), replayed.malformed());
    }

    private static void injectFaults(final ExchangeSimulator simulator)
    {
        inject(simulator, 100, Fault.malformedJson(2));
        inject(simulator, 250, Fault.dropConnections());
        inject(simulator, 400, Fault.banned(1, 1));
        inject(simulator, 650, Fault.tooManyRequests(2));
        inject(simulator, 750, Fault.serverError(1));
        inject(simulator, 800, Fault.delayAcks(300));
        inject(simulator, 900, Fault.delayAcks(0));
    }

    private static void inject(final ExchangeSimulator simulator, final long afterTrades, final Fault fault)
    {
        while (simulator.tradesPlayed() < afterTrades && !simulator.finished())
        {
            Thread.onSpinWait();
        }
        simulator.inject(fault);
    }
}
