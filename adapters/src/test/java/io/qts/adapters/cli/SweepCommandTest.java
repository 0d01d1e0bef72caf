package io.qts.adapters.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SweepCommandTest
{
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path bars() throws IOException
    {
        return Files.writeString(dir.resolve("bars.csv"), Bars.ZIGZAG);
    }

    private Cli sweep(final Path out, final String... extra) throws IOException
    {
        final String[] base = {"sweep", "--data", bars().toString(), "--format", "ohlcv", "--symbol", "KRW-BTC",
            "--strategy", "sma-cross", "--size", "0.5", "--cash", "100000", "--commission", "0.001", "--out", out.toString()};
        final String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return Cli.run(args);
    }

    /** fast 1..3 x slow 2..4: (2,2), (3,2) and (3,3) are refused by sma-cross, six run. */
    @Test
    void everyCombinationRunsOrIsSkippedWithTheStrategysReason() throws IOException
    {
        final Path out = dir.resolve("out");
        final Cli cli = sweep(out, "--param", "fast=1..3:1", "--param", "slow=2..4:1", "--rank", "totalReturn");
        assertEquals(0, cli.exitCode, cli.err);
        assertTrue(cli.err.contains("9/9 done"), cli.err);
        final List<String> csv = Files.readAllLines(out.resolve("sweep.csv"));
        assertEquals("rank,fast,slow,totalReturn,cagr,maxDrawdown,sharpe,sortino,winRate,profitFactor,exposure,trades,"
            + "finalValue,digest", csv.get(0));
        assertEquals(7, csv.size(), "header + 6 runs");
        final JsonNode json = JSON.readTree(out.resolve("sweep.json").toFile());
        assertEquals(9, json.get("combinations").asInt());
        assertEquals(6, json.get("ran").asInt());
        assertEquals(3, json.get("skipped").size());
        assertEquals("sma-cross needs 1 <= fast < slow, got fast=2 slow=2", json.get("skipped").get(0).get("reason").asText());
        BigDecimal previous = null;
        for (final JsonNode row : json.get("results"))
        {
            final BigDecimal value = new BigDecimal(row.get("metrics").get("totalReturn").asText());
            assertTrue(previous == null || previous.compareTo(value) >= 0, "best first: " + json.get("results"));
            previous = value;
        }
        assertTrue(cli.out.contains("6 combinations ran, 3 skipped"), cli.out);
    }

    @Test
    void aSweepRowIsTheStandaloneBacktest() throws IOException
    {
        final Path out = dir.resolve("out");
        assertEquals(0, sweep(out, "--param", "fast=1..2:1", "--param", "slow=4").exitCode);
        final Cli single = Cli.run("backtest", "--data", bars().toString(), "--format", "ohlcv", "--symbol", "KRW-BTC",
            "--strategy", "sma-cross", "--param", "fast=2", "--param", "slow=4", "--size", "0.5", "--cash", "100000",
            "--commission", "0.001", "--out", dir.resolve("single").toString());
        assertEquals(0, single.exitCode, single.err);
        final JsonNode report = JSON.readTree(dir.resolve("single/report.json").toFile());
        JsonNode row = null;
        for (final JsonNode r : JSON.readTree(out.resolve("sweep.json").toFile()).get("results"))
        {
            row = r.get("params").get("fast").asText().equals("2") ? r : row;
        }
        assertEquals("99999.83", report.get("finalValue").asText());
        assertEquals(report.get("finalValue"), row.get("finalValue"));
        assertEquals(report.get("digest"), row.get("digest"));
        assertEquals(report.get("metrics"), row.get("metrics"));
    }

    @Test
    void theNumberOfThreadsDoesNotChangeTheResult() throws IOException
    {
        final Path one = dir.resolve("one");
        final Path three = dir.resolve("three");
        assertEquals(0, sweep(one, "--param", "fast=1..3:1", "--param", "slow=3..6:1", "--threads", "1").exitCode);
        assertEquals(0, sweep(three, "--param", "fast=1..3:1", "--param", "slow=3..6:1", "--threads", "3").exitCode);
        assertArrayEquals(Files.readAllBytes(one.resolve("sweep.csv")), Files.readAllBytes(three.resolve("sweep.csv")));
        assertArrayEquals(Files.readAllBytes(one.resolve("sweep.json")), Files.readAllBytes(three.resolve("sweep.json")));
    }

    /**
     * 15 bars, train 8, test 3: windows train [0, 8) test [8, 11) and train [3, 11) test [11, 14). The first
     * test window, backtested alone on a file of just its bars with the chosen parameters, gives the same run.
     */
    @Test
    void walkForwardChoosesOnTrainAndRunsOnTheFollowingTestWindow() throws IOException
    {
        final Path out = dir.resolve("wf");
        final Cli cli = sweep(out, "--param", "fast=1..2:1", "--param", "slow=3..4:1", "--rank", "totalReturn",
            "--train", "8", "--test", "3");
        assertEquals(0, cli.exitCode, cli.err);
        assertTrue(cli.err.contains("10/10 done"), "2 windows x (4 train runs + 1 test): " + cli.err);
        final JsonNode json = JSON.readTree(out.resolve("walkforward.json").toFile());
        assertEquals(2, json.get("windows").size());
        final JsonNode first = json.get("windows").get(0);
        assertEquals("2024-01-01T00:00:00Z", first.get("trainStart").asText());
        assertEquals("2024-01-01T00:07:00Z", first.get("trainEnd").asText());
        assertEquals("2024-01-01T00:08:00Z", first.get("testStart").asText());
        assertEquals("2024-01-01T00:10:00Z", first.get("testEnd").asText());
        assertEquals("2024-01-01T00:11:00Z", json.get("windows").get(1).get("testStart").asText());
        assertTrue(json.get("windowStart").asText().contains("starts flat with the starting cash"));
        assertTrue(json.get("outOfSample").has("sharpe"));
        final List<String> csv = Files.readAllLines(out.resolve("walkforward.csv"));
        assertEquals(4, csv.size(), "header, 2 windows, all");
        assertTrue(csv.get(3).startsWith("all,"), csv.get(3));

        final List<String> lines = Bars.ZIGZAG.lines().toList();
        final Path testBars = Files.writeString(dir.resolve("test.csv"),
            String.join("\n", lines.get(0), lines.get(9), lines.get(10), lines.get(11)) + "\n");
        final Cli single = Cli.run("backtest", "--data", testBars.toString(), "--format", "ohlcv", "--symbol", "KRW-BTC",
            "--strategy", "sma-cross", "--param", "fast=" + first.get("params").get("fast").asText(),
            "--param", "slow=" + first.get("params").get("slow").asText(), "--size", "0.5", "--cash", "100000",
            "--commission", "0.001", "--out", dir.resolve("single").toString());
        assertEquals(0, single.exitCode, single.err);
        final JsonNode report = JSON.readTree(dir.resolve("single/report.json").toFile());
        assertEquals(report.get("digest"), first.get("outOfSample").get("digest"));
        assertEquals(report.get("finalValue"), first.get("outOfSample").get("finalValue"));
    }

    private static void assertOneLine(final Cli cli, final int exitCode, final String expected)
    {
        assertEquals(exitCode, cli.exitCode, cli.out + cli.err);
        assertEquals(expected, cli.err.lines().findFirst().orElse(""));
        assertFalse(cli.err.contains("\tat "), "no stack trace: " + cli.err);
    }

    @Test
    void badOptionsAreOneLineAndWriteNothing() throws IOException
    {
        final Path out = dir.resolve("out");
        assertOneLine(sweep(out, "--param", "fast=5..x:1", "--param", "slow=10"), 1,
            "qts: error: --param fast: bad range '5..x:1', expected FROM..TO:STEP, e.g. 5..20:5");
        assertOneLine(sweep(out, "--param", "fast=1..5:0", "--param", "slow=10"), 1,
            "qts: error: --param fast: step must be positive, got '1..5:0'");
        assertOneLine(sweep(out, "--param", "fast=5..1:1", "--param", "slow=10"), 1,
            "qts: error: --param fast: FROM is greater than TO in '5..1:1'");
        assertOneLine(sweep(out, "--param", "fast=1..200:1", "--param", "slow=1..100:1"), 1,
            "qts: error: --param: 20000 combinations, more than the limit of 10000");
        assertOneLine(sweep(out, "--param", "fast=2", "--param", "slow=4", "--rank", "alpha"), 1,
            "qts: error: --rank: unknown metric 'alpha' (known: sharpe, sortino, totalReturn, cagr, maxDrawdown, winRate, profitFactor)");
        assertOneLine(sweep(out, "--param", "fast=2", "--param", "slow=4", "--threads", "0"), 1,
            "qts: error: --threads must be positive, got 0");
        assertOneLine(sweep(out, "--param", "fast=2", "--param", "slow=4", "--train", "0", "--test", "3"), 1,
            "qts: error: --train must be a positive number of bars/events, got 0");
        assertOneLine(sweep(out, "--param", "fast=2", "--param", "slow=4", "--train", "5", "--test", "-1"), 1,
            "qts: error: --test must be a positive number of bars/events, got -1");
        assertOneLine(sweep(out, "--param", "fast=2", "--param", "slow=4", "--train", "5"), 1,
            "qts: error: --train needs --test M");
        assertOneLine(sweep(out, "--param", "fast=2", "--param", "slow=4", "--train", "10", "--test", "6"), 1,
            "qts: error: --train 10 plus --test 6 is more than the 15 bars/events of the series");
        assertOneLine(sweep(out, "--param", "fast=4..5:1", "--param", "slow=4"), 1,
            "qts: error: the strategy refuses every combination: sma-cross needs 1 <= fast < slow, got fast=4 slow=4");
        assertOneLine(sweep(out, "--param", "fast=2", "--param", "slow=4", "--threads", "x"), 2,
            "qts: Invalid value for option '--threads': 'x' is not an int");
        assertFalse(Files.exists(out), "nothing written for a refused sweep");
    }
}
