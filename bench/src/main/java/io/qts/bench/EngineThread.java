package io.qts.bench;

import java.lang.management.ManagementFactory;
import java.util.HashSet;
import java.util.Set;

/**
 * Finds the live pipeline's consumer threads from outside the engine package, by their names ("qts-engine", and
 * "qts-engine-2", "qts-engine-3" in the parallel topology), and reads how many bytes they have allocated
 * (HotSpot's per-thread counter).
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
            if (isEngineThread(thread.getName()) && thread.isAlive())
            {
                ids.add(thread.getId());
            }
        }
        return ids;
    }

    private static boolean isEngineThread(final String name)
    {
        return NAME.equals(name) || name.startsWith(NAME + "-");
    }

    /**
     * The engine threads of one pipeline: those alive now and not in {@code before}.
     *
     * @throws IllegalStateException if there is none.
     */
    static long[] startedSince(final Set<Long> before)
    {
        final Set<Long> started = alive();
        started.removeAll(before);
        if (started.isEmpty())
        {
            throw new IllegalStateException("expected a new '" + NAME + "' thread, found none");
        }
        return started.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    /** Bytes the threads allocated so far, summed. */
    static long allocatedBytes(final long[] threadIds)
    {
        long total = 0;
        for (final long threadId : threadIds)
        {
            final long bytes = THREADS.getThreadAllocatedBytes(threadId);
            if (bytes < 0)
            {
                throw new IllegalStateException("thread " + threadId + " is not alive: its allocation cannot be read");
            }
            total += bytes;
        }
        return total;
    }
}
