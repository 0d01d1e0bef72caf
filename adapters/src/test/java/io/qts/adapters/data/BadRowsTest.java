package io.qts.adapters.data;

import io.qts.adapters.cli.UserError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A bad row fails the read with {@code FILE:LINE: reason} by default; under skip it is left out and counted. */
class BadRowsTest
{
    @TempDir
    Path dir;

    @Test
    void aBadRowFailsByDefaultAndIsLeftOutAndCountedUnderSkip() throws IOException
    {
        final Path file = TestFiles.csv(dir, "bars.csv",
            "timestamp,open,high,low,close,volume",
            "2021-01-01 00:00:00,10.5,11,10,10.5,1",
            "2021-01-01 00:01:00,10.5,11,10,11,2",
            "2021-01-01 00:02:00,abc,11,10,10.5,1",
            "2021-01-01 00:03:00,10.123,11,12,10.5,1",
            "2021-01-01 00:04:00,11,11.5,10.5,11.5,3");

        assertEquals(file + ":4: open: not a number: 'abc'",
            assertThrows(UserError.class, () -> MarketDataFile.read(file, DataFormat.OHLCV, "X")).getMessage());

        final MarketSeries series = read(file, DataFormat.OHLCV);
        // Line 5's 10.123 was read before its high was found below its low: a row left out does not set the scale.
        assertEquals(List.of(
            "reference 2021-01-01T00:00:00Z definition id=1 X priceScale=1 qtyScale=8",
            "market 2021-01-01T00:00:00Z bar id=1 PT1M o=105 h=110 l=100 c=105 v=100000000",
            "market 2021-01-01T00:01:00Z bar id=1 PT1M o=105 h=110 l=100 c=110 v=200000000",
            "market 2021-01-01T00:04:00Z bar id=1 PT1M o=110 h=115 l=105 c=115 v=300000000"),
            DecodedEvents.replayed(series));
        assertEquals(new SkippedRows(2, file + ":4: open: not a number: 'abc'", 0), series.skipped());
        assertEquals("2 bad rows skipped (first: " + file + ":4: open: not a number: 'abc')", series.skipped().describe());
    }

    @Test
    void rowsOutOfOrderOrOfTheWrongWidthAreBadRowsToo() throws IOException
    {
        final Path file = TestFiles.csv(dir, "klines.csv",
            "1637971200000,0.00002853,0.00002854,0.00002851,0.00002854,36304.2,1637971259999,1.03547608,79,19523.0,0.55694227,0",
            "1637971200000,0.00002853,0.00002854,0.00002851,0.00002854,36304.2,1637971259999,1.03547608,79,19523.0,0.55694227,0",
            "1637971260000,0.00002854,0.00002860,0.00002854,0.00002859,89196.6,1637971319999",
            "1637971320000,0.00002859,0.00002860,0.00002857,0.00002859,26547.3,1637971379999,0.75867802,50,5425.9,0.15506127,0");

        final MarketSeries series = read(file, DataFormat.BINANCE_KLINES);

        assertEquals(List.of(
            "reference 2021-11-27T00:00:00Z definition id=1 X priceScale=8 qtyScale=8",
            "market 2021-11-27T00:00:00Z bar id=1 PT1M o=2853 h=2854 l=2851 c=2854 v=3630420000000",
            "market 2021-11-27T00:02:00Z bar id=1 PT1M o=2859 h=2860 l=2857 c=2859 v=2654730000000"),
            DecodedEvents.replayed(series));
        assertEquals(new SkippedRows(2,
            file + ":2: time 2021-11-27T00:00:00Z is not after the previous bar's 2021-11-27T00:00:00Z", 0), series.skipped());
    }

    @Test
    void tradeFilesSkipBadRowsAndKeepTheRest() throws IOException
    {
        final Path file = TestFiles.csv(dir, "kraken.csv",
            "1672531436,90.540000,1.10448420",
            "1672531471,90.45,-1",
            "1672531647,90.36,0.286");

        final MarketSeries series = read(file, DataFormat.TRADES);

        assertEquals(List.of(
            "reference 2023-01-01T00:03:56Z definition id=1 X priceScale=2 qtyScale=8",
            "market 2023-01-01T00:03:56Z trade id=1 UNKNOWN price=9054 qty=110448420 tradeId=1",
            "market 2023-01-01T00:07:27Z trade id=1 UNKNOWN price=9036 qty=28600000 tradeId=2"),
            DecodedEvents.replayed(series));
        assertEquals(1, series.skipped().badRows());
    }

