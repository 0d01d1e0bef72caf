package io.qts.adapters.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Switching the strategy by a layer other than the file runs it, with the file's other-strategy parameters reported and left out. */
class StrategySwitchRunTest
{
    @TempDir
    Path dir;

    @Test
    void aStrategyChosenByPropertyRunsWithItsOwnParameters() throws Exception
    {
        System.setProperty("qts.run.strategy", "momentum");
        System.setProperty("qts.run.params.lookback", "20");
        System.setProperty("qts.run.params.entry", "0.001");
        final Cli cli;
        try
        {
            cli = Cli.run("run", "--venue", "local", "--var-dir", dir.toString());
        }
        finally
        {
            System.clearProperty("qts.run.strategy");
            System.clearProperty("qts.run.params.lookback");
            System.clearProperty("qts.run.params.entry");
        }
        assertEquals(0, cli.exitCode, cli.err);
        assertTrue(cli.out.startsWith("qts: note: run.params {fast=10, slow=30} are not parameters of momentum: ignored\n"), cli.out);
        final JsonNode last = new ObjectMapper().readTree(dir.resolve("last-run.json").toFile());
        assertEquals("momentum", last.get("strategy").asText());
        assertEquals("{\"entry\":\"0.001\",\"lookback\":\"20\"}", last.get("params").toString());
        assertTrue(last.get("replayCommand").asText().contains(" replay --journal " + dir.toAbsolutePath()), last.toString());
    }
}
