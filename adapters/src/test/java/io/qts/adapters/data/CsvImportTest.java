package io.qts.adapters.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What each supported layout turns into: exact times, raw fixed-point values and scales. */
class CsvImportTest
{
    @TempDir
    Path dir;

    @Test
    void yahooBarsKeepRawPricesAtTheScaleTheFileNeedsAndIgnoreAdjClose() throws IOException
    {
        final Path file = csv("nvda.csv",
            "Date,Open,High,Low,Close,Adj Close,Volume",
            "1999-01-22,1.750000,1.953125,1.552083,1.640625,1.518424,67867200",
            "1999-01-25,1.770833,1.833333,1.640625,1.812500,1.677496,12762000",
            "1999-01-26,1.833333,1.869792,1.645833,1.671875,1.547346,8580000");

        final MarketSeries series = MarketDataFile.read(file, DataFormat.YAHOO, "NVDA");

        assertEquals(MarketSeries.Kind.BARS, series.kind());
        assertEquals("NVDA", series.symbol());
        assertEquals(1, series.instrumentId());
        assertEquals(6, series.priceScale());
        assertEquals(8, series.qtyScale());
        assertEquals(3, series.size());
        assertEquals(916_963_200_000_000_000L, series.firstTimeNs());
        assertEquals(917_308_800_000_000_000L, series.lastTimeNs());
        assertEquals(List.of(
            "reference 1999-01-22T00:00:00Z definition id=1 NVDA priceScale=6 qtyScale=8",
            "market 1999-01-22T00:00:00Z bar id=1 PT24H o=1750000 h=1953125 l=1552083 c=1640625 v=6786720000000000",
            "market 1999-01-25T00:00:00Z bar id=1 PT24H o=1770833 h=1833333 l=1640625 c=1812500 v=1276200000000000",
            "market 1999-01-26T00:00:00Z bar id=1 PT24H o=1833333 h=1869792 l=1645833 c=1671875 v=858000000000000"),
            DecodedEvents.replayed(series));
    }

    @Test
    void priceScaleIsTheMostDecimalPlacesAnyPriceNeedsIgnoringTrailingZeros() throws IOException
    {
        final Path file = csv("scale.csv",
            "Date,Open,High,Low,Close,Adj Close,Volume",
            "2020-01-02,10.50,11.000,9.5,10.25000,0,100",
            "2020-01-03,10,11,9,10,0,0.5");

        final MarketSeries series = MarketDataFile.read(file, DataFormat.YAHOO, "X");

        assertEquals(2, series.priceScale());
        assertEquals(List.of(
            "reference 2020-01-02T00:00:00Z definition id=1 X priceScale=2 qtyScale=8",
            "market 2020-01-02T00:00:00Z bar id=1 PT24H o=1050 h=1100 l=950 c=1025 v=10000000000",
            "market 2020-01-03T00:00:00Z bar id=1 PT24H o=1000 h=1100 l=900 c=1000 v=50000000"),
            DecodedEvents.replayed(series));
    }

    @Test
    void wholeNumberPricesHaveScaleZeroAndEightPlacesAreTheMost() throws IOException
    {
        final Path whole = csv("whole.csv",
            "timestamp,open,high,low,close,volume",
            "2021-12-31 23:01:00.000000,46319.0,46385.0,46319.0,46377.0,2300413.7295");
        final Path eight = csv("eight.csv",
            "timestamp,open,high,low,close,volume",
            "2021-12-31 23:01:00,0.00000001,0.00000002,0.00000001,0.00000002,1.12345678");

        assertEquals(0, MarketDataFile.read(whole, DataFormat.OHLCV, "BTC-PERP").priceScale());
        final MarketSeries series = MarketDataFile.read(eight, DataFormat.OHLCV, "SHIB");
        assertEquals(8, series.priceScale());
        assertEquals(
            "market 2021-12-31T23:01:00Z bar id=1 PT0S o=1 h=2 l=1 c=2 v=112345678",
            DecodedEvents.replayed(series).get(1));
    }

