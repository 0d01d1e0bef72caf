package io.qts.adapters.upbit.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qts.adapters.upbit.UpbitTickSize;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.LongSupplier;

/**
 * The simulator's venue: the played markets (one or several, e.g. KRW-BTC and KRW-ETH), orders, accounts holding
 * each market's quote and base currency, and matching of each market's orders against that market's played trades
 * only. Thread-safe (one lock). Every order state change and fill is reported to the {@link Listener} as a {@code myOrder} message,
 * every balance change as a {@code myAsset} message.
 *
 * <p>Matching: market orders ({@code price} buy by KRW amount, {@code market} sell by volume, {@code best}) fill
 * completely at the price of the next played trade. A limit order fills at each played trade that crosses it (a
 * bid at a trade price at or below its price, an ask at or above), at the better of its price and the trade's, for
 * at most the trade's volume (what is left rests: partial fills); it is a maker when it did not cross the last trade
 * price when placed. {@code ioc}/{@code fok} limit orders are judged at the next trade: ioc fills what that trade
 * allows and the rest is cancelled, fok fills whole or is cancelled. The played volume does not limit market orders.
 */
final class SimExchange
{
    /** Where state changes go; called under the exchange's lock, so it must not block. */
    interface Listener
    {
        void onMyOrder(String accessKey, String code, ObjectNode message);

        void onMyAsset(String accessKey, ObjectNode message);
    }

    static final BigDecimal MIN_TOTAL = new BigDecimal("5000");
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final DateTimeFormatter KST = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx")
        .withZone(ZoneOffset.ofHours(9));
    private static final int SCALE = 8;

    private final List<String> markets;
    private final List<String> currencies;
    private final BigDecimal feeRate;
    private final Map<String, BigDecimal> initialBalances;
    private final LongSupplier clockMs;
    private final Listener listener;
    private final Random uuids;

    private final Map<String, Order> byUuid = new HashMap<>();
    private final Map<String, Map<String, Order>> byIdentifier = new HashMap<>();
    private final Map<String, Map<String, Balance>> accounts = new HashMap<>();
    private final List<Order> open = new ArrayList<>();
    private final List<Order> history = new ArrayList<>();
    private final Map<String, BigDecimal> lastPrices = new HashMap<>();

    /** {@code markets}: the played market codes (QUOTE-BASE), in the order accounts list their currencies. */
    SimExchange(
        final List<String> markets, final BigDecimal feeRate, final Map<String, BigDecimal> initialBalances,
        final LongSupplier clockMs, final Listener listener, final long uuidSeed)
    {
        this.uuids = new Random(uuidSeed);
        this.markets = List.copyOf(markets);
        final LinkedHashSet<String> held = new LinkedHashSet<>();
        for (final String m : markets)
        {
            held.add(quoteOf(m));
        }
        for (final String m : markets)
        {
            held.add(baseOf(m));
        }
        this.currencies = List.copyOf(held);
        this.feeRate = feeRate;
        this.initialBalances = Map.copyOf(initialBalances);
        this.clockMs = clockMs;
        this.listener = listener;
    }

    private static final class Balance
    {
        BigDecimal balance = BigDecimal.ZERO;
        BigDecimal locked = BigDecimal.ZERO;
        BigDecimal avgBuyPrice = BigDecimal.ZERO;
    }

    private static final class Fill
    {
        String tradeUuid;
        BigDecimal price;
        BigDecimal volume;
        BigDecimal funds;
        BigDecimal fee;
        boolean maker;
        long timestampMs;
    }

    private static final class Order
    {
        String uuid;
        String identifier;
        String accessKey;
        String market;
        String side;
        String ordType;
        BigDecimal price;
        BigDecimal volume;
        String timeInForce;
        String state = "wait";
        long createdMs;
        BigDecimal remainingVolume;
        BigDecimal executedVolume = BigDecimal.ZERO;
        BigDecimal executedFunds = BigDecimal.ZERO;
        BigDecimal reservedFee = BigDecimal.ZERO;
        BigDecimal remainingFee = BigDecimal.ZERO;
        BigDecimal paidFee = BigDecimal.ZERO;
        BigDecimal locked = BigDecimal.ZERO;
        boolean makerCandidate;
        final List<Fill> fills = new ArrayList<>();
    }

