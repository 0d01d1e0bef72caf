package io.qts.bench;

import io.qts.engine.EngineResult;

/**
 * One timed run: how many inputs in how long, and, where an engine ran, what it ended with and how
 * many order commands the gateway side took.
 */
record Measurement(long events, long elapsedNs, EngineResult result, long ordersTaken)
{
    double eventsPerSec()
    {
        return events * 1e9 / Math.max(1, elapsedNs);
    }
}
