package io.qts.adapters.upbit.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qts.adapters.upbit.UpbitTickSize;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Upbit's REST quotation API (no key needed) answered from the trades played so far: the simulator's clock is the
 * tape's, so "now" is the last played trade and nothing later is ever shown. Field names, order (newest first) and
 * time formats follow Upbit's API reference (docs.upbit.com, read 2026-11-29); what could not be confirmed there is
 * listed in docs/sim-exchange.md. Thread-safe (one lock).
 */
final class Quotation
{
    static final int MAX_CANDLES = 200;
    static final int MAX_TICKS = 500;
    static final Set<Integer> MINUTE_UNITS = Set.of(1, 3, 5, 10, 15, 30, 60, 240);

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final ZoneOffset KST = ZoneOffset.ofHours(9);
    private static final DateTimeFormatter CANDLE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
    private static final DateTimeFormatter DATE_DASH = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter TIME_COLON = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final DateTimeFormatter DATE_PLAIN = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final DateTimeFormatter TIME_PLAIN = DateTimeFormatter.ofPattern("HHmmss");
    private static final long DAY_MS = 86_400_000L;
    private static final Map<String, String[]> NAMES = Map.of(
        "BTC", new String[] {"비트코인", "Bitcoin"}, "ETH", new String[] {"이더리움", "Ethereum"},
        "XRP", new String[] {"엑스알피(리플)", "XRP"}, "USDT", new String[] {"테더", "Tether"});

    private final String market;
    private final String quote;
    private final String base;
    private final PublicFeed feed;
    private final List<SimTrade> played = new ArrayList<>();

    Quotation(final String market, final PublicFeed feed)
    {
        this.market = market;
        this.quote = market.substring(0, market.indexOf('-'));
        this.base = market.substring(market.indexOf('-') + 1);
        this.feed = feed;
    }

    /** A candle period: the start of the candle holding a time, and the start of the next one (epoch ms, UTC). */
    interface Period
    {
        long start(long timeMs);

        long next(long startMs);
    }

    static Period fixed(final long lengthMs)
    {
        return new Period()
        {
            @Override
            public long start(final long timeMs)
            {
                return Math.floorDiv(timeMs, lengthMs) * lengthMs;
            }

            @Override
            public long next(final long startMs)
            {
                return startMs + lengthMs;
            }
        };
    }

    /** Weeks start on Monday 00:00 UTC, months on the 1st (Upbit's day candles start at 00:00 UTC = 09:00 KST). */
    static Period calendar(final boolean weeks)
    {
        return new Period()
        {
            @Override
            public long start(final long timeMs)
            {
                final LocalDate day = Instant.ofEpochMilli(timeMs).atOffset(ZoneOffset.UTC).toLocalDate();
                final LocalDate first = weeks ? day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)) : day.withDayOfMonth(1);
                return first.atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
            }

