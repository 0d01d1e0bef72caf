package io.qts.adapters.report;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Each metric on a tiny equity curve, worked by hand. */
class MetricsTest
{
    private static final long UNIT = 100_000_000L;
    /** A quarter of a Julian year (365.25 / 4 days): four steps make exactly one year. */
    private static final long QUARTER_NS = 7_889_400L * 1_000_000_000L;

    /**
     * Equity 100, 110, 99, 108.9, 119.79 at 0, 1/4, 1/2, 3/4 and 1 year; long (position 1) on the middle three.
     * Returns +0.1, -0.1, +0.1, +0.1.
     */
    private static EquityCurve curve()
    {
        final EquityCurve curve = new EquityCurve("X", 100 * UNIT);
        final long[] equity = {100 * UNIT, 110 * UNIT, 99 * UNIT, 10_890_000_000L, 11_979_000_000L};
        final long[] position = {0, 1, 1, 1, 0};
        for (int i = 0; i < equity.length; i++)
        {
            curve.add(i * QUARTER_NS, 0, position[i], equity[i]);
        }
        return curve;
    }

    /** pnl +15, -5, +10. */
    private static final List<Trade> TRADES = List.of(
        new Trade(0, 0, 0, 0, 1, 0, 15 * UNIT),
        new Trade(0, 0, 0, 0, 1, 0, -5 * UNIT),
        new Trade(0, 0, 0, 0, 1, 0, 10 * UNIT));

    private final Metrics metrics = Metrics.of(curve(), TRADES, 100 * UNIT, Map.of("INSUFFICIENT_CASH", 2L));

    @Test
    void totalReturnIsTheLastEquityOverTheStartingCash()
    {
        assertEquals(new BigDecimal("0.1979"), metrics.totalReturn());
    }

    @Test
    void cagrCompoundsOverTheFirstToLastSpan()
    {
        // The span is exactly one year, so CAGR = 119.79 / 100 - 1.
        assertEquals(new BigDecimal("0.1979"), metrics.cagr());
        assertEquals(new BigDecimal("1"), metrics.years());
    }

    @Test
    void maxDrawdownIsTheLargestFallFromAPeakAsAFractionOfThatPeak()
    {
        // Peak 110, then 99: 11 / 110.
        assertEquals(new BigDecimal("0.1"), metrics.maxDrawdown());
    }

    @Test
    void sharpeIsMeanOverSampleDeviationTimesRootOfPeriodsPerYear()
    {
        // Mean 0.05; squared deviations 0.0025 + 0.0225 + 0.0025 + 0.0025 = 0.03, / (4 - 1) = 0.01, sd 0.1.
        // Four returns in one year: periods per year 4, sqrt 2. Sharpe = 0.05 / 0.1 x 2.
        assertEquals(new BigDecimal("4"), metrics.periodsPerYear());
        assertEquals(4, metrics.returns());
        assertEquals(new BigDecimal("1"), metrics.sharpe());
    }

    @Test
    void sortinoUsesTheDownsideDeviationOverAllReturns()
    {
        // Downside: (-0.1)^2 / 4 = 0.0025, deviation 0.05. Sortino = 0.05 / 0.05 x 2.
        assertEquals(new BigDecimal("2"), metrics.sortino());
    }

    @Test
    void winRateAndProfitFactorAreOverClosedRoundTrips()
    {
        assertEquals(3, metrics.trades());
        assertEquals(new BigDecimal("0.66666667"), metrics.winRate());
        // Gross profit 25 over gross loss 5.
        assertEquals(new BigDecimal("5"), metrics.profitFactor());
    }

    @Test
    void exposureIsTheFractionOfPointsHoldingAPosition()
    {
        assertEquals(new BigDecimal("0.6"), metrics.exposure());
    }

    @Test
    void everyRejectReasonIsListedWithItsCount()
    {
        assertEquals(2L, metrics.rejectedByReason().get("INSUFFICIENT_CASH"));
        assertEquals(0L, metrics.rejectedByReason().get("HALTED"));
        assertEquals(0L, metrics.rejectedByReason().get("VENUE_REJECTED"));
        assertNull(metrics.rejectedByReason().get("NONE"), "NONE is not a reason");
    }

