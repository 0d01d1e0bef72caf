package io.qts.engine.pipeline;

import io.qts.journal.sbe.EngineState;
import io.qts.journal.sbe.StateChangeReason;

/** Records a halt, resume, kill or circuit-breaker move in the output stream, and counts it. */
public final class StateChanges
{
    private final OutputRecorder output;
    private final Counters counters;

    /** Records into output, and counts into counters. */
    public StateChanges(final OutputRecorder output, final Counters counters)
    {
        this.output = output;
        this.counters = counters;
    }

    /** Records an EngineStateChanged at event time timeNs (ns since the epoch), and counts it (halts, breaker trips). */
    public void record(final long timeNs, final EngineState state, final StateChangeReason reason)
    {
        output.stateChanged(timeNs, state, reason);
        counters.stateChanges++;
        counters.lastStateChangeReason = reason.value();
        if (state == EngineState.HALTED)
        {
            counters.haltReason = reason.value();
        }
        else if (state == EngineState.ACTIVE)
        {
            counters.haltReason = 0;
        }
        else if (state == EngineState.BREAKER_OPEN)
        {
            counters.breakerTrips++;
        }
    }
}
