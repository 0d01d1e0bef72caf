package io.qts.bench;

import io.qts.engine.pipeline.InboundSlot;
import io.qts.engine.pipeline.StageProbe;
import io.qts.journal.Sources;
import org.HdrHistogram.Histogram;

/**
 * Latency from each trade's planned send time (carried as the input's time) to the end of each stage,
 * and to the moment execution handed the trade's order to the outbound path (tick-to-order). Only
 * trades planned after the warm-up count; venue answers are not paced and are left out. Each
 * histogram has one writer: the thread that runs its stage.
 */
final class LatencyProbe implements StageProbe
{
    /** Larger latencies are recorded as this (a minute), so a stall still counts instead of failing the run. */
    static final long HIGHEST_NS = 60_000_000_000L;
    static final int SIGNIFICANT_DIGITS = 3;

    final Histogram[] stages = new Histogram[STAGE_COUNT];
    final Histogram tickToOrder = newHistogram();
    final MeasuredFrom measuredFrom = new MeasuredFrom();

    LatencyProbe()
    {
        for (int i = 0; i < STAGE_COUNT; i++)
        {
            stages[i] = newHistogram();
        }
    }

    static Histogram newHistogram()
    {
        return new Histogram(1, HIGHEST_NS, SIGNIFICANT_DIGITS);
    }

    static void record(final Histogram histogram, final long latencyNs)
    {
        histogram.recordValue(Math.min(Math.max(latencyNs, 0), HIGHEST_NS));
    }

    @Override
    public void afterStage(final int stage, final InboundSlot slot)
    {
        if (slot.sourceId() != Sources.MARKET_DATA || !measuredFrom.includes(slot.timeNs()))
        {
            return;
        }
        final long latencyNs = System.nanoTime() - slot.timeNs();
        record(stages[stage], latencyNs);
        if (stage == EXECUTION && slot.orderSent())
        {
            record(tickToOrder, latencyNs);
        }
    }
}
