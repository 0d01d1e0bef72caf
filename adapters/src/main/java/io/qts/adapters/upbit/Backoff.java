package io.qts.adapters.upbit;

import java.util.random.RandomGenerator;

/**
 * Exponential back-off with "equal jitter": attempt n waits d/2 + random(d/2) with d = min(max, initial x 2^n), so
 * clients that lost the venue together do not come back together. The random source is injected (seeded in tests).
 */
public final class Backoff
{
    private final long initialMs;
    private final long maxMs;
    private final RandomGenerator random;
    private int attempt;

    /**
     * Delays from {@code initialMs}, doubling up to {@code maxMs}, jittered by {@code random}.
     *
     * @throws IllegalArgumentException unless 0 &lt; initialMs &lt;= maxMs.
     */
    public Backoff(final long initialMs, final long maxMs, final RandomGenerator random)
    {
        if (initialMs <= 0 || maxMs < initialMs)
        {
            throw new IllegalArgumentException("backoff needs 0 < initialMs <= maxMs, got " + initialMs + ", " + maxMs);
        }
        this.initialMs = initialMs;
        this.maxMs = maxMs;
        this.random = random;
    }

    /** The wait before the next attempt; each call doubles the base up to the cap. */
    public long nextDelayMs()
    {
        final long base = Math.min(maxMs, initialMs << Math.min(attempt, 30));
        attempt++;
        final long half = base / 2;
        return half + (half > 0 ? random.nextLong(half + 1) : 0);
    }

    /** After a success: the next failure starts from the initial delay again. */
    public void reset()
    {
        attempt = 0;
    }

    /** Delays handed out since the start or the last {@link #reset()}: the number of the next attempt, from 0. */
    public int attempt()
    {
        return attempt;
    }
}
