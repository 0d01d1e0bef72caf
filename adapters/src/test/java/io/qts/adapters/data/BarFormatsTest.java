package io.qts.adapters.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The bar layouts a trader already has: Upbit candle JSON, Binance klines, OHLCV with epoch times, extra columns
 * or Date,Time apart, and Yahoo's null rows. Each file is built by hand; the expected bars are written out.
 */
class BarFormatsTest
{
    @TempDir
    Path dir;

    @Test
    void upbitCandlesAreNewestFirstAndComeOutInTimeOrderWithTheUnitAsBarLength() throws IOException
    {
        final Path file = text("candles.json",
            "[",
            "  {",
            "    \"market\": \"KRW-BTC\",",
            "    \"candle_date_time_utc\": \"2020-02-20T11:20:00\",",
            "    \"candle_date_time_kst\": \"2020-02-20T20:20:00\",",
            "    \"opening_price\": 11498000.0,",
            "    \"high_price\": 11498000.0,",
            "    \"low_price\": 11488000.0,",
            "    \"trade_price\": 11496000.0,",
            "    \"timestamp\": 1582197659474,",
            "    \"candle_acc_trade_price\": 105514235.56915,",
            "    \"candle_acc_trade_volume\": 9.17970442,",
            "    \"unit\": 1",
            "  },",
            "  {\"market\": \"KRW-BTC\", \"candle_date_time_utc\": \"2020-02-20T11:19:00\", \"opening_price\": 11509000.0,",
            "   \"high_price\": 11511000.0, \"low_price\": 11489000.0, \"trade_price\": 11498000.0,",
            "   \"candle_acc_trade_volume\": 2.63267824, \"unit\": 1}",
            "]");

        final MarketSeries series = MarketDataFile.read(file, DataFormat.UPBIT_CANDLES, "KRW-BTC");

        assertEquals(List.of(
            "reference 2020-02-20T11:19:00Z definition id=1 KRW-BTC priceScale=0 qtyScale=8",
            "market 2020-02-20T11:19:00Z bar id=1 PT1M o=11509000 h=11511000 l=11489000 c=11498000 v=263267824",
            "market 2020-02-20T11:20:00Z bar id=1 PT1M o=11498000 h=11498000 l=11488000 c=11496000 v=917970442"),
            DecodedEvents.replayed(series));
    }

    @Test
    void upbitCandlesWithoutUnitLastTheShortestStepAndMayGiveValuesAsStrings() throws IOException
    {
        final Path file = text("days.json",
            "[{\"candle_date_time_utc\": \"2024-03-15T00:00:00\", \"opening_price\": \"72.5\", \"high_price\": \"73\",",
            "  \"low_price\": \"72\", \"trade_price\": \"72.25\", \"candle_acc_trade_volume\": \"0.5\"},",
            " {\"candle_date_time_utc\": \"2024-03-13T00:00:00\", \"opening_price\": 70, \"high_price\": 71,",
            "  \"low_price\": 69, \"trade_price\": 70.5, \"candle_acc_trade_volume\": 1, \"extra\": {\"nested\": [1, 2]}},",
            " {\"candle_date_time_utc\": \"2024-03-14T00:00:00\", \"opening_price\": 71, \"high_price\": 72,",
            "  \"low_price\": 70, \"trade_price\": 72, \"candle_acc_trade_volume\": 2}]");

        assertEquals(List.of(
            "reference 2024-03-13T00:00:00Z definition id=1 X priceScale=2 qtyScale=8",
            "market 2024-03-13T00:00:00Z bar id=1 PT24H o=7000 h=7100 l=6900 c=7050 v=100000000",
            "market 2024-03-14T00:00:00Z bar id=1 PT24H o=7100 h=7200 l=7000 c=7200 v=200000000",
            "market 2024-03-15T00:00:00Z bar id=1 PT24H o=7250 h=7300 l=7200 c=7225 v=50000000"),
            DecodedEvents.replayed(MarketDataFile.read(file, DataFormat.UPBIT_CANDLES, "X")));
    }

    @Test
    void binanceKlinesHaveNoHeaderAndLastFromOpenTimeToCloseTimePlusOneMillisecond() throws IOException
    {
        final Path file = TestFiles.csv(dir, "ADABTC-1m.csv",
            "1637971200000,0.00002853,0.00002854,0.00002851,0.00002854,36304.20000000,1637971259999,1.03547608,79,19523.00000000,0.55694227,0",
            "1637971260000,0.00002854,0.00002860,0.00002854,0.00002859,89196.60000000,1637971319999,2.54751330,98,59004.20000000,1.68545512,0");

        assertEquals(List.of(
            "reference 2021-11-27T00:00:00Z definition id=1 ADABTC priceScale=8 qtyScale=8",
            "market 2021-11-27T00:00:00Z bar id=1 PT1M o=2853 h=2854 l=2851 c=2854 v=3630420000000",
            "market 2021-11-27T00:01:00Z bar id=1 PT1M o=2854 h=2860 l=2854 c=2859 v=8919660000000"),
            DecodedEvents.replayed(MarketDataFile.read(file, DataFormat.BINANCE_KLINES, "ADABTC")));
    }

