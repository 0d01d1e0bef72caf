package io.qts.adapters.cli;

import io.qts.adapters.data.DataFormat;
import io.qts.adapters.data.MarketDataFile;
import io.qts.adapters.data.MarketSeries;
import io.qts.adapters.upbit.UpbitCandleFetcher;
import io.qts.adapters.upbit.UpbitTradeFetcher;
import io.qts.adapters.upbit.sim.ExchangeSimulator;
import io.qts.adapters.upbit.sim.Fault;
import io.qts.adapters.upbit.sim.MarketTape;
import io.qts.adapters.upbit.sim.SimSettings;
import io.qts.adapters.upbit.sim.SimTrade;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code qts fetch} against the exchange simulator over loopback. The simulator plays the whole sample (240 one-minute
 * bars, 2020-02-20 08:00..11:59 UTC, four trades a bar) before any request, so every candle is in its past.
 */
class FetchCommandTest
{
    private static final DateTimeFormatter CSV_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final List<SimTrade> TAPE = MarketTape.of(
        MarketDataFile.read(Path.of("../config/samples/upbit-krw-btc-1m.csv"), DataFormat.OHLCV, "KRW-BTC"));

    @TempDir
    Path dir;
    private ExchangeSimulator sim;

    @AfterEach
    void stop()
    {
        if (sim != null)
        {
            sim.close();
        }
    }

    @Test
    void aMultiPageFetchEqualsTheTapeAggregatedByMinuteAcrossA429() throws Exception
    {
        final URI base = start(TAPE);
        final Path out = dir.resolve("btc.csv");
        final List<UpbitCandleFetcher.Page> pages = new ArrayList<>();
        final UpbitCandleFetcher.Result r = new UpbitCandleFetcher(base, 100, 10).fetch("KRW-BTC", "1m",
            ms("2020-02-20T08:00:00Z"), ms("2020-02-20T12:00:00Z"), out, false, page ->
            {
                pages.add(page);
                if (pages.size() == 1)
                {
                    sim.inject(Fault.tooManyRequests(1));   // the next request is refused once
                }
            });
        assertEquals(3, r.pages(), "100 + 100 + 40 candles");
        assertEquals(1, r.retries(), "the 429 asked again");
        assertEquals(240, r.candles());
        assertEquals(List.of(), r.gaps());
        assertEquals(List.of(100, 100, 40), pages.stream().map(UpbitCandleFetcher.Page::candles).toList());
        assertEquals(aggregateByMinute(TAPE), Files.readAllLines(out));
        assertFalse(Files.exists(dir.resolve("btc.csv.part")), "the partial file is gone once complete");

        final MarketSeries readBack = MarketDataFile.read(out, DataFormat.OHLCV, "KRW-BTC");
        assertEquals(240, readBack.size(), "import and backtest --data read it");
    }

    @Test
    void remainingReqAtZeroMakesItWaitForTheNextSecondInsteadOfBeing429d() throws Exception
    {
        sim = new ExchangeSimulator(TAPE, new SimSettings().speed(0).quotationRateLimit(2).log(l -> { }));
        final URI base = URI.create("http://127.0.0.1:" + sim.start(0) + "/");
        sim.step(TAPE.size());
        final UpbitCandleFetcher.Result r = new UpbitCandleFetcher(base, 40, 10).fetch("KRW-BTC", "1m",
            ms("2020-02-20T08:00:00Z"), ms("2020-02-20T12:00:00Z"), dir.resolve("slow.csv"), false, page -> { });
        assertEquals(6, r.pages(), "6 pages of 40, 2 requests a second allowed");
        assertEquals(0, r.retries(), "never over the limit: sec=0 was waited out");
        assertEquals(aggregateByMinute(TAPE), Files.readAllLines(dir.resolve("slow.csv")));
    }

