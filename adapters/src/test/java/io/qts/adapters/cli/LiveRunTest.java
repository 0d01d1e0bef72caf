package io.qts.adapters.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qts.journal.EntryHeader;
import io.qts.journal.Journal;
import io.qts.journal.JournalEntry;
import io.qts.journal.JournalReader;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code qts run} against the exchange simulator over loopback sockets, and its replay without them. */
class LiveRunTest
{
    @TempDir
    Path dir;

    @Test
    void theDefaultRunTradesOverSocketsAndItsReplayGivesTheSameDigest() throws IOException
    {
        final Path var = dir.resolve("var");
        final Cli run = Cli.run("run", "--var-dir", var.toString());
        assertEquals(0, run.exitCode, run.err);
        final JsonNode last = new ObjectMapper().readTree(var.resolve("last-run.json").toFile());
        assertEquals("sim", last.get("venue").asText());
        assertFalse(last.get("paper").asBoolean());
        assertTrue(last.get("events").asLong() > 960, "960 played trades, the instrument and the venue's answers: " + last);
        assertTrue(last.get("ordersSent").asLong() > 0, "orders went over REST: " + last);
        assertEquals(last.get("orders").asLong(), last.get("ordersSent").asLong(), last.toString());
        assertTrue(last.get("fills").asLong() > 0, "fills came back on the private stream: " + last);
        assertEquals(0, last.get("ordersRejectedByVenue").asLong(), last.toString());
        assertEquals(0, last.get("reconnects").asLong(), last.toString());
        assertEquals(0, last.get("duplicateTradesDropped").asLong(), last.toString());
        assertEquals(0, last.get("malformedInputs").asLong(), last.toString());
        assertEquals(0, last.get("unknownOrderEvents").asLong(), "late acceptances are counted apart: " + last);
        assertFalse(last.has("backtestCommand"), "a backtest re-simulates the venue; the sim's own fills are only replayed");

        final Cli replay = Cli.run("replay", "--json", "--journal", last.get("journal").asText());
        assertEquals(0, replay.exitCode, replay.err);
        final JsonNode replayed = new ObjectMapper().readTree(replay.out);
        assertEquals(last.get("digest").asText(), replayed.get("digest").asText());
        assertEquals(last.get("events").asLong(), replayed.get("events").asLong());
        assertEquals(last.get("orders").asLong(), replayed.get("orders").asLong());

        final Cli backtest = Cli.run("backtest", "--journal", last.get("journal").asText(), "--strategy", "sma-cross",
            "--param", "fast=10", "--param", "slow=30", "--cash", "1",
            "--out", dir.resolve("bt").toString());
        assertEquals(1, backtest.exitCode);
        assertTrue(backtest.err.contains("holds a live session's venue messages: decide it again with 'qts replay"), backtest.err);
        assertFalse(dir.resolve("bt").resolve("report.json").toFile().exists(), "no report from a refused backtest");

        final List<String> requests = jsonEntries(Path.of(last.get("outJournal").asText()));
        assertEquals(last.get("ordersSent").asLong(), requests.stream().filter((r) -> r.contains("\"op\":\"create\"")).count(),
            "one create request per order in the outbound journal: " + requests);
        for (final String request : requests)
        {
            assertFalse(request.toLowerCase().contains("authorization") || request.contains("Bearer") || request.contains("qts-run-"),
                "no credentials in the outbound journal: " + request);
        }
    }

    /**
     * Upbit remembers every identifier an account used: the next run's must all be new, also from another var dir
     * (where a per-directory counter would start again).
     */
    @Test
    void twoRunsNeverShareAClientOrderId() throws IOException
    {
        final Set<String> seen = new HashSet<>();
        final Set<String> nonces = new HashSet<>();
        for (int run = 1; run <= 2; run++)
        {
            final Path var = dir.resolve("var-" + run);
            final Cli cli = Cli.run("run", "--var-dir", var.toString());
            assertEquals(0, cli.exitCode, cli.err);
            final JsonNode last = new ObjectMapper().readTree(var.resolve("last-run.json").toFile());
            assertTrue(nonces.add(last.get("nonce").asText()), "a new session nonce per run: " + last.get("nonce"));
            final List<String> ids = jsonEntries(Path.of(last.get("outJournal").asText())).stream()
                .filter((r) -> r.contains("\"op\":\"create\""))
                .map((r) -> r.replaceAll(".*\"identifier\":\"([0-9a-f]{32}-[0-9]+-[0-9]+)\".*", "$1"))
                .toList();
            assertTrue(ids.size() > 0, "run " + run + " sent orders");
            for (final String id : ids)
            {
                assertTrue(id.startsWith(last.get("nonce").asText() + "-1-"), "nonce-engine id-sequence: " + id);
                assertTrue(seen.add(id), "identifier " + id + " used twice");
            }
        }
    }

    @Test
    void aPaperRunSendsNoOrderToTheVenueYetTradesOnItsMarketData() throws IOException
    {
        final Path var = dir.resolve("var");
        final Cli run = Cli.run("run", "--paper", "--var-dir", var.toString());
        assertEquals(0, run.exitCode, run.err);
        final JsonNode last = new ObjectMapper().readTree(var.resolve("last-run.json").toFile());
        assertTrue(last.get("paper").asBoolean());
        assertTrue(last.get("orders").asLong() > 0, last.toString());
        assertTrue(last.get("fills").asLong() > 0, "the paper venue fills at the next live trade: " + last);
        assertEquals(List.of(), jsonEntries(Path.of(last.get("outJournal").asText())), "no HTTP request at all");

        final Cli replay = Cli.run("replay", "--json", "--journal", last.get("journal").asText());
        assertEquals(0, replay.exitCode, replay.err);
        assertEquals(last.get("digest").asText(), new ObjectMapper().readTree(replay.out).get("digest").asText());
    }

    @Test
    void theRealVenueRefusesToStartWithoutKeys()
    {
        // With keys in this environment the command would connect to the real venue: not from a test.
        Assumptions.assumeTrue(System.getenv("UPBIT_ACCESS_KEY") == null && System.getenv("UPBIT_SECRET_KEY") == null);
        final Cli run = Cli.run("run", "--venue", "upbit", "--var-dir", dir.resolve("var").toString());
        assertEquals(1, run.exitCode);
        assertEquals(1, run.err.lines().count(), run.err);
        assertTrue(run.err.startsWith("qts: error: Upbit keys missing: set UPBIT_ACCESS_KEY and UPBIT_SECRET_KEY"), run.err);
        assertFalse(dir.resolve("var").toFile().exists(), "nothing written before the keys are there");
    }

    /** The JSON entries (HTTP requests) of an outbound journal. */
    private static List<String> jsonEntries(final Path outJournal)
    {
        final List<String> entries = new ArrayList<>();
        final JournalEntry entry = new JournalEntry();
        try (Journal journal = Journal.openForRead(outJournal); JournalReader reader = journal.reader())
        {
            while (reader.next(entry))
            {
                if (entry.format() == EntryHeader.FORMAT_JSON)
                {
                    final byte[] bytes = new byte[entry.length()];
                    entry.payloadBuffer().getBytes(0, bytes);
                    entries.add(new String(bytes, StandardCharsets.UTF_8));
                }
            }
        }
        return entries;
    }
}
