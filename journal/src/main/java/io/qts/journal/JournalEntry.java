package io.qts.journal;

import org.agrona.concurrent.UnsafeBuffer;

import java.util.zip.CRC32C;

/** A reusable holder for one entry read back from the journal. */
public final class JournalEntry
{
    private final byte[] payload = new byte[EntryHeader.MAX_PAYLOAD_LENGTH];
    private final UnsafeBuffer payloadBuffer = new UnsafeBuffer(payload);
    private long index;
    private long timeNs;
    private long sequence;
    private int sourceId;
    private int format;
    private int length;
    private int checksum;
    private boolean truncated;

    void set(
        final long index, final long timeNs, final long sequence, final int sourceId, final int format,
        final int length, final int checksum, final boolean truncated)
    {
        this.index = index;
        this.timeNs = timeNs;
        this.sequence = sequence;
        this.sourceId = sourceId;
        this.format = format;
        this.length = length;
        this.checksum = checksum;
        this.truncated = truncated;
    }

    byte[] payloadArray()
    {
        return payload;
    }

    /** Chronicle index (cycle and position), usable with {@link JournalReader#moveToIndex(long)}. */
    public long index()
    {
        return index;
    }

    public long timeNs()
    {
        return timeNs;
    }

    public long sequence()
    {
        return sequence;
    }

    public int sourceId()
    {
        return sourceId;
    }

    public int format()
    {
        return format;
    }

    public int length()
    {
        return length;
    }

    public byte[] payload()
    {
        return payload;
    }

    public UnsafeBuffer payloadBuffer()
    {
        return payloadBuffer;
    }

    /** True if the stored length and bytes are consistent and the CRC32C over the payload matches. */
    public boolean checksumMatches(final CRC32C crc)
    {
        if (truncated)
        {
            return false;
        }
        crc.reset();
        crc.update(payload, 0, length);
        return (int)crc.getValue() == checksum;
    }
}
