package io.qts.bench;

import io.qts.engine.InputSink;
import io.qts.journal.EntryHeader;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.Arrays;

/**
 * Inputs encoded once, up front, back to back in one byte array, so that a producer's loop only
 * indexes into it and allocates nothing. All payloads are SBE.
 */
final class EncodedInputs
{
    private final byte[] bytes;
    private final UnsafeBuffer buffer;
    private final int[] offsets;
    private final long[] timesNs;
    private final byte[] sourceIds;
    private final int count;

    private EncodedInputs(final byte[] bytes, final int[] offsets, final long[] timesNs, final byte[] sourceIds, final int count)
    {
        this.bytes = bytes;
        this.buffer = new UnsafeBuffer(bytes);
        this.offsets = offsets;
        this.timesNs = timesNs;
        this.sourceIds = sourceIds;
        this.count = count;
    }

    int count()
    {
        return count;
    }

    /** The payloads as an array, for APIs that take one (the journal appender). */
    byte[] bytes()
    {
        return bytes;
    }

    /** The same payloads as a buffer, for input sinks. */
    UnsafeBuffer buffer()
    {
        return buffer;
    }

    int offset(final int i)
    {
        return offsets[i];
    }

    int length(final int i)
    {
        return offsets[i + 1] - offsets[i];
    }

    long timeNs(final int i)
    {
        return timesNs[i];
    }

    int sourceId(final int i)
    {
        return sourceIds[i];
    }

    /** Counts the inputs of one source. */
    int countOf(final int sourceId)
    {
        int n = 0;
        for (int i = 0; i < count; i++)
        {
            if (sourceIds[i] == sourceId)
            {
                n++;
            }
        }
        return n;
    }

    /** Collects inputs as a sink; the arrays grow as needed and are trimmed by {@link #build()}. */
    static final class Builder implements InputSink
    {
        private byte[] bytes;
        private int[] offsets;
        private long[] timesNs;
        private byte[] sourceIds;
        private int count;

        Builder(final int expectedInputs, final int expectedBytesPerInput)
        {
            bytes = new byte[Math.max(1024, expectedInputs * expectedBytesPerInput)];
            offsets = new int[expectedInputs + 1];
            timesNs = new long[expectedInputs];
            sourceIds = new byte[expectedInputs];
        }

        @Override
        public void accept(
            final long timeNs, final int sourceId, final int format, final DirectBuffer buffer, final int offset, final int length)
        {
            if (format != EntryHeader.FORMAT_SBE || sourceId < 0 || sourceId > Byte.MAX_VALUE)
            {
                throw new IllegalArgumentException("only SBE inputs of sources 0..127 are kept, got format " + format +
                    ", source " + sourceId);
            }
            if (count == timesNs.length)
            {
                final int capacity = count + (count >> 1) + 16;
                offsets = Arrays.copyOf(offsets, capacity + 1);
                timesNs = Arrays.copyOf(timesNs, capacity);
                sourceIds = Arrays.copyOf(sourceIds, capacity);
            }
            final int at = offsets[count];
            if (at + length > bytes.length)
            {
                bytes = Arrays.copyOf(bytes, Math.addExact(bytes.length, Math.max(length, bytes.length >> 1)));
            }
            buffer.getBytes(offset, bytes, at, length);
            timesNs[count] = timeNs;
            sourceIds[count] = (byte)sourceId;
            offsets[count + 1] = at + length;
            count++;
        }

        int count()
        {
            return count;
        }

        EncodedInputs build()
        {
            return new EncodedInputs(
                Arrays.copyOf(bytes, offsets[count]), Arrays.copyOf(offsets, count + 1), Arrays.copyOf(timesNs, count),
                Arrays.copyOf(sourceIds, count), count);
        }
    }
}
