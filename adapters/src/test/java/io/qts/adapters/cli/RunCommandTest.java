package io.qts.adapters.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunCommandTest
{
    @TempDir
    Path dir;

    /** The lockstep run on the in-process venue (Disruptor threads, journal on disk) and a backtest over its journal decide the same. */
    @Test
    void aLocalRunThenABacktestOverItsJournalGiveTheSameDigest() throws IOException
    {
        final Path var = dir.resolve("var");
        final Cli run = Cli.run("run", "--venue", "local", "--var-dir", var.toString());
        assertEquals(0, run.exitCode, run.err);
        assertTrue(run.out.contains("[100%]"), run.out);
        final JsonNode last = new ObjectMapper().readTree(var.resolve("last-run.json").toFile());
        for (final String key : new String[] {"events", "orders", "fills", "finalValue", "digest", "journal", "eventsPerSec"})
        {
            assertTrue(last.has(key), "last-run.json lacks " + key);
        }
        assertTrue(last.get("orders").asLong() > 0, "the sample must make the default strategy trade");
        assertEquals(241 + 2 * last.get("orders").asLong(), last.get("events").asLong(), "feed + definition + accept/fill per order");

        final String[] backtest = last.get("backtestCommand").asText().replaceFirst("^bin/qts ", "").split(" ");
        final Cli replay = Cli.run(backtest);
        assertEquals(0, replay.exitCode, replay.err);
        final Path report = Path.of(backtest[backtest.length - 1]).resolve("report.json");
        final JsonNode result = new ObjectMapper().readTree(report.toFile());
        assertEquals(last.get("digest").asText(), result.get("digest").asText());
        assertEquals(last.get("finalValue").asText(), result.get("finalValue").asText());
        assertEquals(last.get("events").asLong(), result.get("events").asLong());

        final Cli verify = Cli.run("journal", "verify", "--journal", last.get("journal").asText());
        assertEquals(0, verify.exitCode, verify.out + verify.err);
        assertTrue(verify.out.contains("entries:   " + last.get("events").asLong()), verify.out);
    }
}