    static String quoteOf(final String market)
    {
        return market.substring(0, market.indexOf('-'));
    }

    static String baseOf(final String market)
    {
        return market.substring(market.indexOf('-') + 1);
    }

    private String only()
    {
        return String.join(", ", markets);
    }

    // ---------------------------------------------------------------- REST

    /** POST /v1/orders; params as the JSON body gave them. */
    synchronized ObjectNode place(final String accessKey, final JsonNode params)
    {
        final String mkt = text(params, "market");
        final String side = text(params, "side");
        final String ordType = text(params, "ord_type");
        final String identifier = text(params, "identifier");
        final String tif = text(params, "time_in_force");
        if (mkt == null || side == null || ordType == null)
        {
            throw new SimError(400, "validation_error", "market, side and ord_type are required");
        }
        if (!markets.contains(mkt))
        {
            throw new SimError(400, "validation_error", "market '" + mkt + "' is not traded here (only " + only() + ")");
        }
        final String market = mkt;
        final String quote = quoteOf(market);
        final String base = baseOf(market);
        final BigDecimal lastPrice = lastPrices.get(market);
        if (!"bid".equals(side) && !"ask".equals(side))
        {
            throw new SimError(400, "validation_error", "side must be bid or ask");
        }
        final BigDecimal price = decimal(params, "price");
        final BigDecimal volume = decimal(params, "volume");
        final boolean bid = "bid".equals(side);
        final String createError = bid ? "create_bid_error" : "create_ask_error";
        switch (ordType)
        {
            case "limit" ->
            {
                if (price == null || volume == null)
                {
                    throw new SimError(400, createError, "a limit order needs price and volume");
                }
                if (tif != null && !tif.equals("ioc") && !tif.equals("fok") && !tif.equals("post_only"))
                {
                    throw new SimError(400, "validation_error", "time_in_force must be ioc, fok or post_only");
                }
            }
            case "price" ->
            {
                if (!bid)
                {
                    throw new SimError(400, "validation_error", "ord_type price is for bids only");
                }
                if (price == null || volume != null)
                {
                    throw new SimError(400, createError, "a market buy (ord_type price) takes price (KRW to spend) and no volume");
                }
            }
            case "market" ->
            {
                if (bid)
                {
                    throw new SimError(400, "validation_error", "ord_type market is for asks only");
                }
                if (volume == null || price != null)
                {
                    throw new SimError(400, createError, "a market sell (ord_type market) takes volume and no price");
                }
            }
            case "best" ->
            {
                if (!"ioc".equals(tif) && !"fok".equals(tif))
                {
                    throw new SimError(400, "validation_error", "ord_type best needs time_in_force ioc or fok");
                }
                if (bid ? price == null || volume != null : volume == null || price != null)
                {
                    throw new SimError(400, createError, "a best bid takes price (KRW), a best ask takes volume");
                }
            }
            default -> throw new SimError(400, "validation_error", "ord_type must be limit, price, market or best");
        }
        if ("limit".equals(ordType) && !UpbitTickSize.onGrid(market, price))
        {
            throw new SimError(400, bid ? "invalid_price_bid" : "invalid_price_ask", "the price " + plain(price)
                + " is not a multiple of the market's price unit " + plain(UpbitTickSize.of(market, price)));
        }
        if (tif != null && !"limit".equals(ordType) && !"best".equals(ordType))
        {
            throw new SimError(400, "validation_error", "time_in_force is for limit and best orders only");
        }
        if (identifier != null && byIdentifier.getOrDefault(accessKey, Map.of()).containsKey(identifier))
        {
            throw new SimError(400, "duplicate_identifier", "identifier '" + identifier + "' was already used");
        }
        final BigDecimal total = volume == null ? price
            : price == null ? (lastPrice == null ? null : volume.multiply(lastPrice)) : volume.multiply(price);
        if (total != null && total.compareTo(MIN_TOTAL) < 0)
        {
            throw new SimError(400, bid ? "under_min_total_bid" : "under_min_total_ask",
                "the order total is below the minimum of " + MIN_TOTAL + " " + quote);
        }

        final Order o = new Order();
        o.uuid = nextUuid();
        o.identifier = identifier;
        o.accessKey = accessKey;
        o.market = market;
        o.side = side;
        o.ordType = ordType;
        o.price = price;
        o.volume = volume;
        o.timeInForce = tif;
        o.createdMs = clockMs.getAsLong();
        o.remainingVolume = volume;
        final Map<String, Balance> account = account(accessKey);
        if (bid)
        {
            final BigDecimal funds = volume == null ? price : price.multiply(volume);
            o.reservedFee = fee(funds);
            o.remainingFee = o.reservedFee;
            o.locked = funds.add(o.reservedFee);
            final Balance krw = account.get(quote);
            if (krw.balance.compareTo(o.locked) < 0)
            {
                throw new SimError(400, "insufficient_funds_bid", "insufficient " + quote + " for this order");
            }
            krw.balance = krw.balance.subtract(o.locked);
            krw.locked = krw.locked.add(o.locked);
        }
        else
        {
            if (price != null)
            {
                o.reservedFee = fee(price.multiply(volume));
                o.remainingFee = o.reservedFee;
            }
            o.locked = volume;
            final Balance coin = account.get(base);
            if (coin.balance.compareTo(volume) < 0)
            {
                throw new SimError(400, "insufficient_funds_ask", "insufficient " + base + " for this order");
            }
            coin.balance = coin.balance.subtract(volume);
            coin.locked = coin.locked.add(volume);
        }
        o.makerCandidate = "limit".equals(ordType) && lastPrice != null
            && (bid ? price.compareTo(lastPrice) < 0 : price.compareTo(lastPrice) > 0);
        if ("post_only".equals(tif) && !o.makerCandidate && lastPrice != null)
        {
            unlock(o);
            throw new SimError(400, "validation_error", "a post_only order would have matched immediately");
        }
        byUuid.put(o.uuid, o);
        if (identifier != null)
        {
            byIdentifier.computeIfAbsent(accessKey, k -> new HashMap<>()).put(identifier, o);
        }
        open.add(o);
        history.add(o);
        final ObjectNode response = orderJson(o, false);
        listener.onMyOrder(accessKey, market, myOrder(o, null));
        listener.onMyAsset(accessKey, myAsset(accessKey));
        return response;
    }

