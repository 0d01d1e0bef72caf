package io.qts.adapters.cli;

import io.qts.engine.EngineContext;
import io.qts.engine.FixedPoint;

/** Decimal text from the user (options, config) to fixed-point, with an error that names the key. */
public final class Decimals
{
    private Decimals()
    {
    }

    /**
     * The decimal {@code text} at {@code scale} (e.g. 8: "1.5" is 150000000), exact.
     *
     * @throws UserError naming {@code key} if the text is missing, not a number, or has more decimals than the scale.
     */
    public static long parse(final String key, final String text, final int scale)
    {
        if (text == null || text.isBlank())
        {
            throw new UserError(key + " is required");
        }
        try
        {
            return FixedPoint.parse(text, scale);
        }
        catch (final NumberFormatException ex)
        {
            throw new UserError(key + ": " + ex.getMessage());
        }
    }

    /** Like {@link #parse}, and the value must be above zero (cash, for one: with none there is nothing to trade). */
    public static long positive(final String key, final String text, final int scale)
    {
        final long value = parse(key, text, scale);
        if (value <= 0)
        {
            throw new UserError(key + " must be above 0, got " + text.trim());
        }
        return value;
    }

    /** An optional limit: {@value EngineContext#NONE} switches it off ({@link EngineContext#UNLIMITED}), else {@link #parse}. */
    public static long limit(final String key, final String text, final int scale)
    {
        return text != null && EngineContext.NONE.equals(text.trim()) ? EngineContext.UNLIMITED : parse(key, text, scale);
    }
}
