package io.qts.adapters.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A backtest of two instruments: one strategy instance each, shared cash, maxOpenPositions across them, and a
 * fixed order for simultaneous events (by time, then symbol name), whatever the order of the --data pairs.
 */
class PortfolioBacktestTest
{
    /**
     * sma-cross fast=1 slow=2 compares each close with the average of it and the previous one: an up-cross
     * (buy) is a rise after a fall, a down-cross (sell) a fall after a rise. Daily bars; every order fills at
     * the next bar's open.
     * <pre>
     * day     1   2   3     4          5   6          7   8
     * AAA    10   9  11    12 (o 11.5) 10  10 (o 10.5) 10  10      closes (open where a fill happens)
     * BBB    20  18  21    22         23  19          21  22 (o 21.5)
     * </pre>
     * Day 3: both rise after a fall, so both signal a buy at the same event time; AAA goes first (symbol order).
     * AAA's buy is sent; BBB's is refused with MAX_OPEN_POSITIONS (AAA's entry in flight counts as open).
     * Day 4: AAA buys 1 at 11.5. Day 5: AAA falls after rising: sell, filled day 6 at 10.5. BBB's fall on day 6
     * is a down-cross while flat: nothing. Day 7: BBB rises after the fall: buy, filled day 8 at 21.5 (AAA is
     * flat, so one open position is allowed).
     */
    static final String AAA = "timestamp,open,high,low,close,volume\n" +
        "2024-01-01,10,10,10,10,1\n" +
        "2024-01-02,9,9,9,9,1\n" +
        "2024-01-03,11,11,11,11,1\n" +
        "2024-01-04,11.5,12,11.5,12,1\n" +
        "2024-01-05,10,10,10,10,1\n" +
        "2024-01-06,10.5,10.5,10,10,1\n" +
        "2024-01-07,10,10,10,10,1\n" +
        "2024-01-08,10,10,10,10,1\n";
    static final String BBB = "timestamp,open,high,low,close,volume\n" +
        "2024-01-01,20,20,20,20,1\n" +
        "2024-01-02,18,18,18,18,1\n" +
        "2024-01-03,21,21,21,21,1\n" +
        "2024-01-04,22,22,22,22,1\n" +
        "2024-01-05,23,23,23,23,1\n" +
        "2024-01-06,19,19,19,19,1\n" +
        "2024-01-07,21,21,21,21,1\n" +
        "2024-01-08,21.5,22,21.5,22,1\n";

    @TempDir
    Path dir;

    private Cli backtest(final String out, final String... pairsAndOptions) throws IOException
    {
        Files.writeString(dir.resolve("aaa.csv"), AAA);
        Files.writeString(dir.resolve("bbb.csv"), BBB);
        final List<String> args = new ArrayList<>(List.of("backtest", "--format", "ohlcv", "--strategy", "sma-cross",
            "--param", "fast=1", "--param", "slow=2", "--size", "1", "--cash", "100", "--commission", "0.01"));
        args.addAll(List.of(pairsAndOptions));
        args.addAll(List.of("--out", dir.resolve(out).toString()));
        return Cli.run(args.toArray(String[]::new));
    }

    private String[] pair(final String file, final String symbol)
    {
        return new String[] {"--data", dir.resolve(file).toString(), "--symbol", symbol};
    }

    private static String[] concat(final String[]... parts)
    {
        return java.util.Arrays.stream(parts).flatMap(java.util.Arrays::stream).toArray(String[]::new);
    }

    private JsonNode report(final String out) throws IOException
    {
        return new ObjectMapper().readTree(dir.resolve(out).resolve("report.json").toFile());
    }

