package io.qts.adapters.upbit.sim;

import com.fasterxml.jackson.databind.JsonNode;
import io.qts.adapters.data.DataFormat;
import io.qts.adapters.data.MarketDataFile;
import io.qts.adapters.upbit.UpbitAuth;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.qts.adapters.upbit.sim.SimRest.errorName;
import static io.qts.adapters.upbit.sim.SimRest.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Upbit's public quotation API from the played tape, checked against the recorded bars themselves (the CSV rows, a
 * path independent of the simulator), over loopback. 40 of the sample's 240 one-minute bars are played (08:00 to
 * 08:39 UTC on 2020-02-20, four trades a bar at :00, :15, :30, :45).
 */
class SimQuotationTest
{
    private static final Path SAMPLE = Path.of("../config/samples/upbit-krw-btc-1m.csv");
    private static final int BARS_PLAYED = 40;

    private final UpbitAuth alice = new UpbitAuth("alice-access", "alice-secret-0123456789".getBytes(StandardCharsets.UTF_8));
    private ExchangeSimulator sim;
    private SimRest rest;
    private List<String[]> rows;

    @BeforeEach
    void start() throws Exception
    {
        sim = ExchangeSimulator.of(MarketDataFile.read(SAMPLE, DataFormat.OHLCV, "KRW-BTC"),
            new SimSettings().speed(0).quotationRateLimit(1000).rateLimits(100, 1000)
                .key(alice.accessKey(), "alice-secret-0123456789".getBytes(StandardCharsets.UTF_8)).log(l -> { }));
        rest = new SimRest(sim.start(0));
        assertEquals(4 * BARS_PLAYED, sim.step(4 * BARS_PLAYED));
        rows = new ArrayList<>();
        for (final String line : Files.readAllLines(SAMPLE).subList(1, 1 + BARS_PLAYED))
        {
            rows.add(line.split(","));
        }
    }

    @AfterEach
    void stop()
    {
        sim.close();
    }

    @Test
    void marketAllListsThePlayedMarketWithDetailsOnRequest() throws Exception
    {
        final JsonNode plain = ok(get("/v1/market/all", Map.of()), 200);
        assertEquals(1, plain.size());
        assertEquals("KRW-BTC", plain.get(0).get("market").asText());
        assertEquals("비트코인", plain.get(0).get("korean_name").asText());
        assertEquals("Bitcoin", plain.get(0).get("english_name").asText());
        assertFalse(plain.get(0).has("market_event"));
        for (final String spelling : List.of("is_details", "isDetails"))
        {
            final JsonNode detailed = ok(get("/v1/market/all", Map.of(spelling, "true")), 200).get(0);
            assertFalse(detailed.get("market_event").get("warning").asBoolean());
            assertFalse(detailed.get("market_event").get("caution").get("PRICE_FLUCTUATIONS").asBoolean());
        }
    }

    @Test
    void minuteCandlesAreTheRecordedBarsNewestFirstAndStopAtTheLastPlayedTrade() throws Exception
    {
        final JsonNode three = ok(get("/v1/candles/minutes/1", Map.of("market", "KRW-BTC", "count", 3)), 200);
        assertEquals(3, three.size());
        for (int i = 0; i < 3; i++)
        {
            assertCandleIsRow(three.get(i), rows.get(BARS_PLAYED - 1 - i));
            assertEquals(1, three.get(i).get("unit").asInt());
        }
        final JsonNode c = three.get(0);
        assertEquals("2020-02-20T08:39:00", c.get("candle_date_time_utc").asText());
        assertEquals("2020-02-20T17:39:00", c.get("candle_date_time_kst").asText());
        assertEquals(java.time.Instant.parse("2020-02-20T08:39:45Z").toEpochMilli(), c.get("timestamp").asLong(), "the candle's last trade");

        assertEquals(BARS_PLAYED, ok(get("/v1/candles/minutes/1", Map.of("market", "KRW-BTC", "count", 200)), 200).size(),
            "nothing after the last played trade");
        final JsonNode before = ok(get("/v1/candles/minutes/1",
            Map.of("market", "KRW-BTC", "count", 2, "to", "2020-02-20T08:10:00Z")), 200);
        assertCandleIsRow(before.get(0), rows.get(9));
        assertCandleIsRow(before.get(1), rows.get(8));
        final JsonNode kst = ok(get("/v1/candles/minutes/1",
            Map.of("market", "KRW-BTC", "count", 1, "to", "2020-02-20T17:10:00+09:00")), 200);
        assertCandleIsRow(kst.get(0), rows.get(9));
        final JsonNode spaced = ok(get("/v1/candles/minutes/1",
            Map.of("market", "KRW-BTC", "count", 1, "to", "2020-02-20 08:10:00")), 200);
        assertCandleIsRow(spaced.get(0), rows.get(9));
    }

