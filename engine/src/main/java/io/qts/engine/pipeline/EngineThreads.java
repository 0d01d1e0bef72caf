package io.qts.engine.pipeline;

import net.openhft.affinity.Affinity;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;

/**
 * Makes the engine's threads: "qts-engine" for the first (the only one in the chain topology), then
 * "qts-engine-2", "qts-engine-3". With CPU ids configured, thread i is pinned to id i modulo their count
 * before it runs anything.
 */
public final class EngineThreads implements ThreadFactory
{
    static final String NAME = "qts-engine";

    private final int[] cpuIds;
    private final Consumer<Throwable> onFailure;
    private final List<Thread> threads = new ArrayList<>();
    private int created;

    /** @param onFailure told when a thread could not be pinned; that thread then does not run the engine. */
    public EngineThreads(final int[] cpuIds, final Consumer<Throwable> onFailure)
    {
        this.cpuIds = cpuIds.clone();
        this.onFailure = onFailure;
    }

    @Override
    public Thread newThread(final Runnable runnable)
    {
        final int index = created++;
        final String name = index == 0 ? NAME : NAME + "-" + (index + 1);
        final Thread thread = cpuIds.length == 0 ? new Thread(runnable, name) : pinned(runnable, name, cpuIds[index % cpuIds.length]);
        threads.add(thread);
        return thread;
    }

    /**
     * Waits up to {@code timeoutMs} for each thread made here to end (after the ring was halted), so that what they
     * close on their way out (the journal's appender) is closed before the caller goes on.
     */
    public void join(final long timeoutMs) throws InterruptedException
    {
        for (final Thread thread : threads)
        {
            thread.join(timeoutMs);
        }
    }

    private Thread pinned(final Runnable runnable, final String name, final int cpuId)
    {
        return new Thread(() ->
        {
            try
            {
                pin(cpuId);
            }
            catch (final RuntimeException ex)
            {
                onFailure.accept(ex);
                return;
            }
            runnable.run();
        }, name);
    }

    /**
     * Pins the calling thread and checks that it took: without a native implementation the library
     * silently does nothing, and an unpinned engine must not pass for a pinned one.
     */
    private static void pin(final int cpuId)
    {
        final BitSet wanted = new BitSet();
        wanted.set(cpuId);
        Affinity.setAffinity(wanted);
        final BitSet actual = Affinity.getAffinity();
        if (!wanted.equals(actual))
        {
            throw new IllegalStateException("engine.cpuAffinity: could not pin thread '" + Thread.currentThread().getName() +
                "' to CPU " + cpuId + " (affinity now " + actual + ")");
        }
    }

    /** Whether pinning can work here: the library falls back to a no-op without its native part. */
    public static boolean pinningAvailable()
    {
        return !"NullAffinity".equals(Affinity.getAffinityImpl().getClass().getSimpleName());
    }
}
