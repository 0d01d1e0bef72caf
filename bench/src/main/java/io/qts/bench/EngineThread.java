package io.qts.bench;

import java.lang.management.ManagementFactory;
import java.util.HashSet;
import java.util.Set;

/**
 * Finds the live pipeline's consumer thread from outside the engine package, by its name, and reads
 * how many bytes it has allocated (HotSpot's per-thread counter).
 */
final class EngineThread
{
    static final String NAME = "qts-engine";

    private static final com.sun.management.ThreadMXBean THREADS =
        (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();

    private EngineThread()
    {
    }

    static boolean allocationMeasurable()
    {
        return THREADS.isThreadAllocatedMemorySupported() && THREADS.isThreadAllocatedMemoryEnabled();
    }

    /** Ids of the engine threads alive now. */
    static Set<Long> alive()
    {
        final Set<Long> ids = new HashSet<>();
        for (final Thread thread : Thread.getAllStackTraces().keySet())
        {
            if (NAME.equals(thread.getName()) && thread.isAlive())
            {
                ids.add(thread.getId());
            }
        }
        return ids;
    }

    /** The one engine thread that is alive now and was not in {@code before}. */
    static long startedSince(final Set<Long> before)
    {
        final Set<Long> started = alive();
        started.removeAll(before);
        if (started.size() != 1)
        {
            throw new IllegalStateException("expected one new '" + NAME + "' thread, found " + started.size());
        }
        return started.iterator().next();
    }

    /** Bytes the thread allocated so far. */
    static long allocatedBytes(final long threadId)
    {
        final long bytes = THREADS.getThreadAllocatedBytes(threadId);
        if (bytes < 0)
        {
            throw new IllegalStateException("thread " + threadId + " is not alive: its allocation cannot be read");
        }
        return bytes;
    }
}
