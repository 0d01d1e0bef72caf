package io.qts.engine;

import io.qts.engine.risk.LossLimits;
import io.qts.engine.risk.RiskLimits;
import io.qts.journal.sbe.StateChangeReason;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Money is a 64-bit count of 10^-8 units, so its sums have a ceiling near 92 billion quote units: a run may not
 * start with a cash whose sums could reach it, and a sum that would pass it stops the run with an error instead of
 * wrapping to a negative value (which once reported a negative final value with a positive return).
 */
class MoneySumsTest
{
    private static final long MONEY = 100_000_000L;
    private static final long ONE_PERCENT = 1_000_000L;

    private static EngineContext context(final long cash)
    {
        return new EngineContext().symbol("TEST").strategy("momentum", Map.of("lookback", "1", "entry", "0"))
            .orderQty(MONEY).initialCash(cash);
    }

    @Test
    void aCashAboveTheCeilingIsRefusedAtStartWithOneLine()
    {
        final IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
            () -> context(92_000_000_000L * MONEY).conclude());
        assertEquals("cash must be at most 23058430092.13693952 (money is a 64-bit count of 10^-8 units; sums from a larger " +
            "cash could overflow), got 92000000000", refused.getMessage());
        assertEquals(FixedPoint.MAX_CASH, context(FixedPoint.MAX_CASH).conclude().initialCash(), "the ceiling itself is accepted");
    }

    @Test
    void sumsAreExactOrRefusedNeverWrapped()
    {
        assertEquals(Long.MAX_VALUE, FixedPoint.addMoney(Long.MAX_VALUE - 5, 5));
        assertEquals(Long.MIN_VALUE, FixedPoint.subtractMoney(Long.MIN_VALUE + 5, 5));
        assertThrows(ArithmeticException.class, () -> FixedPoint.addMoney(Long.MAX_VALUE - 5, 6));
        assertThrows(ArithmeticException.class, () -> FixedPoint.subtractMoney(Long.MIN_VALUE + 5, 6));
        assertThrows(ArithmeticException.class, () -> FixedPoint.subtractMoney(0, Long.MIN_VALUE));
    }

    @Test
    void cashAtTheCeilingPlusASaleThatPassesALongStopsTheRunInsteadOfWrapping()
    {
        // Buys 1 unit at 11 after the first rise; the price then jumps to 90,000,000,000, where one unit is worth
        // 9 x 10^18 money units: cash (2^61) plus that no longer fits a long.
        final Backtest backtest = new Backtest(context(FixedPoint.MAX_CASH).conclude(), OutputListener.NONE);
        final TestEvents events = new TestEvents(backtest.input());
        events.instrument("TEST", 0, 0);
        events.bar(0, 10, 10);
        events.bar(1, 10, 11);
        events.bar(2, 11, 12);
        final ArithmeticException overflow = assertThrows(ArithmeticException.class,
            () -> events.bar(3, 90_000_000_000L, 90_000_000_000L));
        assertTrue(overflow.getMessage().startsWith("overflow"), overflow.getMessage());
    }

    @Test
    void aFallTooLargeForALongStillBreachesTheLossLimits()
    {
        final RiskLimits limits = new RiskLimits(context(FixedPoint.MAX_CASH).dailyLossLimit(MONEY).maxDrawdown(ONE_PERCENT).conclude());
        final LossLimits loss = new LossLimits();
        assertNull(loss.breach(0, Long.MAX_VALUE - 1, limits));
        // Long.MAX_VALUE - 1 - (-10) does not fit a long: wrapped, it would look like a gain.
        assertEquals(StateChangeReason.DAILY_LOSS, loss.breach(1, -10, limits));
        limits.dailyLossLimit = EngineContext.UNLIMITED;
        assertEquals(StateChangeReason.DRAWDOWN, loss.breach(2, -10, limits));
    }
}
