package io.qts.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code bench crash} with two SIGKILLs: the simulator and the engine as real processes. What must hold after any
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
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final int exit = BenchMain.execute(new PrintWriter(out), new PrintWriter(err),
            "crash", "--kills", "2", "--seed", "11", "--json", "--dir", dir.toString());
        final String[] lines = out.toString().trim().split("\n");
        final JsonNode figures = new ObjectMapper().readTree(lines[lines.length - 1]);
        assertEquals(0, exit, out + "\n" + err);
        assertEquals(2, figures.path("kills").asInt());
        assertTrue(figures.path("restarts").asInt() >= 2, figures.toString());
        assertTrue(figures.path("ordersSent").asLong() > 0, "the engine must trade: " + figures);
        assertEquals(0, figures.path("duplicateOrders").asLong());
        assertEquals(0, figures.path("lostFills").asLong());
        assertTrue(figures.path("positionMatches").asBoolean(), out.toString());
        assertTrue(figures.path("cashMatches").asBoolean(), out.toString());
        assertTrue(figures.path("replayDigestMatches").asBoolean(), out.toString());
    }
}
