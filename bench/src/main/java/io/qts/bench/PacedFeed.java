package io.qts.bench;

import io.qts.engine.InputSink;

import java.util.function.LongConsumer;

/**
 * The producer of every latency series: an instrument definition, then trades on a short triangle wave
 * sent at their planned times, in two phases: a warm-up, then (once the JIT is quiet) the measured part.
 * Without a warm-up the measured part starts at once, cold.
 * Each trade carries its planned send time as its time (the journal's receive time and the trade's own),
 * so a stall anywhere delays every trade behind it in the numbers. When the producer is late it sends
 * at once, back to back, until it has caught up.
 */
final class PacedFeed
{
    /** sma-cross 10/30 crosses twice per period: about one order per 50 trades. */
    static final int WAVE_PERIOD_TRADES = 100;

    /** How the measured part of the feed went: trades sent, from the first planned time to the last actual send. */
    record Window(long events, long fromNs, long toNs, boolean jitQuiet)
    {
        double achievedRateHz()
        {
            return toNs <= fromNs ? 0 : events * 1e9 / (toNs - fromNs);
        }
    }

    private final SyntheticTrades trades = new SyntheticTrades();

    /**
     * @param onMeasureStart given the planned time of the first measured trade, just before it is due.
     */
    Window run(final InputSink sink, final LatencySettings settings, final LongConsumer onMeasureStart)
    {
        trades.instrument(sink, SyntheticTrades.SYMBOL);
        final long warmUpEvents = settings.warmUpEvents();
        send(sink, Schedule.startingSoon(settings.rateHz(), warmUpEvents), 0);
        final boolean jitQuiet = warmUpEvents == 0 || JitQuiet.await();
        final Schedule measured = Schedule.startingSoon(settings.rateHz(), settings.measuredEvents());
        onMeasureStart.accept(measured.startNs());
        send(sink, measured, warmUpEvents);
        return new Window(measured.events(), measured.startNs(), System.nanoTime(), jitQuiet);
    }

    /** @param firstTrade the number of trades sent before, so the price wave runs on across phases. */
    private void send(final InputSink sink, final Schedule schedule, final long firstTrade)
    {
        for (long i = 0; i < schedule.events(); i++)
        {
            final long plannedNs = schedule.plannedNs(i);
            while (System.nanoTime() < plannedNs)
            {
                Thread.onSpinWait();
            }
            final long trade = firstTrade + i;
            trades.trade(sink, trade, plannedNs, SyntheticTrades.price(trade, WAVE_PERIOD_TRADES));
        }
    }
}
