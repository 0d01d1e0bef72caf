package io.qts.adapters.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qts.adapters.data.DataFormat;
import io.qts.adapters.data.MarketDataFile;
import io.qts.adapters.data.MarketSeries;
import io.qts.adapters.upbit.sim.ExchangeSimulator;
import io.qts.adapters.upbit.sim.SimSettings;
import io.qts.journal.EntryHeader;
import io.qts.journal.Journal;
import io.qts.journal.JournalEntry;
import io.qts.journal.JournalReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
        final Path keyFile = SimulatorAccount.keyFile(dir, ACCESS, SECRET);
        final Path var = dir.resolve("var");
        final JsonNode last;
        final Map<String, BigDecimal> venue;
        try (ExchangeSimulator sim = ExchangeSimulator.of(twoTapes(),
            new SimSettings().speed(400).autoPlay(false).key(ACCESS, SECRET).log(simLog::add)))
        {
            final List<String> props = properties(sim.start(0), keyFile);
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

    /**
     * SIGKILL in the middle of a two-market session, the simulator playing 40 trades while the engine is down, then a restart on
     * the same var dir: the session continues, recovery and reconciliation take both markets (no mismatch: each coin
     * is explained by its instrument's fills), both trade on, and at the end the books equal the venue's per coin and
     * the replay of the whole session gives the live digest.
     */
    @Test
    void aKilledTwoMarketSessionContinuesBothMarketsAfterARestart() throws Exception
    {
        final Path keyFile = SimulatorAccount.keyFile(dir, ACCESS, SECRET);
        final Path var = dir.resolve("var");
        final JsonNode last;
        final Map<String, BigDecimal> venue;
        try (ExchangeSimulator sim = ExchangeSimulator.of(twoTapes(),
            new SimSettings().speed(200).autoPlay(false).key(ACCESS, SECRET).log(simLog::add)))
        {
            final List<String> props = properties(sim.start(0), keyFile);
            try (EngineProcess first = EngineProcess.start(dir, "first", props, "run", "--venue", "upbit", "--var-dir", var.toString()))
            {
                assertTrue(first.awaitOutput((line) -> line.startsWith("  [") && line.contains("inputs processed"), 60_000),
                    first.out() + first.err());
                sim.play();
                final long deadlineNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (!(traded("KRW-BTC") && traded("KRW-ETH")) && System.nanoTime() < deadlineNs)
                {
                    Thread.sleep(5);
                }
                assertTrue(traded("KRW-BTC") && traded("KRW-ETH"), "both markets traded before the kill: " + simLog);
                first.process.destroyForcibly();
                assertTrue(first.process.waitFor(30, TimeUnit.SECONDS));
                // The market goes on while the engine is down (an order it had in flight fills then); the rest of the
                // tapes waits for the restarted engine, so it has something left to trade on.
                sim.pause();
                sim.step(40);
            }
            final int fillsBeforeRestart = fills();
            try (EngineProcess second = EngineProcess.start(dir, "second", props, "run", "--venue", "upbit", "--var-dir", var.toString()))
            {
                assertTrue(second.awaitOutput((line) -> line.startsWith("  reconciled with the venue: "), 60_000),
                    second.out() + second.err());
                assertTrue(second.out().matches("(?s).*  recovered the session from \\d+ journaled inputs: position KRW-BTC \\S+, "
                    + "KRW-ETH \\S+, cash .*"), second.out());
                assertTrue(second.out().contains(", 0 mismatch(es)"), second.out());
                sim.play();
                final long deadlineNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (!sim.finished() && System.nanoTime() < deadlineNs)
                {
                    Thread.sleep(20);
                }
                assertTrue(sim.finished(), "the tapes played: " + sim.tradesPlayed());
                assertTrue(fills() > fillsBeforeRestart, "it traded on after the restart");
                Thread.sleep(2_000);
                second.process.destroy();
                assertTrue(second.process.waitFor(60, TimeUnit.SECONDS), "it ended: " + second.out() + second.err());
                assertEquals(0, second.process.exitValue(), second.out() + second.err());
                last = JSON.readTree(var.resolve("last-run.json").toFile());
                venue = sim.balances(ACCESS);
            }
        }
        assertTrue(last.get("recovered").asBoolean(), last.toString());
        assertEquals(0, last.get("reconciliation").get("mismatches").asInt(), last.toString());
        final JsonNode instruments = last.get("instruments");
        assertEquals(0, new BigDecimal(last.get("cash").asText()).compareTo(venue.get("KRW")), last + " vs " + venue);
        assertEquals(0, new BigDecimal(instruments.get(0).get("positionQty").asText()).compareTo(venue.get("BTC")), last + " vs " + venue);
        assertEquals(0, new BigDecimal(instruments.get(1).get("positionQty").asText()).compareTo(venue.get("ETH")), last + " vs " + venue);
        final Cli replay = Cli.run("replay", "--json", "--journal", last.get("journal").asText());
        assertEquals(0, replay.exitCode, replay.err);
        assertEquals(last.get("digest").asText(), JSON.readTree(replay.out).get("digest").asText());
    }

    private boolean traded(final String market)
    {
        return simLog.stream().anyMatch(line -> line.matches("order \\S+ trade .* in " + market));
    }

    private int fills()
    {
        return (int)simLog.stream().filter(line -> line.matches("order \\S+ trade .*")).count();
    }

    /** Upbit KRW-BTC 1-minute bars as KRW-BTC, smtm's 3-minute candles of the same morning as KRW-ETH. */
    private static Map<String, MarketSeries> twoTapes()
    {
        final Map<String, MarketSeries> tapes = new TreeMap<>();
        tapes.put("KRW-BTC", SimulatorAccount.krwBtcSample());
        tapes.put("KRW-ETH", MarketDataFile.read(SharedData.file("smtm_upbit/upbit_3m_20200220_170000-20200220_200000.json"),
            DataFormat.UPBIT_CANDLES, "KRW-ETH"));
        return tapes;
    }

    private static List<String> properties(final int port, final Path keyFile)
    {
        final List<String> properties = new ArrayList<>(SimulatorAccount.venueProperties(port, keyFile));
        properties.addAll(List.of("qts.run.symbol=KRW-BTC,KRW-ETH", "qts.run.params.fast=3", "qts.run.params.slow=8"));
        return properties;
    }

    /**
     * The default in-process simulator with two feeds: the shared data has one Upbit market with 1-minute bars, so the
     * same file plays under both names. The two instruments then see the same prices and trade alike: each ends with
     * the same position, and the replay gives the live digest.
     */
    @Test
    void theInProcessSimulatorPlaysOneFeedPerMarket() throws Exception
    {
        final Path sample = Path.of("../config/samples/upbit-krw-btc-1m.csv").toAbsolutePath();
        final Path config = config("symbol: KRW-BTC,KRW-ETH", "feed: " + sample + "," + sample);
        final Path var = dir.resolve("var");
        final Cli run = Cli.run("run", "--config", config.toString(), "--var-dir", var.toString());
        assertEquals(0, run.exitCode, run.err);
        assertTrue(run.out.contains("exchange simulator on 127.0.0.1:"), run.out);
        final JsonNode last = JSON.readTree(var.resolve("last-run.json").toFile());
        final JsonNode instruments = last.get("instruments");
        assertEquals("KRW-BTC", instruments.get(0).get("symbol").asText());
        assertEquals("KRW-ETH", instruments.get(1).get("symbol").asText());
        // Both markets traded over REST (the same prices give them the same signals; how many orders each got can still
        // differ by one where an order was in flight at a signal, so only that each traded is asserted).
        final List<String> creates = outboundCreates(Path.of(last.get("outJournal").asText()));
        final long btc = creates.stream().filter(c -> c.contains("market=KRW-BTC&")).count();
        final long eth = creates.stream().filter(c -> c.contains("market=KRW-ETH&")).count();
        assertTrue(btc > 0, creates.size() + " creates");
        assertTrue(eth > 0, creates.size() + " creates");
        assertEquals(last.get("ordersSent").asLong(), btc + eth, last.toString());
        final Cli replay = Cli.run("replay", "--json", "--journal", last.get("journal").asText());
        assertEquals(0, replay.exitCode, replay.err);
        assertEquals(last.get("digest").asText(), JSON.readTree(replay.out).get("digest").asText());
    }

    @Test
    void severalMarketsAreRefusedWithOneLineWhereTheyCannotBeTraded() throws Exception
    {
        final Path sample = Path.of("../config/samples/upbit-krw-btc-1m.csv").toAbsolutePath();
        assertRefused(config("symbol: KRW-BTC,KRW-BTC", "feed: " + sample), List.of(),
            "config key 'run.symbol' names KRW-BTC twice: each market once");
        assertRefused(config("symbol: KRW-BTC,KRW-ETH", "feed: " + sample), List.of(),
            "config key 'run.feed' names 1 file(s) for the 2 market(s) of run.symbol (KRW-BTC,KRW-ETH): one feed per market");
        assertRefused(config("symbol: KRW-BTC,KRW-ETH", "feed: " + sample + "," + sample), List.of("--venue", "local"),
            "the local venue trades one: run several on venue sim or upbit");
        assertRefused(config("symbol: KRW-BTC,KRW-ETH", "feed: " + sample + "," + sample), List.of("--paper"),
            "the paper venue trades one");
        assertRefused(config("symbol: KRW-BTC,BTC-ETH", "feed: " + sample + "," + sample), List.of(),
            "config key 'run.symbol': KRW-BTC and BTC-ETH have different Upbit price grids");
        assertRefused(config("symbol: KRW-BTC,", "feed: " + sample), List.of(), "config key 'run.symbol' has an empty market");
    }

    /** The order create requests of an outbound journal, as journaled (JSON). */
    private static List<String> outboundCreates(final Path outJournal)
    {
        final List<String> creates = new ArrayList<>();
        final JournalEntry entry = new JournalEntry();
        try (Journal journal = Journal.openForRead(outJournal); JournalReader reader = journal.reader())
        {
            while (reader.next(entry))
            {
                if (entry.format() == EntryHeader.FORMAT_JSON)
                {
                    final byte[] bytes = new byte[entry.length()];
                    entry.payloadBuffer().getBytes(0, bytes);
                    final String text = new String(bytes, StandardCharsets.UTF_8);
                    if (text.contains("\"op\":\"create\""))
                    {
                        creates.add(text);
                    }
                }
            }
        }
        return creates;
    }

    private void assertRefused(final Path config, final List<String> options, final String message)
    {
        final List<String> args = new ArrayList<>(List.of("run", "--config", config.toString(), "--var-dir",
            dir.resolve("var").toString()));
        args.addAll(options);
        final Cli run = Cli.run(args.toArray(String[]::new));
        assertEquals(1, run.exitCode, run.out + run.err);
        assertTrue(run.err.contains(message), run.err);
        assertEquals(1, run.err.strip().lines().count(), "one line: " + run.err);
        assertFalse(Files.exists(dir.resolve("var")), "a refused start leaves nothing behind: " + message);
    }

    /** The shipped config/qts.yml with its symbol and feed lines replaced. */
    private Path config(final String symbolLine, final String feedLine) throws Exception
    {
        final String shipped = Files.readString(Path.of("../config/qts.yml"), StandardCharsets.UTF_8);
        final String text = shipped.replaceFirst("(?m)^  symbol: .*$", "  " + symbolLine)
            .replaceFirst("(?m)^  feed: .*$", "  " + feedLine);
        assertTrue(text.contains(symbolLine) && text.contains(feedLine), "the shipped config has the lines replaced");
        final Path file = Files.createTempFile(dir, "qts-", ".yml");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }
}
