package io.qts.adapters.upbit.sim;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qts.adapters.upbit.UpbitTickSize;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Builds the public stream's messages ({@code trade}, {@code ticker}, {@code orderbook}) from the played trades,
 * with Upbit's field names. The day (for opening/high/low, accumulated volume and prev_closing_price) is the UTC
 * date, as Upbit's KRW markets roll over at 00:00 UTC; the first day's prev_closing_price is its first trade's
 * price. The order book is synthetic: {@code units} levels one price unit apart around the
 * last price (UpbitTickSize), with sizes that depend only on the trade's sequence.
 */
final class PublicFeed
{
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final DateTimeFormatter DATE_DASH = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME_COLON = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE_PLAIN = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME_PLAIN = DateTimeFormatter.ofPattern("HHmmss").withZone(ZoneOffset.UTC);

    private final String code;
    private final int units;

    private LocalDate day;
    private BigDecimal prevClose;
    private BigDecimal open;
    private BigDecimal high;
    private BigDecimal low;
    private BigDecimal last;
    private BigDecimal accVolume = BigDecimal.ZERO;
    private BigDecimal accPrice = BigDecimal.ZERO;
    private BigDecimal accAsk = BigDecimal.ZERO;
    private BigDecimal accBid = BigDecimal.ZERO;
    private SimTrade lastTrade;

    PublicFeed(final String code, final int units)
    {
        this.code = code;
        this.units = units;
    }

    /** Takes a played trade into the day's state. */
    void onTrade(final SimTrade t)
    {
        final LocalDate d = Instant.ofEpochMilli(t.tradeTimestampMs()).atZone(ZoneOffset.UTC).toLocalDate();
        if (!d.equals(day))
        {
            prevClose = last == null ? t.price() : last;
            day = d;
            open = t.price();
            high = t.price();
            low = t.price();
            accVolume = BigDecimal.ZERO;
            accPrice = BigDecimal.ZERO;
            accAsk = BigDecimal.ZERO;
            accBid = BigDecimal.ZERO;
        }
        high = high.max(t.price());
        low = low.min(t.price());
        last = t.price();
        accVolume = accVolume.add(t.volume());
        accPrice = accPrice.add(t.price().multiply(t.volume()));
        if ("ASK".equals(t.askBid()))
        {
            accAsk = accAsk.add(t.volume());
        }
        else
        {
            accBid = accBid.add(t.volume());
        }
        lastTrade = t;
    }

    boolean hasTrade()
    {
        return lastTrade != null;
    }

    ObjectNode trade(final long nowMs, final String streamType)
    {
        final SimTrade t = lastTrade;
        final BigDecimal[] book = bestBook();
        final ObjectNode n = JSON.objectNode()
            .put("type", "trade")
            .put("code", code)
            .put("timestamp", nowMs)
            .put("trade_date", DATE_DASH.format(Instant.ofEpochMilli(t.tradeTimestampMs())))
            .put("trade_time", TIME_COLON.format(Instant.ofEpochMilli(t.tradeTimestampMs())))
            .put("trade_timestamp", t.tradeTimestampMs())
            .put("trade_price", t.price())
            .put("trade_volume", t.volume())
            .put("ask_bid", t.askBid())
            .put("prev_closing_price", prevClose)
            .put("change", change())
            .put("change_price", t.price().subtract(prevClose).abs())
            .put("sequential_id", t.sequentialId())
            .put("best_ask_price", book[0])
            .put("best_ask_size", book[1])
            .put("best_bid_price", book[2])
            .put("best_bid_size", book[3]);
        return n.put("stream_type", streamType);
    }

