package io.qts.adapters.ops;

import io.qts.adapters.run.LiveView;
import io.qts.engine.EngineFigures;
import io.qts.journal.sbe.StateChangeReason;

import java.util.function.LongSupplier;

/**
 * Turns what a running session shows into alerts, polled off the engine thread every {@value #PERIOD_MS} ms: halt
 * (operator, daily loss limit, max drawdown: the text names which, from the engine's recorded reason), kill, the venue circuit breaker opening, the engine stopping on an
 * error (a journal that cannot be written), a readiness condition set false from outside (e.g. recovery found a
 * mismatch), and the market-data or private stream down longer than {@code alerts.streamDownSeconds}. Each alert is
 * raised when its condition starts, not while it lasts.
 */
final class AlertWatch implements AutoCloseable
{
    static final long PERIOD_MS = 500;

    private final LiveView view;
    private final Readiness readiness;
    private final Alerts alerts;
    private final long streamDownMs;
    private final LongSupplier clockMs;
    private final Thread thread;
    private volatile boolean running = true;
    private boolean halted;
    private boolean killed;
    private boolean breakerOpen;
    private boolean failed;
    private final StreamDown marketData = new StreamDown("market-data");
    private final StreamDown privateStream = new StreamDown("private order");
    private final java.util.Set<String> failing = new java.util.TreeSet<>();

    AlertWatch(final LiveView view, final Readiness readiness, final Alerts alerts, final long streamDownMs, final LongSupplier clockMs)
    {
        this.view = view;
        this.readiness = readiness;
        this.alerts = alerts;
        this.streamDownMs = streamDownMs;
        this.clockMs = clockMs;
        thread = new Thread(this::loop, "qts-alert-watch");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop()
    {
        while (running)
        {
            check();
            try
            {
                Thread.sleep(PERIOD_MS);
            }
            catch (final InterruptedException ex)
            {
                return;
            }
        }
    }

    void check()
    {
        final EngineFigures figures = view.figures();
        final boolean nowKilled = figures.killed();
        final boolean nowHalted = figures.halted();
        if (nowKilled && !killed)
        {
            alerts.raise("kill", "KILLED: trading halted and open positions being sold (resume to trade again)");
        }
        else if (nowHalted && !halted && !nowKilled)
        {
            final StateChangeReason reason = figures.haltReason();
            alerts.raise("halt-" + (reason == null ? "unknown" : reason.name()),
                "HALTED by " + HaltReasons.describe(reason) + ": no new entries; exits still allowed");
        }
        killed = nowKilled;
        halted = nowHalted;
        final boolean nowOpen = figures.breakerState() == EngineFigures.BREAKER_OPEN;
        if (nowOpen && !breakerOpen)
        {
            // The last change is the opening unless something else moved since; then the cause is not named.
            final StateChangeReason last = figures.lastStateChangeReason();
            final boolean opening = last == StateChangeReason.VENUE_FAILURES || last == StateChangeReason.PROBE_FAILED;
            alerts.raise("breaker", "venue circuit breaker OPEN" + (opening ? " after " + HaltReasons.describe(last) : "")
                + ": no orders until it closes");
        }
        breakerOpen = nowOpen;
        final boolean nowFailed = view.engineFailed();
        if (nowFailed && !failed)
        {
            alerts.raise("engine-failed", "engine STOPPED on an error (a journal that cannot be written stops it): no trading");
        }
        failed = nowFailed;
        final long nowMs = clockMs.getAsLong();
        marketData.update(view.marketDataConnected(), nowMs);
        if (view.hasPrivateStream())
        {
            privateStream.update(view.privateStreamConnected(), nowMs);
        }
        for (final Readiness.Condition condition : readiness.conditions())
        {
            // Conditions this watch already reports in its own words, or that mean nothing more than that.
            if (condition.name().equals(OpsService.NOT_HALTED) || condition.name().equals(OpsService.ENGINE)
                || condition.name().equals(OpsService.MARKET_DATA) || condition.name().equals(OpsService.PRIVATE_STREAM))
            {
                continue;
            }
            if (!condition.ok() && failing.add(condition.name()))
            {
                alerts.raise("condition-" + condition.name(), condition.name() + ": " + condition.reason());
            }
            else if (condition.ok())
            {
                failing.remove(condition.name());
            }
        }
    }

    /** A stream that has been down since when, and whether that was told. */
    private final class StreamDown
    {
        private final String name;
        private long downSinceMs = -1;
        private boolean told;

        StreamDown(final String name)
        {
            this.name = name;
        }

        void update(final boolean connected, final long nowMs)
        {
            if (connected)
            {
                downSinceMs = -1;
                told = false;
                return;
            }
            if (downSinceMs < 0)
            {
                downSinceMs = nowMs;
            }
            if (!told && nowMs - downSinceMs >= streamDownMs)
            {
                told = true;
                alerts.raise("down-" + name, name + " stream DOWN for " + (nowMs - downSinceMs) / 1000 + " s");
            }
        }
    }

    @Override
    public void close() throws InterruptedException
    {
        running = false;
        thread.interrupt();
        thread.join(5_000);
    }
}
