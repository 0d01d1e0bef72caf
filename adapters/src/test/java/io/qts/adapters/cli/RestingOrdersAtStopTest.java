package io.qts.adapters.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qts.adapters.upbit.sim.ExchangeSimulator;
import io.qts.adapters.upbit.sim.SimSettings;
import io.qts.engine.Strategies;
import io.qts.journal.EntryHeader;
import io.qts.journal.Journal;
import io.qts.journal.JournalEntry;
import io.qts.journal.JournalReader;
import io.qts.journal.Sources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code qts run --venue upbit} as a real process against the exchange simulator, trading a user strategy loaded from a
 * jar ({@link RestingBidStrategy}) whose bid rests at the venue; a real SIGTERM stops it. By default
 * ({@code run.restingOrdersAtStop: cancel}) the stop cancels the bid at the simulator before the run ends; under keep it
 * stays. last-run.json says which, and the journaled HALT carries it, so a replay of the journal agrees.
 */
class RestingOrdersAtStopTest
{
    private static final byte[] SECRET = "resting-stop-test-secret".getBytes(StandardCharsets.US_ASCII);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final List<String> simLog = new CopyOnWriteArrayList<>();

    @Test
    void sigtermCancelsTheRestingBidAtTheVenueByDefault() throws Exception
    {
        final JsonNode last = runAndStop(List.of());
        assertEquals("cancel", last.get("restingOrdersAtStop").asText(), last.toString());
        assertTrue(simLog.stream().anyMatch((line) -> line.matches("order \\S+ cancel.*")), "cancelled at the simulator: " + simLog);
        assertEquals(0, last.get("ordersInFlight").asInt(), last.toString());
        assertEquals(0, last.get("unresolvedOrders").size(), last.toString());
        assertReplayAgrees(last);
    }

    @Test
    void underKeepTheBidStaysAtTheVenue() throws Exception
    {
        final JsonNode last = runAndStop(List.of("qts.run.restingOrdersAtStop=keep", "qts.run.stopTimeoutMs=300"));
        assertEquals("keep", last.get("restingOrdersAtStop").asText(), last.toString());
        assertFalse(simLog.stream().anyMatch((line) -> line.matches("order \\S+ cancel.*")), "nothing cancelled: " + simLog);
        assertEquals(1, last.get("ordersInFlight").asInt(), "the bid still rests: " + last);
        assertReplayAgrees(last);
    }

    /** Runs the strategy from a jar until its bid rests at the simulator, then sends one SIGTERM; returns last-run.json. */
    private JsonNode runAndStop(final List<String> properties) throws Exception
    {
        final Path jar = strategyJar();
        final Path keyFile = SimulatorAccount.keyFile(dir, "rest-ak", SECRET);
        final Path var = dir.resolve("var");
        try (ExchangeSimulator sim = ExchangeSimulator.of(SimulatorAccount.krwBtcSample(),
            new SimSettings().speed(100).autoPlay(false).key("rest-ak", SECRET).log(simLog::add)))
        {
            final int port = sim.start(0);
            final List<String> props = new ArrayList<>(SimulatorAccount.venueProperties(port, keyFile));
            props.addAll(properties);
            try (EngineProcess engine = EngineProcess.start(dir, "engine", props, "run", "--venue", "upbit", "--var-dir", var.toString(),
                "--strategy-path", jar.toString(), "--strategy", "resting-bid"))
            {
                assertTrue(engine.awaitOutput((line) -> line.startsWith("  [") && line.contains("inputs processed"), 60_000),
                    engine.out() + engine.err());
                sim.play();
                final long deadlineNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (simLog.stream().noneMatch((line) -> line.matches("order \\S+ wait.*")) && System.nanoTime() < deadlineNs)
                {
                    Thread.sleep(5);
                }
                assertTrue(simLog.stream().anyMatch((line) -> line.matches("order \\S+ wait.*")), "the bid rests: " + simLog);
                engine.process.destroy();
                assertTrue(engine.process.waitFor(60, TimeUnit.SECONDS), "it ended: " + engine.out() + engine.err());
                assertEquals(0, engine.process.exitValue(), engine.out() + engine.err());
                return JSON.readTree(var.resolve("last-run.json").toFile());
            }
        }
    }

    /** The strategy's classes and its service file, in a jar of their own. */
    private Path strategyJar() throws IOException
    {
        final Path classes = Path.of(RestingBidStrategy.class.getProtectionDomain().getCodeSource().getLocation().getPath());
        final Path jar = dir.resolve("resting-bid.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar)))
        {
            out.putNextEntry(new JarEntry("META-INF/services/io.qts.engine.strategy.StrategyFactory"));
            out.write((RestingBidStrategy.class.getName() + "\n").getBytes(StandardCharsets.UTF_8));
            for (final String name : List.of("RestingBidStrategy.class", "RestingBidStrategy$1.class"))
            {
                out.putNextEntry(new JarEntry("io/qts/adapters/cli/" + name));
                copy(classes.resolve("io/qts/adapters/cli/" + name), out);
            }
        }
        return jar;
    }

    private static void copy(final Path file, final OutputStream out) throws IOException
    {
        out.write(Files.readAllBytes(file));
    }

    /** The stop's HALT is in the inbound journal, and a replay of the journal gives the run's digest. */
    private static void assertReplayAgrees(final JsonNode last) throws Exception
    {
        final Path in = Path.of(last.get("journal").asText());
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
        // replay has no --strategy-path: the strategy is loaded here, in this JVM, for it.
        Strategies.useLoaded(List.of(new RestingBidStrategy()), "the test");
        try
        {
            final Cli replay = Cli.run("replay", "--json", "--journal", in.toString());
            assertEquals(0, replay.exitCode, replay.err);
            assertEquals(last.get("digest").asText(), JSON.readTree(replay.out).get("digest").asText());
        }
        finally
        {
            Strategies.useLoaded(List.of(), "");
        }
    }
}
