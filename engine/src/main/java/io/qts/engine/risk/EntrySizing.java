package io.qts.engine.risk;

import io.qts.engine.FixedPoint;

/**
 * Decides the quantity of an entry: the signal stage's fixed quantity, a fixed notional, or a fraction
 * of equity, each turned into a quantity at the entry price and rounded down to the instrument's
 * quantity scale (never more money at risk than asked for).
 */
public final class EntrySizing
{
    /** Sizing mode (config risk.sizing): the strategy's quantity as it is. */
    public static final String FIXED_QTY = "fixed-qty";
    /** Sizing mode: a fixed amount of money per entry. */
    public static final String FIXED_NOTIONAL = "fixed-notional";
    /** Sizing mode: a fraction of equity per entry. */
    public static final String EQUITY_FRACTION = "equity-fraction";

    private final boolean fixedQty;
    private final boolean equityFraction;
    /** Money at 10^-8 for a fixed notional; a fraction at 10^-8 for equity. */
    private final long value;

    /** @param mode one of the three modes; @param value money at 10^-8 (fixed notional) or a fraction at 10^-8 (equity fraction); unused for fixed quantity. */
    public EntrySizing(final String mode, final long value)
    {
        this.fixedQty = FIXED_QTY.equals(mode);
        this.equityFraction = EQUITY_FRACTION.equals(mode);
        this.value = value;
    }

    /** Quantity at the instrument's scale; 0 when not even one unit of that scale fits. */
    public long entryQty(final long proposedQty, final long price, final int priceScale, final int qtyScale, final long equity)
    {
        if (fixedQty)
        {
            return proposedQty;
        }
        if (price <= 0)
        {
            return 0;
        }
        final long notional = equityFraction ? FixedPoint.mulDiv(Math.max(equity, 0), value, FixedPoint.pow10(FixedPoint.RATE_SCALE)) : value;
        return qtyFor(notional, price, priceScale, qtyScale);
    }

    /** floor(notional / price) at the quantity scale: notional = qty * price * 10^(8 - qtyScale - priceScale). */
    static long qtyFor(final long notional, final long price, final int priceScale, final int qtyScale)
    {
        final int exponent = qtyScale + priceScale - FixedPoint.MONEY_SCALE;
        return exponent >= 0 ?
            floorMulDiv(notional, FixedPoint.pow10(exponent), price) :
            floorMulDiv(notional, 1, Math.multiplyExact(price, FixedPoint.pow10(-exponent)));
    }

    private static long floorMulDiv(final long a, final long b, final long divisor)
    {
        final long rounded = FixedPoint.mulDiv(a, b, divisor);
        return FixedPoint.compareProducts(rounded, divisor, a, b) > 0 ? rounded - 1 : rounded;
    }
}