    /** GET /v1/order. */
    synchronized ObjectNode get(final String accessKey, final String uuid, final String identifier)
    {
        return orderJson(find(accessKey, uuid, identifier), true);
    }

    /** DELETE /v1/order: answers the order as it was (state wait) and cancels it; the stream says "cancel". */
    synchronized ObjectNode cancel(final String accessKey, final String uuid, final String identifier)
    {
        final Order o = find(accessKey, uuid, identifier);
        if (!"wait".equals(o.state) && !"watch".equals(o.state))
        {
            throw new SimError(400, "validation_error", "the order is " + o.state + " and cannot be cancelled");
        }
        final ObjectNode response = orderJson(o, false);
        finish(o, "cancel");
        return response;
    }

    /** GET /v1/accounts. */
    synchronized ArrayNode accounts(final String accessKey)
    {
        final ArrayNode out = JSON.arrayNode();
        account(accessKey).forEach((currency, b) -> out.add(accountJson(currency, b, unitOf(currency))));
        return out;
    }

    /**
     * GET /v1/orders/chance?market=: the fees (taker and maker: the simulator's one rate), the market's order types
     * and minimum total, and the account's two balances.
     */
    synchronized ObjectNode chance(final String accessKey, final String mkt)
    {
        if (mkt == null)
        {
            throw new SimError(400, "validation_error", "market is required");
        }
        if (!markets.contains(mkt))
        {
            throw new SimError(404, "market_does_not_exist", "market '" + mkt + "' is not traded here (only " + only() + ")");
        }
        final String market = mkt;
        final String quote = quoteOf(market);
        final String base = baseOf(market);
        final String fee = plain(feeRate);
        final ObjectNode n = JSON.objectNode().put("bid_fee", fee).put("ask_fee", fee)
            .put("maker_bid_fee", fee).put("maker_ask_fee", fee);
        final ObjectNode m = n.putObject("market").put("id", market).put("name", base + "/" + quote);
        m.putArray("order_types").add("limit");
        final ArrayNode bidTypes = m.putArray("bid_types");
        final ArrayNode askTypes = m.putArray("ask_types");
        for (final String t : List.of("limit", "limit_ioc", "limit_fok", "best_ioc", "best_fok"))
        {
            bidTypes.add(t);
            askTypes.add(t);
        }
        bidTypes.insert(1, "price");
        askTypes.insert(1, "market");
        m.putArray("order_sides").add("ask").add("bid");
        m.putObject("bid").put("currency", quote).put("min_total", plain(MIN_TOTAL));
        m.putObject("ask").put("currency", quote).put("min_total", plain(MIN_TOTAL));
        m.put("max_total", "1000000000").put("state", "active");
        final Map<String, Balance> account = account(accessKey);
        n.set("bid_account", accountJson(quote, account.get(quote), quote));
        n.set("ask_account", accountJson(base, account.get(base), quote));
        return n;
    }