    @Test
    void twoInstrumentsShareCashAndOneOpenPositionIsAllowed() throws Exception
    {
        final Cli cli = backtest("out", concat(pair("aaa.csv", "AAA"), pair("bbb.csv", "BBB"), new String[] {"--max-open-positions", "1"}));
        assertEquals(0, cli.exitCode, cli.err);
        final JsonNode report = report("out");
        // AAA: bought 1 at 11.5, commission 0.115; sold at 10.5, commission 0.105; pnl 10.5 - 11.5 - 0.22 = -1.22.
        final JsonNode trades = report.get("trades");
        assertEquals(1, trades.size());
        assertEquals("AAA", trades.get(0).get("symbol").asText());
        assertEquals("2024-01-04T00:00:00Z", trades.get(0).get("entryTime").asText());
        assertEquals("11.5", trades.get(0).get("entryPrice").asText());
        assertEquals("2024-01-06T00:00:00Z", trades.get(0).get("exitTime").asText());
        assertEquals("10.5", trades.get(0).get("exitPrice").asText());
        assertEquals("0.22", trades.get(0).get("commission").asText());
        assertEquals("-1.22", trades.get(0).get("pnl").asText());
        // BBB's day-3 entry was refused; the day-7 one filled on day 8 at 21.5.
        assertEquals(1, report.get("rejectedOrders").asInt());
        assertEquals(1, report.get("metrics").get("rejectedByReason").get("MAX_OPEN_POSITIONS").asInt());
        assertEquals("1 order rejected: 1 MAX_OPEN_POSITIONS (first at 2024-01-03T00:00:00Z: buy 1 BBB at 21)",
            report.get("notes").get(0).asText());
        // Cash: 100 - 11.615 + 10.395 - 21.715 = 77.065; BBB's 1 marked at its last close 22: 99.065.
        assertEquals("77.065", report.get("finalCash").asText());
        assertEquals("99.065", report.get("finalValue").asText());
        assertEquals("AAA,BBB", report.get("symbol").asText());

        final JsonNode aaa = report.get("instruments").get(0);
        assertEquals("AAA", aaa.get("symbol").asText());
        assertEquals(1, aaa.get("trades").asInt());
        assertEquals("-1.22", aaa.get("realisedPnl").asText());
        assertEquals("0.22", aaa.get("commission").asText());
        assertEquals("0", aaa.get("finalPosition").asText());
        assertEquals("10", aaa.get("lastPrice").asText());
        assertTrue(aaa.get("openPosition").isNull());
        assertEquals("0.00000000", aaa.get("buyAndHold").asText(), "AAA closed at 10, its first close");
        final JsonNode bbb = report.get("instruments").get(1);
        assertEquals("BBB", bbb.get("symbol").asText());
        assertEquals(0, bbb.get("trades").asInt());
        assertEquals("0", bbb.get("realisedPnl").asText());
        assertEquals("0.215", bbb.get("commission").asText());
        assertEquals("1", bbb.get("finalPosition").asText());
        assertEquals("22", bbb.get("lastPrice").asText());
        assertEquals("22", bbb.get("marketValue").asText());
        assertEquals("21.5", bbb.get("openPosition").get("entryPrice").asText());
        assertEquals("0.10000000", bbb.get("buyAndHold").asText(), "22 / 20 - 1");

        assertEquals("entryTime,entryPrice,exitTime,exitPrice,qty,commission,pnl,symbol\n" +
                "2024-01-04T00:00:00Z,11.5,2024-01-06T00:00:00Z,10.5,1,0.22,-1.22,AAA\n",
            Files.readString(dir.resolve("out/trades.csv")));
        final JsonNode sources = report.get("inputs").get("sources");
        assertEquals("AAA", sources.get(0).get("symbol").asText());
        assertEquals(dir.resolve("aaa.csv").toString(), sources.get(0).get("path").asText());
        assertEquals("BBB", sources.get(1).get("symbol").asText());
        final String html = Files.readString(dir.resolve("out/report.html"));
        assertTrue(html.contains("id=\"instruments\""), "the per-instrument table");
        assertTrue(html.contains("chart-price-2"), "a price chart per instrument");
    }

    @Test
    void withoutTheLimitBothEnterOnTheSimultaneousSignal() throws Exception
    {
        assertEquals(0, backtest("out", concat(pair("aaa.csv", "AAA"), pair("bbb.csv", "BBB"))).exitCode);
        final JsonNode report = report("out");
        // BBB also buys 1 on day 4 at 22 (commission 0.22); its day-6 down-cross sells at day 7's open 21 (0.21):
        // pnl 21 - 22 - 0.43 = -1.43. Day 7's up-cross buys again at day 8's open 21.5.
        assertEquals(0, report.get("rejectedOrders").asInt());
        final JsonNode trades = report.get("trades");
        assertEquals(2, trades.size());
        assertEquals("AAA", trades.get(0).get("symbol").asText());
        assertEquals("BBB", trades.get(1).get("symbol").asText());
        assertEquals("22", trades.get(1).get("entryPrice").asText());
        assertEquals("21", trades.get(1).get("exitPrice").asText());
        assertEquals("-1.43", trades.get(1).get("pnl").asText());
        // 100 - 11.615 - 22.22 + 10.395 + 20.79 - 21.715 = 75.635; + 22 = 97.635.
        assertEquals("75.635", report.get("finalCash").asText());
        assertEquals("97.635", report.get("finalValue").asText());
    }

