package io.qts.bench;

/**
 * When each trade of one paced phase is due: trade i at {@code startNs + i / rateHz}. Latency is
 * measured from these planned times, never from the actual sends (coordinated omission).
 */
record Schedule(long startNs, long rateHz, long events)
{
    /** Lead time between building a schedule and its first trade, for the engine to start. */
    static final long LEAD_NS = 200_000_000L;

    static Schedule startingSoon(final long rateHz, final long events)
    {
        return new Schedule(System.nanoTime() + LEAD_NS, rateHz, events);
    }

    long plannedNs(final long i)
    {
        return startNs + i * 1_000_000_000L / rateHz;
    }
}
