package io.qts.adapters.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Ctrl-C (or SIGTERM) for a run that lasts until stopped: the shutdown hook only asks the run to stop, then
 * holds the JVM until the run says it is done, so the engine stops in order and last-run.json is written.
 */
final class StopSignal implements AutoCloseable
{
    private final AtomicBoolean requested = new AtomicBoolean();
    private final CountDownLatch done = new CountDownLatch(1);
    private final Thread hook = new Thread(this::onSignal, "qts-stop");

    StopSignal()
    {
        Runtime.getRuntime().addShutdownHook(hook);
    }

    boolean requested()
    {
        return requested.get();
    }

    /** The run is over and its summary written: the JVM may exit. */
    @Override
    public void close()
    {
        done.countDown();
        if (!requested.get())
        {
            Runtime.getRuntime().removeShutdownHook(hook);
        }
    }

    private void onSignal()
    {
        requested.set(true);
        try
        {
            done.await();
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }
}