    @Test
    void theOrderOfTheDataPairsDoesNotMatter() throws Exception
    {
        final String[] limit = {"--max-open-positions", "1"};
        assertEquals(0, backtest("ab", concat(pair("aaa.csv", "AAA"), pair("bbb.csv", "BBB"), limit)).exitCode);
        assertEquals(0, backtest("ba", concat(pair("bbb.csv", "BBB"), pair("aaa.csv", "AAA"), limit)).exitCode);
        assertEquals(report("ab").get("digest"), report("ba").get("digest"));
        assertEquals(report("ab").get("trades"), report("ba").get("trades"));
        assertEquals(Files.readString(dir.resolve("ab/trades.csv")), Files.readString(dir.resolve("ba/trades.csv")));
    }

    /**
     * The two files imported into one journal (merged by the same rule) and backtested from it: the data-file
     * run's trades, final value and digest.
     */
    @Test
    void aJournalOfBothInstrumentsBacktestsLikeTheDataFiles() throws Exception
    {
        final String[] limit = {"--max-open-positions", "1"};
        assertEquals(0, backtest("files", concat(pair("aaa.csv", "AAA"), pair("bbb.csv", "BBB"), limit)).exitCode);
        final Path journal = dir.resolve("journal");
        final Cli imported = Cli.run("import", "--format", "ohlcv", "--in", dir.resolve("bbb.csv").toString(), "--symbol", "BBB",
            "--in", dir.resolve("aaa.csv").toString(), "--symbol", "AAA", "--journal", journal.toString());
        assertEquals(0, imported.exitCode, imported.err);
        assertEquals("imported 18 events (2 instrument definitions + 8 bars of AAA (priceScale 1) + 8 bars of BBB (priceScale 1)), " +
            "2024-01-01T00:00:00Z .. 2024-01-08T00:00:00Z, into " + journal, imported.out.strip());

        final Cli all = Cli.run("backtest", "--journal", journal.toString(), "--symbol", "BBB", "--symbol", "AAA", "--strategy", "sma-cross",
            "--param", "fast=1", "--param", "slow=2", "--size", "1", "--cash", "100", "--commission", "0.01", "--max-open-positions", "1",
            "--out", dir.resolve("fromJournal").toString());
        assertEquals(0, all.exitCode, all.err);
        assertEquals(report("files").get("digest"), report("fromJournal").get("digest"));
        assertEquals(report("files").get("trades"), report("fromJournal").get("trades"));
        assertEquals("99.065", report("fromJournal").get("finalValue").asText());
        assertEquals(report("files").get("instruments"), report("fromJournal").get("instruments"));

        final Cli unnamed = Cli.run("backtest", "--journal", journal.toString(), "--strategy", "sma-cross", "--cash", "100",
            "--out", dir.resolve("unnamed").toString());
        assertEquals(1, unnamed.exitCode);
        assertEquals("qts: error: " + journal + " defines 2 instruments (AAA, BBB); choose with --symbol, repeated to trade several",
            unnamed.err.strip());
        final Cli unknown = Cli.run("backtest", "--journal", journal.toString(), "--symbol", "AAA", "--symbol", "CCC", "--strategy",
            "sma-cross", "--cash", "100", "--out", dir.resolve("unknown").toString());
        assertEquals(1, unknown.exitCode);
        assertEquals("qts: error: symbol 'CCC' is not defined in " + journal + " (it has: AAA, BBB)", unknown.err.strip());
    }