    @Test
    void aFileOfOnlyBadRowsHasNoDataRowsAndAHeaderIsNeverSkipped() throws IOException
    {
        final Path bad = TestFiles.csv(dir, "bad.csv", "timestamp,open,high,low,close,volume", "2021-01-01,x,1,1,1,1");
        final Path header = TestFiles.csv(dir, "header.csv", "when,open,high,low,close,volume", "2021-01-01,1,1,1,1,1");

        assertEquals(bad + ": no data rows",
            assertThrows(UserError.class, () -> read(bad, DataFormat.OHLCV)).getMessage());
        assertEquals(header + ":1: header 'when,open,high,low,close,volume' has no time column; ohlcv needs a header " +
                "naming a time column (timestamp, datetime, date_time, open_time, time or date; or Date and Time apart) " +
                "and open, high, low, close and volume, in any order; other columns are ignored",
            assertThrows(UserError.class, () -> read(header, DataFormat.OHLCV)).getMessage());
    }

    @Test
    void upbitCandleErrorsNameTheLineTheCandleStartsOn() throws IOException
    {
        final String good = "{\"market\": \"KRW-BTC\", \"candle_date_time_utc\": \"2020-02-20T11:19:00\", \"opening_price\": 1, " +
            "\"high_price\": 2, \"low_price\": 1, \"trade_price\": 2, \"candle_acc_trade_volume\": 1, \"unit\": 1}";
        final Path missing = json("missing.json", "[", good + ",",
            "{\"market\": \"KRW-BTC\", \"candle_date_time_utc\": \"2020-02-20T11:18:00\", \"opening_price\": 1,",
            " \"high_price\": 2, \"low_price\": 1, \"candle_acc_trade_volume\": 1, \"unit\": 1}", "]");
        final Path market = json("market.json", "[", good + ",", good.replace("KRW-BTC", "KRW-ETH")
            .replace("11:19", "11:18") + "]");
        final Path twice = json("twice.json", "[", good + ",", good + "]");
        final Path broken = json("broken.json", "[", good + ",", "{\"market\": }", "]");
        final Path object = json("object.json", "{\"error\": {\"name\": \"too_many_requests\"}}");

        assertEquals(missing + ":3: candle has no trade_price", upbitError(missing));
        assertEquals(market + ":3: market 'KRW-ETH' differs from the first candle's 'KRW-BTC'", upbitError(market));
        assertEquals(twice + ":3: time 2020-02-20T11:19:00Z is not after the previous bar's 2020-02-20T11:19:00Z",
            upbitError(twice));
        assertEquals(broken + ":3: not valid JSON: Unexpected character ('}' (code 125)): expected a value",
            upbitError(broken));
        assertEquals(object + ":1: expected a JSON array of Upbit candles, as GET /v1/candles/... returns", upbitError(object));

        final MarketSeries skipped = MarketDataFile.read(missing, DataFormat.UPBIT_CANDLES, "X", BadRowPolicy.SKIP, bytes -> { });
        assertEquals(1, skipped.size());
        assertEquals(new SkippedRows(1, missing + ":3: candle has no trade_price", 0), skipped.skipped());
        assertEquals(broken + ":3: not valid JSON: Unexpected character ('}' (code 125)): expected a value",
            assertThrows(UserError.class,
                () -> MarketDataFile.read(broken, DataFormat.UPBIT_CANDLES, "X", BadRowPolicy.SKIP, bytes -> { })).getMessage());
    }

    @Test
    void policyNamesAreFailAndSkip()
    {
        assertEquals(BadRowPolicy.SKIP, BadRowPolicy.fromName("Skip"));
        assertEquals(BadRowPolicy.FAIL, BadRowPolicy.fromName("fail"));
        assertEquals("unknown --on-bad-row 'ignore'; expected fail or skip",
            assertThrows(UserError.class, () -> BadRowPolicy.fromName("ignore")).getMessage());
    }

    private static MarketSeries read(final Path file, final DataFormat format)
    {
        return MarketDataFile.read(file, format, "X", BadRowPolicy.SKIP, bytes -> { });
    }

    private static String upbitError(final Path file)
    {
        return assertThrows(UserError.class, () -> MarketDataFile.read(file, DataFormat.UPBIT_CANDLES, "X")).getMessage();
    }

    private Path json(final String name, final String... lines) throws IOException
    {
        final Path file = dir.resolve(name);
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return file;
    }
}
