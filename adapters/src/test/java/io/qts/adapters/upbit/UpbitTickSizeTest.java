package io.qts.adapters.upbit;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Upbit's price unit tables, band by band at both edges, and the grid rule checked over many prices. */
class UpbitTickSizeTest
{
    @Test
    void krwTableSince2025_07_31AtEveryBandEdge()
    {
        // {price, unit}: the lowest price of each band and the price just below it
        final List<String[]> cases = List.of(
            new String[] {"150000000", "1000"}, new String[] {"2000000", "1000"}, new String[] {"1000000", "1000"},
            new String[] {"999500", "500"}, new String[] {"500000", "500"},
            new String[] {"499900", "100"}, new String[] {"100000", "100"},
            new String[] {"99950", "50"}, new String[] {"50000", "50"},
            new String[] {"49990", "10"}, new String[] {"10000", "10"},
            new String[] {"9995", "5"}, new String[] {"5000", "5"},
            new String[] {"4999", "1"}, new String[] {"1000", "1"}, new String[] {"999", "1"}, new String[] {"100", "1"},
            new String[] {"99.99", "0.01"}, new String[] {"10", "0.01"},
            new String[] {"9.999", "0.001"}, new String[] {"1", "0.001"},
            new String[] {"0.9999", "0.0001"}, new String[] {"0.1", "0.0001"},
            new String[] {"0.09999", "0.00001"}, new String[] {"0.01", "0.00001"},
            new String[] {"0.009999", "0.000001"}, new String[] {"0.001", "0.000001"},
            new String[] {"0.0009999", "0.0000001"}, new String[] {"0.0001", "0.0000001"},
            new String[] {"0.00009999", "0.00000001"});
        for (final String[] c : cases)
        {
            assertEquals(new BigDecimal(c[1]), UpbitTickSize.of("KRW-BTC", new BigDecimal(c[0])), "KRW " + c[0]);
        }
    }

    @Test
    void theEnginesPriceGridIsTheSameTableAtEveryPriceTried()
    {
        // Prices at Upbit's scale 8, raw, of 1 to 17 digits, seeded.
        final Random random = new Random(11);
        for (final String market : List.of("KRW-BTC", "KRW-USDT", "BTC-ETH", "USDT-BTC"))
        {
            final io.qts.engine.PriceTicks grid = UpbitTickSize.priceTicks(market);
            for (int i = 0; i < 20_000; i++)
            {
                final int digits = 1 + random.nextInt(17);
                final long raw = 1 + Math.floorMod(random.nextLong(), io.qts.engine.FixedPoint.pow10(digits));
                final BigDecimal price = BigDecimal.valueOf(raw, 8);
                final long tick = grid.tick(raw, 8);
                assertEquals(0, UpbitTickSize.of(market, price).compareTo(BigDecimal.valueOf(tick, 8)),
                    market + " at " + price + ": " + tick);
                assertEquals(UpbitTickSize.onGrid(market, price), grid.onGrid(raw, 8), market + " on the grid at " + price);
                final long down = grid.floor(raw, 8);
                assertTrue(down == 0 || UpbitTickSize.onGrid(market, BigDecimal.valueOf(down, 8)), market + " floor of " + price);
                assertTrue(UpbitTickSize.onGrid(market, BigDecimal.valueOf(grid.ceil(raw, 8), 8)), market + " ceil of " + price);
            }
        }
        // The same grid at a coarser scale: KRW-BTC at scale 0, where prices below 100 KRW step by one unit.
        final io.qts.engine.PriceTicks krw = UpbitTickSize.priceTicks("KRW-BTC");
        assertEquals(1000, krw.tick(96_123_000, 0));
        assertEquals(96_123_000, krw.floor(96_123_999, 0));
        assertEquals(96_124_000, krw.ceil(96_123_001, 0));
        assertEquals(1, krw.tick(50, 0));
    }

    @Test
    void krwStablecoinsHaveHalfWonUnitsBetween1000And10000()
    {
        assertEquals(new BigDecimal("0.5"), UpbitTickSize.of("KRW-USDT", new BigDecimal("1398.5")));
        assertEquals(new BigDecimal("0.5"), UpbitTickSize.of("KRW-USDC", new BigDecimal("9999.5")));
        assertEquals(new BigDecimal("10"), UpbitTickSize.of("KRW-USDT", new BigDecimal("10000")));
        assertEquals(new BigDecimal("1"), UpbitTickSize.of("KRW-XRP", new BigDecimal("1398")));
        assertTrue(UpbitTickSize.onGrid("KRW-USDT", new BigDecimal("1398.5")));
        assertFalse(UpbitTickSize.onGrid("KRW-XRP", new BigDecimal("1398.5")));
    }

    @Test
    void btcMarketsOneSatoshiUsdtMarketsByBand()
    {
        assertEquals(new BigDecimal("0.00000001"), UpbitTickSize.of("BTC-ETH", new BigDecimal("0.0345")));
        assertEquals(new BigDecimal("0.00000001"), UpbitTickSize.of("BTC-XRP", new BigDecimal("0.00000751")));
        assertEquals(new BigDecimal("0.01"), UpbitTickSize.of("USDT-BTC", new BigDecimal("97000")));
        assertEquals(new BigDecimal("0.01"), UpbitTickSize.of("USDT-ETH", new BigDecimal("10")));
        assertEquals(new BigDecimal("0.001"), UpbitTickSize.of("USDT-XRP", new BigDecimal("9.999")));
        assertEquals(new BigDecimal("0.0001"), UpbitTickSize.of("USDT-DOGE", new BigDecimal("0.1")));
        assertEquals(new BigDecimal("0.00000001"), UpbitTickSize.of("USDT-SHIB", new BigDecimal("0.00001")));
    }