    /** A sweep's combination is the standalone portfolio backtest; a walk-forward over several instruments is refused. */
    @Test
    void aSweepRunsThePortfolioPerCombinationAndAWalkForwardIsRefused() throws Exception
    {
        final String[] common = {"--format", "ohlcv", "--strategy", "sma-cross", "--size", "1", "--cash", "100", "--commission", "0.01",
            "--max-open-positions", "1", "--param", "fast=1", "--param", "slow=2..3:1"};
        final Cli sweep = Cli.run(concat(new String[] {"sweep"}, common, pairsWritten(), new String[] {"--out", dir.resolve("sweep").toString()}));
        assertEquals(0, sweep.exitCode, sweep.err);
        assertEquals(0, backtest("out", concat(pair("aaa.csv", "AAA"), pair("bbb.csv", "BBB"), new String[] {"--max-open-positions", "1"}))
            .exitCode);
        final JsonNode results = new ObjectMapper().readTree(dir.resolve("sweep/sweep.json").toFile()).get("results");
        assertEquals(2, results.size());
        JsonNode slow2 = null;
        for (final JsonNode row : results)
        {
            slow2 = "2".equals(row.get("params").get("slow").asText()) ? row : slow2;
        }
        assertEquals("99.065", slow2.get("finalValue").asText());
        assertEquals(report("out").get("digest"), slow2.get("digest"));
        assertEquals("AAA,BBB", new ObjectMapper().readTree(dir.resolve("sweep/sweep.json").toFile()).get("symbol").asText());

        final Cli walkForward = Cli.run(concat(new String[] {"sweep"}, common, pairsWritten(),
            new String[] {"--train", "4", "--test", "2", "--out", dir.resolve("wf").toString()}));
        assertEquals(1, walkForward.exitCode);
        assertEquals("qts: error: walk-forward takes one instrument (one --data with its --symbol), got 2 (AAA, BBB); " +
            "a portfolio runs with 'qts backtest' and 'qts sweep' without --train", walkForward.err.strip());
        assertTrue(Files.notExists(dir.resolve("wf")), "nothing written");
    }

    private String[] pairsWritten() throws IOException
    {
        Files.writeString(dir.resolve("aaa.csv"), AAA);
        Files.writeString(dir.resolve("bbb.csv"), BBB);
        return concat(pair("aaa.csv", "AAA"), pair("bbb.csv", "BBB"));
    }

    /** --format per file: BBB's bars as a Yahoo file are the same bars, so the same run. */
    @Test
    void eachFileMayHaveItsOwnFormat() throws Exception
    {
        assertEquals(0, backtest("ohlcv", concat(pair("aaa.csv", "AAA"), pair("bbb.csv", "BBB"))).exitCode);
        final StringBuilder yahoo = new StringBuilder("Date,Open,High,Low,Close,Adj Close,Volume\n");
        BBB.lines().skip(1).map(line -> line.split(",")).forEach(f ->
            yahoo.append(String.join(",", f[0], f[1], f[2], f[3], f[4], f[4], f[5])).append('\n'));
        Files.writeString(dir.resolve("bbb-yahoo.csv"), yahoo.toString());
        final Cli mixed = Cli.run("backtest", "--data", dir.resolve("aaa.csv").toString(), "--format", "ohlcv", "--symbol", "AAA",
            "--data", dir.resolve("bbb-yahoo.csv").toString(), "--format", "yahoo", "--symbol", "BBB", "--strategy", "sma-cross",
            "--param", "fast=1", "--param", "slow=2", "--size", "1", "--cash", "100", "--commission", "0.01",
            "--out", dir.resolve("mixed").toString());
        assertEquals(0, mixed.exitCode, mixed.err);
        assertEquals(report("ohlcv").get("digest"), report("mixed").get("digest"));
        assertEquals("yahoo", report("mixed").get("inputs").get("sources").get(1).get("format").asText());

        final Cli three = Cli.run(concat(new String[] {"backtest", "--format", "ohlcv", "--format", "ohlcv", "--format", "ohlcv",
            "--strategy", "sma-cross", "--cash", "100", "--out", dir.resolve("three").toString()}, pair("aaa.csv", "AAA"), pair("bbb.csv", "BBB")));
        assertEquals(1, three.exitCode);
        assertEquals("qts: error: give --format once for every --data file or once per --data: got 3 --format for 2 --data", three.err.strip());
    }

