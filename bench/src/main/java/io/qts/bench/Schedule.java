package io.qts.bench;

/**
 * When each trade of a paced feed is due: trade i at {@code startNs + i / rateHz}, warm-up trades first.
 * Latency is measured from these planned times, never from the actual sends (coordinated omission).
 */
record Schedule(long startNs, long rateHz, long warmUpEvents, long measuredEvents)
{
    /** Lead time between building the schedule and its first trade, for the engine to start. */
    static final long LEAD_NS = 200_000_000L;

    static Schedule of(final LatencySettings settings)
    {
        return new Schedule(System.nanoTime() + LEAD_NS, settings.rateHz(), settings.warmUpEvents(), settings.measuredEvents());
    }

    long plannedNs(final long i)
    {
        return startNs + i * 1_000_000_000L / rateHz;
    }

    long measureFromNs()
    {
        return plannedNs(warmUpEvents);
    }

    long totalEvents()
    {
        return warmUpEvents + measuredEvents;
    }
}
