package io.qts.adapters.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qts.adapters.data.DecodedEvents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The new layouts and {@code --on-bad-row} through import, backtest and sweep. */
class DataFormatOptionsTest
{
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Bars.ZIGZAG with one bad row (line 9) between 00:06 and 00:07. */
    private static final String ZIGZAG_WITH_A_BAD_ROW = Bars.ZIGZAG.replace(
        "2024-01-01 00:07:00,", "2024-01-01 00:06:30,1O0,100,100,100,1\n2024-01-01 00:07:00,");

    @TempDir
    Path dir;

    @Test
    void importReadsUpbitCandleJson()
    {
        final Path candles = SharedData.file("smtm_upbit/upbit_1m_20200220_202000-20200220_210000.json");
        final Path journal = dir.resolve("j");

        final Cli cli = Cli.run("import", "--format", "upbit-candles", "--symbol", "KRW-BTC", "--in", candles.toString(),
            "--journal", journal.toString());

        assertEquals(0, cli.exitCode, cli.err);
        assertEquals("imported 41 events (1 instrument definition + 40 bars) of KRW-BTC, priceScale 0, " +
            "2020-02-20T11:20:00Z .. 2020-02-20T11:59:00Z, into " + journal + System.lineSeparator(), cli.out);
        assertEquals("market 2020-02-20T11:20:00Z bar id=1 PT1M o=11498000 h=11498000 l=11488000 c=11496000 v=917970442",
            DecodedEvents.inJournal(journal).get(1));
    }

    @Test
    void importFailsOnABadRowUnlessToldToSkipIt() throws IOException
    {
        final Path data = Files.writeString(dir.resolve("bars.csv"), ZIGZAG_WITH_A_BAD_ROW);
        final Path failed = dir.resolve("failed");
        final Path skipped = dir.resolve("skipped");

        final Cli fail = Cli.run("import", "--format", "ohlcv", "--symbol", "KRW-BTC", "--in", data.toString(),
            "--journal", failed.toString());
        final Cli skip = Cli.run("import", "--format", "ohlcv", "--symbol", "KRW-BTC", "--in", data.toString(),
            "--journal", skipped.toString(), "--on-bad-row", "skip");

        assertEquals(1, fail.exitCode);
        assertEquals("qts: error: " + data + ":9: open: not a number: '1O0'" + System.lineSeparator(), fail.err);
        assertFalse(Files.exists(failed), "nothing written");
        assertEquals(0, skip.exitCode, skip.err);
        assertEquals("imported 16 events (1 instrument definition + 15 bars) of KRW-BTC, priceScale 0, " +
            "2024-01-01T00:00:00Z .. 2024-01-01T00:14:00Z, into " + skipped + "; 1 bad row skipped (first: " + data +
            ":9: open: not a number: '1O0')" + System.lineSeparator(), skip.out);
    }

    /** Leaving the bad row out gives the clean file's result exactly, and the report says a row was left out. */
    @Test
    void backtestSkippingABadRowTradesAsOnTheCleanFileAndReportsTheSkip() throws IOException
    {
        final Path clean = Files.writeString(dir.resolve("clean.csv"), Bars.ZIGZAG);
        final Path dirty = Files.writeString(dir.resolve("dirty.csv"), ZIGZAG_WITH_A_BAD_ROW);

        final Cli cleanRun = backtest(clean, dir.resolve("clean"));
        final Cli dirtyRun = backtest(dirty, dir.resolve("dirty"), "--on-bad-row", "skip");

        assertEquals(0, cleanRun.exitCode, cleanRun.err);
        assertEquals(0, dirtyRun.exitCode, dirtyRun.err);
        final String[] cleanLines = cleanRun.out.split(System.lineSeparator());
        final String[] dirtyLines = dirtyRun.out.split(System.lineSeparator());
        assertEquals(cleanLines[0], dirtyLines[0], "the summary line, digest included");
        assertTrue(dirtyRun.out.contains(System.lineSeparator() + "data: 1 bad row skipped (first: " + dirty +
            ":9: open: not a number: '1O0')" + System.lineSeparator()), dirtyRun.out);
        final JsonNode source = JSON.readTree(dir.resolve("dirty/report.json").toFile()).get("inputs").get("source");
        assertEquals("ohlcv", source.get("format").asText());
        assertEquals(1, source.get("badRowsSkipped").asLong());
        assertEquals(dirty + ":9: open: not a number: '1O0'", source.get("firstBadRow").asText());
        assertEquals(0, source.get("nullRowsSkipped").asLong());
        final JsonNode cleanSource = JSON.readTree(dir.resolve("clean/report.json").toFile()).get("inputs").get("source");
        assertEquals(0, cleanSource.get("badRowsSkipped").asLong());
        assertFalse(cleanSource.has("firstBadRow"));

        final Cli failed = backtest(dirty, dir.resolve("failed"));
        assertEquals(1, failed.exitCode);
        assertEquals("qts: error: " + dirty + ":9: open: not a number: '1O0'" + System.lineSeparator(), failed.err);
    }

    @Test
    void sweepSkipsBadRowsWhenToldAndSaysSo() throws IOException
    {
        final Path dirty = Files.writeString(dir.resolve("dirty.csv"), ZIGZAG_WITH_A_BAD_ROW);
        final Path out = dir.resolve("sweep");

        final Cli cli = Cli.run("sweep", "--data", dirty.toString(), "--format", "ohlcv", "--symbol", "KRW-BTC",
            "--strategy", "sma-cross", "--param", "fast=2", "--param", "slow=3..4:1", "--size", "0.5", "--cash", "100000",
            "--on-bad-row", "skip", "--out", out.toString());

        assertEquals(0, cli.exitCode, cli.err);
        assertTrue(cli.out.startsWith("data: 1 bad row skipped (first: " + dirty + ":9: open: not a number: '1O0')" +
            System.lineSeparator()), cli.out);
        assertEquals(1, JSON.readTree(out.resolve("sweep.json").toFile()).get("inputs").get("source").get("badRowsSkipped").asLong());
    }

    @Test
    void backtestReadsBinanceKlines()
    {
        final Cli cli = Cli.run("backtest", "--data", SharedData.file("nautilus_trader/ADABTC-1m-2021-11-27.csv").toString(),
            "--format", "binance-klines", "--symbol", "ADABTC", "--strategy", "sma-cross", "--param", "fast=2",
            "--param", "slow=3", "--cash", "1", "--out", dir.resolve("out").toString());

        assertEquals(0, cli.exitCode, cli.err);
        assertTrue(cli.out.startsWith("sma-cross "), cli.out);
    }

    private static Cli backtest(final Path data, final Path out, final String... extra)
    {
        final String[] base = {"backtest", "--data", data.toString(), "--format", "ohlcv", "--symbol", "KRW-BTC",
            "--strategy", "sma-cross", "--param", "fast=2", "--param", "slow=4", "--size", "0.5", "--cash", "100000",
            "--commission", "0.001", "--out", out.toString()};
        final String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return Cli.run(args);
    }
}
