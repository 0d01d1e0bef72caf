package io.qts.adapters.run;

import io.qts.adapters.cli.UserError;
import io.qts.adapters.config.QtsConfig;
import io.qts.adapters.upbit.UpbitMarketData;
import io.qts.adapters.upbit.UpbitMyOrders;
import io.qts.adapters.upbit.UpbitOrderGateway;
import io.qts.adapters.upbit.UpbitTickSize;
import io.qts.engine.FixedPoint;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where {@code qts run} trades and how: {@code local} (the in-process simulated venue in lockstep, no
 * sockets), {@code sim} (the Upbit-compatible exchange simulator started in-process on loopback, traded over
 * real sockets; the default) or {@code upbit} (the real venue). {@code paper} sends no order to any venue.
 */
public record VenueSettings(
    String name,
    boolean paper,
    double simSpeed,
    long durationSeconds,
    int priceScale,
    int qtyScale,
    long staleAfterMs,
    Path keyFile,
    URI rest,
    URI websocket,
    URI privateWebsocket)
{
    /** {@code run.venue}: the in-process simulated venue in lockstep with the engine, no sockets. */
    public static final String LOCAL = "local";
    /** {@code run.venue}: the Upbit-compatible exchange simulator, in-process, over loopback sockets (the default). */
    public static final String SIM = "sim";
    /** {@code run.venue}: Upbit itself (api.upbit.com unless the venue URLs are configured otherwise). */
    public static final String UPBIT = "upbit";
    /** The accepted values of {@code run.venue} (and {@code --venue}). */
    public static final List<String> NAMES = List.of(LOCAL, SIM, UPBIT);

    static VenueSettings from(final QtsConfig config, final String nameOverride, final boolean paperOverride)
    {
        final String name = nameOverride != null ? nameOverride : config.get("run.venue");
        if (!NAMES.contains(name))
        {
            throw new UserError("config key 'run.venue' (or --venue) must be one of " + String.join(", ", NAMES) + ", got '" + name + "'");
        }
        final boolean paper = paperOverride || Boolean.parseBoolean(bool(config, "venue.paper", "false"));
        final String keyFile = config.get("venue.keyFile", "none");
        // The engine refuses an instrument definition finer than money (10^-8): refused here, by its key, instead.
        final int priceScale = (int)between(config, "venue.priceScale", "8", 0, FixedPoint.MONEY_SCALE);
        if (!LOCAL.equals(name))
        {
            for (final String market : RunMarkets.given(config.get("run.symbol"), config.source("run.symbol")))
            {
                checkPriceScale(config, market, priceScale);
            }
        }
        return new VenueSettings(
            name,
            paper,
            positive(config, "venue.simSpeed", "200"),
            // The deadline is kept in nanoseconds: a longer duration would overflow and end the session at once.
            between(config, "venue.durationSeconds", "0", 0, Long.MAX_VALUE / 1_000_000_000L),
            priceScale,
            (int)between(config, "venue.qtyScale", "8", 0, FixedPoint.MONEY_SCALE),
            between(config, "venue.staleAfterMs", "30000", 0, Long.MAX_VALUE),
            "none".equals(keyFile) ? null : Path.of(keyFile),
            uri(config, "venue.restUrl", UpbitOrderGateway.UPBIT_URL),
            uri(config, "venue.websocketUrl", UpbitMarketData.UPBIT_URL),
            uri(config, "venue.privateWebsocketUrl", UpbitMyOrders.UPBIT_URL));
    }

    /**
     * Refuses a market whose prices the configured scale cannot hold: its trades would be dropped as malformed. The
     * scale needed is that of the finest unit in Upbit's tick table for the market's quote currency
     * ({@link UpbitTickSize#priceScale}); a market without such a table (not quoted in KRW, BTC or USDT) is left as
     * configured.
     */
    static void checkPriceScale(final QtsConfig config, final String market, final int priceScale)
    {
        if (UpbitTickSize.hasTable(market) && priceScale < UpbitTickSize.priceScale(market))
        {
            throw new UserError("market " + market + " needs price scale " + UpbitTickSize.priceScale(market) +
                " (Upbit's tick table for its quote currency goes down to 10^-" + UpbitTickSize.priceScale(market) +
                "), but config key 'venue.priceScale' is " + priceScale + " (from " + config.source("venue.priceScale") + ")");
        }
    }

    /**
     * The traded market as the order gateway knows it: {@code symbol} (e.g. KRW-BTC) as instrument id 1, with the
     * configured price and quantity scales ({@code venue.priceScale}, {@code venue.qtyScale}).
     */
    public UpbitOrderGateway.Market market(final String symbol)
    {
        return new UpbitOrderGateway.Market(symbol, 1, priceScale, qtyScale);
    }

    /**
     * The markets of a session's symbol text ({@link RunMarkets}): instrument ids 1, 2, ... by code in {@code String}
     * order (one market: id 1, as {@link #market}), each at the configured price and quantity scales.
     */
    public List<UpbitOrderGateway.Market> markets(final String symbols)
    {
        final List<String> codes = RunMarkets.sorted(symbols);
        final List<UpbitOrderGateway.Market> markets = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++)
        {
            markets.add(new UpbitOrderGateway.Market(codes.get(i), i + 1, priceScale, qtyScale));
        }
        return List.copyOf(markets);
    }

    private static String bool(final QtsConfig config, final String key, final String defaultValue)
    {
        final String value = config.get(key, defaultValue).trim();
        if (!value.equals("true") && !value.equals("false"))
        {
            throw new UserError("config key '" + key + "' must be true or false, got '" + value + "'");
        }
        return value;
    }

    private static double positive(final QtsConfig config, final String key, final String defaultValue)
    {
        final String value = config.get(key, defaultValue);
        try
        {
            final double number = Double.parseDouble(value.trim());
            if (number > 0 && number <= 1_000_000)
            {
                return number;
            }
        }
        catch (final NumberFormatException ignored)
        {
            // Reported below with the key's name.
        }
        throw new UserError("config key '" + key + "' must be a number above 0 and at most 1000000, got '" + value + "'");
    }

    private static long between(final QtsConfig config, final String key, final String defaultValue, final long min, final long max)
    {
        final String value = config.get(key, defaultValue);
        try
        {
            final long number = Long.parseLong(value.trim());
            if (number >= min && number <= max)
            {
                return number;
            }
        }
        catch (final NumberFormatException ignored)
        {
            // Reported below with the key's name.
        }
        throw new UserError("config key '" + key + "' must be a whole number from " + min + (max == Long.MAX_VALUE ? " up" : " to " + max)
            + ", got '" + value + "'");
    }

    private static URI uri(final QtsConfig config, final String key, final URI defaultValue)
    {
        final String value = config.get(key, defaultValue.toString());
        try
        {
            final URI uri = new URI(value.trim());
            if (uri.getScheme() != null && uri.getHost() != null)
            {
                return uri;
            }
        }
        catch (final java.net.URISyntaxException ignored)
        {
            // Reported below with the key's name.
        }
        throw new UserError("config key '" + key + "' must be an absolute URL, got '" + value + "'");
    }
}
