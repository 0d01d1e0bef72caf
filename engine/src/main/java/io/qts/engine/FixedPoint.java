package io.qts.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Exact fixed-point arithmetic on longs. Products are formed in 128 bits, so a decision never
 * depends on an overflowed or rounded intermediate; rounding, where a result has more digits than
 * its scale, is half-even and happens once, at the end.
 */
public final class FixedPoint
{
    /** Money (cash, notional, commission, PnL) is held at 10^-8 of the quote currency. */
    public static final int MONEY_SCALE = 8;
    /** Rates (commission) are held at 10^-8. */
    public static final int RATE_SCALE = 8;
    /** The largest scale (decimal digits after the point) supported: 10^18 is the largest power of ten in a long. */
    public static final int MAX_SCALE = 18;
    /**
     * The most cash a run may start with, in money units: 2^61 (23,058,430,092.13693952 of the quote currency), a
     * quarter of a long, so the sums the engine forms from it (cash after fills, equity, drawdown) keep headroom.
     * Every such sum is also checked ({@link #addMoney}): beyond a long it stops the engine with an error, never wraps.
     */
    public static final long MAX_CASH = 1L << 61;

    private static final long[] POW10 = new long[MAX_SCALE + 1];

    static
    {
        long p = 1;
        for (int i = 0; i <= MAX_SCALE; i++)
        {
            POW10[i] = p;
            p *= 10;
        }
    }

    private FixedPoint()
    {
    }

    /**
     * 10^exponent, for an exponent from 0 to {@link #MAX_SCALE}.
     *
     * @throws ArrayIndexOutOfBoundsException for an exponent outside 0..{@link #MAX_SCALE}.
     */
    public static long pow10(final int exponent)
    {
        return POW10[exponent];
    }

    /**
     * {@code a * b / divisor}, exact in 128 bits and rounded half-even.
     *
     * @throws ArithmeticException if the result does not fit a long, or divisor is not positive.
     */
    public static long mulDiv(final long a, final long b, final long divisor)
    {
        if (divisor <= 0)
        {
            throw new ArithmeticException("divisor must be positive: " + divisor);
        }
        if (a == Long.MIN_VALUE || b == Long.MIN_VALUE)
        {
            throw new ArithmeticException("operand out of range");
        }
        final boolean negative = (a < 0) != (b < 0);
        final long x = Math.abs(a);
        final long y = Math.abs(b);
        long hi = Math.multiplyHigh(x, y);
        long lo = x * y;
        if (Long.compareUnsigned(hi, divisor) >= 0)
        {
            throw new ArithmeticException("overflow: " + a + " * " + b + " / " + divisor);
        }
        long quotient;
        long remainder;
        if (hi == 0)
        {
            quotient = Long.divideUnsigned(lo, divisor);
            remainder = Long.remainderUnsigned(lo, divisor);
        }
        else
        {
            // Shift-subtract division of the 128-bit product; hi < divisor keeps the quotient in 64 bits.
            for (int i = 0; i < 64; i++)
            {
                final boolean carry = hi < 0;
                hi = (hi << 1) | (lo >>> 63);
                lo <<= 1;
                if (carry || Long.compareUnsigned(hi, divisor) >= 0)
                {
                    hi -= divisor;
                    lo |= 1;
                }
            }
            quotient = lo;
            remainder = hi;
        }
        final int half = Long.compareUnsigned(remainder << 1, divisor);
        if (remainder < 0 || half > 0 || (half == 0 && (quotient & 1) == 1))
        {
            quotient++;
        }
        if (quotient < 0)
        {
            throw new ArithmeticException("overflow: " + a + " * " + b + " / " + divisor);
        }
        return negative ? -quotient : quotient;
    }

    /** Sign of {@code a * b - c * d}, exact. */
    public static int compareProducts(final long a, final long b, final long c, final long d)
    {
        final long hi1 = Math.multiplyHigh(a, b);
        final long hi2 = Math.multiplyHigh(c, d);
        if (hi1 != hi2)
        {
            return hi1 < hi2 ? -1 : 1;
        }
        return Long.compareUnsigned(a * b, c * d);
    }

    /** Rescales a value from one scale to another; going down rounds half-even. */
    public static long rescale(final long value, final int fromScale, final int toScale)
    {
        if (toScale >= fromScale)
        {
            return Math.multiplyExact(value, POW10[toScale - fromScale]);
        }
        return mulDiv(value, 1, POW10[fromScale - toScale]);
    }

    /** {@code qty * price} in money units, for the given instrument scales. */
    public static long notional(final long qty, final int qtyScale, final long price, final int priceScale)
    {
        final int productScale = qtyScale + priceScale;
        if (productScale >= MONEY_SCALE)
        {
            return mulDiv(qty, price, POW10[productScale - MONEY_SCALE]);
        }
        return Math.multiplyExact(Math.multiplyExact(qty, price), POW10[MONEY_SCALE - productScale]);
    }

    /**
     * {@code a + b} for money (or quantity) sums, exactly.
     *
     * @throws ArithmeticException naming the sum if it does not fit a long: a sum never wraps silently.
     */
    public static long addMoney(final long a, final long b)
    {
        final long sum = a + b;
        if (((a ^ sum) & (b ^ sum)) < 0)
        {
            throw new ArithmeticException("overflow: a money or quantity sum exceeds a 64-bit fixed-point long");
        }
        return sum;
    }

    /** {@code a - b}, exactly; see {@link #addMoney}. */
    public static long subtractMoney(final long a, final long b)
    {
        final long difference = a - b;
        if (((a ^ b) & (a ^ difference)) < 0)
        {
            throw new ArithmeticException("overflow: a money or quantity sum exceeds a 64-bit fixed-point long");
        }
        return difference;
    }

    /** Commission on a notional at a rate held at {@link #RATE_SCALE}. */
    public static long commission(final long notional, final long rate)
    {
        return mulDiv(notional, rate, POW10[RATE_SCALE]);
    }

    /**
     * Parses a decimal string exactly at the given scale (cold path).
     *
     * @throws NumberFormatException if it is not a number or has more fractional digits than the scale.
     */
    public static long parse(final String text, final int scale)
    {
        final BigDecimal value;
        try
        {
            value = new BigDecimal(text.trim());
        }
        catch (final NumberFormatException ex)
        {
            throw new NumberFormatException("not a number: '" + text + "'");
        }
        try
        {
            return value.setScale(scale, RoundingMode.UNNECESSARY).unscaledValue().longValueExact();
        }
        catch (final ArithmeticException ex)
        {
            throw new NumberFormatException(
                "'" + text + "' does not fit " + scale + " decimal places in a 64-bit fixed-point value");
        }
    }

    /** Number of fractional digits a decimal string needs, ignoring trailing zeros (cold path). */
    public static int digitsNeeded(final String text)
    {
        return Math.max(0, new BigDecimal(text.trim()).stripTrailingZeros().scale());
    }

    /** Plain decimal text of a fixed-point value, trailing zeros dropped (cold path). */
    public static String format(final long value, final int scale)
    {
        final BigDecimal decimal = BigDecimal.valueOf(value, scale).stripTrailingZeros();
        return decimal.scale() < 0 ? decimal.setScale(0).toPlainString() : decimal.toPlainString();
    }
}