    @Test
    void aFlatCurveHasNoSharpeSortinoOrProfitFactor()
    {
        final EquityCurve flat = new EquityCurve("X", 100 * UNIT);
        for (int i = 0; i < 3; i++)
        {
            flat.add(i * QUARTER_NS, 0, 0, 100 * UNIT);
        }
        final Metrics none = Metrics.of(flat, List.of(), 100 * UNIT, Map.of());
        assertNull(none.sharpe());
        assertNull(none.sortino());
        assertNull(none.profitFactor());
        assertNull(none.winRate());
        assertEquals(Map.of("sharpe", "the returns do not vary", "sortino", "no return is negative",
            "profitFactor", "no closed trades", "winRate", "no closed trades"), none.undefined());
        assertEquals(BigDecimal.ZERO, none.cagr().stripTrailingZeros());
        assertEquals(BigDecimal.ZERO, none.maxDrawdown());
        assertEquals(BigDecimal.ZERO, none.exposure());
    }

    @Test
    void walkForwardWindowsCompoundWhenStitched()
    {
        // Window 1: 100 -> 110 (+10%); window 2 starts again at 100 -> 90 (-10%). Stitched: 100, 110, 110, 99.
        final EquityCurve first = new EquityCurve("X", 100 * UNIT);
        first.add(0, 0, 0, 100 * UNIT);
        first.add(QUARTER_NS, 0, 0, 110 * UNIT);
        final EquityCurve second = new EquityCurve("X", 100 * UNIT);
        second.add(2 * QUARTER_NS, 0, 0, 100 * UNIT);
        second.add(3 * QUARTER_NS, 0, 0, 90 * UNIT);
        final EquityCurve all = EquityCurve.stitched(List.of(first, second), "X", 100 * UNIT);
        assertEquals(4, all.size());
        assertEquals(110 * UNIT, all.equity(2));
        assertEquals(99 * UNIT, all.equity(3));
        assertEquals(new BigDecimal("-0.01"), Metrics.of(all, List.of(), 100 * UNIT, Map.of()).totalReturn());
    }

    @Test
    void theIssuesShortProfitableRunHasAReturnAndNoAnnualisedFigures()
    {
        // The backtest of the issue's five trades one second apart: cash 100, long 1 at 12 from the fourth, marked at 13.
        final EquityCurve curve = new EquityCurve("X", 100 * UNIT);
        final long[] equity = {100 * UNIT, 100 * UNIT, 100 * UNIT, 100 * UNIT, 101 * UNIT};
        for (int i = 0; i < equity.length; i++)
        {
            curve.add(i * 1_000_000_000L, 0, i >= 3 ? 1 : 0, equity[i]);
        }
        final Metrics short4s = Metrics.of(curve, List.of(), 100 * UNIT, Map.of());
        assertEquals(new BigDecimal("0.01"), short4s.totalReturn());
        assertNull(short4s.cagr());
        assertEquals("the span (4.62963e-05 days) is shorter than 30 days: annualising it would be meaningless",
            short4s.undefined().get("cagr"));
        assertNull(short4s.sharpe());
        assertEquals("the span (4.62963e-05 days) is shorter than 1 day: annualising it would be meaningless",
            short4s.undefined().get("sharpe"));
        assertNull(short4s.sortino());
    }

    @Test
    void aCurveWithOnePointHasNoRatiosThatNeedASpan()
    {
        final EquityCurve one = new EquityCurve("X", 100 * UNIT);
        one.add(0, 0, 0, 100 * UNIT);
        final Metrics m = Metrics.of(one, List.of(), 100 * UNIT, Map.of());
        assertEquals(BigDecimal.ZERO, m.totalReturn().stripTrailingZeros());
        assertNull(m.cagr());
        assertNull(m.sharpe());
        assertEquals("fewer than two equity points", m.undefined().get("cagr"));
        assertEquals("fewer than two equity points", m.undefined().get("sharpe"));
    }
}
