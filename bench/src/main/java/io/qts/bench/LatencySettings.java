package io.qts.bench;

import io.qts.engine.EngineContext;
import io.qts.engine.StageProbe;

import java.nio.file.Path;
import java.util.Map;

/** What one latency run is asked to do; the engine and the ABQ baseline are built from it the same way. */
record LatencySettings(
    long rateHz, int seconds, String waitStrategy, String topology, String cpuAffinity, int ringSize, Path out, Path dir)
{
    /** A warm-up before the measured part, not recorded: a fifth of it, at most 5 s. */
    static final long MAX_WARM_UP_NS = 5_000_000_000L;

    long measuredEvents()
    {
        return rateHz * seconds;
    }

    long warmUpEvents()
    {
        return Math.min(measuredEvents() / 5, rateHz * (MAX_WARM_UP_NS / 1_000_000_000L));
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