    /** The currency a balance's avg_buy_price is in: the quote of the first played market that trades it. */
    private String unitOf(final String currency)
    {
        for (final String m : markets)
        {
            if (baseOf(m).equals(currency))
            {
                return quoteOf(m);
            }
        }
        return quoteOf(markets.get(0));
    }

    private ObjectNode accountJson(final String currency, final Balance b, final String unitCurrency)
    {
        return JSON.objectNode()
            .put("currency", currency)
            .put("balance", plain(b.balance))
            .put("locked", plain(b.locked))
            .put("avg_buy_price", plain(b.avgBuyPrice))
            .put("avg_buy_price_modified", false)
            .put("unit_currency", unitCurrency);
    }

    /**
     * GET /v1/orders/open, /v1/orders/closed and /v1/orders/uuids: the account's orders that {@code q} selects, by
     * creation time (newest first unless {@code order_by=asc}), {@code q.limit} per page.
     */
    synchronized ArrayNode list(final String accessKey, final OrderQuery q)
    {
        final List<Order> selected = new ArrayList<>();
        for (final Order o : history)
        {
            if (o.accessKey.equals(accessKey) && (q.market == null || q.market.equals(o.market))
                && (q.states == null || q.states.contains(o.state))
                && o.createdMs >= q.fromMs && o.createdMs <= q.toMs
                && (q.uuids == null || q.uuids.contains(o.uuid))
                && (q.identifiers == null || q.identifiers.contains(o.identifier)))
            {
                selected.add(o);
            }
        }
        if (!q.ascending)
        {
            java.util.Collections.reverse(selected);
        }
        final ArrayNode out = JSON.arrayNode();
        final long first = (long)(q.page - 1) * q.limit;
        for (int i = 0; i < selected.size(); i++)
        {
            if (i >= first && i - first < q.limit)
            {
                out.add(orderJson(selected.get(i), false));
            }
        }
        return out;
    }

    /** Plain-number balances of one account (for tests and logs). */
    synchronized Map<String, BigDecimal> balances(final String accessKey)
    {
        final Map<String, BigDecimal> out = new LinkedHashMap<>();
        account(accessKey).forEach((c, b) -> out.put(c, b.balance.add(b.locked)));
        return out;
    }

