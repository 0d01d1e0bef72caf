package io.qts.adapters.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qts.adapters.ops.LogSetup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code qts run --log-format json} as its own process (the default session: the exchange simulator in-process, over
 * loopback sockets): stdout carries nothing but log events, one JSON object per line, each with the run's id and the
 * engine id, the progress lines and the summary included; the simulator's lines are in their own file; the Upbit keys
 * of the environment appear nowhere.
 */
class JsonLogRunTest
{
    private static final String ACCESS_MARKER = "ACCESS-MARKER-7f3a9c";
    private static final String SECRET_MARKER = "SECRET-MARKER-0b2d64";

    @TempDir
    Path dir;

    @Test
    void stdoutCarriesOnlyJsonEventsWithTheRunIdAndTheSummaryFiguresAndNoKey() throws Exception
    {
        final Path config = dir.resolve("qts.yml");
        final String shipped = Files.readString(Path.of("../config/qts.yml"));
        // The bundled sample played five times faster than by default: a short session.
        final String faster = shipped.replaceFirst("simSpeed: 200", "simSpeed: 1000");
        assertFalse(faster.equals(shipped), "the test changes the shipped setting it relies on");
        Files.writeString(config, faster);
        Files.createDirectories(dir.resolve("samples"));
        Files.copy(Path.of("../config/samples/upbit-krw-btc-1m.csv"), dir.resolve("samples/upbit-krw-btc-1m.csv"));
        final Path var = dir.resolve("var");

        final int exitCode;
        final String stdout;
        final String stderr;
        try (EngineProcess run = EngineProcess.start(dir, "run", List.of(),
            Map.of("UPBIT_ACCESS_KEY", ACCESS_MARKER, "UPBIT_SECRET_KEY", SECRET_MARKER),
            "run", "--config", config.toString(), "--var-dir", var.toString(), "--log-format", "json"))
        {
            assertTrue(run.process.waitFor(180, TimeUnit.SECONDS), "the run ended");
            exitCode = run.process.exitValue();
            stdout = run.out();
            stderr = run.err();
        }
        assertEquals(0, exitCode, stdout + stderr);
        final JsonNode last = new ObjectMapper().readTree(var.resolve("last-run.json").toFile());
        final String runId = last.get("runId").asText();

        final List<JsonNode> events = new ArrayList<>();
        for (final String line : stdout.split("\n", -1))
        {
            if (!line.isEmpty())
            {
                events.add(new ObjectMapper().readTree(line));
            }
        }
        assertTrue(stdout.endsWith("}\n"), "every line ends as a JSON object: " + stdout);
        JsonNode summary = null;
        boolean started = false;
        for (final JsonNode event : events)
        {
            assertTrue(event.isObject(), event.toString());
            assertTrue(event.get("timestamp").asLong() > 0, event.toString());
            assertTrue(List.of("INFO", "WARN", "ERROR").contains(event.get("level").asText()), event.toString());
            assertTrue(event.get("message").isTextual(), event.toString());
            assertEquals(runId, event.get("context").get("properties").get(LogSetup.RUN_ID).asText(), event.toString());
            assertEquals("1", event.get("context").get("properties").get(LogSetup.ENGINE_ID).asText(), event.toString());
            final String logger = event.get("loggerName").asText();
            started |= logger.equals(LogSetup.PROGRESS) && event.get("message").asText().startsWith("QTS run " + runId + ": sma-cross");
            if (logger.equals(LogSetup.SUMMARY))
            {
                assertEquals(null, summary, "one summary event");
                summary = event;
            }
            assertFalse(event.get("message").asText().startsWith("sim-exchange "), "the simulator's lines are in its own file: " + event);
        }
        assertTrue(started, "the progress lines are events of " + LogSetup.PROGRESS + ": " + stdout);
        assertTrue(events.stream().anyMatch((e) -> e.get("loggerName").asText().equals("io.qts.venue")
            && e.get("message").asText().contains("connected to ws://")), "the venue clients' lines are events too: " + stdout);
        assertTrue(summary != null, "the summary is an event: " + stdout);
        assertEquals(summary, events.get(events.size() - 1), "and the last one");

        final Map<String, String> figures = new HashMap<>();
        summary.get("kvpList").forEach((pair) -> pair.fields().forEachRemaining((f) -> figures.put(f.getKey(), f.getValue().asText())));
        assertTrue(last.get("orders").asLong() > 0, "the session traded: " + last);
        for (final String key : List.of("runId", "events", "orders", "fills", "rejectedOrders", "ordersSent", "finalValue", "pnl", "digest",
            "journal", "replayCommand", "positionQty", "cash", "stoppedBy"))
        {
            assertEquals(last.get(key).asText(), figures.get(key), key + " in the summary event: " + summary);
        }
        assertEquals(last.get("params").get("fast").asText(), figures.get("params.fast"));
        assertEquals(last.get("reconciliation").get("fillsRecovered").asText(), figures.get("reconciliation.fillsRecovered"));
        assertEquals(String.format("run ended: %d events, %d orders, %d fills, PnL %s, digest %s", last.get("events").asLong(),
            last.get("orders").asLong(), last.get("fills").asLong(), last.get("pnl").asText(), last.get("digest").asText()),
            summary.get("message").asText());

        final Path simLog = Path.of(last.get("journal").asText()).getParent().resolve("sim-exchange.log");
        assertTrue(Files.readString(simLog).contains("POST /v1/orders -> 201"), "the simulator logs to its own file beside the journals");
        assertFalse(stderr.contains("sim-exchange") || stderr.contains("POST /v1/orders"), "and nowhere else: " + stderr);

        for (final String secret : List.of(ACCESS_MARKER, SECRET_MARKER))
        {
            assertFalse(stdout.contains(secret) || stderr.contains(secret), "no key in the output");
            try (Stream<Path> files = Files.walk(dir))
            {
                for (final Path file : files.filter(Files::isRegularFile).toList())
                {
                    assertFalse(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(secret),
                        "no key in " + file);
                }
            }
        }
        // The simulator's one-run key is a secret too: it reaches the process's log nowhere.
        assertFalse(stdout.contains("qts-run-") || stdout.contains("Bearer") || stderr.contains("qts-run-") || stderr.contains("Bearer"),
            "no key or token in the log");
    }
}
