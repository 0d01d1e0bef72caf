package io.qts.adapters.data;

import io.qts.engine.FixedPoint;
import org.agrona.collections.LongArrayList;

/** Moves values read at {@link CsvCursor#MAX_SCALE} to the scale the whole file turned out to need. */
final class Scales
{
    private Scales()
    {
    }

    /** Exact: no value needed more than {@code scale} decimal places, so the division leaves no remainder. */
    static long[] down(final LongArrayList values, final int scale)
    {
        final long divisor = FixedPoint.pow10(CsvCursor.MAX_SCALE - scale);
        final long[] result = values.toLongArray();
        for (int i = 0; i < result.length; i++)
        {
            result[i] /= divisor;
        }
        return result;
    }
}