    // ---------------------------------------------------------------- matching

    /** A trade of {@code market} was played: fill what it fills of that market's orders, then it is its last price. */
    synchronized void onTrade(final String market, final SimTrade trade)
    {
        final BigDecimal p = trade.price();
        // A limit order takes at most what the trade traded, shared in the order the orders were placed.
        BigDecimal available = trade.volume();
        for (final Order o : List.copyOf(open))
        {
            if (!o.market.equals(market))
            {
                continue;
            }
            final boolean bid = "bid".equals(o.side);
            if ("limit".equals(o.ordType))
            {
                final boolean crosses = bid ? p.compareTo(o.price) <= 0 : p.compareTo(o.price) >= 0;
                final boolean immediate = "ioc".equals(o.timeInForce) || "fok".equals(o.timeInForce);
                final BigDecimal volume = o.remainingVolume.min(available);
                if (crosses && volume.signum() > 0 && !("fok".equals(o.timeInForce) && volume.compareTo(o.remainingVolume) < 0))
                {
                    final BigDecimal fillPrice = bid ? p.min(o.price) : p.max(o.price);
                    available = available.subtract(volume);
                    fill(o, fillPrice, volume, o.makerCandidate, trade);
                    if (immediate && open.contains(o))
                    {
                        // Upbit: an IOC order's unfilled rest is cancelled at once.
                        finish(o, "cancel");
                    }
                }
                else if (immediate)
                {
                    finish(o, "cancel");
                }
            }
            else if (bid && o.volume == null)
            {
                final BigDecimal v = o.price.divide(p, SCALE, RoundingMode.DOWN);
                fill(o, p, v, false, trade);
            }
            else
            {
                fill(o, p, o.remainingVolume, false, trade);
            }
        }
        lastPrices.put(market, p);
    }

    private void fill(final Order o, final BigDecimal price, final BigDecimal volume, final boolean maker, final SimTrade trade)
    {
        if (volume.signum() <= 0)
        {
            finish(o, "cancel");
            return;
        }
        final Map<String, Balance> account = account(o.accessKey);
        final Balance krw = account.get(quoteOf(o.market));
        final Balance coin = account.get(baseOf(o.market));
        final Fill f = new Fill();
        f.tradeUuid = tradeUuid();
        f.price = price;
        f.volume = volume;
        f.funds = price.multiply(volume);
        f.fee = fee(f.funds);
        f.maker = maker;
        f.timestampMs = clockMs.getAsLong();
        o.fills.add(f);
        o.executedVolume = o.executedVolume.add(volume);
        o.executedFunds = o.executedFunds.add(f.funds);
        o.paidFee = o.paidFee.add(f.fee);
        o.remainingFee = o.reservedFee.subtract(o.paidFee).max(BigDecimal.ZERO);
        if (o.remainingVolume != null)
        {
            o.remainingVolume = o.remainingVolume.subtract(volume);
        }
        if ("bid".equals(o.side))
        {
            final BigDecimal cost = f.funds.add(f.fee);
            final BigDecimal release = o.remainingVolume == null || o.remainingVolume.signum() == 0
                ? o.locked : o.price.multiply(volume).add(fee(o.price.multiply(volume))).min(o.locked);
            o.locked = o.locked.subtract(release);
            krw.locked = krw.locked.subtract(release);
            krw.balance = krw.balance.add(release.subtract(cost));
            final BigDecimal held = coin.balance.add(coin.locked);
            coin.avgBuyPrice = held.add(volume).signum() == 0 ? BigDecimal.ZERO
                : held.multiply(coin.avgBuyPrice).add(f.funds).divide(held.add(volume), SCALE, RoundingMode.HALF_UP);
            coin.balance = coin.balance.add(volume);
        }
        else
        {
            o.locked = o.locked.subtract(volume);
            coin.locked = coin.locked.subtract(volume);
            krw.balance = krw.balance.add(f.funds.subtract(f.fee));
        }
        listener.onMyOrder(o.accessKey, o.market, myOrder(o, f));
        final boolean complete = o.remainingVolume == null || o.remainingVolume.signum() == 0;
        if (complete)
        {
            finish(o, "done");
        }
        else
        {
            listener.onMyAsset(o.accessKey, myAsset(o.accessKey));
        }
    }

