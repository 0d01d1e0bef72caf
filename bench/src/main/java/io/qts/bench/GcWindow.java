package io.qts.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;

/** Collections and their total time between {@link #start()} and {@link #stop()}, over all collectors. */
final class GcWindow
{
    private long countAtStart;
    private long timeMsAtStart;
    private long count;
    private long pauseMs;

    void start()
    {
        countAtStart = totalCount();
        timeMsAtStart = totalTimeMs();
    }

    void stop()
    {
        count = totalCount() - countAtStart;
        pauseMs = totalTimeMs() - timeMsAtStart;
    }

    long count()
    {
        return count;
    }

    /** Collection time as the collectors report it (for G1's young collections: their pauses). */
    long pauseMs()
    {
        return pauseMs;
    }

    private static long totalCount()
    {
        long total = 0;
        for (final GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans())
        {
            total += Math.max(0, bean.getCollectionCount());
        }
        return total;
    }

    private static long totalTimeMs()
    {
        long total = 0;
        for (final GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans())
        {
            total += Math.max(0, bean.getCollectionTime());
        }
        return total;
    }
}
