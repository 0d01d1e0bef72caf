package io.qts.adapters.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Operator commands from the command line go into the inputs, are journaled, and replay the same. */
class AdminCommandTest
{
    private static final String CHANGE = "2020-02-20T10:00:00Z set fast=3";

    @TempDir
    Path dir;

    private JsonNode run(final Path var, final String... extra) throws IOException
    {
        final String[] args = new String[5 + extra.length];
        args[0] = "run";
        args[1] = "--venue";
        args[2] = "local";
        args[3] = "--var-dir";
        args[4] = var.toString();
        System.arraycopy(extra, 0, args, 5, extra.length);
        final Cli run = Cli.run(args);
        assertEquals(0, run.exitCode, run.err);
        return new ObjectMapper().readTree(var.resolve("last-run.json").toFile());
    }

    @Test
    void aMidRunParameterChangeIsJournaledAndTheBacktestOfTheJournalReproducesIt() throws IOException
    {
        final JsonNode plain = run(dir.resolve("plain"));
        final JsonNode changed = run(dir.resolve("changed"), "--admin", CHANGE, "--admin", "2020-02-20T10:30:00Z set fast=0");
        assertNotEquals(plain.get("digest").asText(), changed.get("digest").asText(), "fast 10 -> 3 at 10:00 changes decisions");
        assertEquals(plain.get("events").asLong() + 2 - 2 * plain.get("orders").asLong() + 2 * changed.get("orders").asLong(),
            changed.get("events").asLong(), "both commands are inputs");
        assertEquals(1, changed.get("ignoredParamChanges").asLong(), "fast=0 is out of range: ignored and counted");

        final String[] backtest = changed.get("backtestCommand").asText().replaceFirst("^bin/qts ", "").split(" ");
        final Cli replay = Cli.run(backtest);
        assertEquals(0, replay.exitCode, replay.err);
        final JsonNode report = new ObjectMapper().readTree(Path.of(backtest[backtest.length - 1]).resolve("report.json").toFile());
        assertEquals(changed.get("digest").asText(), report.get("digest").asText());
        assertEquals(1, report.get("ignoredParamChanges").asLong());
    }

    @Test
    void theSameCommandOnABacktestOfTheDataGivesTheRunsDigest() throws IOException
    {
        final JsonNode changed = run(dir.resolve("var"), "--admin", CHANGE);
        final Cli backtest = Cli.run("backtest", "--data", "../config/samples/upbit-krw-btc-1m.csv", "--format", "ohlcv",
            "--symbol", "KRW-BTC", "--strategy", "sma-cross", "--param", "fast=10", "--param", "slow=30", "--size", "0.01",
            "--cash", "10000000", "--commission", "0.0005", "--max-position", "1", "--max-order-notional", "5000000",
            "--admin", CHANGE, "--out", dir.resolve("bt").toString());
        assertEquals(0, backtest.exitCode, backtest.err);
        final JsonNode report = new ObjectMapper().readTree(dir.resolve("bt").resolve("report.json").toFile());
        assertEquals(changed.get("digest").asText(), report.get("digest").asText());
    }

    @Test
    void everyStrategyRunsFromTheCommandLine()
    {
        final String[][] params = {
            {"sma-cross", "fast=10", "slow=30"},
            {"ema-cross", "fast=5", "slow=20"},
            {"momentum", "lookback=10", "entry=0.001", "exit=-0.001"},
            {"volatility-breakout", "sessionMinutes=30", "k=0.5", "stopPct=0.002", "cooldownSeconds=60"}};
        for (final String[] p : params)
        {
            final java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of(
                "run", "--venue", "local", "--var-dir", dir.resolve(p[0]).toString(), "--strategy", p[0]));
            for (int i = 1; i < p.length; i++)
            {
                args.add("--param");
                args.add(p[i]);
            }
            final Cli run = Cli.run(args.toArray(new String[0]));
            assertEquals(0, run.exitCode, p[0] + ": " + run.err);
            assertTrue(run.out.contains(p[0]), run.out);
        }
    }

    @Test
    void badCommandsAreOneLineErrorsNamingTheProblem()
    {
        final Cli unknownKey = Cli.run("run", "--var-dir", dir.toString(), "--admin", "2020-02-20T10:00:00Z set fats=3");
        assertEquals(1, unknownKey.exitCode);
        assertTrue(unknownKey.err.startsWith("qts: error: --admin '2020-02-20T10:00:00Z set fats=3': unknown parameter 'fats' (known: "),
            unknownKey.err);
        final Cli badTime = Cli.run("run", "--var-dir", dir.toString(), "--admin", "10:00 halt");
        assertEquals("qts: error: --admin '10:00 halt': time '10:00' is not an ISO-8601 UTC instant like 2020-02-20T09:00:00Z\n",
            badTime.err);
        final Cli badAction = Cli.run("run", "--var-dir", dir.toString(), "--admin", "2020-02-20T10:00:00Z stop");
        assertEquals("qts: error: --admin '2020-02-20T10:00:00Z stop': unknown action 'stop' (known: halt, resume, kill, reset-breaker, set)\n",
            badAction.err);
        final Cli badParam = Cli.run("run", "--var-dir", dir.toString(), "--strategy", "momentum", "--param", "exit=0.5");
        assertEquals(1, badParam.exitCode);
        assertTrue(badParam.err.contains("momentum needs exit <= entry, got entry=0.02 exit=0.5"), badParam.err);
    }

    @Test
    void helpListsEveryStrategy()
    {
        final Cli help = Cli.run("backtest", "--help");
        assertTrue(help.out.replaceAll("\\s+", " ").contains("Strategy: sma-cross, ema-cross, momentum, volatility-breakout."), help.out);
    }
}
