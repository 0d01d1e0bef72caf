package io.qts.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs one JMH benchmark through {@code jmh}, in this JVM and briefly; checks what it writes, never how fast it was. */
class JmhSmokeTest
{
    @TempDir
    Path dir;

    @Test
    void oneBenchmarkWritesJmhJsonWithTheAllocationMetric() throws IOException
    {
        final Path json = dir.resolve("results").resolve("smoke.json");
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final int exit = BenchMain.execute(new PrintWriter(out), new PrintWriter(err),
            "jmh", "TradeTickEncodeBenchmark", "--forks", "0", "--warmups", "0", "--iterations", "1", "--time", "1",
            "--out", json.toString());
        assertEquals(0, exit, "exit code; stderr: " + err);
        assertTrue(Files.isRegularFile(json), "JSON written to " + json);

        final JsonNode results = new ObjectMapper().readTree(json.toFile());
        assertEquals(1, results.size(), results.toString());
        final JsonNode result = results.get(0);
        assertEquals("io.qts.bench.jmh.TradeTickEncodeBenchmark.encode", result.path("benchmark").asText());
        assertTrue(result.path("primaryMetric").path("score").isNumber(), result.toString());
        assertTrue(result.path("secondaryMetrics").path("gc.alloc.rate.norm").path("score").isNumber(), result.toString());
        assertTrue(out.toString().contains("TradeTickEncodeBenchmark.encode"), "summary table: " + out);
        assertTrue(out.toString().contains("results: " + json.toAbsolutePath()), "where the JSON went: " + out);
    }

    @Test
    void aBadOptionIsOneErrorLineAndExitCode2()
    {
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final int exit = BenchMain.execute(new PrintWriter(out), new PrintWriter(err), "jmh", "--forks", "-1");
        assertEquals(2, exit);
        final String message = err.toString().strip();
        assertEquals(1, message.lines().count(), message);
        assertEquals("qts: error: --forks must be 0 to 20, got -1", message);
    }

    @Test
    void aBadRegexIsOneErrorLineAndExitCode2()
    {
        final StringWriter err = new StringWriter();
        final int exit = BenchMain.execute(new PrintWriter(new StringWriter()), new PrintWriter(err), "jmh", "Decode(");
        assertEquals(2, exit);
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
        assertTrue(err.toString().startsWith("qts: error: REGEX is not a regular expression"), err.toString());
    }
}
