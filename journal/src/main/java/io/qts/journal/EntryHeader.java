package io.qts.journal;

import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteOrder;
import java.util.zip.CRC32C;

/**
 * Layout of one journal entry (format version {@link #FORMAT_VERSION}): a fixed little-endian header followed by
 * the payload exactly as it came in. The checksum (CRC32C) covers the whole entry: the first {@link #CHECKSUM_OFFSET}
 * header bytes (time, sequence, source, format, length) and then the payload, so a flipped time or source fails
 * {@code journal verify} as surely as a flipped payload byte. docs/journal.md describes the format.
 */
public final class EntryHeader
{
    /** Byte offset of the entry's receive time: 8 bytes, ns since the epoch. */
    public static final int TIME_NS_OFFSET = 0;
    /** Byte offset of the entry's sequence: 8 bytes, dense from 0 across the journal. */
    public static final int SEQUENCE_OFFSET = 8;
    /** Byte offset of the source id: 2 bytes, a {@link Sources} value. */
    public static final int SOURCE_ID_OFFSET = 16;
    /** Byte offset of the payload format: 2 bytes, {@link #FORMAT_SBE}, {@link #FORMAT_JSON} or a journal record's. */
    public static final int FORMAT_OFFSET = 18;
    /** Byte offset of the payload length: 4 bytes. */
    public static final int LENGTH_OFFSET = 20;
    /** Byte offset of the CRC32C checksum: 4 bytes, over the header bytes before it, then the payload. */
    public static final int CHECKSUM_OFFSET = 24;
    /** Bytes in the header: the payload starts here. */
    public static final int LENGTH = 28;

    /**
     * Version of the entry layout and journal structure this build writes. 1: checksum over the payload only, no
     * journal header, no end marker (refused by name). 2: whole-entry checksum, a header entry recording the version
     * and kind at every open for append, an end marker at every clean close; one entry per Chronicle document. 3: as
     * 2, but a document may hold several entries back to back (a batch, {@link JournalAppender#startBatch}).
     */
    public static final int FORMAT_VERSION = 3;
    /** The oldest version this build reads (and continues, writing one entry per document as that version did). */
    public static final int OLDEST_READABLE_VERSION = 2;

    /** Payload is an SBE message of the QTS schema. */
    public static final int FORMAT_SBE = 1;
    /** Payload is venue JSON as received. */
    public static final int FORMAT_JSON = 2;
    /** A journal header ({@link Sources#JOURNAL}): written each time the journal is opened for append. */
    static final int FORMAT_OPENED = 101;
    /** The end marker ({@link Sources#JOURNAL}): written by a clean close. */
    static final int FORMAT_CLOSED = 102;

    /** Largest payload one entry may carry; the ring slot has the same capacity. */
    public static final int MAX_PAYLOAD_LENGTH = 4096;
    /**
     * A batch goes into a new document once the current one holds this many bytes: 64 KB, about 900 entries of a
     * binary trade, keeps a document far below Chronicle's limit (a quarter of its 64 MB block) and a reader's copy
     * of it small.
     */
    static final int MAX_DOCUMENT_BYTES = 64 * 1024;

    private EntryHeader()
    {
    }

    /** A format's name for tools and messages ("sbe", "json", "opened", "closed"), or "format-N" for an unknown N. */
    public static String formatName(final int format)
    {
        switch (format)
        {
            case FORMAT_SBE:
                return "sbe";
            case FORMAT_JSON:
                return "json";
            case FORMAT_OPENED:
                return "opened";
            case FORMAT_CLOSED:
                return "closed";
            default:
                return "format-" + format;
        }
    }

    /**
     * CRC32C of an entry (formats 2 and 3): the header fields as laid out (little-endian) up to the checksum, then the
     * payload. {@code scratch} is a reusable buffer of at least {@link #CHECKSUM_OFFSET} bytes, so this allocates nothing.
     */
    static int checksum(
        final CRC32C crc, final UnsafeBuffer scratch, final long timeNs, final long sequence, final int sourceId,
        final int format, final byte[] payload, final int offset, final int length)
    {
        putFields(scratch, timeNs, sequence, sourceId, format, length);
        return checksum(crc, scratch.byteArray(), payload, offset, length);
    }

    /**
     * Lays a whole entry out in {@code entry} (a buffer over an array of at least {@link #LENGTH} plus
     * {@link #MAX_PAYLOAD_LENGTH} bytes): header, checksum and a copy of the payload, so the journal writes it in
     * one copy. Returns the entry's length in bytes.
     */
    static int encode(
        final CRC32C crc, final UnsafeBuffer entry, final long timeNs, final long sequence, final int sourceId,
        final int format, final byte[] payload, final int offset, final int length)
    {
        final byte[] bytes = entry.byteArray();
        putFields(entry, timeNs, sequence, sourceId, format, length);
        System.arraycopy(payload, offset, bytes, LENGTH, length);
        entry.putInt(CHECKSUM_OFFSET, checksum(crc, bytes, bytes, LENGTH, length), ByteOrder.LITTLE_ENDIAN);
        return LENGTH + length;
    }

    private static void putFields(
        final UnsafeBuffer header, final long timeNs, final long sequence, final int sourceId, final int format,
        final int length)
    {
        header.putLong(TIME_NS_OFFSET, timeNs, ByteOrder.LITTLE_ENDIAN);
        header.putLong(SEQUENCE_OFFSET, sequence, ByteOrder.LITTLE_ENDIAN);
        header.putShort(SOURCE_ID_OFFSET, (short)sourceId, ByteOrder.LITTLE_ENDIAN);
        header.putShort(FORMAT_OFFSET, (short)format, ByteOrder.LITTLE_ENDIAN);
        header.putInt(LENGTH_OFFSET, length, ByteOrder.LITTLE_ENDIAN);
    }

    /** CRC32C of the first {@link #CHECKSUM_OFFSET} bytes of {@code header}, then of the payload. */
    private static int checksum(
        final CRC32C crc, final byte[] header, final byte[] payload, final int offset, final int length)
    {
        crc.reset();
        crc.update(header, 0, CHECKSUM_OFFSET);
        crc.update(payload, offset, length);
        return (int)crc.getValue();
    }

    /** CRC32C of a format-1 entry (payload only): how a journal written before version 2 is recognised by name. */
    static int checksumV1(final CRC32C crc, final byte[] payload, final int length)
    {
        crc.reset();
        crc.update(payload, 0, length);
        return (int)crc.getValue();
    }
}
