package io.qts.adapters.recovery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qts.adapters.data.DataFormat;
import io.qts.adapters.data.MarketDataFile;
import io.qts.adapters.upbit.sim.ExchangeSimulator;
import io.qts.adapters.upbit.sim.SimSettings;
import io.qts.journal.EntryHeader;
import io.qts.journal.Journal;
import io.qts.journal.JournalEntry;
import io.qts.journal.JournalReader;
import io.qts.journal.Sources;
import io.qts.journal.sbe.AdminCommandDecoder;
import io.qts.journal.sbe.MessageHeaderDecoder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.qts.adapters.recovery.RunsAgainstSimulator.START_MS;
import static io.qts.adapters.recovery.RunsAgainstSimulator.awaitSubscribed;
import static io.qts.adapters.recovery.RunsAgainstSimulator.replayDigest;
import static io.qts.adapters.recovery.RunsAgainstSimulator.stepUntilAnOrderIsPlaced;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Another strategy within a session on a venue account, over real processes against the exchange simulator (in this
 * JVM, so the venue outlives the engines): process 1 runs sma-cross (fast 2, slow 4) until it holds a position and
 * stops in order; process 2 continues the session with momentum only when the operator accepts the change, and the
 * switch is journaled so that a replay of the whole session gives the live digest.
 */
class SessionStrategySwitchTest
{
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ACCESS = "switch-test-access";
    private static final String SECRET = "switch-test-secret-0123456789abcdef";
    /** momentum that never buys (a return above 100 = 10,000%) and sells at its first return (below 100): a seller. */
    private static final List<String> SELLER = List.of("--strategy", "momentum", "--param", "lookback=1", "--param", "entry=100",
        "--param", "exit=100");

    @TempDir
    Path dir;

    private final List<String> simLog = new CopyOnWriteArrayList<>();
    private ExchangeSimulator sim;
    private int port;

    @BeforeEach
    void startVenue()
    {
        sim = ExchangeSimulator.of(
            MarketDataFile.read(Path.of("../config/samples/upbit-krw-btc-1m.csv"), DataFormat.OHLCV, "KRW-BTC"),
            new SimSettings().speed(0).feeRate(new BigDecimal("0.0005")).initialBalance("KRW", new BigDecimal("10000000"))
                .key(ACCESS, SECRET.getBytes(StandardCharsets.UTF_8)).log(simLog::add));
        port = sim.start(0);
    }

    /** Every engine started, killed at the end whatever the test's outcome (a failed assertion leaves none running). */
    private final List<EngineProcess> engines = new ArrayList<>();

    @AfterEach
    void stopVenue() throws InterruptedException
    {
        for (final EngineProcess engine : engines)
        {
            engine.kill();
        }
        sim.close();
    }

    @Test
    void anAcceptedSwitchIsJournaledKeepsThePositionTradesWithTheNewStrategyAndReplaysToTheLiveDigest() throws Exception
    {
        final Path varDir = dir.resolve("var");
        final BigDecimal held = holdAPositionWithSmaCross(varDir);

        final EngineProcess refused = engine(varDir, SELLER);
        assertEquals(1, refused.waitFor());
        assertTrue(refused.output().contains("was started with other settings: strategy sma-cross -> momentum; parameters "
            + "{fast=2, slow=4} -> {entry=100, exit=100, lookback=1}"), refused.output());
        assertTrue(refused.output().contains("pass --accept-session-change"), refused.output());

        final List<String> accepting = new ArrayList<>(SELLER);
        accepting.add("--accept-session-change");
        final EngineProcess second = engine(varDir, accepting);
        final String recovered = second.awaitLine("recovered the session from", START_MS);
        final String position = recovered.substring(recovered.indexOf("position ") + 9, recovered.indexOf(", cash"));
        assertEquals(0, held.compareTo(new BigDecimal(position)), "the position is kept: " + recovered);
        second.awaitLine("the orderly stop's halt is lifted", START_MS);
        // sma-cross bought and holds; the seller sells at its first return, two trades in.
        final long ordersBefore = ordersPlaced();
        for (int i = 0; i < 3; i++)
        {
            assertEquals(1, sim.step(1));
            Thread.sleep(150);
        }
        assertEquals(ordersBefore + 1, ordersPlaced(), "the new strategy's sell went out\n" + second.output());
        assertEquals(1, sim.step(1));
        Thread.sleep(500);
        // Killed once flat: the session stays in progress, and the next process recovers it through the switch.
        second.kill();

        // A third process with momentum continues without a change: the pins hold momentum since the accepted switch.
        final EngineProcess third = engine(varDir, SELLER);
        assertTrue(third.awaitLine("recovered the session from", START_MS).contains("position 0,"), third.output());
        third.awaitLine("reconciled with the venue", START_MS);
        third.stop();

        final JsonNode lastRun = JSON.readTree(varDir.resolve("last-run.json").toFile());
        assertTrue(lastRun.path("recovered").asBoolean());
        assertEquals("momentum", lastRun.path("strategy").asText(), "last-run.json names the strategy in force");
        assertEquals("1", lastRun.path("params").path("lookback").asText());
        assertTrue(lastRun.path("params").path("fast").isMissingNode(), "no sma-cross parameter: " + lastRun.path("params"));
        assertTrue(third.output().contains(": momentum {"), "the start line names the strategy in force\n" + third.output());
        assertEquals(0, BigDecimal.ZERO.compareTo(new BigDecimal(lastRun.path("positionQty").asText())), "sold");
        assertEquals(0, sim.balances(ACCESS).getOrDefault("BTC", BigDecimal.ZERO).signum(), "the venue holds no BTC");
        final Path in = Path.of(lastRun.path("journal").asText());
        // Journaled once, by the process that accepted the change, right after its process-start note.
        assertEquals(List.of("STRATEGY_PARAM entry=10000000000", "STRATEGY_PARAM exit=10000000000",
            "STRATEGY_PARAM lookback=100000000", "SET_STRATEGY momentum"), journaledSwitches(in));
        final JsonNode session = JSON.readTree(in.getParent().resolve("session.json").toFile());
        assertEquals("sma-cross", session.path("strategy").asText(), "session.json keeps what the session started with");
        assertEquals("momentum", session.path("pins").path("strategy").asText(), "the pins hold the strategy in force");
        // All three processes: built from sma-cross (session.json), the replay meets the switch where process 2 journaled it.
        assertEquals(lastRun.path("digest").asText(), replayDigest(in));
    }

