package io.qts.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What {@code bench backtest} accepts as agreeing runs, and its median. */
class BacktestBenchOutcomeTest
{
    private static final String QTS = "sma-cross {fast=10, slow=30} BTC: 945 trades, 0 rejected, final value 980632.5, digest c2cb\n"
        + "wrote out/report.json, report.html, trades.csv and trades.inputs.json\n";

    @Test
    void qtsAndTheOtherProgramAgreeingOnTradesAndFinalValue()
    {
        assertEquals("945 trades, final value 980632.5",
            BacktestBenchCommand.outcome(List.of(series("qts", QTS, QTS), series("ta4j", "945 trades, final value 980632.5\n"))));
    }

    @Test
    void aDifferentFinalValueIsAnError()
    {
        final IllegalStateException error = assertThrows(IllegalStateException.class,
            () -> BacktestBenchCommand.outcome(List.of(series("qts", QTS), series("ta4j", "945 trades, final value 980632.25\n"))));
        assertEquals("the runs disagree: '945 trades, final value 980632.5' vs ta4j's '945 trades, final value 980632.25'",
            error.getMessage());
    }

    @Test
    void aRunThatPrintsNoOutcomeIsAnError()
    {
        final IllegalStateException error = assertThrows(IllegalStateException.class,
            () -> BacktestBenchCommand.outcome(List.of(series("qts", QTS), series("ta4j", "Exception in thread main\n"))));
        assertTrue(error.getMessage().startsWith("ta4j printed no 'N trades ... final value V'"), error.getMessage());
    }

    @Test
    void theMedianOfAnEvenCountIsTheLowerMiddleRun()
    {
        assertEquals(new ChildRunSeries.Spread(3, 1, 5), ChildRunSeries.Spread.of(new long[] {5, 1, 3}));
        assertEquals(new ChildRunSeries.Spread(2, 1, 4), ChildRunSeries.Spread.of(new long[] {4, 1, 3, 2}));
    }

    private static ChildRunSeries series(final String name, final String... stdouts)
    {
        final ChildRunSeries series = new ChildRunSeries(name);
        for (final String stdout : stdouts)
        {
            series.add(new PeakRssMeter.ChildRun(1_000_000_000L, 160_000, stdout));
        }
        return series;
    }
}
