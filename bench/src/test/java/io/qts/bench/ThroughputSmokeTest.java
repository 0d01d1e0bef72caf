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
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs {@code throughput} small, end to end; checks what it reports, never how fast it was. */
class ThroughputSmokeTest
{
    @TempDir
    Path dir;

    @Test
    void aSmallRunReportsEveryRateAndAllEnginesDecideTheSame() throws IOException
    {
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final int exit = BenchMain.execute(new PrintWriter(out), new PrintWriter(err),
            "throughput", "--events", "20000", "--dir", dir.toString(), "--journal-sync", "every-50ms", "--json");
        assertEquals(0, exit, "exit code; stderr: " + err);

        final String[] lines = out.toString().strip().split("\\R");
        final JsonNode json = new ObjectMapper().readTree(lines[lines.length - 1]);
        for (final String rate : List.of("pipelineEventsPerSec", "rawAppendEventsPerSec", "rawBatchedAppendEventsPerSec",
            "abqPipelineEventsPerSec", "replayEventsPerSec"))
        {
            assertTrue(json.path(rate).isNumber() && json.path(rate).asLong() > 0, rate + " in " + json);
        }
        assertTrue(json.path("allocBytesPerEvent").isNumber(), "allocBytesPerEvent in " + json);
        assertTrue(json.path("events").asLong() >= 20_000, "events in " + json);
        assertEquals("yielding", json.path("waitStrategy").asText());
        assertEquals("every-50ms", json.path("journalSync").asText());
        assertTrue(json.path("jdk").isTextual() && json.path("cpus").asInt() > 0, json.toString());
        assertTrue(json.path("orders").asLong() > 10, "the synthetic trades must make the strategy trade: " + json);
        assertTrue(json.path("digestsMatch").asBoolean(), "pipeline, ABQ and replay decide the same: " + out);
        try (Stream<Path> left = Files.list(dir))
        {
            assertEquals(0, left.count(), "the run's journals are deleted");
        }
    }

    @Test
    void bothTopologiesAreMeasuredSideBySideAndDecideTheSame() throws IOException
    {
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final int exit = BenchMain.execute(new PrintWriter(out), new PrintWriter(err),
            "throughput", "--events", "20000", "--dir", dir.toString(), "--topology", "both", "--json");
        assertEquals(0, exit, "exit code; stderr: " + err);

        final String[] lines = out.toString().strip().split("\\R");
        final JsonNode json = new ObjectMapper().readTree(lines[lines.length - 1]);
        assertEquals("chain,parallel", json.path("topology").asText());
        assertTrue(json.path("parallelPipelineEventsPerSec").asLong() > 0, json.toString());
        assertTrue(json.path("parallelPipelineVsRawAppendPct").isNumber(), json.toString());
        assertTrue(json.path("digestsMatch").asBoolean(), "both topologies decide as the recording: " + out);
        assertTrue(out.toString().contains("pipeline (parallel): ring, journal, stages"), out.toString());
    }

    @Test
    void aBadTopologyIsOneErrorLineAndExitCode2()
    {
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final int exit = BenchMain.execute(new PrintWriter(out), new PrintWriter(err), "throughput", "--topology", "star");
        assertEquals(2, exit);
        assertEquals("qts: error: --topology must be one of chain, parallel, both, got 'star'", err.toString().strip());
    }

    @Test
    void asItsOwnProcessWithJsonItsStdoutEndsWithTheJsonAndHoldsNoLogLine() throws Exception
    {
        final BenchProcess run = BenchProcess.run(dir, 300, "throughput", "--events", "1000", "--json");
        assertEquals(0, run.exitCode(), run.stdout() + run.stderr());
        final JsonNode json = new ObjectMapper().readTree(run.lastLine());
        run.assertNoLibraryLogOnStdout();
        assertTrue(run.stdout().startsWith("QTS throughput: 1,000 inputs"), "the table comes first: " + run.stdout());
        assertTrue(json.path("digestsMatch").asBoolean(), run.stdout());
    }

    @Test
    void aBadOptionIsOneErrorLineAndExitCode2()
    {
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final int exit = BenchMain.execute(new PrintWriter(out), new PrintWriter(err), "throughput", "--wait-strategy", "nap");
        assertEquals(2, exit);
        final String message = err.toString().strip();
        assertEquals(1, message.lines().count(), message);
        assertTrue(message.startsWith("qts: error: --wait-strategy must be one of busy-spin, yielding, sleeping, blocking"), message);
    }

    @Test
    void aBadJournalSyncIsOneErrorLineAndExitCode2()
    {
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final int exit = BenchMain.execute(new PrintWriter(out), new PrintWriter(err), "throughput", "--journal-sync", "sometimes");
        assertEquals(2, exit);
        final String message = err.toString().strip();
        assertTrue(message.startsWith("qts: error: --journal-sync: 'sometimes' is not a journal sync setting: use none, every-entry or "
            + "every-<N>ms"), message);
    }
}
