package io.qts.adapters.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BacktestCommandTest
{
    @TempDir
    Path dir;

    /** The public check of the issue: backtrader's NVDA sample, sma-cross 10/30, size 1, cash 10000, no commission. */
    @Test
    void nvdaSmaCrossMatchesTheReferenceBacktester() throws IOException
    {
        final Path nvda = SharedData.file("backtrader/nvda-1999-2014.txt");
        final Cli cli = Cli.run("backtest", "--data", nvda.toString(), "--format", "yahoo", "--symbol", "NVDA",
            "--strategy", "sma-cross", "--param", "fast=10", "--param", "slow=30", "--size", "1", "--cash", "10000",
            "--out", dir.toString());
        assertEquals(0, cli.exitCode, cli.err);
        final JsonNode report = new ObjectMapper().readTree(dir.resolve("report.json").toFile());
        assertEquals(73, report.get("trades").size());
        assertEquals("10033.708751", report.get("finalValue").asText());
        assertTrue(report.get("openPosition").isNull());
        // 4012 bars and the definition, plus an "accepted" and a fill for each of the 146 orders (73 round trips).
        assertEquals(4013 + 2 * 146, report.get("events").asLong());
        final JsonNode first = report.get("trades").get(0);
        assertEquals("1999-05-24T00:00:00Z", first.get("entryTime").asText());
        assertEquals("1.427083", first.get("entryPrice").asText());
        assertEquals(74, Files.readAllLines(dir.resolve("trades.csv")).size(), "header + 73 trades");
    }

    @Test
    void theSameBacktestTwiceGivesByteIdenticalReports() throws IOException
    {
        final Path data = Files.writeString(dir.resolve("bars.csv"), Bars.ZIGZAG);
        final Path a = dir.resolve("a");
        final Path b = dir.resolve("b");
        for (final Path out : new Path[] {a, b})
        {
            final Cli cli = Cli.run("backtest", "--data", data.toString(), "--format", "ohlcv", "--symbol", "KRW-BTC",
                "--strategy", "sma-cross", "--param", "fast=2", "--param", "slow=4", "--size", "0.5", "--cash", "100000",
                "--commission", "0.0005", "--out", out.toString());
            assertEquals(0, cli.exitCode, cli.err);
        }
        assertArrayEquals(Files.readAllBytes(a.resolve("report.json")), Files.readAllBytes(b.resolve("report.json")));
        assertArrayEquals(Files.readAllBytes(a.resolve("trades.csv")), Files.readAllBytes(b.resolve("trades.csv")));
        final JsonNode report = new ObjectMapper().readTree(a.resolve("report.json").toFile());
        assertEquals(1, report.get("trades").size(), report.toString());
        assertTrue(report.get("openPosition").isObject(), report.toString());
        assertEquals(64, report.get("digest").asText().length());
    }

    /** Hand-computed: see Bars.ZIGZAG. */
    @Test
    void reportFieldsOnAHandBuiltSeries() throws IOException
    {
        final Path data = Files.writeString(dir.resolve("bars.csv"), Bars.ZIGZAG);
        final Cli cli = Cli.run("backtest", "--data", data.toString(), "--format", "ohlcv", "--symbol", "KRW-BTC",
            "--strategy", "sma-cross", "--param", "fast=2", "--param", "slow=4", "--size", "0.5", "--cash", "100000",
            "--commission", "0.001", "--out", dir.toString());
        assertEquals(0, cli.exitCode, cli.err);
        final JsonNode report = new ObjectMapper().readTree(dir.resolve("report.json").toFile());
        final JsonNode trade = report.get("trades").get(0);
        assertEquals(1, report.get("trades").size());
        assertEquals("2024-01-01T00:06:00Z", trade.get("entryTime").asText());
        assertEquals("120", trade.get("entryPrice").asText());
        assertEquals("2024-01-01T00:09:00Z", trade.get("exitTime").asText());
        assertEquals("100", trade.get("exitPrice").asText());
        assertEquals("0.5", trade.get("qty").asText());
        // Commission 0.1% of 0.5 x 120 = 0.06 plus 0.1% of 0.5 x 100 = 0.05; pnl = 0.5 x (100 - 120) - 0.11.
        assertEquals("0.11", trade.get("commission").asText());
        assertEquals("-10.11", trade.get("pnl").asText());
        final JsonNode open = report.get("openPosition");
        assertEquals("2024-01-01T00:13:00Z", open.get("entryTime").asText());
        assertEquals("120", open.get("entryPrice").asText());
        // Cash: 100000 - 60.06 + 49.95 - 60.06 = 99929.83; value adds 0.5 x 140 (the last close).
        assertEquals("99929.83", report.get("finalCash").asText());
        assertEquals("99999.83", report.get("finalValue").asText());
        assertEquals("sma-cross", report.get("strategy").asText());
        assertEquals("2", report.get("params").get("fast").asText());
    }
}