    @Test
    void anInterruptedFetchResumedGivesTheSameFileAsAnUninterruptedOne() throws Exception
    {
        final URI base = start(TAPE);
        final Path whole = dir.resolve("whole.csv");
        final Cli uninterrupted = fetch(base, whole);
        assertEquals(0, uninterrupted.exitCode, uninterrupted.err);
        assertTrue(uninterrupted.out.contains("fetched 240 1m candles of KRW-BTC"), uninterrupted.out);

        final Path resumed = dir.resolve("resumed.csv");
        final IllegalStateException failure = assertThrows(IllegalStateException.class,
            () -> new UpbitCandleFetcher(base, 100, 10).fetch("KRW-BTC", "1m", ms("2020-02-20T08:00:00Z"),
                ms("2020-02-20T12:00:00Z"), resumed, false, page -> sim.inject(Fault.serverError(4))));
        assertTrue(failure.getMessage().contains("HTTP 500 after 4 tries; run the same command again to resume"), failure.getMessage());
        assertFalse(Files.exists(resumed));
        assertEquals(1 + 100, Files.readAllLines(dir.resolve("resumed.csv.part")).size(), "the request line and one page");

        final Cli second = fetch(base, resumed);
        assertEquals(0, second.exitCode, second.err);
        assertTrue(second.out.contains("(2 page(s), 0 retried request(s), resumed)"), second.out);
        assertArrayEquals(Files.readAllBytes(whole), Files.readAllBytes(resumed));
        assertFalse(Files.exists(dir.resolve("resumed.csv.part")));
    }

    @Test
    void minutesWithoutTradesAreReportedAndFilledOnlyOnRequest() throws Exception
    {
        // no trades from 08:10:00 to 08:12:59
        final long gapFrom = ms("2020-02-20T08:10:00Z");
        final long gapTo = ms("2020-02-20T08:13:00Z");
        final URI base = start(TAPE.stream().filter(t -> t.tradeTimestampMs() < gapFrom || t.tradeTimestampMs() >= gapTo).toList());
        final Path plain = dir.resolve("plain.csv");
        final Cli reported = Cli.run("fetch", "--base-url", base.toString(), "--symbol", "KRW-BTC", "--interval", "1m",
            "--from", "2020-02-20 08:00:00", "--to", "2020-02-20T08:20:00Z", "--out", plain.toString());
        assertEquals(0, reported.exitCode, reported.err);
        assertTrue(reported.out.contains("gaps: 3 period(s) without trades in 1 run(s) (not filled; --fill-gaps fills them)"), reported.out);
        assertTrue(reported.out.contains("2020-02-20T08:10:00Z .. 2020-02-20T08:13:00Z (3)"), reported.out);
        assertEquals(1 + 17, Files.readAllLines(plain).size());

        final Path filled = dir.resolve("filled.csv");
        final Cli fill = Cli.run("fetch", "--base-url", base.toString(), "--symbol", "KRW-BTC", "--interval", "1m",
            "--from", "2020-02-20 08:00:00", "--to", "2020-02-20 08:20:00", "--out", filled.toString(), "--fill-gaps");
        assertEquals(0, fill.exitCode, fill.err);
        assertTrue(fill.out.contains("3 filled with the last close and zero volume"), fill.out);
        final List<String> lines = Files.readAllLines(filled);
        assertEquals(1 + 20, lines.size());
        // 08:09 closed at its recorded close; the three missing minutes carry it with no volume
        final String close0809 = lines.get(10).split(",")[4];
        assertEquals(List.of("2020-02-20 08:10:00," + close0809 + "," + close0809 + "," + close0809 + "," + close0809 + ",0",
            "2020-02-20 08:11:00," + close0809 + "," + close0809 + "," + close0809 + "," + close0809 + ",0",
            "2020-02-20 08:12:00," + close0809 + "," + close0809 + "," + close0809 + "," + close0809 + ",0"), lines.subList(11, 14));
    }

    @Test
    void withJournalTheCandlesAreImportedIntoANewJournalAsImportDoes() throws Exception
    {
        final URI base = start(TAPE);
        final Path journal = dir.resolve("journal");
        final Cli r = Cli.run("fetch", "--base-url", base.toString(), "--symbol", "KRW-BTC", "--interval", "5m",
            "--from", "2020-02-20T08:00:00Z", "--to", "2020-02-20T09:00:00Z", "--journal", journal.toString());
        assertEquals(0, r.exitCode, r.err);
        assertTrue(r.out.contains("fetched 12 5m candles of KRW-BTC into " + dir.resolve("journal.csv")), r.out);
        assertTrue(r.out.contains("imported 13 events (1 instrument definition + 12 bars) of KRW-BTC"), r.out);
        final Cli verify = Cli.run("journal", "verify", "--journal", journal.toString());
        assertEquals(0, verify.exitCode, verify.out + verify.err);
    }

