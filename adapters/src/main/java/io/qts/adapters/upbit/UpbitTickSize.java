package io.qts.adapters.upbit;

import io.qts.engine.PriceTicks;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Upbit's order price unit (호가 단위, "tick size") per market and price: a limit order's price must be a whole
 * multiple of it, else Upbit answers 400 {@code invalid_price_bid} / {@code invalid_price_ask}. Shared by the exchange
 * simulator, which enforces it, and our clients.
 *
 * <p>Sources (docs.upbit.com, read 2026-11-29):
 * <ul>
 *   <li>KRW markets: guide "원화(KRW) 마켓 주문 가격 단위 / 최소 주문 가능 금액", the table in force since the change of
 *   2025-07-31 (changelog {@code krw_tick_unit_change_250731}): from 1,000,000 KRW: 1,000; 500,000: 500; 100,000: 100;
 *   50,000: 50; 10,000: 10; 5,000: 5; 1,000: 1; 100: 1. Below 100 KRW the bands read here are those of the earlier
 *   tables (10: 0.01, 1: 0.001, 0.1: 0.0001, 0.01: 0.00001, 0.001: 0.000001, 0.0001: 0.0000001, below: 0.00000001);
 *   the 2025 text for that range could not be read in full.</li>
 *   <li>KRW-USDT and KRW-USDC: 0.5 KRW from 1,000 to 10,000 KRW (changelog {@code usdtkrw_tick_unit_change},
 *   2025-03-21); whether the 2025-07-31 table replaced that exception is not stated where we looked: kept.</li>
 *   <li>BTC markets: 0.00000001 BTC whatever the price (guide "BTC 마켓 주문 가격 단위").</li>
 *   <li>USDT markets: from 10 USDT: 0.01; 1: 0.001; 0.1: 0.0001; 0.01: 0.00001; 0.001: 0.000001; 0.0001: 0.0000001;
 *   below: 0.00000001 (guide "USDT 마켓 주문 가격 단위", since 2024-08-19).</li>
 * </ul>
 * Upbit also publishes the unit per market at {@code GET /v1/orderbook/instruments} ({@code tick_size}); a client
 * that can reach Upbit may prefer that answer to this table.
 */
public final class UpbitTickSize
{
    /** Lower bound of a band (inclusive) and its unit; bands are listed from the highest. */
    private record Band(BigDecimal from, BigDecimal unit)
    {
    }

    private static final Band[] KRW = bands(
        "1000000", "1000", "500000", "500", "100000", "100", "50000", "50", "10000", "10", "5000", "5", "1000", "1",
        "100", "1", "10", "0.01", "1", "0.001", "0.1", "0.0001", "0.01", "0.00001", "0.001", "0.000001",
        "0.0001", "0.0000001", "0", "0.00000001");
    private static final Band[] USDT = bands(
        "10", "0.01", "1", "0.001", "0.1", "0.0001", "0.01", "0.00001", "0.001", "0.000001", "0.0001", "0.0000001",
        "0", "0.00000001");
    private static final BigDecimal SATOSHI = new BigDecimal("0.00000001");
    private static final BigDecimal HALF = new BigDecimal("0.5");
    private static final BigDecimal THOUSAND = new BigDecimal("1000");
    private static final BigDecimal TEN_THOUSAND = new BigDecimal("10000");

    private UpbitTickSize()
    {
    }

    /**
     * The price unit of {@code market} (Upbit's code, {@code QUOTE-BASE}, e.g. {@code KRW-BTC}) at {@code price}, in the
     * quote currency.
     *
     * @throws IllegalArgumentException for a negative price or a quote currency other than KRW, BTC or USDT.
     */
    public static BigDecimal of(final String market, final BigDecimal price)
    {
        if (price.signum() < 0)
        {
            throw new IllegalArgumentException("negative price: " + price);
        }
        switch (quote(market))
        {
            case "KRW":
                if (("KRW-USDT".equals(market) || "KRW-USDC".equals(market))
                    && price.compareTo(THOUSAND) >= 0 && price.compareTo(TEN_THOUSAND) < 0)
                {
                    return HALF;
                }
                return unit(KRW, price);
            case "BTC":
                return SATOSHI;
            case "USDT":
                return unit(USDT, price);
            default:
                throw new IllegalArgumentException("no Upbit tick table for the quote currency of " + market);
        }
    }

