package io.qts.adapters.run;

import io.qts.adapters.cli.Decimals;
import io.qts.adapters.cli.UserError;
import io.qts.engine.EngineContext;
import io.qts.engine.FixedPoint;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The risk controls beyond max position and max order notional, as text keyed by the name after
 * {@code risk.} (the same for config keys and {@code backtest --risk KEY=VALUE}), applied to an engine
 * context. {@value EngineContext#NONE} switches an optional control off.
 */
public final class RiskSettings
{
    /** In the order they are applied and written into a reproduce command. */
    public static final List<String> KEYS = List.of(
        "sizing", "orderNotional", "equityFraction", "maxOpenPositions", "priceBand", "maxOrdersPerSecond", "atrBars",
        "stop", "stopAtrMultiple", "maxAtrFraction", "dailyLossLimit", "maxDrawdown", "breakerFailures",
        "breakerWindowMs", "breakerCoolDownMs", "orderTimeoutMs", "haltWindows", "restingOrders");

    /** {@code risk.sizing} left to the amount given: fixed-notional with an order notional, equity-fraction with a fraction, else fixed-qty. */
    public static final String AUTO_SIZING = "auto";

    private RiskSettings()
    {
    }

    /**
     * The one sizing rule, for config keys and command options alike: an {@code orderNotional} that is not
     * {@value EngineContext#NONE} selects fixed-notional and an {@code equityFraction} equity-fraction, so neither is
     * ignored for want of a {@code sizing}; both at once, or a {@code sizing} other than {@value #AUTO_SIZING}
     * that says otherwise, is an error.
     *
     * @param values  risk settings keyed as {@link #KEYS}; absent keys count as not given
     * @param givenBy how each key was given, for the error (e.g. {@code --order-notional}, or
     *                {@code risk.orderNotional (from environment variable QTS_RISK_ORDER_NOTIONAL)})
     * @return the sizing mode in force (the engine checks that it is a known one)
     * @throws UserError naming both settings that conflict
     */
    public static String sizingMode(final Map<String, String> values, final Function<String, String> givenBy)
    {
        final String sizing = given(values.get("sizing")) && !AUTO_SIZING.equals(values.get("sizing").trim()) ?
            values.get("sizing").trim() : null;
        final boolean byNotional = given(values.get("orderNotional"));
        final boolean byFraction = given(values.get("equityFraction"));
        if (byNotional && byFraction)
        {
            throw new UserError(givenBy.apply("orderNotional") + " (fixed-notional sizing) and " + givenBy.apply("equityFraction") +
                " (equity-fraction sizing) conflict: give one");
        }
        final String amountKey = byNotional ? "orderNotional" : byFraction ? "equityFraction" : null;
        if (amountKey == null)
        {
            return sizing != null ? sizing : "fixed-qty";
        }
        final String implied = byNotional ? "fixed-notional" : "equity-fraction";
        if (sizing != null && !sizing.equals(implied))
        {
            throw new UserError(givenBy.apply("sizing") + " conflicts with " + givenBy.apply(amountKey) +
                ", which sizes entries by " + implied);
        }
        return implied;
    }

    private static boolean given(final String value)
    {
        return value != null && !value.isBlank() && !EngineContext.NONE.equals(value.trim());
    }

    /** Applies the given keys (absent ones keep the context's defaults). */
    public static void apply(final EngineContext context, final Map<String, String> values)
    {
        for (final Map.Entry<String, String> e : values.entrySet())
        {
            if (!KEYS.contains(e.getKey()))
            {
                throw new UserError("unknown risk setting '" + e.getKey() + "' (known: " + String.join(", ", KEYS) + ")");
            }
            final String key = "risk." + e.getKey();
            final String value = e.getValue() == null ? "" : e.getValue().trim();
            switch (e.getKey())
            {
                case "sizing" -> context.sizing(value);
                case "orderNotional" -> context.orderNotional(decimal(key, value, FixedPoint.MONEY_SCALE));
                case "equityFraction" -> context.equityFraction(decimal(key, value, FixedPoint.RATE_SCALE));
                case "maxOpenPositions" -> context.maxOpenPositions(whole(key, value, EngineContext.UNLIMITED));
                case "priceBand" -> context.priceBand(decimal(key, value, FixedPoint.RATE_SCALE));
                case "maxOrdersPerSecond" -> context.maxOrdersPerSecond(toInt(key, whole(key, value, 0)));
                case "atrBars" -> context.atrBars(toInt(key, whole(key, value, 0)));
                case "stop" -> context.stop(value);
                case "stopAtrMultiple" -> context.stopAtrMultiple(decimal(key, value, FixedPoint.RATE_SCALE));
                case "maxAtrFraction" -> context.maxAtrFraction(decimal(key, value, FixedPoint.RATE_SCALE));
                case "dailyLossLimit" -> context.dailyLossLimit(decimal(key, value, FixedPoint.MONEY_SCALE));
                case "maxDrawdown" -> context.maxDrawdown(decimal(key, value, FixedPoint.RATE_SCALE));
                case "breakerFailures" -> context.breakerFailures(toInt(key, whole(key, value, 0)));
                case "breakerWindowMs" -> context.breakerWindowMs(whole(key, value, EngineContext.UNLIMITED));
                case "breakerCoolDownMs" -> context.breakerCoolDownMs(whole(key, value, EngineContext.UNLIMITED));
                case "orderTimeoutMs" -> context.orderTimeoutMs(whole(key, value, EngineContext.UNLIMITED));
                case "haltWindows" -> context.haltWindows(value);
                case "restingOrders" -> context.restingOrders(value);
                default -> throw new IllegalStateException("unhandled risk key " + e.getKey());
            }
        }
    }

    private static long decimal(final String key, final String value, final int scale)
    {
        return EngineContext.NONE.equals(value) ? EngineContext.UNLIMITED : Decimals.parse(key, value, scale);
    }

    private static long whole(final String key, final String value, final long none)
    {
        if (EngineContext.NONE.equals(value))
        {
            return none;
        }
        try
        {
            return Long.parseLong(value);
        }
        catch (final NumberFormatException ex)
        {
            throw new UserError(key + " must be a whole number or '" + EngineContext.NONE + "', got '" + value + "'");
        }
    }

    private static int toInt(final String key, final long value)
    {
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE)
        {
            throw new UserError(key + " is out of range: " + value);
        }
        return (int)value;
    }
}