    @Test
    void binanceKlinesInMicrosecondsWithBinancesHeaderLineAreReadToo() throws IOException
    {
        final Path file = TestFiles.csv(dir, "BTCUSDT-1h.csv",
            "open_time,open,high,low,close,volume,close_time,quote_volume,count,taker_buy_volume,taker_buy_quote_volume,ignore",
            "1735689600000000,93576.00,94509.42,93489.03,94401.14,755.99320000,1735693199999999,71068544.76,97826,385.26,36221950.50,0");

        assertEquals(List.of(
            "reference 2025-01-01T00:00:00Z definition id=1 BTCUSDT priceScale=2 qtyScale=8",
            "market 2025-01-01T00:00:00Z bar id=1 PT1H o=9357600 h=9450942 l=9348903 c=9440114 v=75599320000"),
            DecodedEvents.replayed(MarketDataFile.read(file, DataFormat.BINANCE_KLINES, "BTCUSDT")));
    }

    @Test
    void ohlcvTimesMayBeEpochSecondsMillisecondsOrMicroseconds() throws IOException
    {
        final List<String> expected = List.of(
            "reference 2021-12-31T23:01:00Z definition id=1 BTC priceScale=1 qtyScale=8",
            "market 2021-12-31T23:01:00Z bar id=1 PT1M o=463190 h=463850 l=463190 c=463770 v=150000000",
            "market 2021-12-31T23:02:00Z bar id=1 PT1M o=463770 h=463775 l=463600 c=463600 v=25000000");
        final Path seconds = TestFiles.csv(dir, "s.csv", "time,open,high,low,close,volume",
            "1640991660,46319,46385,46319,46377,1.5", "1640991720,46377,46377.5,46360,46360,0.25");
        final Path millis = TestFiles.csv(dir, "ms.csv", "timestamp,open,high,low,close,volume",
            "1640991660000,46319,46385,46319,46377,1.5", "1640991720000,46377,46377.5,46360,46360,0.25");
        final Path micros = TestFiles.csv(dir, "us.csv", "open_time,open,high,low,close,volume",
            "1640991660000000,46319,46385,46319,46377,1.5", "1640991720000000,46377,46377.5,46360,46360,0.25");

        assertEquals(expected, DecodedEvents.replayed(MarketDataFile.read(seconds, DataFormat.OHLCV, "BTC")));
        assertEquals(expected, DecodedEvents.replayed(MarketDataFile.read(millis, DataFormat.OHLCV, "BTC")));
        assertEquals(expected, DecodedEvents.replayed(MarketDataFile.read(micros, DataFormat.OHLCV, "BTC")));
    }

    @Test
    void ohlcvColumnsAreFoundByHeaderNameInAnyOrderAndOthersAreIgnored() throws IOException
    {
        final Path file = TestFiles.csv(dir, "extra.csv",
            "symbol,Volume,Close,Low,High,Open,Date,OpenInterest",
            "IDX,0,3604.35,3578.73,3605.49,3578.73,2006-01-02,7",
            "IDX,12.5,3666.99,3602.71,3668.09,3604.08,2006-01-03,7");

        assertEquals(List.of(
            "reference 2006-01-02T00:00:00Z definition id=1 IDX priceScale=2 qtyScale=8",
            "market 2006-01-02T00:00:00Z bar id=1 PT24H o=357873 h=360549 l=357873 c=360435 v=0",
            "market 2006-01-03T00:00:00Z bar id=1 PT24H o=360408 h=366809 l=360271 c=366699 v=1250000000"),
            DecodedEvents.replayed(MarketDataFile.read(file, DataFormat.OHLCV, "IDX")));
    }

    @Test
    void ohlcvDateAndTimeMayBeTwoColumns() throws IOException
    {
        final Path file = TestFiles.csv(dir, "5min.csv",
            "Date,Time,Open,High,Low,Close,Volume,OpenInterest",
            "2006-01-02,09:05:00,3578.73,3587.88,3578.73,3582.99,0,0",
            "2006-01-02,09:10:00,3583.01,3588.40,3583.01,3588.03,0,0");

        assertEquals(List.of(
            "reference 2006-01-02T09:05:00Z definition id=1 IDX priceScale=2 qtyScale=8",
            "market 2006-01-02T09:05:00Z bar id=1 PT5M o=357873 h=358788 l=357873 c=358299 v=0",
            "market 2006-01-02T09:10:00Z bar id=1 PT5M o=358301 h=358840 l=358301 c=358803 v=0"),
            DecodedEvents.replayed(MarketDataFile.read(file, DataFormat.OHLCV, "IDX")));
    }

    @Test
    void yahooRowsOfNullsAreDaysWithoutDataLeftOutAndCounted() throws IOException
    {
        final Path file = TestFiles.csv(dir, "yahoo.csv",
            "Date,Open,High,Low,Close,Adj Close,Volume",
            "2020-01-02,1.5,2,1,1.75,1.7,100",
            "2020-01-03,null,null,null,null,null,null",
            "2020-01-06,1.75,2,1.5,2,1.9,50");

        final MarketSeries series = MarketDataFile.read(file, DataFormat.YAHOO, "Y");

        assertEquals(List.of(
            "reference 2020-01-02T00:00:00Z definition id=1 Y priceScale=2 qtyScale=8",
            "market 2020-01-02T00:00:00Z bar id=1 PT24H o=150 h=200 l=100 c=175 v=10000000000",
            "market 2020-01-06T00:00:00Z bar id=1 PT24H o=175 h=200 l=150 c=200 v=5000000000"),
            DecodedEvents.replayed(series));
        assertEquals(new SkippedRows(0, null, 1), series.skipped());
        assertEquals("1 null row (no data that day) left out", series.skipped().describe());
    }

    private Path text(final String name, final String... lines) throws IOException
    {
        final Path file = dir.resolve(name);
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return file;
    }
}
