package io.qts.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.concurrent.locks.LockSupport;

/**
 * Waits until the JIT compilers have been idle for a while. On two cores a C2 compilation that starts
 * after the warm-up takes a core from the producer or the engine for milliseconds, and shows up as a
 * tail that has nothing to do with the code under test.
 */
final class JitQuiet
{
    static final long QUIET_NS = 1_000_000_000L;
    static final long MAX_WAIT_NS = 30_000_000_000L;
    private static final long POLL_NS = 50_000_000L;

    private JitQuiet()
    {
    }

    /** @return whether the compilers went quiet before {@link #MAX_WAIT_NS} (always true where the JVM cannot tell). */
    static boolean await()
    {
        final CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        if (jit == null || !jit.isCompilationTimeMonitoringSupported())
        {
            return true;
        }
        final long startNs = System.nanoTime();
        long lastMs = jit.getTotalCompilationTime();
        long quietSinceNs = startNs;
        while (System.nanoTime() - startNs < MAX_WAIT_NS)
        {
            LockSupport.parkNanos(POLL_NS);
            final long nowMs = jit.getTotalCompilationTime();
            final long nowNs = System.nanoTime();
            if (nowMs != lastMs)
            {
                lastMs = nowMs;
                quietSinceNs = nowNs;
            }
            else if (nowNs - quietSinceNs >= QUIET_NS)
            {
                return true;
            }
        }
        return false;
    }
}
