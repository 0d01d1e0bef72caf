package io.qts.adapters.research;

import io.qts.adapters.report.Metrics;

import java.util.Map;

/**
 * One combination of a sweep: its metrics, final value and digest, or (with {@code skipped} set and
 * everything else null) why the strategy refused it.
 */
public record SweepRow(Map<String, String> params, Metrics metrics, String finalValue, String digest, String skipped)
{
    static SweepRow skipped(final Map<String, String> params, final String reason)
    {
        return new SweepRow(params, null, null, null, reason);
    }

    /** Whether the combination ran (false when the strategy refused it). */
    public boolean ran()
    {
        return skipped == null;
    }
}