    @Test
    void tradeTicksOverTwoDaysArePagedByDaysAgoAndCursorAndResumeToTheSameFile() throws Exception
    {
        // the sample's day, then the same trades a day later: 2020-02-20 and 2020-02-21, 960 trades each
        final List<SimTrade> twoDays = new ArrayList<>(TAPE);
        for (final SimTrade t : TAPE)
        {
            twoDays.add(new SimTrade(t.tradeTimestampMs() + 86_400_000L, t.price(), t.volume(), t.askBid(),
                t.sequentialId() + 86_400_000_000L));
        }
        final URI base = start(twoDays);
        final long from = ms("2020-02-20T08:30:00Z");
        final long to = ms("2020-02-21T09:00:00Z");
        final List<String> expected = new ArrayList<>(List.of("timestamp,trade_id,price,quantity,buyer_maker"));
        twoDays.stream().filter(t -> t.tradeTimestampMs() >= from && t.tradeTimestampMs() < to).forEach(t -> expected.add(
            t.tradeTimestampMs() + "," + t.sequentialId() + "," + plain(t.price()) + "," + plain(t.volume()) + ","
                + "ASK".equals(t.askBid())));
        assertEquals(1 + 840 + 240, expected.size(), "08:30..11:59 of the first day, 08:00..08:59 of the second");

        final Path whole = dir.resolve("ticks.csv");
        final Cli r = Cli.run("fetch", "--trades", "--base-url", base.toString(), "--symbol", "KRW-BTC",
            "--from", "2020-02-20T08:30:00Z", "--to", "2020-02-21T09:00:00Z", "--out", whole.toString());
        assertEquals(0, r.exitCode, r.err);
        // the latest trade; day 2 up to 09:00 (240); day 1: 500, then 460 of which 340 are after 08:30
        assertTrue(r.out.contains("fetched 1080 trades of KRW-BTC into " + whole + " (4 request(s), 0 retried)"), r.out);
        assertEquals(expected, Files.readAllLines(whole));
        assertEquals(1080, MarketDataFile.read(whole, DataFormat.TRADES, "KRW-BTC").size(), "import --format trades reads it");

        final Path resumed = dir.resolve("resumed.csv");
        final boolean[] failedOnce = {false};
        assertThrows(IllegalStateException.class, () -> new UpbitTradeFetcher(base, 10).fetch("KRW-BTC", from, to, resumed,
            stored ->
            {
                if (stored > 0 && !failedOnce[0])
                {
                    failedOnce[0] = true;
                    sim.inject(Fault.serverError(4));
                }
            }));
        assertFalse(Files.exists(resumed));
        final Cli again = Cli.run("fetch", "--trades", "--base-url", base.toString(), "--symbol", "KRW-BTC",
            "--from", "2020-02-20T08:30:00Z", "--to", "2020-02-21T09:00:00Z", "--out", resumed.toString());
        assertEquals(0, again.exitCode, again.err);
        assertTrue(again.out.contains("resumed"), again.out);
        assertArrayEquals(Files.readAllBytes(whole), Files.readAllBytes(resumed));
    }

    @Test
    void tradeTicksOlderThanSevenDaysAreRefused() throws Exception
    {
        final URI base = start(TAPE);
        final Cli r = Cli.run("fetch", "--trades", "--base-url", base.toString(), "--symbol", "KRW-BTC",
            "--from", "2020-02-12T00:00:00Z", "--to", "2020-02-21T00:00:00Z", "--out", dir.resolve("old.csv").toString());
        assertEquals(1, r.exitCode);
        assertEquals("qts: error: Upbit serves trade ticks of its last 7 days only: --from is 8 days before its latest trade "
            + "(2020-02-20)\n", r.err);
    }

