package io.qts.bench;

import io.qts.engine.EngineContext;
import io.qts.journal.JournalSync;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What one throughput run is asked to do; every engine of the run is built from it the same way.
 *
 * @param topologies the pipeline topologies measured, each in every round: the first is the one compared with the
 *                   other runs (ABQ, replay) and whose allocation is read; the others get a row of their own.
 */
record ThroughputSettings(
    int events, String waitStrategy, List<String> topologies, int ringSize, Path dir, int iterations, JournalSync journalSync)
{
    static final long QTY_ONE = 100_000_000L;

    /** A fresh context in the first topology. */
    EngineContext engineContext()
    {
        return engineContext(topologies.get(0));
    }

    /** A fresh context: each engine needs its own, as the context holds the built strategy and its state. */
    EngineContext engineContext(final String topology)
    {
        return new EngineContext()
            .symbol(SyntheticTrades.SYMBOL)
            .strategy("sma-cross", Map.of("fast", "10", "slow", "30"))
            .orderQty(QTY_ONE)
            .initialCash(1_000_000_000L * QTY_ONE)
            .commissionRate(0)
            .ringSize(ringSize)
            .waitStrategy(waitStrategy)
            .topology(topology)
            .conclude();
    }
}
