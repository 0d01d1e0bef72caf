package io.qts.adapters.cli;

import io.qts.engine.FixedPoint;

/** Decimal text from the user (options, config) to fixed-point, with an error that names the key. */
public final class Decimals
{
    private Decimals()
    {
    }

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
}