    ObjectNode ticker(final long nowMs, final String streamType)
    {
        final SimTrade t = lastTrade;
        final BigDecimal changePrice = t.price().subtract(prevClose);
        final BigDecimal changeRate = prevClose.signum() == 0 ? BigDecimal.ZERO
            : changePrice.divide(prevClose, 10, RoundingMode.HALF_UP).stripTrailingZeros();
        return JSON.objectNode()
            .put("type", "ticker")
            .put("code", code)
            .put("opening_price", open)
            .put("high_price", high)
            .put("low_price", low)
            .put("trade_price", t.price())
            .put("prev_closing_price", prevClose)
            .put("acc_trade_price", accPrice.setScale(8, RoundingMode.HALF_UP).stripTrailingZeros())
            .put("change", change())
            .put("change_price", changePrice.abs())
            .put("signed_change_price", changePrice)
            .put("change_rate", changeRate.abs())
            .put("signed_change_rate", changeRate)
            .put("ask_bid", t.askBid())
            .put("trade_volume", t.volume())
            .put("acc_trade_volume", accVolume)
            .put("trade_date", DATE_PLAIN.format(Instant.ofEpochMilli(t.tradeTimestampMs())))
            .put("trade_time", TIME_PLAIN.format(Instant.ofEpochMilli(t.tradeTimestampMs())))
            .put("trade_timestamp", t.tradeTimestampMs())
            .put("acc_ask_volume", accAsk)
            .put("acc_bid_volume", accBid)
            .put("market_state", "ACTIVE")
            .put("is_trading_suspended", false)
            .putNull("delisting_date")
            .put("market_warning", "NONE")
            .put("timestamp", nowMs)
            .put("acc_trade_price_24h", accPrice.setScale(8, RoundingMode.HALF_UP).stripTrailingZeros())
            .put("acc_trade_volume_24h", accVolume)
            .put("stream_type", streamType);
    }

    ObjectNode orderbook(final long nowMs, final String streamType)
    {
        final BigDecimal tick = UpbitTickSize.of(code, last);
        final BigDecimal floor = last.divide(tick, 0, RoundingMode.FLOOR).multiply(tick);
        final BigDecimal bestBid = floor;
        final BigDecimal bestAsk = floor.add(tick);
        BigDecimal totalAsk = BigDecimal.ZERO;
        BigDecimal totalBid = BigDecimal.ZERO;
        final ObjectNode n = JSON.objectNode()
            .put("type", "orderbook")
            .put("code", code)
            .put("timestamp", nowMs);
        final ArrayNode levels = JSON.arrayNode();
        for (int i = 0; i < units; i++)
        {
            final BigDecimal askSize = size(i, 3);
            final BigDecimal bidSize = size(i, 5);
            totalAsk = totalAsk.add(askSize);
            totalBid = totalBid.add(bidSize);
            levels.addObject()
                .put("ask_price", strip(bestAsk.add(tick.multiply(BigDecimal.valueOf(i)))))
                .put("bid_price", strip(bestBid.subtract(tick.multiply(BigDecimal.valueOf(i)))))
                .put("ask_size", askSize)
                .put("bid_size", bidSize);
        }
        n.put("total_ask_size", totalAsk).put("total_bid_size", totalBid);
        n.set("orderbook_units", levels);
        return n.put("stream_type", streamType).put("level", 0);
    }

    private BigDecimal[] bestBook()
    {
        final BigDecimal tick = UpbitTickSize.of(code, last);
        final BigDecimal floor = last.divide(tick, 0, RoundingMode.FLOOR).multiply(tick);
        return new BigDecimal[] {strip(floor.add(tick)), size(0, 3), strip(floor), size(0, 5)};
    }

    private BigDecimal size(final int level, final int salt)
    {
        final long seq = lastTrade.sequentialId();
        final long units = 1_000_000L + Math.floorMod(seq * 31 + level * 7919L + salt * 104729L, 50_000_000L);
        return BigDecimal.valueOf(units, 8).stripTrailingZeros();
    }

    private String change()
    {
        final int c = last.compareTo(prevClose);
        return c > 0 ? "RISE" : c < 0 ? "FALL" : "EVEN";
    }

    private static BigDecimal strip(final BigDecimal v)
    {
        final BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }
}
