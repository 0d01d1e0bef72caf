package io.qts.bench;

/**
 * The planned time of the first measured trade. The producer sets it after the warm-up and the JIT
 * wait, while the consumer is already running, so the consumer reads it as a volatile.
 */
final class MeasuredFrom
{
    private volatile long fromNs = Long.MAX_VALUE;

    void set(final long plannedNs)
    {
        fromNs = plannedNs;
    }

    boolean includes(final long plannedNs)
    {
        return plannedNs >= fromNs;
    }
}
