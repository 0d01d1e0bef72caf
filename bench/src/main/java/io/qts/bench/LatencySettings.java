package io.qts.bench;

import io.qts.engine.EngineContext;
import io.qts.engine.pipeline.StageProbe;

import java.nio.file.Path;
import java.util.Map;

/** What one latency run is asked to do; the engine and the ABQ baseline are built from it the same way. */
record LatencySettings(
    long rateHz, int seconds, long warmUpEvents, String waitStrategy, String topology, String cpuAffinity, int ringSize, Path out, Path dir)
{
    long measuredEvents()
    {
        return rateHz * seconds;
    }

    /** A fresh context with the probe installed; sma-cross 10/30 trades on the feed's short price wave. */
    EngineContext engineContext(final StageProbe probe)
    {
        return new EngineContext()
            .symbol(SyntheticTrades.SYMBOL)
            .strategy("sma-cross", Map.of("fast", "10", "slow", "30"))
            .orderQty(ThroughputSettings.QTY_ONE)
            .initialCash(1_000_000_000L * ThroughputSettings.QTY_ONE)
            .commissionRate(0)
            .ringSize(ringSize)
            .waitStrategy(waitStrategy)
            .topology(topology)
            .cpuAffinity(cpuAffinity)
            .stageProbe(probe)
            .conclude();
    }
}
