package io.qts.adapters.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qts.adapters.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code qts run --log-format json}: one JSON object per line on stderr, with the run's id; the simulator logs to its own file. */
class LogFormatTest
{
    @TempDir
    Path dir;

    @Test
    void aJsonLogHasOneObjectPerEventWithTheRunIdAndNoSecretAndTheSimulatorLogsApart() throws Exception
    {
        final Path var = dir.resolve("var");
        final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final PrintStream original = System.err;
        final int exitCode;
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
        try
        {
            exitCode = Main.execute(new String[] {"run", "--var-dir", var.toString(), "--log-format", "json"},
                new PrintWriter(out, true), new PrintWriter(err, true));
        }
        finally
        {
            System.setErr(original);
        }
        assertEquals(0, exitCode, err.toString());
        final JsonNode last = new ObjectMapper().readTree(var.resolve("last-run.json").toFile());
        final String runId = last.get("runId").asText();
        final List<String> lines = stderr.toString(StandardCharsets.UTF_8).lines().filter((l) -> !l.isBlank()).toList();
        assertFalse(lines.isEmpty(), "the venue clients logged their connections");
        boolean connected = false;
        for (final String line : lines)
        {
            final JsonNode event = new ObjectMapper().readTree(line);
            assertTrue(event.get("timestamp").asLong() > 0, line);
            assertTrue(List.of("INFO", "WARN", "ERROR").contains(event.get("level").asText()), line);
            assertTrue(event.has("loggerName") && event.has("message"), line);
            assertEquals(runId, event.get("context").get("properties").get(LogSetup.RUN_ID).asText(), line);
            assertEquals("1", event.get("context").get("properties").get(LogSetup.ENGINE_ID).asText(), line);
            connected |= event.get("loggerName").asText().equals("io.qts.venue") && event.get("message").asText().contains("connected to ws://");
            assertFalse(line.contains("sim-exchange"), "the simulator's lines are not in the service's log: " + line);
        }
        assertTrue(connected, "the market-data connection is logged: " + lines);
        final String everything = stderr.toString(StandardCharsets.UTF_8) + out;
        assertFalse(everything.contains("qts-run-") || everything.contains("Bearer"), "no key or token in the log or the output");

        final Path simLog = Path.of(last.get("journal").asText()).getParent().resolve("sim-exchange.log");
        assertTrue(Files.readString(simLog).contains("POST /v1/orders -> 201"), "the simulator's log is beside the journals");
        assertFalse(out.toString().contains("sim-exchange 2") || out.toString().contains("POST /v1/orders"),
            "and not between the progress lines: " + out);
    }

    @Test
    void anUnknownLogFormatIsRefusedWithOneLine()
    {
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final int exitCode = Main.execute(new String[] {"run", "--var-dir", dir.resolve("var").toString(), "--log-format", "xml"},
            new PrintWriter(out, true), new PrintWriter(err, true));
        assertEquals(1, exitCode);
        assertEquals("qts: error: --log-format must be one of text, json, got 'xml'\n", err.toString());
        assertFalse(Files.exists(dir.resolve("var")), "nothing written");
    }
}