    @Test
    void anUnknownStrategyIsRefusedBeforeAnythingIsWritten() throws Exception
    {
        final Path varDir = dir.resolve("var");
        holdAPositionWithSmaCross(varDir);
        final Path runDir = Files.list(varDir.resolve("journal")).findFirst().orElseThrow();
        final byte[] sessionJson = Files.readAllBytes(runDir.resolve("session.json"));
        final long entries = entries(runDir.resolve("in"));

        final EngineProcess unknown = engine(varDir, List.of("--strategy", "no-such-strategy", "--accept-session-change"));
        assertEquals(1, unknown.waitFor());
        assertTrue(unknown.output().contains("unknown strategy 'no-such-strategy'"), unknown.output());
        assertEquals(entries, entries(runDir.resolve("in")));
        assertTrue(java.util.Arrays.equals(sessionJson, Files.readAllBytes(runDir.resolve("session.json"))));
    }

    /** Process 1: sma-cross buys, the buy fills, the process stops in order holding the position; returns it. */
    private BigDecimal holdAPositionWithSmaCross(final Path varDir) throws Exception
    {
        final EngineProcess first = engine(varDir, List.of("--param", "fast=2", "--param", "slow=4"));
        awaitSubscribed(port);
        stepUntilAnOrderIsPlaced(sim, () -> ordersPlaced() > 0);
        assertEquals(1, sim.step(1));
        first.stop();
        final JsonNode lastRun = JSON.readTree(varDir.resolve("last-run.json").toFile());
        assertEquals(1, lastRun.path("fills").asInt());
        final BigDecimal held = new BigDecimal(lastRun.path("positionQty").asText());
        assertTrue(held.signum() > 0);
        assertEquals(0, sim.balances(ACCESS).get("BTC").compareTo(held));
        return held;
    }

    private long ordersPlaced()
    {
        return simLog.stream().filter((l) -> l.contains("POST /v1/orders -> 201")).count();
    }

    /** The journal's STRATEGY_PARAM and SET_STRATEGY inputs, "ACTION key=value8" and "SET_STRATEGY name". */
    private static List<String> journaledSwitches(final Path in)
    {
        final List<String> found = new ArrayList<>();
        final JournalEntry entry = new JournalEntry();
        final MessageHeaderDecoder header = new MessageHeaderDecoder();
        final AdminCommandDecoder admin = new AdminCommandDecoder();
        try (Journal journal = Journal.openForRead(in); JournalReader reader = journal.reader())
        {
            while (reader.next(entry))
            {
                if (entry.format() != EntryHeader.FORMAT_SBE || entry.sourceId() != Sources.ADMIN)
                {
                    continue;
                }
                header.wrap(entry.payloadBuffer(), 0);
                admin.wrapAndApplyHeader(entry.payloadBuffer(), 0, header);
                switch (admin.action())
                {
                    case STRATEGY_PARAM -> found.add("STRATEGY_PARAM " + admin.paramKey() + "=" + admin.paramValue());
                    case SET_STRATEGY -> found.add("SET_STRATEGY " + admin.paramKey());
                    default -> { }
                }
            }
        }
        return found;
    }

    private static long entries(final Path in)
    {
        long count = 0;
        final JournalEntry entry = new JournalEntry();
        try (Journal journal = Journal.openForRead(in); JournalReader reader = journal.reader())
        {
            while (reader.next(entry))
            {
                count++;
            }
        }
        return count;
    }

    private EngineProcess engine(final Path varDir, final List<String> strategy) throws Exception
    {
        final List<String> args = new ArrayList<>(List.of("run", "--venue", "upbit", "--var-dir", varDir.toString()));
        args.addAll(strategy);
        final EngineProcess engine = RunsAgainstSimulator.start(port, ACCESS, SECRET, List.of(), args);
        engines.add(engine);
        return engine;
    }


}