    /**
     * The same table as the engine's price grid for limit orders of {@code market}: the bands {@link #of} reads, so the
     * engine refuses (OFF_TICK) exactly the prices the venue and the simulator refuse.
     *
     * @throws IllegalArgumentException for a quote currency other than KRW, BTC or USDT.
     */
    public static PriceTicks priceTicks(final String market)
    {
        final List<String> fromAndTick = new ArrayList<>();
        switch (quote(market))
        {
            case "KRW":
                final boolean halfUnit = "KRW-USDT".equals(market) || "KRW-USDC".equals(market);
                for (final Band band : KRW)
                {
                    if (halfUnit && band.from.compareTo(THOUSAND) >= 0 && band.from.compareTo(TEN_THOUSAND) < 0)
                    {
                        if (band.from.compareTo(THOUSAND) == 0)
                        {
                            add(fromAndTick, THOUSAND, HALF);
                        }
                        continue;
                    }
                    add(fromAndTick, band.from, band.unit);
                }
                break;
            case "BTC":
                add(fromAndTick, BigDecimal.ZERO, SATOSHI);
                break;
            case "USDT":
                for (final Band band : USDT)
                {
                    add(fromAndTick, band.from, band.unit);
                }
                break;
            default:
                throw new IllegalArgumentException("no Upbit tick table for the quote currency of " + market);
        }
        return PriceTicks.of(fromAndTick.toArray(new String[0]));
    }

    private static void add(final List<String> fromAndTick, final BigDecimal from, final BigDecimal unit)
    {
        fromAndTick.add(from.toPlainString());
        fromAndTick.add(unit.toPlainString());
    }

    /**
     * Whether two markets have the same price grid ({@link #priceTicks}): the same quote currency, and among KRW
     * markets the same rule for 1,000 to 10,000 KRW (KRW-USDT and KRW-USDC step 0.5 there, the others 1). Markets
     * without a table here share none.
     */
    public static boolean sameGrid(final String a, final String b)
    {
        if (!hasTable(a) || !hasTable(b))
        {
            return a.equals(b);
        }
        return quote(a).equals(quote(b)) && halfUnit(a) == halfUnit(b);
    }

    private static boolean halfUnit(final String market)
    {
        return "KRW-USDT".equals(market) || "KRW-USDC".equals(market);
    }

    /** Whether {@code market}'s quote currency is one with a table here (KRW, BTC, USDT). */
    public static boolean hasTable(final String market)
    {
        final String quote = quote(market);
        return "KRW".equals(quote) || "BTC".equals(quote) || "USDT".equals(quote);
    }

    /**
     * The decimal places a fixed-point price of {@code market} needs so that every price Upbit may quote in it is exact:
     * those of the finest unit in its quote currency's table above (KRW, BTC and USDT tables all end at 0.00000001,
     * so 8 today). A market's price moves across bands over its life, so the whole table counts, not today's band.
     *
     * @throws IllegalArgumentException for a quote currency other than KRW, BTC or USDT.
     */
    public static int priceScale(final String market)
    {
        switch (quote(market))
        {
            case "KRW":
                return Math.max(HALF.scale(), finest(KRW));
            case "BTC":
                return SATOSHI.scale();
            case "USDT":
                return finest(USDT);
            default:
                throw new IllegalArgumentException("no Upbit tick table for the quote currency of " + market);
        }
    }

    /** Whether {@code price} is a whole multiple of its unit in {@code market} (a positive price Upbit accepts). */
    public static boolean onGrid(final String market, final BigDecimal price)
    {
        return price.signum() > 0 && price.remainder(of(market, price)).signum() == 0;
    }

    private static String quote(final String market)
    {
        final int dash = market.indexOf('-');
        return dash < 0 ? market : market.substring(0, dash);
    }

    private static int finest(final Band[] table)
    {
        int scale = 0;
        for (final Band band : table)
        {
            scale = Math.max(scale, band.unit.scale());
        }
        return scale;
    }

    private static BigDecimal unit(final Band[] table, final BigDecimal price)
    {
        for (final Band band : table)
        {
            if (price.compareTo(band.from) >= 0)
            {
                return band.unit;
            }
        }
        return table[table.length - 1].unit;
    }

    private static Band[] bands(final String... fromAndUnit)
    {
        final Band[] out = new Band[fromAndUnit.length / 2];
        for (int i = 0; i < out.length; i++)
        {
            out[i] = new Band(new BigDecimal(fromAndUnit[2 * i]), new BigDecimal(fromAndUnit[2 * i + 1]));
        }
        return out;
    }
}
