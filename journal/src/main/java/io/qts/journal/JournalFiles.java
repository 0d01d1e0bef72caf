package io.qts.journal;

import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * Checks of a journal's files made before (and just after) Chronicle opens them, so damage is one clear line and
 * never a fault on a mapped page or a wait for a header that will not come: a cycle file emptied or cut short, the
 * metadata file missing, the first or last cycle file missing, a header of an unknown format.
 */
final class JournalFiles
{
    private static final DateTimeFormatter CYCLE_NAME = DateTimeFormatter.BASIC_ISO_DATE;
    /** Chronicle's binary wire: field "header" (0xB9, length 6, the name). */
    private static final byte[] HEADER_FIELD = {(byte)0xB9, 6, 'h', 'e', 'a', 'd', 'e', 'r'};
    private static final byte[] METADATA_STORE = "STStore".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CYCLE_STORE = "SCQStore".getBytes(StandardCharsets.US_ASCII);

    private JournalFiles()
    {
    }

    /** What a journal's first record says. */
    record Header(int formatVersion, JournalKind kind)
    {
    }

    /** The cycle files (*.cq4) of {@code dir}, sorted by name (= by day); empty if there is none or no such folder. */
    static Path[] cycleFiles(final Path dir)
    {
        if (!Files.isDirectory(dir))
        {
            return new Path[0];
        }
        try (var files = Files.list(dir))
        {
            final Path[] cycles = files.filter((p) -> p.getFileName().toString().endsWith(Journal.CYCLE_SUFFIX))
                .toArray(Path[]::new);
            Arrays.sort(cycles);
            return cycles;
        }
        catch (final IOException ex)
        {
            throw new JournalException("cannot list journal directory " + dir + ": " + JournalException.cause(ex));
        }
    }

    /** Before Chronicle maps anything: files there, metadata there, none empty or shorter than a block. */
    static void check(final Path dir)
    {
        final Path[] cycles = cycleFiles(dir);
        if (cycles.length == 0)
        {
            throw new JournalException("no journal at " + dir + " (expected Chronicle Queue *" + Journal.CYCLE_SUFFIX + " files)");
        }
        final Path metadata = dir.resolve(Journal.METADATA_FILE);
        if (!Files.isRegularFile(metadata))
        {
            throw new JournalException("journal " + dir + " is damaged: its metadata file " + Journal.METADATA_FILE + " is missing");
        }
        if (!hasChronicleHeader(metadata, METADATA_STORE))
        {
            throw new JournalException("journal " + dir + " is damaged: its metadata file " + Journal.METADATA_FILE
                + " cannot be read (its header is not a Chronicle table store's)");
        }
        for (final Path cycle : cycles)
        {
            final long size = size(cycle);
            if (size == 0)
            {
                throw new JournalException("journal " + dir + " is damaged: cycle file " + cycle.getFileName() + " is empty");
            }
            if (size < Journal.MIN_CYCLE_FILE_BYTES)
            {
                throw new JournalException("journal " + dir + " is damaged: cycle file " + cycle.getFileName()
                    + " is truncated (" + size + " bytes, a cycle file has at least " + Journal.MIN_CYCLE_FILE_BYTES + ")");
            }
            if (!hasChronicleHeader(cycle, CYCLE_STORE))
            {
                throw new JournalException("journal " + dir + " is damaged: cycle file " + cycle.getFileName()
                    + " does not begin with a Chronicle cycle header");
            }
        }
    }

    /**
     * Chronicle begins each of its files with one complete metadata document, {@code header: !STStore} (metadata) or
     * {@code header: !SCQStore} (cycle). Checked here because Chronicle waits ten seconds for a header that looks
     * incomplete before giving up, and misreads one that does not.
     */
    private static boolean hasChronicleHeader(final Path file, final byte[] storeType)
    {
        final byte[] start = new byte[HEADER_FIELD.length + 2 + storeType.length + 4];
        try (var in = Files.newInputStream(file))
        {
            if (in.readNBytes(start, 0, start.length) < start.length)
            {
                return false;
            }
        }
        catch (final IOException ex)
        {
            throw new JournalException("cannot read " + file + ": " + JournalException.cause(ex));
        }
        final int word = (start[0] & 0xFF) | (start[1] & 0xFF) << 8 | (start[2] & 0xFF) << 16 | (start[3] & 0xFF) << 24;
        final boolean completeMetadata = (word & 0xC000_0000) == 0x4000_0000 && (word & 0x3FFF_FFFF) >= start.length;
        if (!completeMetadata || !Arrays.equals(start, 4, 4 + HEADER_FIELD.length, HEADER_FIELD, 0, HEADER_FIELD.length))
        {
            return false;
        }
        final int typeAt = 4 + HEADER_FIELD.length + 2;
        return (start[typeAt - 1] & 0xFF) == storeType.length
            && Arrays.equals(start, typeAt, typeAt + storeType.length, storeType, 0, storeType.length);
    }

