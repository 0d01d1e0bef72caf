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

/** The five-trade file of the report issue, through the real CLI: metrics that never crash, duplicates dropped once. */
class IssueExamplesTest
{
    private static final String HEADER = "timestamp,trade_id,price,quantity,buyer_maker\n";
    private static final String FIVE_TRADES = HEADER +
        "1610064000000,1,10,1,True\n" +
        "1610064001000,2,9,1,True\n" +
        "1610064002000,3,11,1,False\n" +
        "1610064003000,4,12,1,False\n" +
        "1610064004000,5,13,1,False\n";
    private static final String WITH_A_REPEAT = HEADER +
        "1610064000000,1,10,1,True\n" +
        "1610064001000,2,9,1,True\n" +
        "1610064002000,3,11,1,False\n" +
        "1610064002000,3,11,1,False\n" +
        "1610064003000,4,12,1,False\n" +
        "1610064004000,5,13,1,False\n";

    @TempDir
    Path dir;

    private JsonNode backtest(final String source, final String sourceValue, final String cash, final String outName) throws IOException
    {
        final Path out = dir.resolve(outName);
        final Cli cli = "--data".equals(source)
            ? Cli.run("backtest", "--data", sourceValue, "--format", "trades", "--symbol", "X", "--strategy", "sma-cross",
                "--param", "fast=1", "--param", "slow=2", "--size", "1", "--cash", cash, "--out", out.toString())
            : Cli.run("backtest", "--journal", sourceValue, "--strategy", "sma-cross",
                "--param", "fast=1", "--param", "slow=2", "--size", "1", "--cash", cash, "--out", out.toString());
        assertEquals(0, cli.exitCode, cli.out + cli.err);
        return new ObjectMapper().readTree(out.resolve("report.json").toFile());
    }

    @Test
    void aShortProfitableBacktestWritesItsReportWithUndefinedRatiosExplained() throws IOException
    {
        final Path trades = Files.writeString(dir.resolve("trades.csv"), FIVE_TRADES);
        final JsonNode report = backtest("--data", trades.toString(), "100", "out");
        assertEquals("101", report.get("finalValue").asText());
        assertEquals("12", report.get("openPosition").get("entryPrice").asText());
        final JsonNode metrics = report.get("metrics");
        assertEquals("0.01", metrics.get("totalReturn").asText());
        assertTrue(metrics.get("cagr").isNull());
        assertEquals("the span (4.62963e-05 days) is shorter than 30 days: annualising it would be meaningless",
            metrics.get("undefined").get("cagr").asText());
        assertTrue(Files.exists(dir.resolve("out/report.html")) && Files.exists(dir.resolve("out/trades.csv")));
    }

    @Test
    void aRepeatedTradeIdIsDroppedAndCountedInABacktestOfTheFileAndOfItsImport() throws IOException
    {
        final Path trades = Files.writeString(dir.resolve("repeat.csv"), WITH_A_REPEAT);
        final JsonNode fromFile = backtest("--data", trades.toString(), "100000", "file");
        assertEquals("100001", fromFile.get("finalValue").asText());
        assertEquals("12", fromFile.get("openPosition").get("entryPrice").asText());
        assertEquals(1, fromFile.get("duplicateTradesDropped").asLong());

        final Path journal = dir.resolve("journal");
        final Cli imported = Cli.run("import", "--format", "trades", "--symbol", "X", "--in", trades.toString(),
            "--journal", journal.toString());
        assertEquals(0, imported.exitCode, imported.err);
        assertTrue(imported.out.strip().endsWith("; 1 repeated trade id kept as received, dropped when replayed (the live decoder's rule)"),
            imported.out);
        final JsonNode fromJournal = backtest("--journal", journal.toString(), "100000", "journal-out");
        assertEquals("100001", fromJournal.get("finalValue").asText());
        assertEquals(1, fromJournal.get("duplicateTradesDropped").asLong());
        assertEquals(fromFile.get("digest"), fromJournal.get("digest"));
    }
}