    private void finish(final Order o, final String state)
    {
        o.state = state;
        unlock(o);
        open.remove(o);
        listener.onMyOrder(o.accessKey, o.market, myOrder(o, null));
        listener.onMyAsset(o.accessKey, myAsset(o.accessKey));
    }

    private void unlock(final Order o)
    {
        if (o.locked.signum() == 0)
        {
            return;
        }
        final Balance b = account(o.accessKey).get("bid".equals(o.side) ? quoteOf(o.market) : baseOf(o.market));
        b.locked = b.locked.subtract(o.locked);
        b.balance = b.balance.add(o.locked);
        o.locked = BigDecimal.ZERO;
    }

    // ---------------------------------------------------------------- messages

    private ObjectNode orderJson(final Order o, final boolean withTrades)
    {
        final ObjectNode n = JSON.objectNode()
            .put("uuid", o.uuid)
            .put("side", o.side)
            .put("ord_type", o.ordType)
            .put("price", o.price == null ? null : plain(o.price))
            .put("state", o.state)
            .put("market", o.market)
            .put("created_at", KST.format(Instant.ofEpochMilli(o.createdMs)))
            .put("volume", o.volume == null ? null : plain(o.volume))
            .put("remaining_volume", o.remainingVolume == null ? null : plain(o.remainingVolume))
            .put("reserved_fee", plain(o.reservedFee))
            .put("remaining_fee", plain(o.remainingFee))
            .put("paid_fee", plain(o.paidFee))
            .put("locked", plain(o.locked))
            .put("executed_volume", plain(o.executedVolume))
            .put("executed_funds", plain(o.executedFunds))
            .put("trades_count", o.fills.size())
            .put("time_in_force", o.timeInForce)
            .put("identifier", o.identifier);
        if (withTrades)
        {
            final ArrayNode trades = n.putArray("trades");
            for (final Fill f : o.fills)
            {
                trades.addObject()
                    .put("market", o.market)
                    .put("uuid", f.tradeUuid)
                    .put("price", plain(f.price))
                    .put("volume", plain(f.volume))
                    .put("funds", plain(f.funds))
                    .put("trend", "bid".equals(o.side) ? "up" : "down")
                    .put("created_at", KST.format(Instant.ofEpochMilli(f.timestampMs)))
                    .put("side", o.side);
            }
        }
        return n;
    }

    /** The myOrder message of a state change ({@code fill == null}) or of one fill (state "trade"). */
    private ObjectNode myOrder(final Order o, final Fill fill)
    {
        final ObjectNode n = JSON.objectNode()
            .put("type", "myOrder")
            .put("code", o.market)
            .put("uuid", o.uuid)
            .put("ask_bid", "bid".equals(o.side) ? "BID" : "ASK")
            .put("order_type", o.ordType)
            .put("state", fill == null ? o.state : "trade")
            .put("trade_uuid", fill == null ? null : fill.tradeUuid);
        // In a "trade" message price and volume are the fill's; otherwise the order's.
        n.put("price", num(fill != null ? fill.price : o.price));
        n.put("avg_price", o.executedVolume.signum() == 0 ? BigDecimal.ZERO
            : o.executedFunds.divide(o.executedVolume, SCALE, RoundingMode.HALF_UP).stripTrailingZeros());
        n.put("volume", num(fill != null ? fill.volume : o.volume));
        n.put("remaining_volume", num(o.remainingVolume));
        n.put("executed_volume", num(o.executedVolume));
        n.put("trades_count", o.fills.size());
        n.put("reserved_fee", num(o.reservedFee));
        n.put("remaining_fee", num(o.remainingFee));
        n.put("paid_fee", num(o.paidFee));
        n.put("locked", num(o.locked));
        n.put("executed_funds", num(o.executedFunds));
        n.put("time_in_force", o.timeInForce);
        n.put("trade_fee", fill == null ? null : num(fill.fee));
        if (fill == null)
        {
            n.putNull("is_maker");
        }
        else
        {
            n.put("is_maker", fill.maker);
        }
        n.put("identifier", o.identifier);
        n.put("trade_timestamp", fill == null ? null : fill.timestampMs);
        n.put("order_timestamp", o.createdMs);
        n.put("timestamp", clockMs.getAsLong());
        n.put("stream_type", "REALTIME");
        return n;
    }

