package io.qts.adapters.run;

import io.qts.adapters.cli.Decimals;
import io.qts.adapters.cli.UserError;
import io.qts.engine.EngineContext;
import io.qts.engine.FixedPoint;

import java.util.List;
import java.util.Map;

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
        "breakerWindowMs", "breakerCoolDownMs", "orderTimeoutMs", "haltWindows");

    private RiskSettings()
    {
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