    @Test
    void badRequestsAreOneLineErrors() throws Exception
    {
        final Path out = dir.resolve("x.csv");
        final Cli interval = Cli.run("fetch", "--symbol", "KRW-BTC", "--interval", "2m", "--from", "2020-02-20 08:00:00",
            "--to", "2020-02-20 09:00:00", "--out", out.toString(), "--base-url", "http://127.0.0.1:1");
        assertEquals(1, interval.exitCode);
        assertEquals("qts: error: --interval must be 1m, 3m, 5m, 10m, 15m, 30m, 60m, 240m or 1d: 2m\n", interval.err);
        final Cli backwards = Cli.run("fetch", "--symbol", "KRW-BTC", "--from", "2020-02-20 09:00:00",
            "--to", "2020-02-20 08:00:00", "--out", out.toString());
        assertEquals("qts: error: --from must be before --to\n", backwards.err);
        final Cli offGrid = Cli.run("fetch", "--symbol", "KRW-BTC", "--interval", "5m", "--from", "2020-02-20 08:01:00",
            "--to", "2020-02-20 09:00:00", "--out", out.toString());
        assertEquals("qts: error: --from and --to must fall on 5m candle boundaries (UTC)\n", offGrid.err);
        final Cli badTime = Cli.run("fetch", "--symbol", "KRW-BTC", "--from", "yesterday", "--to", "2020-02-20 08:00:00",
            "--out", out.toString());
        assertTrue(badTime.err.startsWith("qts: error: invalid --from 'yesterday'"), badTime.err);
        final Cli venue = Cli.run("fetch", "--venue", "binance", "--symbol", "KRW-BTC", "--from", "2020-02-20 08:00:00",
            "--to", "2020-02-20 09:00:00", "--out", out.toString());
        assertEquals("qts: error: --venue must be upbit\n", venue.err);
        final Cli nowhere = Cli.run("fetch", "--symbol", "KRW-BTC", "--from", "2020-02-20 08:00:00", "--to", "2020-02-20 09:00:00");
        assertEquals("qts: error: give --out FILE.csv, --journal DIR or both\n", nowhere.err);
        assertFalse(Files.exists(out));
    }

    private URI start(final List<SimTrade> tape)
    {
        sim = new ExchangeSimulator(tape, new SimSettings().speed(0).quotationRateLimit(1000).log(l -> { }));
        final int port = sim.start(0);
        assertEquals(tape.size(), sim.step(tape.size()));
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    private static Cli fetch(final URI base, final Path out)
    {
        return Cli.run("fetch", "--venue", "upbit", "--base-url", base.toString(), "--symbol", "KRW-BTC", "--interval", "1m",
            "--from", "2020-02-20T08:00:00Z", "--to", "2020-02-20T12:00:00Z", "--out", out.toString(), "--page-size", "100");
    }

    private static long ms(final String iso)
    {
        return Instant.parse(iso).toEpochMilli();
    }

    /** The CSV the fetch should write, built straight from the played trades: first, max, min, last, sum per minute. */
    private static List<String> aggregateByMinute(final List<SimTrade> tape)
    {
        final Map<Long, List<SimTrade>> byMinute = new TreeMap<>();
        for (final SimTrade t : tape)
        {
            byMinute.computeIfAbsent(t.tradeTimestampMs() / 60_000 * 60_000, k -> new ArrayList<>()).add(t);
        }
        final List<String> lines = new ArrayList<>(List.of("timestamp,open,high,low,close,volume"));
        byMinute.forEach((minute, trades) ->
        {
            BigDecimal high = trades.get(0).price();
            BigDecimal low = high;
            BigDecimal volume = BigDecimal.ZERO;
            for (final SimTrade t : trades)
            {
                high = high.max(t.price());
                low = low.min(t.price());
                volume = volume.add(t.volume());
            }
            lines.add(CSV_TIME.format(Instant.ofEpochMilli(minute).atOffset(ZoneOffset.UTC)) + "," + plain(trades.get(0).price())
                + "," + plain(high) + "," + plain(low) + "," + plain(trades.get(trades.size() - 1).price()) + "," + plain(volume));
        });
        return lines;
    }

    private static String plain(final BigDecimal v)
    {
        final BigDecimal s = v.stripTrailingZeros();
        return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
    }
}