    private ObjectNode myAsset(final String accessKey)
    {
        final ObjectNode n = JSON.objectNode().put("type", "myAsset").put("asset_uuid", uuidOf(accessKey));
        final ArrayNode assets = n.putArray("assets");
        account(accessKey).forEach((c, b) ->
            assets.addObject().put("currency", c).put("balance", num(b.balance)).put("locked", num(b.locked)));
        final long now = clockMs.getAsLong();
        return n.put("asset_timestamp", now).put("timestamp", now).put("stream_type", "REALTIME");
    }

    // ---------------------------------------------------------------- helpers

    private Order find(final String accessKey, final String uuid, final String identifier)
    {
        if (uuid == null && identifier == null)
        {
            throw new SimError(400, "validation_error", "uuid or identifier is required");
        }
        final Order o = uuid != null ? byUuid.get(uuid) : byIdentifier.getOrDefault(accessKey, Map.of()).get(identifier);
        if (o == null || !o.accessKey.equals(accessKey) || (identifier != null && !identifier.equals(o.identifier)))
        {
            throw new SimError(404, "order_not_found", "order not found");
        }
        return o;
    }

    private Map<String, Balance> account(final String accessKey)
    {
        return accounts.computeIfAbsent(accessKey, k ->
        {
            final Map<String, Balance> a = new LinkedHashMap<>();
            for (final String c : currencies)
            {
                final Balance b = new Balance();
                b.balance = initialBalances.getOrDefault(c, BigDecimal.ZERO);
                a.put(c, b);
            }
            return a;
        });
    }

    private BigDecimal fee(final BigDecimal funds)
    {
        return funds.multiply(feeRate).setScale(SCALE, RoundingMode.HALF_UP).stripTrailingZeros();
    }

    private String nextUuid()
    {
        return new UUID(uuids.nextLong() & 0xffffffffffff0fffL | 0x4000L, uuids.nextLong() & 0x3fffffffffffffffL | 0x8000000000000000L)
            .toString();
    }

    private String tradeUuid()
    {
        return nextUuid();
    }

    private static String uuidOf(final String accessKey)
    {
        return UUID.nameUUIDFromBytes(("asset:" + accessKey).getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
    }

    /** A JSON number without trailing zeros (null stays null). */
    static BigDecimal num(final BigDecimal v)
    {
        if (v == null)
        {
            return null;
        }
        final BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    static String plain(final BigDecimal v)
    {
        final BigDecimal s = v.stripTrailingZeros();
        return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
    }

    private static String text(final JsonNode params, final String field)
    {
        final JsonNode n = params.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }

    private static BigDecimal decimal(final JsonNode params, final String field)
    {
        final JsonNode n = params.get(field);
        if (n == null || n.isNull())
        {
            return null;
        }
        try
        {
            final BigDecimal v = n.isNumber() ? n.decimalValue() : new BigDecimal(n.asText());
            if (v.signum() <= 0)
            {
                throw new SimError(400, "validation_error", field + " must be positive");
            }
            return v;
        }
        catch (final NumberFormatException ex)
        {
            throw new SimError(400, "validation_error", field + " is not a number");
        }
    }
}