    @Test
    void ohlcvBarsLastAsLongAsTheFirstStep() throws IOException
    {
        final Path file = csv("btc.csv",
            "timestamp,open,high,low,close,volume",
            "2021-12-31 23:01:00.000000,46319.0,46385.0,46319.0,46377.0,2300413.7295",
            "2021-12-31 23:02:00.000000,46377.0,46411.0,46377.0,46411.0,1829623.1938",
            "2021-12-31 23:03:00.000000,46411.0,46425.0,46411.0,46425.0,466452.1722");

        final MarketSeries series = MarketDataFile.read(file, DataFormat.OHLCV, "BTC-PERP");

        assertEquals(1_640_991_660_000_000_000L, series.firstTimeNs());
        assertEquals(List.of(
            "reference 2021-12-31T23:01:00Z definition id=1 BTC-PERP priceScale=0 qtyScale=8",
            "market 2021-12-31T23:01:00Z bar id=1 PT1M o=46319 h=46385 l=46319 c=46377 v=230041372950000",
            "market 2021-12-31T23:02:00Z bar id=1 PT1M o=46377 h=46411 l=46377 c=46411 v=182962319380000",
            "market 2021-12-31T23:03:00Z bar id=1 PT1M o=46411 h=46425 l=46411 c=46425 v=46645217220000"),
            DecodedEvents.replayed(series));
    }

    @Test
    void ohlcvTimestampsMayUseTAndZAndAnyFraction() throws IOException
    {
        final Path file = csv("iso.csv",
            "timestamp,open,high,low,close,volume",
            "2022-01-01T00:00:00Z,1,1,1,1,0",
            "2022-01-01T00:05:00.5,1,1,1,1,0",
            "2022-01-01 00:10:00.123456789Z,1,1,1,1,0");

        final MarketSeries series = MarketDataFile.read(file, DataFormat.OHLCV, "X");

        assertEquals(List.of(
            "reference 2022-01-01T00:00:00Z definition id=1 X priceScale=0 qtyScale=8",
            "market 2022-01-01T00:00:00Z bar id=1 PT5M0.5S o=1 h=1 l=1 c=1 v=0",
            "market 2022-01-01T00:05:00.500Z bar id=1 PT5M0.5S o=1 h=1 l=1 c=1 v=0",
            "market 2022-01-01T00:10:00.123456789Z bar id=1 PT5M0.5S o=1 h=1 l=1 c=1 v=0"),
            DecodedEvents.replayed(series));
        assertEquals(1_640_995_800_123_456_789L, series.lastTimeNs());
    }

    @Test
    void aOneBarOhlcvFileHasDurationZero() throws IOException
    {
        final Path file = csv("one.csv", "timestamp,open,high,low,close,volume", "2022-01-01 00:00:00,2,3,1,2,7");

        assertEquals(
            List.of(
                "reference 2022-01-01T00:00:00Z definition id=1 X priceScale=0 qtyScale=8",
                "market 2022-01-01T00:00:00Z bar id=1 PT0S o=2 h=3 l=1 c=2 v=700000000"),
            DecodedEvents.replayed(MarketDataFile.read(file, DataFormat.OHLCV, "X")));
    }

    @Test
    void headersMatchIgnoringCaseAndCrLfLineEndsAndBlankLinesAreFine() throws IOException
    {
        final Path file = dir.resolve("crlf.csv");
        Files.writeString(file, "\uFEFFDATE,open,HIGH,low,close,ADJ CLOSE,volume\r\n2020-01-02,1,2,1,2,2,5\r\n\r\n",
            StandardCharsets.UTF_8);

        assertEquals(1, MarketDataFile.read(file, DataFormat.YAHOO, "X").size());
    }

