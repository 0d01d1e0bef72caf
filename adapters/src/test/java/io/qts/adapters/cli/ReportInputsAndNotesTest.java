package io.qts.adapters.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reports say what they were computed from, and the summary says why nothing (or little) happened. */
class ReportInputsAndNotesTest
{
    private static final String FIVE_TRADES = "timestamp,trade_id,price,quantity,buyer_maker\n" +
        "1610064000000,1,10,1,True\n" +
        "1610064001000,2,9,1,True\n" +
        "1610064002000,3,11,1,False\n" +
        "1610064003000,4,12,1,False\n" +
        "1610064004000,5,13,1,False\n";

    @TempDir
    Path dir;

    private static String sha256(final Path file) throws IOException, NoSuchAlgorithmException
    {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    private Cli backtestTrades(final String cash, final String out) throws IOException
    {
        final Path trades = dir.resolve("trades.csv");
        Files.writeString(trades, FIVE_TRADES);
        return Cli.run("backtest", "--data", trades.toString(), "--format", "trades", "--symbol", "X", "--strategy", "sma-cross",
            "--param", "fast=1", "--param", "slow=2", "--size", "1", "--cash", cash, "--out", dir.resolve(out).toString());
    }

    private JsonNode report(final String out) throws IOException
    {
        return new ObjectMapper().readTree(dir.resolve(out).resolve("report.json").toFile());
    }

    @Test
    void reportJsonRecordsEveryInput() throws Exception
    {
        assertEquals(0, backtestTrades("100", "out").exitCode);
        final JsonNode inputs = report("out").get("inputs");
        assertEquals("data", inputs.get("source").get("kind").asText());
        assertEquals(dir.resolve("trades.csv").toString(), inputs.get("source").get("path").asText());
        assertEquals("trades", inputs.get("source").get("format").asText());
        assertEquals(sha256(dir.resolve("trades.csv")), inputs.get("source").get("sha256").asText());
        assertEquals("X", inputs.get("symbol").asText());
        assertEquals(5, inputs.get("marketEvents").asInt());
        assertEquals("2021-01-08T00:00:00Z", inputs.get("firstTime").asText());
        assertEquals("2021-01-08T00:00:04Z", inputs.get("lastTime").asText());
        assertEquals("100", inputs.get("initialCash").asText());
        assertEquals("0", inputs.get("commission").asText());
        assertEquals("fixed-qty", inputs.get("sizing").get("mode").asText());
        assertEquals("1", inputs.get("sizing").get("size").asText());
        assertEquals("none", inputs.get("risk").get("maxDrawdown").asText());
        assertEquals("none", inputs.get("risk").get("maxPositionQty").asText());
        assertEquals("14", inputs.get("risk").get("atrBars").asText());
        assertEquals("sma-cross", inputs.get("strategy").asText());
        assertEquals("{\"cooldownSeconds\":\"0\",\"fast\":\"1\",\"slow\":\"2\"}", inputs.get("params").toString());
        assertEquals(Cli.run("version").out.strip(), "qts " + inputs.get("qtsVersion").asText());
        final String html = Files.readString(dir.resolve("out/report.html"));
        assertTrue(html.contains(sha256(dir.resolve("trades.csv"))), "report.html lists the inputs too");
    }

    @Test
    void eachCsvHasItsInputsBesideItAndStaysPlainCsv() throws Exception
    {
        assertEquals(0, backtestTrades("100", "out").exitCode);
        final Path out = dir.resolve("out");
        assertEquals("entryTime,entryPrice,exitTime,exitPrice,qty,commission,pnl,symbol", Files.readAllLines(out.resolve("trades.csv")).get(0));
        assertCsvInputsBeside(out, "trades", report("out").get("inputs"));
        assertEquals(sha256(dir.resolve("trades.csv")), report("out").get("inputs").get("source").get("sha256").asText());
    }

    /** NAME.inputs.json names NAME.csv, holds the SHA-256 of its bytes and the same inputs as the JSON report. */
    private static void assertCsvInputsBeside(final Path out, final String name, final JsonNode inputs) throws Exception
    {
        final JsonNode sidecar = new ObjectMapper().readTree(out.resolve(name + ".inputs.json").toFile());
        assertEquals(name + ".csv", sidecar.get("file").asText());
        assertEquals(sha256(out.resolve(name + ".csv")), sidecar.get("sha256").asText());
        assertEquals(inputs, sidecar.get("inputs"));
    }

    @Test
    void configurationVariablesAreCheckedAndNamedAsNotUsedByABacktestOrSweep() throws IOException
    {
        final Path trades = Files.writeString(dir.resolve("trades.csv"), FIVE_TRADES);
        final String[] backtest = {"backtest", "--data", trades.toString(), "--format", "trades", "--symbol", "X", "--strategy",
            "sma-cross", "--param", "fast=1", "--param", "slow=2", "--cash", "100", "--out", dir.resolve("out").toString()};
        System.setProperty("qts.risk.maxDrawdwn", "0.2");
        try
        {
            final Cli misspelt = Cli.run(backtest);
            assertEquals(1, misspelt.exitCode);
            assertEquals("qts: error: system property qts.risk.maxDrawdwn is not a QTS setting; nearest known: qts.risk.maxDrawdown\n",
                misspelt.err);
        }
        finally
        {
            System.clearProperty("qts.risk.maxDrawdwn");
        }
        System.setProperty("qts.risk.maxDrawdown", "0.2");
        try
        {
            final Cli known = Cli.run(backtest);
            assertEquals(0, known.exitCode, known.err);
            assertEquals("qts: note: backtest is set by its options only (e.g. --risk KEY=VALUE); not used: system property " +
                "qts.risk.maxDrawdown\n", known.err);
            assertEquals("none", report("out").get("inputs").get("risk").get("maxDrawdown").asText());
            final Cli sweep = Cli.run("sweep", "--data", trades.toString(), "--format", "trades", "--symbol", "X", "--strategy",
                "sma-cross", "--param", "fast=1", "--param", "slow=2", "--cash", "100", "--threads", "1", "--out", dir.resolve("s").toString());
            assertEquals(0, sweep.exitCode, sweep.err);
            assertTrue(sweep.err.startsWith("qts: note: sweep is set by its options only"), sweep.err);
        }
        finally
        {
            System.clearProperty("qts.risk.maxDrawdown");
        }
        assertEquals("", Cli.run(backtest).err);
    }

    @Test
    void anOrderNotionalOrEquityFractionAloneSelectsItsSizingMode() throws IOException
    {
        final Path bars = Files.writeString(dir.resolve("bars.csv"), Bars.ZIGZAG);
        for (final String[] option : new String[][]{{"--order-notional", "500", "fixed-notional"},
            {"--equity-fraction", "0.5", "equity-fraction"}, {"--risk", "orderNotional=500", "fixed-notional"}})
        {
            final Cli cli = Cli.run("backtest", "--data", bars.toString(), "--format", "ohlcv", "--symbol", "X", "--strategy", "sma-cross",
                "--param", "fast=2", "--param", "slow=4", "--cash", "1000", option[0], option[1], "--out", dir.resolve(option[2]).toString());
            assertEquals(0, cli.exitCode, cli.err);
            final JsonNode sizing = report(option[2]).get("inputs").get("sizing");
            assertEquals(option[2], sizing.get("mode").asText());
            assertEquals(option[1].replace("orderNotional=", ""),
                sizing.get(option[0].equals("--equity-fraction") ? "equityFraction" : "orderNotional").asText());
        }
        final Cli conflict = Cli.run("backtest", "--data", bars.toString(), "--format", "ohlcv", "--symbol", "X", "--strategy", "sma-cross",
            "--param", "fast=2", "--param", "slow=4", "--cash", "1000", "--risk", "sizing=fixed-qty", "--equity-fraction", "0.5",
            "--out", dir.resolve("conflict").toString());
        assertEquals(1, conflict.exitCode);
        assertEquals("qts: error: --risk sizing=fixed-qty conflicts with --equity-fraction, which sizes entries by equity-fraction\n",
            conflict.err);
    }

    @Test
    void rejectedEntriesAreExplainedWithTheFirstAsExample() throws IOException
    {
        final Cli cli = backtestTrades("5", "poor");
        assertEquals(0, cli.exitCode, cli.err);
        final String note = "1 order rejected: 1 INSUFFICIENT_CASH (first at 2021-01-08T00:00:02Z: buy 1 at 11, " +
            "more than the initial cash 5 with commission)";
        assertTrue(cli.out.contains("\n  " + note), cli.out);
        assertEquals(note, report("poor").get("notes").get(0).asText());
    }

    @Test
    void aHaltSaysWhenAndWhyAndWhetherItWasLifted() throws IOException
    {
        final Path bars = Files.writeString(dir.resolve("bars.csv"), Bars.ZIGZAG);
        final Cli cli = Cli.run("backtest", "--data", bars.toString(), "--format", "ohlcv", "--symbol", "X", "--strategy", "sma-cross",
            "--param", "fast=2", "--param", "slow=4", "--cash", "1000", "--risk", "maxDrawdown=0.02", "--out", dir.resolve("h").toString());
        assertEquals(0, cli.exitCode, cli.err);
        assertTrue(cli.out.contains("\n  halted at 2024-01-01T00:08:00Z (DRAWDOWN); never resumed"), cli.out);
    }

    @Test
    void aStrategyThatCanNeverTradeOnTheDataIsToldSo() throws IOException
    {
        final Path bars = Files.writeString(dir.resolve("bars.csv"), Bars.ZIGZAG);
        final Cli cli = Cli.run("backtest", "--data", bars.toString(), "--format", "ohlcv", "--symbol", "X",
            "--strategy", "volatility-breakout", "--param", "k=0.5", "--param", "sessionMinutes=1", "--param", "stopPct=0.01",
            "--cash", "1000", "--out", dir.resolve("vb").toString());
        assertEquals(0, cli.exitCode, cli.err);
        assertTrue(cli.out.contains("it can never trade here: its sessions (sessionMinutes=1) are no longer than the time between " +
            "market events (1.0 minutes), so no session has a range"), cli.out);
    }

    @Test
    void sweepOutputsRecordTheirInputs() throws Exception
    {
        final Path bars = Files.writeString(dir.resolve("bars.csv"), Bars.ZIGZAG);
        final Cli cli = Cli.run("sweep", "--data", bars.toString(), "--format", "ohlcv", "--symbol", "X", "--strategy", "sma-cross",
            "--param", "fast=1..2:1", "--param", "slow=4", "--cash", "1000", "--threads", "1", "--out", dir.resolve("s").toString());
        assertEquals(0, cli.exitCode, cli.err);
        // 14 one-minute bars are too short for a Sharpe ratio: the summary says why the best has none.
        assertTrue(cli.out.contains("(sharpe undefined: the span (0.00972222 days) is shorter than 1 day: annualising it would be "
            + "meaningless, final value "), cli.out);
        final JsonNode inputs = new ObjectMapper().readTree(dir.resolve("s/sweep.json").toFile()).get("inputs");
        assertEquals(sha256(bars), inputs.get("source").get("sha256").asText());
        assertEquals(15, inputs.get("marketEvents").asInt());
        assertEquals("1000", inputs.get("initialCash").asText());
        assertCsvInputsBeside(dir.resolve("s"), "sweep", inputs);

        final Cli walk = Cli.run("sweep", "--data", bars.toString(), "--format", "ohlcv", "--symbol", "X", "--strategy", "sma-cross",
            "--param", "fast=1..2:1", "--param", "slow=4", "--cash", "1000", "--threads", "1", "--train", "8", "--test", "3",
            "--out", dir.resolve("w").toString());
        assertEquals(0, walk.exitCode, walk.err);
        final JsonNode walkInputs = new ObjectMapper().readTree(dir.resolve("w/walkforward.json").toFile()).get("inputs");
        assertEquals(sha256(bars), walkInputs.get("source").get("sha256").asText());
        assertEquals("2024-01-01T00:14:00Z", walkInputs.get("lastTime").asText());
        assertCsvInputsBeside(dir.resolve("w"), "walkforward", walkInputs);
        try (Stream<Path> left = Files.list(dir))
        {
            assertTrue(left.noneMatch(p -> p.getFileName().toString().startsWith(".")), "no temporary directory left");
        }
    }
}
