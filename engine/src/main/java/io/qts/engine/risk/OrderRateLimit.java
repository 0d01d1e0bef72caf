package io.qts.engine.risk;

/**
 * At most N orders in any sliding second of event time. The send times of the last N orders sit in a
 * preallocated ring; an order is allowed when the oldest of them is at least one second old.
 */
public final class OrderRateLimit
{
    private static final long SECOND_NS = 1_000_000_000L;

    private final long[] sentNs;
    private int next;
    private int count;

    /** @param maxPerSecond 0 for no limit. */
    public OrderRateLimit(final int maxPerSecond)
    {
        sentNs = new long[maxPerSecond];
    }

    /** Whether an order may go at event time timeNs (ns) without exceeding N in the last second. */
    public boolean allows(final long timeNs)
    {
        return sentNs.length == 0 || count < sentNs.length || timeNs - sentNs[next] >= SECOND_NS;
    }

    /** An order went out at event time timeNs (ns). */
    public void onSent(final long timeNs)
    {
        if (sentNs.length == 0)
        {
            return;
        }
        sentNs[next] = timeNs;
        next = next + 1 == sentNs.length ? 0 : next + 1;
        count = Math.min(count + 1, sentNs.length);
    }
}
