package io.qts.adapters.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qts.adapters.upbit.sim.ExchangeSimulator;
import io.qts.adapters.upbit.sim.Fault;
import io.qts.adapters.upbit.sim.SimSettings;
import io.qts.journal.EntryHeader;
import io.qts.journal.Journal;
import io.qts.journal.JournalEntry;
import io.qts.journal.JournalReader;
import io.qts.journal.Sources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code qts run --venue upbit} as a real process against the exchange simulator (in this JVM, over loopback), stopped
 * with a real SIGTERM while the venue holds back the answer to an order it has taken.
 */
class OrderlyStopTest
{
    private static final byte[] SECRET = "orderly-stop-test-secret".getBytes(StandardCharsets.US_ASCII);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final List<String> simLog = new CopyOnWriteArrayList<>();

    /** The simulator's answer comes 2 s late, inside the 5 s the stop waits: nothing is left in doubt. */
    @Test
    void sigtermHaltsEntriesWaitsForTheOrderInFlightAndExitsZero() throws Exception
    {
        final Stopped stopped = runAndSignal(List.of(Fault.delayAcks(2_000)), "order \\S+ wait", List.of(), 1);
        assertEquals(0, stopped.exitCode, stopped.err);
        assertTrue(stopped.out.matches("(?s).*  stopping: new entries halted; waiting up to 5000 ms for [1-9]\\d* order\\(s\\) in flight.*"),
            stopped.out);
        assertEquals(true, stopped.last.get("endedCleanly").asBoolean(), stopped.last.toString());
        assertEquals("signal", stopped.last.get("stoppedBy").asText());
        assertEquals(0, stopped.last.get("unresolvedOrders").size(), "the late answer arrived within the wait: " + stopped.last);
        assertHaltJournaledAndReplayAgrees(stopped);
    }

    /**
     * The venue answers the order with 500 (it never reaches the book), 20 s late: the stop waits its 300 ms, then
     * names the order, still in flight, in doubt, and the run still ends in order.
     */
    @Test
    void anOrderStillUnansweredAfterTheWaitIsReportedInDoubt() throws Exception
    {
        final Stopped stopped = runAndSignal(List.of(Fault.delayAcks(20_000), Fault.serverError(1_000)), "POST /v1/orders -> 500 \\(injected\\)",
            List.of("qts.run.stopTimeoutMs=300"), 1);
        assertEquals(0, stopped.exitCode, stopped.err);
        assertEquals("signal", stopped.last.get("stoppedBy").asText());
        final JsonNode unresolved = stopped.last.get("unresolvedOrders");
        assertEquals(1, unresolved.size(), stopped.last.toString());
        assertTrue(unresolved.get(0).asText().startsWith(stopped.last.get("nonce").asText() + "-1-"), unresolved.toString());
        assertTrue(stopped.out.contains("  in doubt    " + unresolved.size() + " order(s) sent but not answered when the run stopped: "
            + unresolved.get(0).asText()), stopped.out);
        assertHaltJournaledAndReplayAgrees(stopped);
    }

    /** A second signal ends the wait at once; the halt is journaled all the same. */
    @Test
    void aSecondSignalStopsAtOnce() throws Exception
    {
        final Stopped stopped = runAndSignal(List.of(Fault.delayAcks(20_000), Fault.serverError(1_000)), "POST /v1/orders -> 500 \\(injected\\)",
            List.of("qts.run.stopTimeoutMs=60000"), 2);
        assertEquals(0, stopped.exitCode, stopped.err);
        assertEquals("second signal", stopped.last.get("stoppedBy").asText());
        assertEquals(1, stopped.last.get("unresolvedOrders").size(), stopped.last.toString());
        assertHaltJournaledAndReplayAgrees(stopped);
    }

    private record Stopped(int exitCode, String out, String err, JsonNode last)
    {
    }

    /**
     * Starts the engine on the simulator, injects {@code faults} once the engine is up, waits until the simulator logs a
     * line matching {@code orderSeen} (an order reached it), then sends {@code signals} SIGTERMs.
     */
    private Stopped runAndSignal(final List<Fault> faults, final String orderSeen, final List<String> properties, final int signals)
        throws Exception
    {
        final Path keyFile = SimulatorAccount.keyFile(dir, "stop-ak", SECRET);
        final Path var = dir.resolve("var");
        try (ExchangeSimulator sim = ExchangeSimulator.of(SimulatorAccount.krwBtcSample(),
            new SimSettings().speed(100).autoPlay(false).key("stop-ak", SECRET).log(simLog::add)))
        {
            final int port = sim.start(0);
            final List<String> props = new ArrayList<>(SimulatorAccount.venueProperties(port, keyFile));
            props.addAll(properties);
            try (EngineProcess engine = EngineProcess.start(dir, "engine", props, "run", "--venue", "upbit", "--var-dir", var.toString()))
            {
                // Up and reconciled: a session on a venue account reads the account's balances before market data flows,
                // so the faults go in once the first progress line shows the session running.
                assertTrue(engine.awaitOutput((line) -> line.startsWith("  [") && line.contains("inputs processed"), 60_000),
                    engine.out() + engine.err());
                sim.inject(faults.toArray(Fault[]::new));
                sim.play();
                final long deadlineNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (simLog.stream().noneMatch((line) -> line.matches(orderSeen)) && System.nanoTime() < deadlineNs)
                {
                    Thread.sleep(5);
                }
                assertTrue(simLog.stream().anyMatch((line) -> line.matches(orderSeen)), "an order reached the venue: " + simLog);
                for (int i = 0; i < signals; i++)
                {
                    engine.process.destroy();
                    if (i + 1 < signals)
                    {
                        assertTrue(engine.awaitOutput((line) -> line.startsWith("  stopping: "), 30_000), engine.out() + engine.err());
                    }
                }
                assertTrue(engine.process.waitFor(60, TimeUnit.SECONDS), "it ended: " + engine.out() + engine.err());
                return new Stopped(engine.process.exitValue(), engine.out(), engine.err(), JSON.readTree(var.resolve("last-run.json").toFile()));
            }
        }
    }

    /** The HALT went into the inbound journal as an ADMIN input, and the replay of that journal gives the run's digest. */
    private static void assertHaltJournaledAndReplayAgrees(final Stopped stopped) throws Exception
    {
        final Path in = Path.of(stopped.last.get("journal").asText());
        int admins = 0;
        try (Journal journal = Journal.openForRead(in); JournalReader reader = journal.reader())
        {
            final JournalEntry entry = new JournalEntry();
            while (reader.next(entry))
            {
                if (entry.sourceId() == Sources.ADMIN && entry.format() == EntryHeader.FORMAT_SBE)
                {
                    admins++;
                }
            }
        }
        assertEquals(1, admins, "one HALT, journaled");
        final Cli replay = Cli.run("replay", "--json", "--journal", in.toString());
        assertEquals(0, replay.exitCode, replay.err);
        assertEquals(stopped.last.get("digest").asText(), JSON.readTree(replay.out).get("digest").asText());
    }
}