            @Override
            public long next(final long startMs)
            {
                final LocalDate first = Instant.ofEpochMilli(startMs).atOffset(ZoneOffset.UTC).toLocalDate();
                return (weeks ? first.plusWeeks(1) : first.plusMonths(1)).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
            }
        };
    }

    synchronized void onTrade(final SimTrade trade)
    {
        played.add(trade);
    }

    /** The market code this quotation answers for. */
    String market()
    {
        return market;
    }

    // ------------------------------------------------------------------ markets, ticker, order book

    /** GET /v1/market/all: the one market played; {@code is_details} adds the warning and event fields. */
    ArrayNode markets(final boolean details)
    {
        final String[] names = NAMES.getOrDefault(base, new String[] {base, base});
        final ObjectNode m = JSON.objectNode()
            .put("market", market).put("korean_name", names[0]).put("english_name", names[1]);
        if (details)
        {
            m.put("market_warning", "NONE");
            final ObjectNode event = m.putObject("market_event").put("warning", false);
            final ObjectNode caution = event.putObject("caution");
            for (final String c : List.of("PRICE_FLUCTUATIONS", "TRADING_VOLUME_SOARING", "DEPOSIT_AMOUNT_SOARING",
                "GLOBAL_PRICE_DIFFERENCES", "CONCENTRATION_OF_SMALL_ACCOUNTS"))
            {
                caution.put(c, false);
            }
        }
        return JSON.arrayNode().add(m);
    }

    /** GET /v1/ticker?markets=A,B: one ticker per market asked for; a market not played is 404 "Code not found". */
    synchronized ArrayNode tickers(final String markets, final long nowMs)
    {
        if (markets == null || markets.isBlank())
        {
            throw new SimError(400, "validation_error", "markets is required");
        }
        final ArrayNode out = JSON.arrayNode();
        for (final String m : markets.split(","))
        {
            requireMarket(m.trim());
            if (!played.isEmpty())
            {
                out.add(ticker(nowMs));
            }
        }
        return out;
    }

    /** GET /v1/ticker/all?quote_currencies=KRW,BTC: the tickers of the markets quoted in those currencies. */
    synchronized ArrayNode tickersByQuote(final String quotes, final long nowMs)
    {
        if (quotes == null || quotes.isBlank())
        {
            throw new SimError(400, "validation_error", "quote_currencies is required");
        }
        final ArrayNode out = JSON.arrayNode();
        for (final String q : quotes.split(","))
        {
            if (q.trim().equals(quote) && !played.isEmpty())
            {
                out.add(ticker(nowMs));
            }
        }
        return out;
    }

    private ObjectNode ticker(final long nowMs)
    {
        final JsonNode t = feed.ticker(nowMs, "REST");
        final SimTrade last = played.get(played.size() - 1);
        final OffsetDateTime kst = Instant.ofEpochMilli(last.tradeTimestampMs()).atOffset(KST);
        final ObjectNode n = JSON.objectNode().put("market", market)
            .put("trade_date", t.get("trade_date").asText()).put("trade_time", t.get("trade_time").asText())
            .put("trade_date_kst", DATE_PLAIN.format(kst)).put("trade_time_kst", TIME_PLAIN.format(kst));
        for (final String f : List.of("trade_timestamp", "opening_price", "high_price", "low_price", "trade_price",
            "prev_closing_price", "change", "change_price", "change_rate", "signed_change_price", "signed_change_rate",
            "trade_volume", "acc_trade_price", "acc_trade_price_24h", "acc_trade_volume", "acc_trade_volume_24h"))
        {
            n.set(f, t.get(f));
        }
        // 52 weeks back from the last trade
        SimTrade high = last;
        SimTrade low = last;
        for (int i = played.size() - 1; i >= 0 && played.get(i).tradeTimestampMs() > last.tradeTimestampMs() - 364 * DAY_MS; i--)
        {
            final SimTrade p = played.get(i);
            high = p.price().compareTo(high.price()) > 0 ? p : high;
            low = p.price().compareTo(low.price()) < 0 ? p : low;
        }
        n.put("highest_52_week_price", high.price()).put("highest_52_week_date", utcDate(high.tradeTimestampMs()))
            .put("lowest_52_week_price", low.price()).put("lowest_52_week_date", utcDate(low.tradeTimestampMs()));
        return n.put("timestamp", nowMs);
    }

    /** GET /v1/orderbook?markets=..&level=&count=: the synthetic book of the public stream, {@code count} levels. */
    synchronized ArrayNode orderbooks(final String markets, final String level, final String count, final int units, final long nowMs)
    {
        if (markets == null || markets.isBlank())
        {
            throw new SimError(400, "validation_error", "markets is required");
        }
        final int levels = count == null ? units : integer(count, "count", 1, units);
        final BigDecimal grouping = level == null ? BigDecimal.ZERO : decimal(level, "level");
        final ArrayNode out = JSON.arrayNode();
        for (final String m : markets.split(","))
        {
            requireMarket(m.trim());
            if (played.isEmpty())
            {
                continue;
            }
            final JsonNode book = feed.orderbook(nowMs, "REST");
            final ObjectNode n = out.addObject().put("market", market).put("timestamp", nowMs);
            BigDecimal totalAsk = BigDecimal.ZERO;
            BigDecimal totalBid = BigDecimal.ZERO;
            final ArrayNode unitsOut = JSON.arrayNode();
            final Iterator<JsonNode> it = book.get("orderbook_units").elements();
            for (int i = 0; i < levels && it.hasNext(); i++)
            {
                final JsonNode u = it.next();
                totalAsk = totalAsk.add(u.get("ask_size").decimalValue());
                totalBid = totalBid.add(u.get("bid_size").decimalValue());
                unitsOut.add(u);
            }
            n.put("total_ask_size", totalAsk).put("total_bid_size", totalBid);
            n.set("orderbook_units", unitsOut);
            n.put("level", grouping);
        }
        return out;
    }

    /**
     * GET /v1/orderbook/instruments?markets=..: {@code market, quote_currency, tick_size} (Upbit's price unit at the
     * last price, {@link UpbitTickSize}) and {@code supported_levels} (here only 0: the book is not grouped).
     */
    synchronized ArrayNode instruments(final String markets)
    {
        if (markets == null || markets.isBlank())
        {
            throw new SimError(400, "validation_error", "markets is required");
        }
        final ArrayNode out = JSON.arrayNode();
        for (final String m : markets.split(","))
        {
            requireMarket(m.trim());
            if (!played.isEmpty())
            {
                final ObjectNode n = out.addObject().put("market", market).put("quote_currency", quote)
                    .put("tick_size", SimExchange.plain(UpbitTickSize.of(market, played.get(played.size() - 1).price())));
                n.putArray("supported_levels").add(0);
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ trades

    /**
     * GET /v1/trades/ticks: played trades newest first. {@code days_ago} (1..7) picks the UTC day that many days
     * before the last trade's; {@code to} (HHmmss or HH:mm:ss, UTC, exclusive) cuts that day (today when no
     * days_ago); {@code cursor} (a sequential_id) continues below it; {@code count} 1..500, default 1.
     */
    synchronized ArrayNode ticks(final Map<String, List<String>> params)
    {
        requireMarket(required(params, "market"));
        final int count = integer(one(params, "count"), "count", 1, MAX_TICKS, 1);
        final String daysAgo = one(params, "days_ago");
        final String to = one(params, "to");
        final String cursor = one(params, "cursor");
        final ArrayNode out = JSON.arrayNode();
        if (played.isEmpty())
        {
            return out;
        }
        final LocalDate today = Instant.ofEpochMilli(played.get(played.size() - 1).tradeTimestampMs())
            .atOffset(ZoneOffset.UTC).toLocalDate();
        long fromMs = Long.MIN_VALUE;
        long beforeMs = Long.MAX_VALUE;
        if (daysAgo != null || to != null)
        {
            final LocalDate day = today.minusDays(daysAgo == null ? 0 : integer(daysAgo, "days_ago", 1, 7, 0));
            fromMs = day.atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
            beforeMs = to == null ? fromMs + DAY_MS : day.atTime(timeOfDay(to)).toInstant(ZoneOffset.UTC).toEpochMilli();
        }
        final long below = cursor == null ? Long.MAX_VALUE : longValue(cursor, "cursor");
        for (int i = played.size() - 1; i >= 0 && out.size() < count; i--)
        {
            final SimTrade t = played.get(i);
            if (t.tradeTimestampMs() < fromMs)
            {
                break;
            }
            if (t.tradeTimestampMs() >= beforeMs || t.sequentialId() >= below)
            {
                continue;
            }
            final BigDecimal prevClose = closeBefore(dayStart(t.tradeTimestampMs()), i);
            final Instant at = Instant.ofEpochMilli(t.tradeTimestampMs());
            out.addObject().put("market", market)
                .put("trade_date_utc", DATE_DASH.format(at.atOffset(ZoneOffset.UTC)))
                .put("trade_time_utc", TIME_COLON.format(at.atOffset(ZoneOffset.UTC)))
                .put("timestamp", t.tradeTimestampMs())
                .put("trade_price", t.price())
                .put("trade_volume", t.volume())
                .put("prev_closing_price", prevClose)
                .put("change_price", t.price().subtract(prevClose))
                .put("ask_bid", t.askBid())
                .put("sequential_id", t.sequentialId());
        }
        return out;
    }

    // ------------------------------------------------------------------ candles

    /** The kinds of candle Upbit serves. */
    enum Kind
    {
        SECONDS, MINUTES, DAYS, WEEKS, MONTHS
    }

    /**
     * GET /v1/candles/{seconds|minutes/{unit}|days|weeks|months}: up to {@code count} (1..200, default 1) candles
     * newest first, those starting before {@code to} (default: after the last trade played), only where trades were
     * played (Upbit makes no candle for a period without trades).
     */
    synchronized ArrayNode candles(final Kind kind, final int minutes, final Map<String, List<String>> params)
    {
        requireMarket(required(params, "market"));
        final int count = integer(one(params, "count"), "count", 1, MAX_CANDLES, 1);
        final String converting = one(params, "converting_price_unit");
        if (converting != null && kind != Kind.DAYS)
        {
            throw new SimError(400, "validation_error", "converting_price_unit is for day candles only");
        }
        final Period period = switch (kind)
        {
            case SECONDS -> fixed(1000);
            case MINUTES -> fixed(minutes * 60_000L);
            case DAYS -> fixed(DAY_MS);
            case WEEKS -> calendar(true);
            case MONTHS -> calendar(false);
        };
        final String to = one(params, "to");
        int end = played.size();
        if (to != null)
        {
            final long toMs = instant(to);
            final long limitMs = period.start(toMs) == toMs ? toMs : period.next(period.start(toMs));
            end = firstAtOrAfter(limitMs);
        }
        final ArrayNode out = JSON.arrayNode();
        int i = end - 1;
        while (i >= 0 && out.size() < count)
        {
            final long start = period.start(played.get(i).tradeTimestampMs());
            final int last = i;
            while (i >= 0 && played.get(i).tradeTimestampMs() >= start)
            {
                i--;
            }
            out.add(candle(kind, minutes, start, i + 1, last, converting));
        }
        return out;
    }

    private ObjectNode candle(final Kind kind, final int minutes, final long startMs, final int first, final int last,
        final String converting)
    {
        BigDecimal high = played.get(first).price();
        BigDecimal low = high;
        BigDecimal volume = BigDecimal.ZERO;
        BigDecimal funds = BigDecimal.ZERO;
        for (int k = first; k <= last; k++)
        {
            final SimTrade t = played.get(k);
            high = high.max(t.price());
            low = low.min(t.price());
            volume = volume.add(t.volume());
            funds = funds.add(t.price().multiply(t.volume()));
        }
        final BigDecimal close = played.get(last).price();
        final Instant start = Instant.ofEpochMilli(startMs);
        final ObjectNode n = JSON.objectNode().put("market", market)
            .put("candle_date_time_utc", CANDLE_TIME.format(start.atOffset(ZoneOffset.UTC)))
            .put("candle_date_time_kst", CANDLE_TIME.format(start.atOffset(KST)))
            .put("opening_price", played.get(first).price())
            .put("high_price", high)
            .put("low_price", low)
            .put("trade_price", close)
            .put("timestamp", played.get(last).tradeTimestampMs())
            .put("candle_acc_trade_price", SimExchange.num(funds))
            .put("candle_acc_trade_volume", SimExchange.num(volume));
        switch (kind)
        {
            case MINUTES -> n.put("unit", minutes);
            case DAYS ->
            {
                final BigDecimal prevClose = closeBefore(startMs, first);
                final BigDecimal change = close.subtract(prevClose);
                n.put("prev_closing_price", prevClose).put("change_price", change)
                    .put("change_rate", prevClose.signum() == 0 ? BigDecimal.ZERO
                        : change.divide(prevClose, 10, RoundingMode.HALF_UP).stripTrailingZeros());
                if (converting != null)
                {
                    // Only the market's own quote currency can be converted to here (one market played).
                    n.put("converted_trade_price", converting.equals(quote) ? close : null);
                }
            }
            case WEEKS, MONTHS -> n.put("first_day_of_period", DATE_DASH.format(start.atOffset(ZoneOffset.UTC)));
            default -> { }
        }
        return n;
    }

    // ------------------------------------------------------------------ helpers

    /** The last price before {@code dayStartMs} (searching down from index {@code from}); the day's first price if none. */
    private BigDecimal closeBefore(final long dayStartMs, final int from)
    {
        for (int k = Math.min(from, played.size() - 1); k >= 0; k--)
        {
            if (played.get(k).tradeTimestampMs() < dayStartMs)
            {
                return played.get(k).price();
            }
        }
        return played.get(0).price();
    }

    private int firstAtOrAfter(final long timeMs)
    {
        int lo = 0;
        int hi = played.size();
        while (lo < hi)
        {
            final int mid = (lo + hi) >>> 1;
            if (played.get(mid).tradeTimestampMs() < timeMs)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }
        return lo;
    }

    private static long dayStart(final long timeMs)
    {
        return Math.floorDiv(timeMs, DAY_MS) * DAY_MS;
    }

    private static String utcDate(final long timeMs)
    {
        return DATE_DASH.format(Instant.ofEpochMilli(timeMs).atOffset(ZoneOffset.UTC));
    }

    private void requireMarket(final String m)
    {
        if (!market.equals(m))
        {
            throw new SimError(404, "404", "Code not found");
        }
    }

    /**
     * {@code to} of the candle endpoints: ISO-8601 with a zone ({@code 2024-01-01T00:00:00Z}, {@code ...+09:00}) or
     * without one ({@code 2024-01-01T00:00:00}, {@code 2024-01-01 00:00:00}), which Upbit reads as UTC.
     */
    static long instant(final String to)
    {
        try
        {
            if (to.endsWith("Z") || to.matches(".*[+-]\\d\\d:\\d\\d$"))
            {
                return OffsetDateTime.parse(to.replace(' ', 'T')).toInstant().toEpochMilli();
            }
            return LocalDateTime.parse(to.replace(' ', 'T')).toInstant(ZoneOffset.UTC).toEpochMilli();
        }
        catch (final DateTimeParseException ex)
        {
            throw new SimError(400, "validation_error", "to must be yyyy-MM-dd'T'HH:mm:ss with an optional zone: " + to);
        }
    }

    private static LocalTime timeOfDay(final String to)
    {
        final String digits = to.replace(":", "");
        if (!digits.matches("\\d{6}"))
        {
            throw new SimError(400, "validation_error", "to must be HHmmss or HH:mm:ss: " + to);
        }
        try
        {
            return LocalTime.parse(digits, TIME_PLAIN);
        }
        catch (final DateTimeParseException ex)
        {
            throw new SimError(400, "validation_error", "to must be a time of day: " + to);
        }
    }

    private static String one(final Map<String, List<String>> params, final String name)
    {
        final List<String> v = params.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    private static String required(final Map<String, List<String>> params, final String name)
    {
        final String v = one(params, name);
        if (v == null || v.isBlank())
        {
            throw new SimError(400, "validation_error", name + " is required");
        }
        return v;
    }

    private static int integer(final String value, final String name, final int min, final int max)
    {
        return integer(value, name, min, max, min);
    }

    private static int integer(final String value, final String name, final int min, final int max, final int byDefault)
    {
        if (value == null)
        {
            return byDefault;
        }
        try
        {
            final int n = Integer.parseInt(value);
            if (n < min || n > max)
            {
                throw new SimError(400, "validation_error", name + " must be between " + min + " and " + max);
            }
            return n;
        }
        catch (final NumberFormatException ex)
        {
            throw new SimError(400, "validation_error", name + " must be a whole number");
        }
    }

    private static long longValue(final String value, final String name)
    {
        try
        {
            return Long.parseLong(value);
        }
        catch (final NumberFormatException ex)
        {
            throw new SimError(400, "validation_error", name + " must be a whole number");
        }
    }

    private static BigDecimal decimal(final String value, final String name)
    {
        try
        {
            final BigDecimal v = new BigDecimal(value);
            if (v.signum() < 0)
            {
                throw new SimError(400, "validation_error", name + " must not be negative");
            }
            return v;
        }
        catch (final NumberFormatException ex)
        {
            throw new SimError(400, "validation_error", name + " must be a number");
        }
    }
}