    @Test
    void binanceTradesBuyerMakerMeansASellingAggressor() throws IOException
    {
        final Path file = csv("binance.csv",
            "timestamp,trade_id,price,quantity,buyer_maker",
            "1610064000278,553287559,39432.48,0.000263,True",
            "1610064000310,553287560,39439.44,0.004376,False");

        final MarketSeries series = MarketDataFile.read(file, DataFormat.TRADES, "BTCUSDT");

        assertEquals(MarketSeries.Kind.TRADES, series.kind());
        assertEquals(1_610_064_000_278_000_000L, series.firstTimeNs());
        assertEquals(List.of(
            "reference 2021-01-08T00:00:00.278Z definition id=1 BTCUSDT priceScale=2 qtyScale=8",
            "market 2021-01-08T00:00:00.278Z trade id=1 SELL price=3943248 qty=26300 tradeId=553287559",
            "market 2021-01-08T00:00:00.310Z trade id=1 BUY price=3943944 qty=437600 tradeId=553287560"),
            DecodedEvents.replayed(series));
    }

    @Test
    void freqtradeTradesSideIsTheAggressors() throws IOException
    {
        final Path file = csv("freqtrade.csv",
            ",timestamp,id,type,side,price,amount,cost,date",
            "0,1675329600138,1206419187,,buy,1666.8,26.062,43440.1416,2023-02-02 09:20:00.138000+00:00",
            "1,1675329600214,1206419188,,sell,1666.79,0.152,253.35208,2023-02-02 09:20:00.214000+00:00");

        assertEquals(List.of(
            "reference 2023-02-02T09:20:00.138Z definition id=1 ETH/USDT priceScale=2 qtyScale=8",
            "market 2023-02-02T09:20:00.138Z trade id=1 BUY price=166680 qty=2606200000 tradeId=1206419187",
            "market 2023-02-02T09:20:00.214Z trade id=1 SELL price=166679 qty=15200000 tradeId=1206419188"),
            DecodedEvents.replayed(MarketDataFile.read(file, DataFormat.TRADES, "ETH/USDT")));
    }

    @Test
    void tardisTradesAreInMicrosecondsAndNonNumericIdsBecomeRowNumbers() throws IOException
    {
        final Path file = csv("tardis.csv",
            "exchange,symbol,timestamp,local_timestamp,id,side,price,amount",
            "bitmex,XBTUSD,1583020803145000,1583020803307160,ccc3c1fa-212c-e8b0-1706-9b9c4f3d5ecf,sell,8531.5,2152",
            "bitmex,XBTUSD,1583020803276000,1583020803336743,b46c84da-6942-b404-ab94-18a9ad497fdd,buy,8531.5,1",
            "bitmex,XBTUSD,1583020803276000,1583020803336743,cd770a93-91bc-74f4-37b4-85d6fa8e7256,unknown,8532,1");

        assertEquals(List.of(
            "reference 2020-03-01T00:00:03.145Z definition id=1 XBTUSD priceScale=1 qtyScale=8",
            "market 2020-03-01T00:00:03.145Z trade id=1 SELL price=85315 qty=215200000000 tradeId=1",
            "market 2020-03-01T00:00:03.276Z trade id=1 BUY price=85315 qty=100000000 tradeId=2",
            "market 2020-03-01T00:00:03.276Z trade id=1 UNKNOWN price=85320 qty=100000000 tradeId=3"),
            DecodedEvents.replayed(MarketDataFile.read(file, DataFormat.TRADES, "XBTUSD")));
    }

    @Test
    void tardisTradesKeepNumericIds() throws IOException
    {
        final Path file = csv("tardis-binance.csv",
            "exchange,symbol,timestamp,local_timestamp,id,side,price,amount",
            "binance,BTCUSDT,1583020803145000,1583020803307160,270541311,buy,8531.5,0.01",
            "binance,BTCUSDT,1583020803276000,1583020803336743,270541312,sell,8531.4,0.02");

        assertEquals(List.of(
            "reference 2020-03-01T00:00:03.145Z definition id=1 BTCUSDT priceScale=1 qtyScale=8",
            "market 2020-03-01T00:00:03.145Z trade id=1 BUY price=85315 qty=1000000 tradeId=270541311",
            "market 2020-03-01T00:00:03.276Z trade id=1 SELL price=85314 qty=2000000 tradeId=270541312"),
            DecodedEvents.replayed(MarketDataFile.read(file, DataFormat.TRADES, "BTCUSDT")));
    }

