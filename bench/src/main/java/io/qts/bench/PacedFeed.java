package io.qts.bench;

import io.qts.engine.InputSink;

/**
 * The producer of every latency series: an instrument definition, then trades on a short triangle wave
 * sent at their planned times. Each trade carries its planned send time as its time (the journal's
 * receive time and the trade's own), so a stall anywhere delays every trade behind it in the numbers.
 * When the producer is late it sends at once, back to back, until it has caught up.
 */
final class PacedFeed
{
    /** sma-cross 10/30 crosses twice per period: about one order per 50 trades. */
    static final int WAVE_PERIOD_TRADES = 100;

    /** How the measured part of the feed went: trades sent, from the first planned time to the last actual send. */
    record Window(long events, long fromNs, long toNs)
    {
        double achievedRateHz()
        {
            return toNs <= fromNs ? 0 : events * 1e9 / (toNs - fromNs);
        }
    }

    private final SyntheticTrades trades = new SyntheticTrades();

    /**
     * @param onMeasureStart run once, just before the first measured trade is sent.
     */
    Window run(final InputSink sink, final Schedule schedule, final Runnable onMeasureStart)
    {
        trades.instrument(sink, SyntheticTrades.SYMBOL);
        final long total = schedule.totalEvents();
        for (long i = 0; i < total; i++)
        {
            if (i == schedule.warmUpEvents())
            {
                onMeasureStart.run();
            }
            final long plannedNs = schedule.plannedNs(i);
            while (System.nanoTime() < plannedNs)
            {
                Thread.onSpinWait();
            }
            trades.trade(sink, i, plannedNs, SyntheticTrades.price(i, WAVE_PERIOD_TRADES));
        }
        return new Window(schedule.measuredEvents(), schedule.measureFromNs(), System.nanoTime());
    }
}
