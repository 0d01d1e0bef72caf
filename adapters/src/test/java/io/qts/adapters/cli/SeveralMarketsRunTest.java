package io.qts.adapters.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qts.adapters.data.DataFormat;
import io.qts.adapters.data.MarketDataFile;
import io.qts.adapters.data.MarketSeries;
import io.qts.adapters.upbit.sim.ExchangeSimulator;
import io.qts.adapters.upbit.sim.SimSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code qts run --venue upbit} with {@code run.symbol: KRW-BTC,KRW-ETH} as a real process against the exchange
 * simulator (in this JVM, over loopback) playing one tape per market. Upbit KRW-BTC data is all the shared data has of
 * Upbit, so the KRW-ETH tape is Upbit KRW-BTC too, at another bar length: the 1-minute sample plays as KRW-BTC and
 * smtm's 3-minute candles of the same morning (2020-02-20 08:00-11:00 UTC) play as KRW-ETH. The two tapes differ, so
 * the two markets trade at different times and prices.
 */
class SeveralMarketsRunTest
{
    private static final byte[] SECRET = "several-markets-test-secret".getBytes(StandardCharsets.US_ASCII);
    private static final String ACCESS = "markets-ak";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final List<String> simLog = new CopyOnWriteArrayList<>();

    @Test
    void bothMarketsTradeTheBooksEqualTheVenuesAccountsAndTheReplayGivesTheDigest() throws Exception
    {
        final Path keyFile = dir.resolve("upbit.keys");
        Files.writeString(keyFile, "access_key=" + ACCESS + "\nsecret_key=" + new String(SECRET, StandardCharsets.US_ASCII) + "\n",
            StandardCharsets.US_ASCII);
        Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
        final Path var = dir.resolve("var");
        final Map<String, MarketSeries> tapes = new TreeMap<>();
        tapes.put("KRW-BTC", MarketDataFile.read(Path.of("../config/samples/upbit-krw-btc-1m.csv"), DataFormat.OHLCV, "KRW-BTC"));
        tapes.put("KRW-ETH", MarketDataFile.read(SharedData.file("smtm_upbit/upbit_3m_20200220_170000-20200220_200000.json"),
            DataFormat.UPBIT_CANDLES, "KRW-ETH"));
        final JsonNode last;
        final Map<String, BigDecimal> venue;
        try (ExchangeSimulator sim = ExchangeSimulator.of(tapes,
            new SimSettings().speed(400).autoPlay(false).key(ACCESS, SECRET).log(simLog::add)))
        {
            final int port = sim.start(0);
            final List<String> props = List.of(
                "qts.venue.restUrl=http://127.0.0.1:" + port,
                "qts.venue.websocketUrl=ws://127.0.0.1:" + port + ExchangeSimulator.PUBLIC_PATH,
                "qts.venue.privateWebsocketUrl=ws://127.0.0.1:" + port + ExchangeSimulator.PRIVATE_PATH,
                "qts.venue.keyFile=" + keyFile,
                "qts.run.symbol=KRW-BTC,KRW-ETH",
                "qts.run.params.fast=3",
                "qts.run.params.slow=8");
            try (EngineProcess engine = EngineProcess.start(dir, "engine", props, "run", "--venue", "upbit", "--var-dir", var.toString()))
            {
                assertTrue(engine.awaitOutput((line) -> line.startsWith("  [") && line.contains("inputs processed"), 60_000),
                    engine.out() + engine.err());
                assertTrue(engine.out().contains(" on KRW-BTC,KRW-ETH, venue upbit"), engine.out());
                sim.play();
                final long deadlineNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (!sim.finished() && System.nanoTime() < deadlineNs)
                {
                    Thread.sleep(20);
                }
                assertTrue(sim.finished(), "the tapes played: " + sim.tradesPlayed());
                // The last answers reach the engine; the orderly stop then waits for any order still in flight.
                Thread.sleep(2_000);
                engine.process.destroy();
                assertTrue(engine.process.waitFor(60, TimeUnit.SECONDS), "it ended: " + engine.out() + engine.err());
                assertEquals(0, engine.process.exitValue(), engine.out() + engine.err());
                last = JSON.readTree(var.resolve("last-run.json").toFile());
                venue = sim.balances(ACCESS);
            }
        }
        assertEquals("KRW-BTC,KRW-ETH", last.get("symbol").asText());
        // An order sent on the tape's last trades waits at the venue for a next trade that never comes: it may be left in
        // flight. Its funds are locked there, and the totals compared below count locked funds, so the books still agree.
        final JsonNode instruments = last.get("instruments");
        assertEquals(2, instruments.size(), last.toString());
        assertEquals("KRW-BTC", instruments.get(0).get("symbol").asText());
        assertEquals("KRW-ETH", instruments.get(1).get("symbol").asText());
        assertEquals(last.get("positionQty").asText(), instruments.get(0).get("positionQty").asText());
        // The engine's books equal the venue's accounts: cash to 10^-8, each coin to the unit of its quantity.
        assertEquals(0, new BigDecimal(last.get("cash").asText()).compareTo(venue.get("KRW")), last + " vs " + venue);
        assertEquals(0, new BigDecimal(instruments.get(0).get("positionQty").asText()).compareTo(venue.get("BTC")), last + " vs " + venue);
        assertEquals(0, new BigDecimal(instruments.get(1).get("positionQty").asText()).compareTo(venue.get("ETH")), last + " vs " + venue);

        // Both markets traded: the venue filled orders in each.
        assertTrue(simLog.stream().anyMatch(line -> line.matches("order \\S+ trade .* in KRW-BTC")), String.join("\n", simLog));
        assertTrue(simLog.stream().anyMatch(line -> line.matches("order \\S+ trade .* in KRW-ETH")), String.join("\n", simLog));

        final Cli replay = Cli.run("replay", "--json", "--journal", last.get("journal").asText());
        assertEquals(0, replay.exitCode, replay.err);
        final JsonNode replayed = JSON.readTree(replay.out);
        assertEquals(last.get("digest").asText(), replayed.get("digest").asText());
        assertEquals(last.get("fills").asLong(), replayed.get("fills").asLong());
    }
}
