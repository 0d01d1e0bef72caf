package io.qts.adapters.upbit.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.netty.handler.codec.http.QueryStringDecoder;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Which public quotation request is which: its rate-limit group, and the {@link Quotation} calls that answer it. With
 * several markets played, a list request ({@code markets=A,B}, market/all, ticker/all) gathers each market's answer in
 * the order asked (market/all and ticker/all: sorted codes); a one-market request ({@code market=}) goes to that
 * market's quotation.
 */
final class QuotationRoutes
{
    private static final String CANDLES = "/v1/candles/";

    private QuotationRoutes()
    {
    }

    /** Upbit's rate-limit group of a GET path (market, ticker, orderbook, trade, candle), or null if not public. */
    static String group(final String path)
    {
        return switch (path)
        {
            case "/v1/market/all" -> "market";
            case "/v1/ticker", "/v1/ticker/all" -> "ticker";
            case "/v1/orderbook", "/v1/orderbook/instruments" -> "orderbook";
            case "/v1/trades/ticks" -> "trade";
            default -> path.startsWith(CANDLES) ? "candle" : null;
        };
    }

    /** {@code quotations}: one per played market, by market code in sorted order. */
    static JsonNode answer(final Map<String, Quotation> quotations, final QueryStringDecoder uri, final int bookUnits, final long nowMs)
    {
        final Map<String, List<String>> params = uri.parameters();
        final String path = uri.path();
        final String markets = first(params, "markets", null);
        switch (path)
        {
            case "/v1/market/all":
                final boolean details = Boolean.parseBoolean(first(params, "is_details", first(params, "isDetails", "false")));
                return gather(quotations.values(), q -> q.markets(details));
            case "/v1/ticker":
                return eachAsked(quotations, markets, q -> q.tickers(q.market(), nowMs));
            case "/v1/ticker/all":
                final String quotes = first(params, "quote_currencies", null);
                return gather(quotations.values(), q -> q.tickersByQuote(quotes, nowMs));
            case "/v1/orderbook":
                final String level = first(params, "level", null);
                final String count = first(params, "count", null);
                return eachAsked(quotations, markets, q -> q.orderbooks(q.market(), level, count, bookUnits, nowMs));
            case "/v1/orderbook/instruments":
                return eachAsked(quotations, markets, q -> q.instruments(q.market()));
            default:
                break;
        }
        final Quotation quotation = quotations.getOrDefault(first(params, "market", ""),
            quotations.values().iterator().next());
        if ("/v1/trades/ticks".equals(path))
        {
            return quotation.ticks(params);
        }
        final String kind = path.substring(CANDLES.length());
        return switch (kind)
        {
            case "seconds" -> quotation.candles(Quotation.Kind.SECONDS, 0, params);
            case "days" -> quotation.candles(Quotation.Kind.DAYS, 0, params);
            case "weeks" -> quotation.candles(Quotation.Kind.WEEKS, 0, params);
            case "months" -> quotation.candles(Quotation.Kind.MONTHS, 0, params);
            default -> quotation.candles(Quotation.Kind.MINUTES, minutes(kind), params);
        };
    }

    private static ArrayNode gather(final Collection<Quotation> quotations, final Function<Quotation, ArrayNode> call)
    {
        final ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (final Quotation q : quotations)
        {
            out.addAll(call.apply(q));
        }
        return out;
    }

    /** Each market of {@code markets=A,B} in the order asked; one not played is Upbit's 404 "Code not found". */
    private static ArrayNode eachAsked(final Map<String, Quotation> quotations, final String markets,
        final Function<Quotation, ArrayNode> call)
    {
        if (markets == null || markets.isBlank())
        {
            throw new SimError(400, "validation_error", "markets is required");
        }
        final ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (final String m : markets.split(","))
        {
            final Quotation q = quotations.get(m.trim());
            if (q == null)
            {
                throw new SimError(404, "404", "Code not found");
            }
            out.addAll(call.apply(q));
        }
        return out;
    }

    private static int minutes(final String kind)
    {
        if (kind.startsWith("minutes/"))
        {
            try
            {
                final int unit = Integer.parseInt(kind.substring("minutes/".length()));
                if (Quotation.MINUTE_UNITS.contains(unit))
                {
                    return unit;
                }
            }
            catch (final NumberFormatException ex)
            {
                // falls through to the refusal below
            }
            throw new SimError(400, "validation_error", "minute candles come in units of 1, 3, 5, 10, 15, 30, 60 and 240");
        }
        throw new SimError(404, "not_found", "no such API: GET " + CANDLES + kind);
    }

    private static String first(final Map<String, List<String>> params, final String name, final String byDefault)
    {
        final List<String> v = params.get(name);
        return v == null || v.isEmpty() ? byDefault : v.get(0);
    }
}
