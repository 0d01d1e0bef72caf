package io.qts.adapters.ops;

import io.prometheus.metrics.core.metrics.SummaryWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Quantile;
import io.prometheus.metrics.model.snapshots.Quantiles;
import io.qts.engine.pipeline.InboundSlot;
import io.qts.engine.pipeline.StageProbe;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.time.Instant;

/**
 * Per-stage latency of a live engine: for each input, the time from its receive stamp (the input's time, epoch ns
 * taken by the venue clients) to the end of each stage, recorded into one HdrHistogram {@link Recorder} per stage.
 * Installed as the engine's {@link StageProbe} from outside the engine, as the bench does: the engine reads no clock.
 * On the engine thread it costs a {@code System.nanoTime()} and a wait-free record per stage, without allocating or
 * locking. Scrapes move what was recorded into per-stage totals (since the session started) and expose them as the
 * summary {@code qts_stage_latency_seconds}.
 */
final class StageLatency implements StageProbe
{
    /** Larger latencies count as this (a minute): a stall is still seen instead of failing the record. */
    static final long HIGHEST_NS = 60_000_000_000L;
    private static final double[] QUANTILES = {0.5, 0.9, 0.99, 0.999};

    private final Recorder[] recorders = new Recorder[STAGE_COUNT];
    private final Histogram[] totals = new Histogram[STAGE_COUNT];
    private final Histogram[] recycled = new Histogram[STAGE_COUNT];
    /** Epoch ns minus nanoTime, fixed at start: the receive stamps are epoch ns, nanoTime is what is cheap to read. */
    private final long epochMinusNanoTime;

    StageLatency()
    {
        for (int i = 0; i < STAGE_COUNT; i++)
        {
            recorders[i] = new Recorder(1, HIGHEST_NS, 3);
            totals[i] = new Histogram(1, HIGHEST_NS, 3);
        }
        final Instant now = Instant.now();
        epochMinusNanoTime = now.getEpochSecond() * 1_000_000_000L + now.getNano() - System.nanoTime();
    }

    @Override
    public void afterStage(final int stage, final InboundSlot slot)
    {
        final long latencyNs = System.nanoTime() + epochMinusNanoTime - slot.timeNs();
        recorders[stage].recordValue(Math.min(Math.max(latencyNs, 1), HIGHEST_NS));
    }

    /** The totals of one stage so far, as a copy; off the engine thread. */
    synchronized Histogram total(final int stage)
    {
        collect(stage);
        return totals[stage].copy();
    }

    private void collect(final int stage)
    {
        recycled[stage] = recorders[stage].getIntervalHistogram(recycled[stage]);
        totals[stage].add(recycled[stage]);
    }

    void register(final PrometheusRegistry registry)
    {
        SummaryWithCallback.builder()
            .name("qts_stage_latency_seconds")
            .help("Per session: time from an input's receive stamp to the end of each engine stage, in seconds "
                + "(HdrHistogram, 3 significant digits; the sum is count x mean)")
            .labelNames("stage")
            .callback((callback) ->
            {
                for (int stage = 0; stage < STAGE_COUNT; stage++)
                {
                    final Histogram total = total(stage);
                    final Quantile[] quantiles = new Quantile[QUANTILES.length];
                    for (int q = 0; q < QUANTILES.length; q++)
                    {
                        quantiles[q] = new Quantile(QUANTILES[q], seconds(total.getValueAtPercentile(QUANTILES[q] * 100)));
                    }
                    callback.call(total.getTotalCount(), seconds(total.getMean()) * total.getTotalCount(), Quantiles.of(quantiles),
                        StageProbe.name(stage));
                }
            })
            .register(registry);
    }

    private static double seconds(final double ns)
    {
        return ns / 1e9;
    }
}