    /**
     * NVDA 1999-2014 and ORCL 1995-2014 (backtrader's daily bars), sma-cross 10/30, size 1, cash 10000: cash never
     * runs short and no limit ties them, so each instrument trades exactly as alone (NVDA: 73 round trips,
     * final value 10033.708751, the public check; ORCL: 97, 10026.460652), and the portfolio ends at
     * 10000 + 33.708751 + 26.460652 = 10060.169403. With --max-open-positions 1 they compete: fewer trades.
     */
    @Test
    void onRealDataEachInstrumentTradesAsAloneWhenNothingTiesThem() throws Exception
    {
        final String[] run = {"--format", "yahoo", "--strategy", "sma-cross", "--param", "fast=10", "--param", "slow=30", "--size", "1",
            "--cash", "10000"};
        final String nvda = SharedData.file("backtrader/nvda-1999-2014.txt").toString();
        final String orcl = SharedData.file("backtrader/orcl-1995-2014.txt").toString();
        assertEquals(0, Cli.run(concat(new String[] {"backtest", "--data", nvda, "--symbol", "NVDA", "--out", dir.resolve("nvda").toString()},
            run)).exitCode);
        assertEquals(0, Cli.run(concat(new String[] {"backtest", "--data", orcl, "--symbol", "ORCL", "--out", dir.resolve("orcl").toString()},
            run)).exitCode);
        assertEquals(0, Cli.run(concat(new String[] {"backtest", "--data", nvda, "--symbol", "NVDA", "--data", orcl, "--symbol", "ORCL",
            "--out", dir.resolve("both").toString()}, run)).exitCode);
        assertEquals("10033.708751", report("nvda").get("finalValue").asText());
        assertEquals("10026.460652", report("orcl").get("finalValue").asText());
        final JsonNode both = report("both");
        assertEquals("10060.169403", both.get("finalValue").asText());
        assertEquals(73 + 97, both.get("trades").size());
        final List<JsonNode> nvdaTrades = new ArrayList<>();
        final List<JsonNode> orclTrades = new ArrayList<>();
        both.get("trades").forEach(t -> ("NVDA".equals(t.get("symbol").asText()) ? nvdaTrades : orclTrades).add(t));
        for (int i = 0; i < 73; i++)
        {
            assertEquals(report("nvda").get("trades").get(i), nvdaTrades.get(i));
        }
        for (int i = 0; i < 97; i++)
        {
            assertEquals(report("orcl").get("trades").get(i), orclTrades.get(i));
        }
        assertEquals(report("orcl").get("openPosition"), both.get("instruments").get(1).get("openPosition"));

        assertEquals(0, Cli.run(concat(new String[] {"backtest", "--data", nvda, "--symbol", "NVDA", "--data", orcl, "--symbol", "ORCL",
            "--max-open-positions", "1", "--out", dir.resolve("one").toString()}, run)).exitCode);
        final JsonNode one = report("one");
        assertEquals(44, one.get("instruments").get(0).get("trades").asInt());
        assertEquals(65, one.get("instruments").get(1).get("trades").asInt());
        assertEquals(62, one.get("metrics").get("rejectedByReason").get("MAX_OPEN_POSITIONS").asInt());
        assertEquals("10009.335654", one.get("finalValue").asText());
    }

    @Test
    void aBadPairIsOneClearError() throws Exception
    {
        final Cli missing = backtest("out", "--data", dir.resolve("aaa.csv").toString(), "--symbol", "AAA",
            "--data", dir.resolve("bbb.csv").toString());
        assertEquals(1, missing.exitCode);
        assertEquals("qts: error: each --data FILE needs its own --symbol SYM (the i-th --symbol names the i-th --data): " +
            "got 2 --data and 1 --symbol", missing.err.strip());
        final Cli twice = backtest("out", concat(pair("aaa.csv", "AAA"), pair("bbb.csv", "AAA")));
        assertEquals(1, twice.exitCode);
        assertEquals("qts: error: --symbol AAA is given twice: each instrument once", twice.err.strip());
        assertTrue(Files.notExists(dir.resolve("out")), "nothing written");

        final Cli importTwice = Cli.run("import", "--format", "ohlcv", "--in", dir.resolve("aaa.csv").toString(), "--symbol", "AAA",
            "--in", dir.resolve("bbb.csv").toString(), "--symbol", "AAA", "--journal", dir.resolve("j").toString());
        assertEquals(1, importTwice.exitCode);
        assertEquals("qts: error: --symbol AAA is given twice: each instrument once", importTwice.err.strip());
        final Cli importMissing = Cli.run("import", "--format", "ohlcv", "--in", dir.resolve("aaa.csv").toString(), "--symbol", "AAA",
            "--in", dir.resolve("bbb.csv").toString(), "--journal", dir.resolve("j").toString());
        assertEquals(1, importMissing.exitCode);
        assertEquals("qts: error: each --in FILE needs its own --symbol SYM (the i-th --symbol names the i-th --in): got 2 --in and 1 --symbol",
            importMissing.err.strip());
        assertTrue(Files.notExists(dir.resolve("j")), "no journal written");
    }
}
