package io.qts.adapters.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReplayCommandTest
{
    @TempDir
    Path dir;

    /** The replay feeds the venue's recorded answers too, so it decides what the live run decided, digest for digest. */
    @Test
    void aReplayOfARunsJournalGivesTheRunsDigestAndCounts() throws IOException
    {
        final Path var = dir.resolve("var");
        final Cli run = Cli.run("run", "--var-dir", var.toString(), "--strategy", "ema-cross", "--param", "fast=5", "--param", "slow=20");
        assertEquals(0, run.exitCode, run.err);
        final JsonNode last = new ObjectMapper().readTree(var.resolve("last-run.json").toFile());
        assertTrue(last.get("orders").asLong() > 0, "the run must trade for the replay to show anything");

        final Cli replay = Cli.run((last.get("replayCommand").asText().replaceFirst("^bin/qts ", "") + " --json").split(" "));
        assertEquals(0, replay.exitCode, replay.err);
        final JsonNode result = new ObjectMapper().readTree(replay.out);
        assertEquals(last.get("digest").asText(), result.get("digest").asText());
        assertEquals(last.get("events").asLong(), result.get("events").asLong());
        assertEquals(last.get("orders").asLong(), result.get("orders").asLong());
        assertEquals(last.get("fills").asLong(), result.get("fills").asLong());
    }

    @Test
    void aJournalWithoutItsSessionSettingsIsOneClearError() throws IOException
    {
        final Path var = dir.resolve("var");
        assertEquals(0, Cli.run("run", "--venue", "local", "--var-dir", var.toString()).exitCode);
        final Path in = Path.of(new ObjectMapper().readTree(var.resolve("last-run.json").toFile()).get("journal").asText());
        Files.delete(in.getParent().resolve("session.json"));

        final Cli replay = Cli.run("replay", "--journal", in.toString());
        assertEquals(1, replay.exitCode);
        assertTrue(replay.err.startsWith("qts: error: no session.json in "), replay.err);
        assertEquals(1, replay.err.lines().count(), replay.err);

        final Cli missing = Cli.run("replay", "--journal", dir.resolve("nowhere").toString());
        assertEquals(1, missing.exitCode);
        assertTrue(missing.err.contains("no journal directory at"), missing.err);
    }
}