    @Test
    void krakenTradesHaveNoHeaderSoTheFirstLineIsATrade() throws IOException
    {
        final Path file = csv("BCHEUR.csv",
            "1672531436,90.540000,1.10448420",
            "1672531471,90.450000,1.00000000",
            "1672531471,90.360000,0.28600000");

        assertEquals(List.of(
            "reference 2023-01-01T00:03:56Z definition id=1 BCHEUR priceScale=2 qtyScale=8",
            "market 2023-01-01T00:03:56Z trade id=1 UNKNOWN price=9054 qty=110448420 tradeId=1",
            "market 2023-01-01T00:04:31Z trade id=1 UNKNOWN price=9045 qty=100000000 tradeId=2",
            "market 2023-01-01T00:04:31Z trade id=1 UNKNOWN price=9036 qty=28600000 tradeId=3"),
            DecodedEvents.replayed(MarketDataFile.read(file, DataFormat.TRADES, "BCHEUR")));
    }

    @Test
    void epochUnitIsToldByDigitCount()
    {
        assertEquals(1_610_064_000_000_000_000L, Timestamps.epochNs("1610064000"));
        assertEquals(1_610_064_000_278_000_000L, Timestamps.epochNs("1610064000278"));
        assertEquals(1_610_064_000_278_123_000L, Timestamps.epochNs("1610064000278123"));
        assertEquals(1_610_064_000_278_123_456L, Timestamps.epochNs("1610064000278123456"));
    }

    @Test
    void realFileExcerptsOfEveryLayoutImport() throws Exception
    {
        final MarketSeries nvda = MarketDataFile.read(resource("nvda-yahoo.csv"), DataFormat.YAHOO, "NVDA");
        assertEquals(3, nvda.size());
        assertEquals(6, nvda.priceScale());

        final MarketSeries btc = MarketDataFile.read(resource("btc-perp-1m.csv"), DataFormat.OHLCV, "BTC-PERP");
        assertEquals(3, btc.size());
        assertEquals(0, btc.priceScale());
        assertEquals("2021-12-31T23:01:00Z", Timestamps.text(btc.firstTimeNs()));
        assertEquals("2021-12-31T23:03:00Z", Timestamps.text(btc.lastTimeNs()));

        assertEquals(List.of(
            "market 2021-01-08T00:00:00.278Z trade id=1 SELL price=3943248 qty=26300 tradeId=553287559",
            "market 2021-01-08T00:00:00.310Z trade id=1 BUY price=3943944 qty=437600 tradeId=553287560"),
            trades("binance-btcusdt-trades.csv"));
        assertEquals(List.of(
            "market 2023-02-02T09:20:00.138Z trade id=1 BUY price=166680 qty=2606200000 tradeId=1206419187",
            "market 2023-02-02T09:20:00.214Z trade id=1 SELL price=166679 qty=15200000 tradeId=1206419188",
            "market 2023-02-02T09:20:00.228Z trade id=1 BUY price=166680 qty=22600000 tradeId=1206419189"),
            trades("freqtrade-trades.csv"));
        assertEquals(List.of(
            "market 2020-03-01T00:00:03.145Z trade id=1 SELL price=85315 qty=215200000000 tradeId=1",
            "market 2020-03-01T00:00:03.276Z trade id=1 SELL price=85315 qty=100000000 tradeId=2",
            "market 2020-03-01T00:00:03.276Z trade id=1 SELL price=85315 qty=100000000 tradeId=3"),
            trades("tardis-bitmex-trades.csv"));
        assertEquals(List.of(
            "market 2023-01-01T00:03:56Z trade id=1 UNKNOWN price=9054 qty=110448420 tradeId=1",
            "market 2023-01-01T00:04:31Z trade id=1 UNKNOWN price=9045 qty=100000000 tradeId=2",
            "market 2023-01-01T00:07:27Z trade id=1 UNKNOWN price=9036 qty=28600000 tradeId=3"),
            trades("kraken-bcheur-trades.csv"));
    }

