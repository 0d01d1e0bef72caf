package io.qts.journal;

/**
 * Layout of one journal entry: a fixed little-endian header followed by the payload exactly as it
 * came in. The checksum (CRC32C) covers the payload, so {@code journal verify} can tell a torn or
 * flipped entry from a good one.
 */
public final class EntryHeader
{
    public static final int TIME_NS_OFFSET = 0;
    public static final int SEQUENCE_OFFSET = 8;
    public static final int SOURCE_ID_OFFSET = 16;
    public static final int FORMAT_OFFSET = 18;
    public static final int LENGTH_OFFSET = 20;
    public static final int CHECKSUM_OFFSET = 24;
    public static final int LENGTH = 28;

    /** Payload is an SBE message of the QTS schema. */
    public static final int FORMAT_SBE = 1;
    /** Payload is venue JSON as received. */
    public static final int FORMAT_JSON = 2;

    /** Largest payload one entry may carry; the ring slot has the same capacity. */
    public static final int MAX_PAYLOAD_LENGTH = 4096;

    private EntryHeader()
    {
    }

    public static String formatName(final int format)
    {
        switch (format)
        {
            case FORMAT_SBE:
                return "sbe";
            case FORMAT_JSON:
                return "json";
            default:
                return "format-" + format;
        }
    }
}