    @Test
    void fiveMinuteDayWeekMonthAndSecondCandles() throws Exception
    {
        // 08:35..08:39 aggregated by hand from the CSV rows
        final JsonNode five = ok(get("/v1/candles/minutes/5", Map.of("market", "KRW-BTC", "count", 1)), 200).get(0);
        assertEquals("2020-02-20T08:35:00", five.get("candle_date_time_utc").asText());
        assertEquals(aggregate(rows.subList(35, 40)), ohlcv(five));
        assertEquals(5, five.get("unit").asInt());

        final JsonNode day = ok(get("/v1/candles/days", Map.of("market", "KRW-BTC", "converting_price_unit", "KRW")), 200).get(0);
        assertEquals("2020-02-20T00:00:00", day.get("candle_date_time_utc").asText());
        assertEquals("2020-02-20T09:00:00", day.get("candle_date_time_kst").asText());
        assertEquals(aggregate(rows), ohlcv(day));
        assertEquals(0, new BigDecimal("11495000").compareTo(day.get("prev_closing_price").decimalValue()), "no earlier day: its first price");
        assertEquals(day.get("trade_price").decimalValue(), day.get("converted_trade_price").decimalValue());

        final JsonNode week = ok(get("/v1/candles/weeks", Map.of("market", "KRW-BTC")), 200).get(0);
        assertEquals("2020-02-17", week.get("first_day_of_period").asText(), "weeks start on Monday");
        assertEquals(aggregate(rows), ohlcv(week));
        assertEquals("2020-02-01", ok(get("/v1/candles/months", Map.of("market", "KRW-BTC")), 200).get(0)
            .get("first_day_of_period").asText());

        final JsonNode seconds = ok(get("/v1/candles/seconds", Map.of("market", "KRW-BTC", "count", 4)), 200);
        assertEquals(List.of("2020-02-20T08:39:45", "2020-02-20T08:39:30", "2020-02-20T08:39:15", "2020-02-20T08:39:00"),
            texts(seconds, "candle_date_time_utc"));
        assertEquals(0, new BigDecimal(rows.get(39)[4]).compareTo(seconds.get(0).get("trade_price").decimalValue()));
    }

    @Test
    void candleErrors() throws Exception
    {
        assertEquals("validation_error", errorName(get("/v1/candles/minutes/1", Map.of("market", "KRW-BTC", "count", 201)), 400));
        assertEquals("validation_error", errorName(get("/v1/candles/minutes/2", Map.of("market", "KRW-BTC")), 400));
        assertEquals("validation_error", errorName(get("/v1/candles/minutes/1", Map.of("market", "KRW-BTC", "to", "yesterday")), 400));
        assertEquals("validation_error", errorName(get("/v1/candles/minutes/1", Map.of()), 400));
        assertEquals(404, get("/v1/candles/minutes/1", Map.of("market", "KRW-ETH")).statusCode());
        assertEquals(404, get("/v1/candles/hours", Map.of("market", "KRW-BTC")).statusCode());
    }

