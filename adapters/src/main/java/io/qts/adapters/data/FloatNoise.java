package io.qts.adapters.data;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Many published CSVs were written from binary doubles after some arithmetic, so 0.000311 appears as
 * 0.00031099999999999997 (one ulp off). A number with more fractional digits than we keep is read as
 * the shortest decimal of at most that many digits lying within {@link #MAX_ULPS} ulps of the text's
 * double; if there is none, the digits are real precision, the text is returned as it is and the
 * parser refuses it. Double parsing and ulps are exact on every JDK, so the result is the same
 * everywhere.
 */
final class FloatNoise
{
    static final int MAX_ULPS = 2;

    private FloatNoise()
    {
    }

    static String strip(final String text, final int maxScale)
    {
        if (hasAtMostPlainDigits(text.trim(), maxScale))
        {
            // What nearly every cell is; decided without a BigDecimal (a backtest reads five per bar).
            return text;
        }
        final BigDecimal exact;
        try
        {
            exact = new BigDecimal(text.trim());
        }
        catch (final NumberFormatException ex)
        {
            return text;
        }
        if (exact.stripTrailingZeros().scale() <= maxScale)
        {
            return text;
        }
        final double asDouble = exact.doubleValue();
        final double tolerance = MAX_ULPS * Math.ulp(asDouble);
        for (int scale = 0; scale <= maxScale; scale++)
        {
            final BigDecimal candidate = exact.setScale(scale, RoundingMode.HALF_EVEN);
            if (Math.abs(candidate.doubleValue() - asDouble) <= tolerance)
            {
                return candidate.toPlainString();
            }
        }
        return text;
    }

    /**
     * True if the text has no exponent and at most {@code maxScale} characters after its first point: then
     * it is returned as it is either way (as a number its scale is at most {@code maxScale}; as anything
     * else it is not a number).
     */
    private static boolean hasAtMostPlainDigits(final String text, final int maxScale)
    {
        if (text.indexOf('e') >= 0 || text.indexOf('E') >= 0)
        {
            return false;
        }
        final int point = text.indexOf('.');
        return point < 0 || text.length() - point - 1 <= maxScale;
    }
}
