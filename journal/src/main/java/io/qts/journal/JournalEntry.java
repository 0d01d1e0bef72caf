package io.qts.journal;

import org.agrona.concurrent.UnsafeBuffer;

import java.util.zip.CRC32C;

/** A reusable holder for one entry read back from the journal. */
public final class JournalEntry
{
    private final byte[] payload = new byte[EntryHeader.MAX_PAYLOAD_LENGTH];
    private final UnsafeBuffer payloadBuffer = new UnsafeBuffer(payload);
    private final UnsafeBuffer scratch = new UnsafeBuffer(new byte[EntryHeader.CHECKSUM_OFFSET]);
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

    /**
     * Chronicle index (cycle and position) of the document that holds the entry, usable with
     * {@link JournalReader#moveToIndex(long)}; the entries of one batch share it.
     */
    public long index()
    {
        return index;
    }

    /** The receive time the entry was journaled with, ns since the epoch. */
    public long timeNs()
    {
        return timeNs;
    }

    /** The entry's sequence, dense from 0 across the journal. */
    public long sequence()
    {
        return sequence;
    }

    /** The entry's source, a {@link Sources} value. */
    public int sourceId()
    {
        return sourceId;
    }

    /** The payload's format ({@link EntryHeader#FORMAT_SBE}, {@link EntryHeader#FORMAT_JSON}, ...). */
    public int format()
    {
        return format;
    }

    /** Payload bytes in this entry. */
    public int length()
    {
        return length;
    }

    /** The payload in its first {@link #length()} bytes; the array is reused by the next read (copy what is kept). */
    public byte[] payload()
    {
        return payload;
    }

    /** {@link #payload()} wrapped as a buffer, reused likewise. */
    public UnsafeBuffer payloadBuffer()
    {
        return payloadBuffer;
    }

    /**
     * True if the stored length and bytes are consistent and the CRC32C over the whole entry (header fields and
     * payload, {@link EntryHeader#checksum}) matches.
     */
    public boolean checksumMatches(final CRC32C crc)
    {
        return !truncated && EntryHeader.checksum(crc, scratch, timeNs, sequence, sourceId, format, payload, 0, length) == checksum;
    }

    /** True if the entry would pass as a format-1 entry (checksum over the payload only). */
    boolean checksumMatchesV1(final CRC32C crc)
    {
        return !truncated && EntryHeader.checksumV1(crc, payload, length) == checksum;
    }

    /** True if the stored length ran past the entry's document: the rest of that document could not be read. */
    boolean truncated()
    {
        return truncated;
    }

    /** A journal record (header or end marker), not an input. */
    boolean isControl()
    {
        return sourceId == Sources.JOURNAL && (format == EntryHeader.FORMAT_OPENED || format == EntryHeader.FORMAT_CLOSED);
    }

    boolean isHeader()
    {
        return sourceId == Sources.JOURNAL && format == EntryHeader.FORMAT_OPENED && length == Journal.HEADER_LENGTH
            && payloadBuffer.getInt(0, java.nio.ByteOrder.LITTLE_ENDIAN) == Journal.HEADER_MAGIC;
    }

    boolean isEndMarker()
    {
        return sourceId == Sources.JOURNAL && format == EntryHeader.FORMAT_CLOSED;
    }

    /** Of a header record: the format version it records. */
    int headerFormatVersion()
    {
        return payloadBuffer.getShort(4, java.nio.ByteOrder.LITTLE_ENDIAN);
    }

    /** Of a header record: the kind's code it records. */
    int headerKindCode()
    {
        return payloadBuffer.getByte(6);
    }
}