    @Test
    void gridExamples()
    {
        assertTrue(UpbitTickSize.onGrid("KRW-BTC", new BigDecimal("11495000")));
        assertFalse(UpbitTickSize.onGrid("KRW-BTC", new BigDecimal("11495500")));
        assertTrue(UpbitTickSize.onGrid("KRW-ETH", new BigDecimal("999500")));
        assertFalse(UpbitTickSize.onGrid("KRW-ETH", new BigDecimal("999900")));
        assertTrue(UpbitTickSize.onGrid("KRW-XRP", new BigDecimal("999")));
        assertFalse(UpbitTickSize.onGrid("KRW-XRP", new BigDecimal("999.1")), "100..1000 KRW is whole won since 2025-07-31");
        assertTrue(UpbitTickSize.onGrid("KRW-DOGE", new BigDecimal("99.99")));
        assertFalse(UpbitTickSize.onGrid("KRW-DOGE", new BigDecimal("99.995")));
        assertTrue(UpbitTickSize.onGrid("BTC-ETH", new BigDecimal("0.03450001")));
        assertFalse(UpbitTickSize.onGrid("BTC-ETH", new BigDecimal("0.034500001")));
        assertFalse(UpbitTickSize.onGrid("KRW-BTC", BigDecimal.ZERO));
    }

    @Test
    void unknownQuoteAndNegativePriceAreRefused()
    {
        assertThrows(IllegalArgumentException.class, () -> UpbitTickSize.of("ETH-BTC", BigDecimal.ONE));
        assertThrows(IllegalArgumentException.class, () -> UpbitTickSize.of("KRW-BTC", new BigDecimal("-1")));
    }

    /** Property: in every band, k units are on the grid and k units plus a tenth of a unit are not; units grow with price. */
    @Test
    void multiplesOfTheUnitAreOnTheGridAndNothingBetweenThem()
    {
        final Random random = new Random(20261129L);
        for (final String market : List.of("KRW-BTC", "KRW-USDT", "USDT-BTC", "BTC-ETH"))
        {
            BigDecimal previousUnit = BigDecimal.ZERO;
            for (int exponent = -5; exponent <= 8; exponent++)
            {
                for (int i = 0; i < 200; i++)
                {
                    final BigDecimal probe = BigDecimal.valueOf(1 + random.nextInt(9)).scaleByPowerOfTen(exponent)
                        .add(BigDecimal.valueOf(random.nextInt(1000)).scaleByPowerOfTen(exponent - 3));
                    final BigDecimal unit = UpbitTickSize.of(market, probe);
                    final BigDecimal onGrid = probe.divideToIntegralValue(unit).multiply(unit);
                    if (onGrid.signum() == 0 || UpbitTickSize.of(market, onGrid).compareTo(unit) != 0)
                    {
                        continue;   // rounding down crossed into the band below
                    }
                    assertTrue(UpbitTickSize.onGrid(market, onGrid), market + " " + onGrid);
                    final BigDecimal between = onGrid.add(unit.movePointLeft(1));
                    if (UpbitTickSize.of(market, between).compareTo(unit) == 0)
                    {
                        assertFalse(UpbitTickSize.onGrid(market, between), market + " " + between);
                    }
                }
                final BigDecimal unitHere = UpbitTickSize.of(market, BigDecimal.ONE.scaleByPowerOfTen(exponent));
                // KRW-USDT's 0.5 KRW band (1,000..10,000) lies above a 1 KRW band: Upbit's exception, not monotonic
                assertTrue(market.equals("KRW-USDT") || unitHere.compareTo(previousUnit) >= 0,
                    market + " unit shrinks at 1e" + exponent);
                previousUnit = unitHere;
            }
        }
    }

    @Test
    void everyQuoteCurrencyNeedsEightDecimalsForItsFinestUnit()
    {
        assertEquals(8, UpbitTickSize.priceScale("KRW-BTC"), "KRW below 0.0001 KRW: 0.00000001");
        assertEquals(8, UpbitTickSize.priceScale("KRW-USDT"));
        assertEquals(8, UpbitTickSize.priceScale("BTC-ETH"), "BTC: 0.00000001 at any price");
        assertEquals(8, UpbitTickSize.priceScale("USDT-BTC"), "USDT below 0.0001 USDT: 0.00000001");
        for (final String market : new String[] {"KRW-SHIB", "BTC-ETH", "USDT-XRP"})
        {
            for (final String price : new String[] {"0.00001234", "0.0123", "0.0345", "1.234", "96123000"})
            {
                final BigDecimal unit = UpbitTickSize.of(market, new BigDecimal(price));
                assertTrue(unit.stripTrailingZeros().scale() <= UpbitTickSize.priceScale(market), market + " at " + price);
            }
        }
        assertThrows(IllegalArgumentException.class, () -> UpbitTickSize.priceScale("ETH-BTC"));
    }
}
