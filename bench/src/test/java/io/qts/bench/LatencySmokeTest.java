package io.qts.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs {@code latency} briefly at a low rate, end to end; checks what it writes, never how fast it was. */
class LatencySmokeTest
{
    @TempDir
    Path dir;

    @Test
    void aShortRunWritesTheSummaryHistogramsAndPlot() throws Exception
    {
        final Path out = dir.resolve("results");
        final StringWriter stdout = new StringWriter();
        final StringWriter err = new StringWriter();
        final int exit = BenchMain.execute(new PrintWriter(stdout), new PrintWriter(err),
            "latency", "--rate", "5000", "--seconds", "1", "--warm-up", "0", "--out", out.toString(), "--dir", dir.resolve("work").toString());
        assertEquals(0, exit, "exit code; stderr: " + err);

        final JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        for (final String key : List.of("offeredRate", "achievedRate", "events", "p50Us", "p90Us", "p99Us", "p999Us", "p9999Us",
            "maxUs", "gcCount", "gcPauseMs", "abqP50Us", "abqP99Us", "floorP50Us", "floorP99Us", "floorP999Us", "floorP9999Us",
            "engineOverFloorP999", "engineOverFloorP9999", "journalFloorP50Us", "journalFloorP99Us", "journalFloorP999Us",
            "journalFloorP9999Us", "journalAppendP50Us", "journalAppendP999Us", "journalAppendP9999Us"))
        {
            assertTrue(summary.path(key).isNumber(), key + " in " + summary);
        }
        assertEquals(5000, summary.path("offeredRate").asLong());
        assertEquals(5000, summary.path("events").asLong());
        assertTrue(summary.path("orders").asLong() > 0, "the feed must make the strategy trade: " + summary);
        assertEquals("yielding", summary.path("waitStrategy").asText());
        assertEquals("chain", summary.path("topology").asText());
        assertTrue(summary.path("stages").path("journal").path("p999Us").isNumber(), "per-stage p99.9 in " + summary);
        assertTrue(summary.path("journalFloorAchievedRate").asLong() > 0, summary.toString());
        for (final String file : List.of("engine.hgrm", "abq.hgrm", "floor.hgrm", "journal-floor.hgrm", "journal-append.hgrm",
            "stage-journal.hgrm", "stage-decode.hgrm",
            "stage-signal.hgrm", "stage-risk.hgrm", "stage-execution.hgrm"))
        {
            assertTrue(Files.readString(out.resolve(file)).contains("Value     Percentile"), file);
        }
        final var svg = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(out.resolve("latency.svg").toFile());
        assertEquals("svg", svg.getDocumentElement().getNodeName());
        assertEquals(4, svg.getElementsByTagName("path").getLength(), "one line per series");
        assertTrue(stdout.toString().contains("abq / engine: p50"), stdout.toString());
        assertTrue(stdout.toString().contains("journal floor, the append itself"), stdout.toString());
        assertTrue(stdout.toString().contains("journals: "), stdout.toString());
        assertTrue(summary.has("journalDevice") && summary.path("journalReadAheadKb").isNumber(), summary.toString());
        assertTrue(Files.notExists(dir.resolve("work")) || Files.list(dir.resolve("work")).findAny().isEmpty(),
            "the run's journals are deleted");
    }

    @Test
    void theParallelTopologyRunsToo() throws Exception
    {
        final Path out = dir.resolve("parallel");
        final StringWriter err = new StringWriter();
        final int exit = BenchMain.execute(new PrintWriter(new StringWriter()), new PrintWriter(err),
            "latency", "--rate", "2000", "--seconds", "1", "--warm-up", "1000", "--topology", "parallel", "--out", out.toString(),
            "--dir", dir.resolve("work").toString());
        assertEquals(0, exit, "exit code; stderr: " + err);
        assertEquals("parallel", new ObjectMapper().readTree(out.resolve("summary.json").toFile()).path("topology").asText());
    }

    @Test
    void badOptionsAreOneErrorLineNamingTheOption()
    {
        for (final String[] args : List.of(
            new String[] {"latency", "--topology", "ring"},
            new String[] {"latency", "--cpu-affinity", "x"},
            new String[] {"latency", "--rate", "0"},
            new String[] {"latency", "--warm-up", "-1"}))
        {
            final StringWriter err = new StringWriter();
            final int exit = BenchMain.execute(new PrintWriter(new StringWriter()), new PrintWriter(err), args);
            assertEquals(2, exit, String.join(" ", args));
            final String message = err.toString().strip();
            assertEquals(1, message.lines().count(), message);
            assertTrue(message.startsWith("qts: error: " + args[1]), message);
        }
    }
}
