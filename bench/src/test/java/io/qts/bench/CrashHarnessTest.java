package io.qts.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code bench crash} with two SIGKILLs: the harness, the simulator and the engine as real processes. What must hold after any
 * crash: no duplicate order, no lost fill, the engine's position and cash equal to the venue's, and a replay of the
 * whole multi-process session equal to the digest the engine reported.
 */
class CrashHarnessTest
{
    @TempDir
    Path dir;

    @Test
    void afterTwoKillsAndAnOrderlyStopTheBooksEqualTheVenuesLedger() throws Exception
    {
        // As its own process, as bin/qts starts it: its stdout ends with the JSON and holds no library's log line.
        final BenchProcess crash = BenchProcess.run(dir, 600, "crash", "--kills", "2", "--seed", "11", "--json", "--dir", dir.toString());
        final String out = crash.stdout();
        assertEquals(0, crash.exitCode(), out + "\n" + crash.stderr());
        final JsonNode figures = new ObjectMapper().readTree(crash.lastLine());
        crash.assertNoLibraryLogOnStdout();
        assertEquals(2, figures.path("kills").asInt());
        assertTrue(figures.path("restarts").asInt() >= 2, figures.toString());
        assertTrue(figures.path("ordersSent").asLong() > 0, "the engine must trade: " + figures);
        assertEquals(0, figures.path("duplicateOrders").asLong());
        assertEquals(0, figures.path("lostFills").asLong());
        assertTrue(figures.path("positionMatches").asBoolean(), out);
        assertTrue(figures.path("cashMatches").asBoolean(), out);
        assertTrue(figures.path("replayDigestMatches").asBoolean(), out);
    }
}
