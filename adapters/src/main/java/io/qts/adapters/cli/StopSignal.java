package io.qts.adapters.cli;

import io.qts.adapters.run.StopRequest;
import sun.misc.Signal;
import sun.misc.SignalHandler;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * SIGTERM and SIGINT (Ctrl-C) for a run, handled instead of the JVM's default (which would start its shutdown at
 * once): the first asks the run to stop in order, a second to stop at once. Either way the run itself ends, writes
 * last-run.json and returns its exit code (0). {@link #close()} puts the previous handlers back.
 */
final class StopSignal implements StopRequest, AutoCloseable
{
    private static final String[] SIGNALS = {"TERM", "INT"};

    private final AtomicInteger received = new AtomicInteger();
    private final SignalHandler[] previous = new SignalHandler[SIGNALS.length];

    StopSignal()
    {
        for (int i = 0; i < SIGNALS.length; i++)
        {
            previous[i] = Signal.handle(new Signal(SIGNALS[i]), (signal) -> received.incrementAndGet());
        }
    }

    @Override
    public boolean requested()
    {
        return received.get() >= 1;
    }

    @Override
    public boolean immediate()
    {
        return received.get() >= 2;
    }

    @Override
    public void close()
    {
        for (int i = 0; i < SIGNALS.length; i++)
        {
            Signal.handle(new Signal(SIGNALS[i]), previous[i]);
        }
    }
}
