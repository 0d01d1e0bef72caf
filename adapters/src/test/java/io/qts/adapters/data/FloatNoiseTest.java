package io.qts.adapters.data;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FloatNoiseTest
{
    @Test
    void noiseFromDoublesIsReadAsTheShortDecimalItCameFrom()
    {
        assertEquals("0.000311", FloatNoise.strip("0.00031099999999999997", 8));
        assertEquals("218102.595075", FloatNoise.strip("218102.59507500002", 8));
    }

    @Test
    void numbersThatFitAreLeftAlone()
    {
        assertEquals("1.640625", FloatNoise.strip("1.640625", 8));
        assertEquals("46319.0", FloatNoise.strip("46319.0", 8));
        assertEquals("abc", FloatNoise.strip("abc", 8));
    }

    @Test
    void exponentsAndLongRunsOfZerosAreStillReadAsNumbers()
    {
        assertEquals("0.000311", FloatNoise.strip("3.1099999999999997E-4", 8));
        assertEquals("4.6319E+4", FloatNoise.strip("4.6319E+4", 8));
        assertEquals("1.0000000000", FloatNoise.strip("1.0000000000", 8));
        assertEquals("12345678.12345678", FloatNoise.strip("12345678.12345678", 8));
    }

    @Test
    void realPrecisionBeyondTheScaleIsNotRoundedAway()
    {
        // 1.000000001 is a different double from every decimal of at most 8 places: left for the parser to refuse.
        assertEquals("1.000000001", FloatNoise.strip("1.000000001", 8));
    }

    @Test
    void everyDecimalOfAtMostEightPlacesSurvivesAFloatRoundTrip()
    {
        final SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 100_000; i++)
        {
            final BigDecimal value = BigDecimal.valueOf(random.nextLong(0, 10_000_000_000_000L), random.nextInt(9));
            final String printed = new BigDecimal(value.doubleValue()).toPlainString();
            assertEquals(0, value.compareTo(new BigDecimal(FloatNoise.strip(printed, 8))), printed);
        }
    }
}