    private static long size(final Path file)
    {
        try
        {
            return Files.size(file);
        }
        catch (final IOException ex)
        {
            throw new JournalException("cannot read " + file + ": " + JournalException.cause(ex));
        }
    }

    /**
     * The metadata records the first and last cycle the writer made; a cycle file missing at either end is damage
     * (a missing middle one shows as a sequence gap).
     */
    static void checkCycles(final Path dir, final SingleChronicleQueue queue)
    {
        final Path[] cycles = cycleFiles(dir);
        final long first = cycleOf(cycles[0]);
        final long last = cycleOf(cycles[cycles.length - 1]);
        final int recordedFirst = queue.firstCycle();
        final int recordedLast = queue.lastCycle();
        if (recordedLast != Integer.MIN_VALUE && last >= 0 && recordedLast > last)
        {
            throw new JournalException("journal " + dir + " is damaged: its last cycle file "
                + nameOf(recordedLast) + " is missing (the metadata records it)");
        }
        if (recordedFirst != Integer.MAX_VALUE && first >= 0 && recordedFirst < first)
        {
            throw new JournalException("journal " + dir + " is damaged: its first cycle file "
                + nameOf(recordedFirst) + " is missing (the metadata records it)");
        }
    }

    /** Reads the first record: a header of a format this build reads, else says by name why the journal is refused. */
    static Header readHeader(final Path dir, final SingleChronicleQueue queue)
    {
        final JournalEntry entry = new JournalEntry();
        final CRC32C crc = new CRC32C();
        final boolean any;
        // The header is alone in its document in every format.
        try (JournalReader reader = new JournalReader(dir, queue.createTailer(), false))
        {
            any = reader.nextAny(entry);
        }
        if (!any)
        {
            throw new JournalException("journal " + dir + " is damaged: it holds no entries, not even its header "
                + "(its first cycle file was emptied or replaced)");
        }
        if (entry.checksumMatches(crc) && entry.isHeader())
        {
            final int version = entry.headerFormatVersion();
            if (version < EntryHeader.OLDEST_READABLE_VERSION || version > EntryHeader.FORMAT_VERSION)
            {
                throw new JournalException("journal " + dir + " is in journal format " + version + "; this build reads formats "
                    + EntryHeader.OLDEST_READABLE_VERSION + " to " + EntryHeader.FORMAT_VERSION + " only");
            }
            final JournalKind kind = JournalKind.fromCode(entry.headerKindCode());
            if (kind == null)
            {
                throw new JournalException("journal " + dir + " is damaged: its header names an unknown kind " + entry.headerKindCode());
            }
            return new Header(version, kind);
        }
        if (entry.checksumMatches(crc))
        {
            throw new JournalException("journal " + dir + " is damaged: it does not begin with its header (its first entry "
                + "has sequence " + entry.sequence() + "): its first cycle file is missing");
        }
        if (entry.checksumMatchesV1(crc) && entry.sequence() == 0)
        {
            throw new JournalException("journal " + dir + " is in journal format 1 (written before entries carried a "
                + "whole-entry checksum, a kind and an end marker); this build reads formats "
                + EntryHeader.OLDEST_READABLE_VERSION + " to " + EntryHeader.FORMAT_VERSION
                + " only: import the data again, or read it with the QTS version that wrote it");
        }
        throw new JournalException("journal " + dir + " is damaged: its header record fails its checksum");
    }

    /** Days since the epoch of a FAST_DAILY cycle file name (yyyyMMdd'F'.cq4), or -1 for a name that is not one. */
    static long cycleOf(final Path file)
    {
        final String name = file.getFileName().toString();
        if (name.length() < 8)
        {
            return -1;
        }
        try
        {
            return LocalDate.parse(name.substring(0, 8), CYCLE_NAME).toEpochDay();
        }
        catch (final DateTimeParseException ex)
        {
            return -1;
        }
    }

    private static String nameOf(final int cycle)
    {
        return LocalDate.ofEpochDay(cycle).format(CYCLE_NAME) + "F" + Journal.CYCLE_SUFFIX;
    }
}
