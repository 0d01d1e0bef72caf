package io.qts.adapters.upbit;

import java.util.HashMap;
import java.util.Map;

/**
 * Upbit's per-group request budget, learned from each response's {@code Remaining-Req: group=order; min=1800; sec=7}
 * header: when a group has no requests left in the current second, it waits until the window has passed. A 429
 * closes the group for the window too. Not thread-safe: the gateway's thread only.
 */
public final class RateLimits
{
    private final long windowNs;
    private final Map<String, Long> closedUntilNs = new HashMap<>();
    private final Map<String, Integer> remaining = new HashMap<>();

    /** @param windowMs Upbit's window: 1000 ms. */
    public RateLimits(final long windowMs)
    {
        this.windowNs = windowMs * 1_000_000L;
    }

    /** Reads a Remaining-Req header seen at {@code nowNs} (monotonic); ignores one it cannot read. */
    public void onHeader(final String header, final long nowNs)
    {
        if (header == null)
        {
            return;
        }
        String group = null;
        int sec = -1;
        for (final String part : header.split(";"))
        {
            final String[] kv = part.trim().split("=", 2);
            if (kv.length != 2)
            {
                continue;
            }
            if (kv[0].trim().equals("group"))
            {
                group = kv[1].trim();
            }
            else if (kv[0].trim().equals("sec"))
            {
                try
                {
                    sec = Integer.parseInt(kv[1].trim());
                }
                catch (final NumberFormatException ex)
                {
                    return;
                }
            }
        }
        if (group == null || sec < 0)
        {
            return;
        }
        remaining.put(group, sec);
        if (sec == 0)
        {
            closedUntilNs.put(group, nowNs + windowNs);
        }
    }

    /** The venue said 429 for this group: nothing more in this window. */
    public void onTooMany(final String group, final long nowNs)
    {
        closedUntilNs.put(group, nowNs + windowNs);
    }

    /** How long a request of the group must wait from {@code nowNs}; 0 to send now. */
    public long waitNs(final String group, final long nowNs)
    {
        final Long until = closedUntilNs.get(group);
        return until == null ? 0 : Math.max(0, until - nowNs);
    }

    /** Requests left in the window as last told by the venue, or -1 if it has not said. */
    public int remaining(final String group)
    {
        return remaining.getOrDefault(group, -1);
    }
}
