package io.qts.engine.strategy.builtin;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SmaCrossTest
{
    private static int[] signals(final SignalRule strategy, final long... prices)
    {
        final int[] out = new int[prices.length];
        for (int i = 0; i < prices.length; i++)
        {
            out[i] = strategy.tradeSignal(i, prices[i]);
        }
        return out;
    }

    @Test
    void firstAverageExistsOnTheSlowthPriceAndCannotCrossThere()
    {
        // fast=2, slow=3. Bar 3 (index 2) is the first with both averages: no previous sign, so no cross.
        assertArrayEquals(new int[] {0, 0, 0, 0},
            signals(new SmaCross(null, 2, 3), 10, 20, 30, 40));
    }

    @Test
    void upCrossAndDownCross()
    {
        // index: 0   1   2   3   4   5   6
        // price: 30  20  10  10  40  10  0
        // fast2:          15  10  25  25  5
        // slow3:          20  13.3 20 20  16.7
        // sign:           -   -   +   +   -
        assertArrayEquals(new int[] {0, 0, 0, 0, SignalRule.BUY, 0, SignalRule.SELL},
            signals(new SmaCross(null, 2, 3), 30, 20, 10, 10, 40, 10, 0));
    }

    @Test
    void aTieIsNeitherAndTheLastUnequalSignDecides()
    {
        // fast2 vs slow3 at index 2..5: 15<20 (-), 20=20 tie, 25>20.7 (+) => up-cross after the tie,
        // because the last bar where they were not equal had fast < slow.
        // index: 0   1   2   3   4   5
        // price: 30  20  10  30  20  ...
        // fast2:         15  20  25
        // slow3:         20  20  20
        assertArrayEquals(new int[] {0, 0, 0, 0, SignalRule.BUY},
            signals(new SmaCross(null, 2, 3), 30, 20, 10, 30, 20));
    }

    @Test
    void touchingAndGoingBackIsNoCross()
    {
        // fast2 vs slow3: 25>20 (+), 20=20 (tie), then 35>33.3 (+) again: no signal at all.
        assertArrayEquals(new int[] {0, 0, 0, 0, 0},
            signals(new SmaCross(null, 2, 3), 10, 20, 30, 10, 60));
    }

    @Test
    void averagesAreComparedExactlyNotInFloatingPoint()
    {
        // Prices above 2^53 differ by one unit: in doubles big + 0.5 and big are the same number;
        // compared as exact cross-multiplied sums (2 * fastSum vs 1 * slowSum) fast < slow.
        final long big = 3_000_000_000_000_000L;
        final SignalRule sma = new SmaCross(null, 1, 2);
        sma.tradeSignal(0, big);
        sma.tradeSignal(1, big + 1);
        assertArrayEquals(new int[] {SignalRule.SELL}, new int[] {sma.tradeSignal(2, big)});
    }

    @Test
    void rejectsBadWindows()
    {
        assertThrows(IllegalArgumentException.class, () -> new SmaCross(null, 3, 3));
        assertThrows(IllegalArgumentException.class, () -> new SmaCross(null, 0, 3));
    }
}
