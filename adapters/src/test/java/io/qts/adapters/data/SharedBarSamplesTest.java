package io.qts.adapters.data;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.qts.adapters.cli.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The public sample files of the shared data (see its SOURCES.md) in the new bar layouts: counts, time ranges,
 * bar lengths and the first bar as the files state them. Missing files skip the test, or fail it under
 * -Dqts.requireSharedData=true.
 */
class SharedBarSamplesTest
{
    @TempDir
    Path dir;

    @Test
    void smtmUpbitMinuteCandlesOfKrwBtc()
    {
        final MarketSeries oneMinute = MarketDataFile.read(
            SharedData.file("smtm_upbit/upbit_1m_20200220_170000-20200220_202000.json"), DataFormat.UPBIT_CANDLES, "KRW-BTC");
        assertEquals(200, oneMinute.size());
        assertEquals(0, oneMinute.priceScale());
        assertEquals("2020-02-20T08:00:00Z", Timestamps.text(oneMinute.firstTimeNs()));
        assertEquals("2020-02-20T11:19:00Z", Timestamps.text(oneMinute.lastTimeNs()));
        assertEquals("market 2020-02-20T08:00:00Z bar id=1 PT1M o=11495000 h=11500000 l=11490000 c=11490000 v=901642515",
            DecodedEvents.replayed(oneMinute).get(1));

        final MarketSeries threeMinutes = MarketDataFile.read(
            SharedData.file("smtm_upbit/upbit_3m_20200220_000000-20200220_100000.json"), DataFormat.UPBIT_CANDLES, "KRW-BTC");
        assertEquals(200, threeMinutes.size());
        assertEquals("2020-02-19T15:00:00Z", Timestamps.text(threeMinutes.firstTimeNs()));
        assertEquals("2020-02-20T00:57:00Z", Timestamps.text(threeMinutes.lastTimeNs()));
        assertEquals("market 2020-02-19T15:00:00Z bar id=1 PT3M o=11860000 h=11870000 l=11856000 c=11856000 v=298248942",
            DecodedEvents.replayed(threeMinutes).get(1));

        assertEquals(40, candles("upbit_1m_20200220_202000-20200220_210000.json").size());
        assertEquals(40, candles("upbit_3m_20200220_100000-20200220_120000.json").size());
        assertEquals(60, candles("upbit_3m_20200220_170000-20200220_200000.json").size());
    }

    private static MarketSeries candles(final String name)
    {
        return MarketDataFile.read(SharedData.file("smtm_upbit/" + name), DataFormat.UPBIT_CANDLES, "KRW-BTC");
    }

    /** Upbit.Net's fixture of GET /v1/candles/seconds: the method, path and auth lines come before the body. */
    @Test
    void upbitNetSecondCandleResponse() throws IOException
    {
        final List<String> lines = Files.readAllLines(SharedData.file("upbit_net/Endpoints_Spot_ExchangeData_GetKlines.txt"));
        assertEquals("/v1/candles/seconds", lines.get(1));
        final Path body = dir.resolve("seconds.json");
        Files.writeString(body, String.join("\n", lines.subList(3, lines.size())), StandardCharsets.UTF_8);

        assertEquals(List.of(
            "reference 2025-06-30T23:59:59Z definition id=1 KRW-BTC priceScale=0 qtyScale=8",
            "market 2025-06-30T23:59:59Z bar id=1 PT0S o=145794000 h=145794000 l=145759000 c=145759000 v=130000"),
            DecodedEvents.replayed(MarketDataFile.read(body, DataFormat.UPBIT_CANDLES, "KRW-BTC")));
    }

    /** ccxt's recorded raw response of an hourly candle, whose values Upbit gave as strings; ccxt parsed it the same. */
    @Test
    void ccxtRecordedHourCandleWithStringValues() throws IOException
    {
        final ObjectMapper json = new ObjectMapper();
        final Path body = dir.resolve("hour.json");
        Files.writeString(body, json.writeValueAsString(json.readTree(SharedData.file("ccxt_upbit/upbit.json").toFile())
            .path("methods").path("fetchOHLCV").path(0).path("httpResponse")), StandardCharsets.UTF_8);

        assertEquals(List.of(
            "reference 2024-03-13T11:00:00Z definition id=1 USDT-BTC priceScale=8 qtyScale=8",
            "market 2024-03-13T11:00:00Z bar id=1 PT1H o=7273858583492 h=7357865700000 l=7273858583492 c=7357865500000 v=2284923"),
            DecodedEvents.replayed(MarketDataFile.read(body, DataFormat.UPBIT_CANDLES, "USDT-BTC")));
    }

    @Test
    void nautilusBinanceKlines()
    {
        final MarketSeries series = MarketDataFile.read(
            SharedData.file("nautilus_trader/ADABTC-1m-2021-11-27.csv"), DataFormat.BINANCE_KLINES, "ADABTC");

        assertEquals(10, series.size());
        assertEquals(8, series.priceScale());
        assertEquals("2021-11-27T00:09:00Z", Timestamps.text(series.lastTimeNs()));
        final List<String> events = DecodedEvents.replayed(series);
        assertEquals("market 2021-11-27T00:00:00Z bar id=1 PT1M o=2853 h=2854 l=2851 c=2854 v=3630420000000", events.get(1));
        assertEquals("market 2021-11-27T00:09:00Z bar id=1 PT1M o=2863 h=2865 l=2863 c=2865 v=816050000000", events.get(10));
    }

    @Test
    void backtraderFilesWithDateAndTimeApartAndWithAnExtraColumn()
    {
        final MarketSeries minutes = MarketDataFile.read(SharedData.file("backtrader/2006-min-005.txt"), DataFormat.OHLCV, "IDX");
        assertEquals(2142, minutes.size());
        assertEquals("2006-01-02T09:05:00Z", Timestamps.text(minutes.firstTimeNs()));
        assertEquals("2006-01-30T17:30:00Z", Timestamps.text(minutes.lastTimeNs()));
        assertEquals("market 2006-01-30T17:30:00Z bar id=1 PT5M o=367929 h=367940 l=367631 c=367752 v=0",
            DecodedEvents.replayed(minutes).get(2142));

        final MarketSeries days = MarketDataFile.read(SharedData.file("backtrader/2006-day-001.txt"), DataFormat.OHLCV, "IDX");
        assertEquals(255, days.size());
        assertEquals("market 2006-01-02T00:00:00Z bar id=1 PT24H o=357873 h=360595 l=357873 c=360433 v=0",
            DecodedEvents.replayed(days).get(1));
        assertEquals("2006-12-29T00:00:00Z", Timestamps.text(days.lastTimeNs()));
    }
}