    @Test
    void tickerAndTickerAllFromTheDaySoFar() throws Exception
    {
        final JsonNode t = ok(get("/v1/ticker", Map.of("markets", "KRW-BTC")), 200).get(0);
        assertEquals("KRW-BTC", t.get("market").asText());
        assertEquals(0, new BigDecimal(rows.get(39)[4]).compareTo(t.get("trade_price").decimalValue()));
        assertEquals(aggregate(rows).subList(0, 3), List.of(t.get("opening_price").decimalValue().stripTrailingZeros(),
            t.get("high_price").decimalValue().stripTrailingZeros(), t.get("low_price").decimalValue().stripTrailingZeros()));
        assertEquals("20200220", t.get("trade_date").asText());
        assertEquals("083945", t.get("trade_time").asText());
        assertEquals("173945", t.get("trade_time_kst").asText());
        for (final String f : List.of("change", "change_rate", "signed_change_price", "acc_trade_price_24h",
            "acc_trade_volume", "highest_52_week_price", "highest_52_week_date", "lowest_52_week_price", "timestamp"))
        {
            assertTrue(t.has(f), f);
        }
        assertEquals(1, ok(get("/v1/ticker/all", Map.of("quote_currencies", "KRW,BTC")), 200).size());
        assertEquals(0, ok(get("/v1/ticker/all", Map.of("quote_currencies", "USDT")), 200).size());
        assertEquals(404, get("/v1/ticker", Map.of("markets", "KRW-ETH")).statusCode());
    }

    @Test
    void tradeTicksNewestFirstWithCursorToAndDaysAgo() throws Exception
    {
        final JsonNode five = ok(get("/v1/trades/ticks", Map.of("market", "KRW-BTC", "count", 5)), 200);
        assertEquals(List.of("08:39:45", "08:39:30", "08:39:15", "08:39:00", "08:38:45"), texts(five, "trade_time_utc"));
        assertEquals("2020-02-20", five.get(0).get("trade_date_utc").asText());
        final long cursor = five.get(4).get("sequential_id").asLong();
        final JsonNode next = ok(get("/v1/trades/ticks", Map.of("market", "KRW-BTC", "count", 2, "cursor", cursor)), 200);
        assertEquals(List.of("08:38:30", "08:38:15"), texts(next, "trade_time_utc"));
        final JsonNode firstBar = ok(get("/v1/trades/ticks", Map.of("market", "KRW-BTC", "count", 10, "to", "080100")), 200);
        assertEquals(List.of("08:00:45", "08:00:30", "08:00:15", "08:00:00"), texts(firstBar, "trade_time_utc"));
        assertEquals(0, ok(get("/v1/trades/ticks", Map.of("market", "KRW-BTC", "days_ago", 1)), 200).size(), "no earlier day played");
        assertEquals(1, ok(get("/v1/trades/ticks", Map.of("market", "KRW-BTC")), 200).size(), "count defaults to 1");
        assertEquals("validation_error", errorName(get("/v1/trades/ticks", Map.of("market", "KRW-BTC", "days_ago", 8)), 400));
    }

    @Test
    void orderbookWithCount() throws Exception
    {
        final JsonNode book = ok(get("/v1/orderbook", Map.of("markets", "KRW-BTC", "count", 5)), 200).get(0);
        assertEquals("KRW-BTC", book.get("market").asText());
        assertEquals(5, book.get("orderbook_units").size());
        final JsonNode top = book.get("orderbook_units").get(0);
        assertEquals(1000, top.get("ask_price").decimalValue().subtract(top.get("bid_price").decimalValue()).intValueExact(),
            "one KRW-BTC price unit apart");
        BigDecimal asks = BigDecimal.ZERO;
        for (final JsonNode u : book.get("orderbook_units"))
        {
            asks = asks.add(u.get("ask_size").decimalValue());
        }
        assertEquals(0, asks.compareTo(book.get("total_ask_size").decimalValue()));
        assertEquals(15, ok(get("/v1/orderbook", Map.of("markets", "KRW-BTC")), 200).get(0).get("orderbook_units").size());
        final JsonNode instrument = ok(get("/v1/orderbook/instruments", Map.of("markets", "KRW-BTC")), 200).get(0);
        assertEquals("KRW", instrument.get("quote_currency").asText());
        assertEquals("1000", instrument.get("tick_size").asText(), "KRW-BTC at 11.4 million KRW");
    }

