package io.qts.engine;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Properties checked against BigInteger/BigDecimal on seeded random inputs, plus hand-picked edges. */
class FixedPointTest
{
    private static final long SEED = 0x5157_5331L;
    private static final int CASES = 200_000;

    @Test
    void mulDivMatchesBigIntegerHalfEven()
    {
        final SplittableRandom random = new SplittableRandom(SEED);
        int checked = 0;
        for (int i = 0; i < CASES; i++)
        {
            final long a = randomOperand(random);
            final long b = randomOperand(random);
            final long divisor = 1 + (random.nextBoolean() ? random.nextLong(1, 1_000_000_000_000L) : FixedPoint.pow10(random.nextInt(19)));
            final BigDecimal exact = new BigDecimal(BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)))
                .divide(BigDecimal.valueOf(divisor), 0, RoundingMode.HALF_EVEN);
            if (exact.toBigInteger().bitLength() > 63)
            {
                assertThrows(ArithmeticException.class, () -> FixedPoint.mulDiv(a, b, divisor));
                continue;
            }
            assertEquals(exact.longValueExact(), FixedPoint.mulDiv(a, b, divisor), a + " * " + b + " / " + divisor);
            checked++;
        }
        assertEquals(true, checked > CASES / 4, "enough cases must fit a long: " + checked);
    }

    @Test
    void compareProductsMatchesBigInteger()
    {
        final SplittableRandom random = new SplittableRandom(SEED + 1);
        for (int i = 0; i < CASES; i++)
        {
            final long a = randomOperand(random);
            final long b = randomOperand(random);
            final long c = random.nextInt(8) == 0 ? a : randomOperand(random);
            final long d = random.nextInt(8) == 0 ? b : randomOperand(random);
            final int expected = BigInteger.valueOf(a).multiply(BigInteger.valueOf(b))
                .compareTo(BigInteger.valueOf(c).multiply(BigInteger.valueOf(d)));
            assertEquals(expected, FixedPoint.compareProducts(a, b, c, d), a + "*" + b + " vs " + c + "*" + d);
        }
    }

    @RepeatedTest(5)
    void parseThenFormatRoundTrips()
    {
        final SplittableRandom random = new SplittableRandom(SEED + 2);
        for (int i = 0; i < CASES / 10; i++)
        {
            final int scale = random.nextInt(9);
            final long raw = random.nextLong(-1_000_000_000_000_000L, 1_000_000_000_000_000L);
            final String text = FixedPoint.format(raw, scale);
            assertEquals(raw, FixedPoint.parse(text, scale), text);
            assertEquals(BigDecimal.valueOf(raw, scale).compareTo(new BigDecimal(text)), 0);
        }
    }

    @Test
    void handPickedCases()
    {
        assertEquals(2, FixedPoint.mulDiv(5, 1, 2), "2.5 rounds to even 2");
        assertEquals(4, FixedPoint.mulDiv(7, 1, 2), "3.5 rounds to even 4");
        assertEquals(-2, FixedPoint.mulDiv(-5, 1, 2), "-2.5 rounds to even -2");
        assertEquals(Long.MAX_VALUE, FixedPoint.mulDiv(Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE));
        assertEquals(0, FixedPoint.compareProducts(10, 30, 30, 10), "equal averages are a tie");
        assertEquals(1_950_000_000L, FixedPoint.notional(100_000_000L, 8, 19_500_000L, 6), "1 x 19.5 = 19.5 at money scale");
        assertEquals(1_950_000L, FixedPoint.commission(1_950_000_000L, 100_000L), "0.1% of 19.5 = 0.0195");
        assertEquals(1_640_625L, FixedPoint.parse("1.640625", 6));
        assertEquals("10033.708751", FixedPoint.format(1_003_370_875_100L, 8));
        assertEquals("10000", FixedPoint.format(1_000_000_000_000L, 8));
        assertThrows(NumberFormatException.class, () -> FixedPoint.parse("1.2345", 2));
        assertThrows(NumberFormatException.class, () -> FixedPoint.parse("abc", 2));
        assertThrows(ArithmeticException.class, () -> FixedPoint.mulDiv(1, 1, 0));
    }

    private static long randomOperand(final SplittableRandom random)
    {
        switch (random.nextInt(4))
        {
            case 0:
                return random.nextLong(-1000, 1000);
            case 1:
                return random.nextLong(-1L << 40, 1L << 40);
            case 2:
                return random.nextLong(Long.MIN_VALUE + 1, Long.MAX_VALUE);
            default:
                return random.nextLong(0, 1L << 62);
        }
    }
}
