package io.qts.adapters.upbit.sim;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.handler.codec.http.QueryStringDecoder;

import java.util.List;
import java.util.Map;

/** Which public quotation request is which: its rate-limit group, and the {@link Quotation} call that answers it. */
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

    static JsonNode answer(final Quotation quotation, final QueryStringDecoder uri, final int bookUnits, final long nowMs)
    {
        final Map<String, List<String>> params = uri.parameters();
        final String path = uri.path();
        switch (path)
        {
            case "/v1/market/all":
                return quotation.markets(Boolean.parseBoolean(first(params, "is_details", first(params, "isDetails", "false"))));
            case "/v1/ticker":
                return quotation.tickers(first(params, "markets", null), nowMs);
            case "/v1/ticker/all":
                return quotation.tickersByQuote(first(params, "quote_currencies", null), nowMs);
            case "/v1/orderbook":
                return quotation.orderbooks(first(params, "markets", null), first(params, "level", null),
                    first(params, "count", null), bookUnits, nowMs);
            case "/v1/orderbook/instruments":
                return quotation.instruments(first(params, "markets", null));
            case "/v1/trades/ticks":
                return quotation.ticks(params);
            default:
                break;
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