    @Test
    void publicGroupsAreRateLimitedApartWithRemainingReq() throws Exception
    {
        sim.close();
        sim = ExchangeSimulator.of(MarketDataFile.read(SAMPLE, DataFormat.OHLCV, "KRW-BTC"),
            new SimSettings().speed(0).quotationRateLimit(3).log(l -> { }));
        rest = new SimRest(sim.start(0));
        sim.step(4);
        HttpResponse<String> limited = null;
        for (int i = 0; i < 20 && limited == null; i++)
        {
            final HttpResponse<String> r = get("/v1/candles/minutes/1", Map.of("market", "KRW-BTC"));
            assertTrue(r.headers().firstValue("Remaining-Req").orElseThrow().startsWith("group=candle; min=180; sec="));
            limited = r.statusCode() == 429 ? r : null;
        }
        assertEquals("too_many_requests", errorName(limited, 429));
        assertEquals("group=candle; min=180; sec=0", limited.headers().firstValue("Remaining-Req").orElseThrow());
        final HttpResponse<String> ticker = get("/v1/ticker", Map.of("markets", "KRW-BTC"));
        assertEquals(200, ticker.statusCode(), "another group has its own budget");
        assertTrue(ticker.headers().firstValue("Remaining-Req").orElseThrow().startsWith("group=ticker;"));
    }

    @Test
    void ordersChanceGivesFeesTypesMinimumsAndBalances() throws Exception
    {
        final JsonNode chance = ok(rest.get("/v1/orders/chance", Map.of("market", "KRW-BTC"), alice), 200);
        assertEquals("0.0005", chance.get("bid_fee").asText());
        assertEquals("0.0005", chance.get("maker_ask_fee").asText());
        final JsonNode market = chance.get("market");
        assertEquals("KRW-BTC", market.get("id").asText());
        assertEquals("[\"limit\",\"price\",\"limit_ioc\",\"limit_fok\",\"best_ioc\",\"best_fok\"]", market.get("bid_types").toString());
        assertEquals("[\"limit\",\"market\",\"limit_ioc\",\"limit_fok\",\"best_ioc\",\"best_fok\"]", market.get("ask_types").toString());
        assertEquals("5000", market.get("bid").get("min_total").asText());
        assertEquals("KRW", chance.get("bid_account").get("currency").asText());
        assertEquals("10000000", chance.get("bid_account").get("balance").asText());
        assertEquals("BTC", chance.get("ask_account").get("currency").asText());
        assertEquals(404, rest.get("/v1/orders/chance", Map.of("market", "KRW-ETH"), alice).statusCode());
        assertEquals(401, rest.get("/v1/orders/chance", Map.of("market", "KRW-BTC"), null).statusCode());
    }

    private HttpResponse<String> get(final String path, final Map<String, ?> params) throws Exception
    {
        return rest.get(path, params, null);
    }

    private static void assertCandleIsRow(final JsonNode candle, final String[] row)
    {
        assertEquals(row[0].replace(' ', 'T'), candle.get("candle_date_time_utc").asText());
        assertEquals(List.of(new BigDecimal(row[1]), new BigDecimal(row[2]), new BigDecimal(row[3]), new BigDecimal(row[4]),
            new BigDecimal(row[5])).stream().map(BigDecimal::stripTrailingZeros).toList(), ohlcv(candle));
    }

    private static List<BigDecimal> ohlcv(final JsonNode c)
    {
        return List.of(c.get("opening_price").decimalValue(), c.get("high_price").decimalValue(), c.get("low_price").decimalValue(),
            c.get("trade_price").decimalValue(), c.get("candle_acc_trade_volume").decimalValue())
            .stream().map(BigDecimal::stripTrailingZeros).toList();
    }

    /** Open of the first row, highest high, lowest low, close of the last row, summed volume. */
    private static List<BigDecimal> aggregate(final List<String[]> bars)
    {
        BigDecimal high = new BigDecimal(bars.get(0)[2]);
        BigDecimal low = new BigDecimal(bars.get(0)[3]);
        BigDecimal volume = BigDecimal.ZERO;
        for (final String[] b : bars)
        {
            high = high.max(new BigDecimal(b[2]));
            low = low.min(new BigDecimal(b[3]));
            volume = volume.add(new BigDecimal(b[5]));
        }
        return List.of(new BigDecimal(bars.get(0)[1]), high, low, new BigDecimal(bars.get(bars.size() - 1)[4]), volume)
            .stream().map(BigDecimal::stripTrailingZeros).toList();
    }

    private static List<String> texts(final JsonNode array, final String field)
    {
        final List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.get(field).asText()));
        return out;
    }
}