    /** Random bar files (seeded) read back exactly: every price at the file's scale, every volume at 8. */
    @Test
    void randomOhlcvFilesReadBackExactly() throws IOException
    {
        final SplittableRandom random = new SplittableRandom(20240611L);
        for (int fileIndex = 0; fileIndex < 40; fileIndex++)
        {
            final int rows = 1 + random.nextInt(30);
            final int maxPlaces = random.nextInt(9);
            final long startSeconds = 1_600_000_000L + random.nextInt(100_000_000);
            final long stepSeconds = 1 + random.nextInt(86_400);
            final List<String> lines = new ArrayList<>();
            final List<BigDecimal[]> rowValues = new ArrayList<>();
            lines.add("timestamp,open,high,low,close,volume");
            int scale = 0;
            for (int row = 0; row < rows; row++)
            {
                final BigDecimal[] prices = new BigDecimal[4];
                for (int i = 0; i < 4; i++)
                {
                    prices[i] = BigDecimal.valueOf(1 + random.nextLong(1_000_000_000L), random.nextInt(maxPlaces + 1));
                    scale = Math.max(scale, Math.max(0, prices[i].stripTrailingZeros().scale()));
                }
                Arrays.sort(prices);
                // low, open, close, high in ascending order keeps the bar consistent.
                final BigDecimal volume = BigDecimal.valueOf(random.nextLong(10_000_000_000L), random.nextInt(9));
                final BigDecimal[] bar = {prices[1], prices[3], prices[0], prices[2], volume};
                rowValues.add(bar);
                final long timeSeconds = startSeconds + row * stepSeconds;
                lines.add(Instant.ofEpochSecond(timeSeconds).toString().replace('T', ' ').replace("Z", "") +
                    "," + bar[0].toPlainString() + "," + bar[1].toPlainString() + "," + bar[2].toPlainString() + "," +
                    bar[3].toPlainString() + "," + bar[4].toPlainString());
            }
            final Path file = csv("random-" + fileIndex + ".csv", lines.toArray(new String[0]));

            final MarketSeries series = MarketDataFile.read(file, DataFormat.OHLCV, "R");

            assertEquals(scale, series.priceScale(), file.toString());
            final List<String> expected = new ArrayList<>();
            expected.add("reference " + Timestamps.text(startSeconds * 1_000_000_000L) +
                " definition id=1 R priceScale=" + scale + " qtyScale=8");
            for (int row = 0; row < rows; row++)
            {
                final BigDecimal[] bar = rowValues.get(row);
                expected.add("market " + Timestamps.text((startSeconds + row * stepSeconds) * 1_000_000_000L) +
                    " bar id=1 " + Duration.ofSeconds(rows > 1 ? stepSeconds : 0) +
                    " o=" + raw(bar[0], scale) + " h=" + raw(bar[1], scale) + " l=" + raw(bar[2], scale) +
                    " c=" + raw(bar[3], scale) + " v=" + raw(bar[4], 8));
            }
            assertEquals(expected, DecodedEvents.replayed(series), file.toString());
        }
    }

    private List<String> trades(final String resource) throws URISyntaxException
    {
        final List<String> events = DecodedEvents.replayed(MarketDataFile.read(resource(resource), DataFormat.TRADES, "T"));
        return events.subList(1, events.size());
    }

    private static long raw(final BigDecimal value, final int scale)
    {
        return value.setScale(scale).unscaledValue().longValueExact();
    }

    private static Path resource(final String name) throws URISyntaxException
    {
        return Path.of(CsvImportTest.class.getResource("/data/" + name).toURI());
    }

    private Path csv(final String name, final String... lines) throws IOException
    {
        final Path file = dir.resolve(name);
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.US_ASCII);
        return file;
    }
}
