package io.qts.journal;

import com.sun.management.ThreadMXBean;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.zip.CRC32C;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Format 3: a batch of entries shares Chronicle documents, and every reader still sees one entry at a time. */
class JournalBatchTest
{
    @TempDir
    Path dir;

    @Test
    void aBatchIsOneDocumentWhoseEntriesReadBackInOrder()
    {
        try (Journal journal = Journal.openForAppend(dir); JournalAppender appender = journal.appender())
        {
            appender.append(1, Sources.MARKET_DATA, EntryHeader.FORMAT_SBE, bytes("alone"), 0, 5);
            appender.startBatch();
            assertEquals(1, appender.append(2, Sources.MARKET_DATA, EntryHeader.FORMAT_SBE, bytes("b1"), 0, 2));
            assertEquals(2, appender.append(3, Sources.VENUE, EntryHeader.FORMAT_JSON, bytes("{\"b\":2}"), 0, 7));
            assertEquals(3, appender.append(4, Sources.ADMIN, EntryHeader.FORMAT_SBE, bytes(""), 0, 0));
            assertEquals(4, appender.append(5, Sources.MARKET_DATA, EntryHeader.FORMAT_SBE, bytes("b4"), 0, 2));
            appender.endBatch();
            assertEquals(5, appender.append(6, Sources.MARKET_DATA, EntryHeader.FORMAT_SBE, bytes("after"), 0, 5));
        }

        final List<String> read = readAll(dir);
        assertEquals(List.of("0 1 alone", "1 2 b1", "2 3 {\"b\":2}", "3 4 ", "4 5 b4", "5 6 after"), read);
        final List<Long> indexes = indexes(dir);
        assertEquals(indexes.get(1), indexes.get(2));
        assertEquals(indexes.get(1), indexes.get(4));
        assertTrue(indexes.get(0) < indexes.get(1) && indexes.get(4) < indexes.get(5), indexes.toString());
        final JournalVerifier.Report report = verify(dir);
        assertTrue(report.ok(), report.problems().toString());
        assertEquals(6, report.entries());
        assertEquals(EntryHeader.FORMAT_VERSION, report.formatVersion());
        assertTrue(report.endedCleanly());
    }

    @Test
    void aBatchLargerThanADocumentSpillsIntoMoreDocuments()
    {
        final byte[] payload = new byte[EntryHeader.MAX_PAYLOAD_LENGTH];
        final int count = 40;
        try (Journal journal = Journal.openForAppend(dir); JournalAppender appender = journal.appender())
        {
            appender.startBatch();
            for (int i = 0; i < count; i++)
            {
                payload[0] = (byte)i;
                appender.append(i, Sources.VENUE, EntryHeader.FORMAT_JSON, payload, 0, payload.length);
            }
            appender.endBatch();
        }
        // 15 entries of 4,124 bytes fit in 64 KB: 40 entries take three documents of 15, 15 and 10.
        final List<Long> indexes = indexes(dir);
        assertEquals(count, indexes.size());
        assertEquals(3, indexes.stream().distinct().count());
        assertEquals(indexes.get(0), indexes.get(14));
        assertTrue(indexes.get(14) < indexes.get(15), indexes.toString());
        assertEquals(indexes.get(15), indexes.get(29));
        assertTrue(indexes.get(29) < indexes.get(30), indexes.toString());
        try (Journal journal = Journal.openForRead(dir); JournalReader reader = journal.reader())
        {
            final JournalEntry entry = new JournalEntry();
            for (int i = 0; i < count; i++)
            {
                assertTrue(reader.next(entry));
                assertEquals(i, entry.sequence());
                assertEquals(i, entry.payload()[0]);
                assertEquals(EntryHeader.MAX_PAYLOAD_LENGTH, entry.length());
            }
            assertFalse(reader.next(entry));
        }
        assertTrue(verify(dir).ok());
    }

    @Test
    void aBatchNotYetCompleteIsNotReadAndAnUnendedBatchIsCompletedByClose()
    {
        try (Journal journal = Journal.openForAppend(dir); JournalAppender appender = journal.appender())
        {
            appender.append(1, Sources.MARKET_DATA, EntryHeader.FORMAT_SBE, bytes("done"), 0, 4);
            appender.startBatch();
            appender.append(2, Sources.MARKET_DATA, EntryHeader.FORMAT_SBE, bytes("open1"), 0, 5);
            appender.append(3, Sources.MARKET_DATA, EntryHeader.FORMAT_SBE, bytes("open2"), 0, 5);
            // A reader (here or after a crash) sees the document as being written: neither entry yet.
            assertEquals(List.of("0 1 done"), readAll(dir));
            assertThrows(IllegalStateException.class, appender::startBatch);
        }
        assertEquals(List.of("0 1 done", "1 2 open1", "2 3 open2"), readAll(dir));
        assertTrue(verify(dir).endedCleanly());
    }

    @Test
    void aCorruptEntryInsideABatchIsReportedAndItsNeighboursStillRead() throws IOException
    {
        writeBatchOfThreeThen(dir, null);
        flipByte(dir, "second", 0);

        final JournalVerifier.Report report = verify(dir);
        assertEquals(3, report.entries());
        assertEquals(1, report.corrupt());
        assertFalse(report.ok());
        final CRC32C crc = new CRC32C();
        final List<Boolean> good = new ArrayList<>();
        try (Journal journal = Journal.openForRead(dir); JournalReader reader = journal.reader())
        {
            final JournalEntry entry = new JournalEntry();
            while (reader.next(entry))
            {
                good.add(entry.checksumMatches(crc));
            }
        }
        assertEquals(List.of(true, false, true), good);
    }

    @Test
    void aDamagedLengthWordInsideABatchIsReportedWithTheRestOfItsDocument() throws IOException
    {
        writeBatchOfThreeThen(dir, "fourth");
        // The high byte of the second entry's length: it now runs past the document, and "third" cannot be found.
        flipByte(dir, "second", -EntryHeader.LENGTH + EntryHeader.LENGTH_OFFSET + 3);

        final JournalVerifier.Report report = verify(dir);
        assertEquals(3, report.entries());
        assertEquals(1, report.corrupt());
        assertEquals(1, report.problems().size(), report.problems().toString());
        assertTrue(report.problems().get(0).contains("it does not fit in its document (a damaged length word or "
            + "document), so the rest of the document cannot be read"), report.problems().get(0));
        assertEquals(List.of("0 1 first", "1 2 ", "3 4 fourth"), readAll(dir));
    }

    @Test
    void aFormatTwoJournalIsReadAndContinuedOneEntryPerDocument()
    {
        writeFormatTwoHeader(dir);
        try (Journal journal = Journal.openForAppend(dir, JournalKind.IN, JournalSync.NONE);
            JournalAppender appender = journal.appender())
        {
            assertEquals(2, journal.formatVersion());
            appender.startBatch();
            appender.append(1, Sources.MARKET_DATA, EntryHeader.FORMAT_SBE, bytes("a"), 0, 1);
            appender.append(2, Sources.MARKET_DATA, EntryHeader.FORMAT_SBE, bytes("b"), 0, 1);
            appender.endBatch();
        }
        assertEquals(List.of("0 1 a", "1 2 b"), readAll(dir));
        final List<Long> indexes = indexes(dir);
        assertTrue(indexes.get(0) < indexes.get(1), "one entry per document in format 2: " + indexes);
        final JournalVerifier.Report report = verify(dir);
        assertTrue(report.ok(), report.problems().toString());
        assertEquals(2, report.formatVersion());
        assertEquals(2, report.opens());
    }

    @Test
    void batchedAppendsAllocateNothingInSteadyState()
    {
        final byte[] payload = new byte[64];
        final ThreadMXBean threads = (ThreadMXBean)ManagementFactory.getThreadMXBean();
        try (Journal journal = Journal.openForAppend(dir); JournalAppender appender = journal.appender())
        {
            appendBatches(appender, payload, 1_000_000);
            final long before = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
            appendBatches(appender, payload, 2_000_000);
            final long allocated = threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
            // Nothing per entry (one object each would be >= 32 MB here). What there is comes with Chronicle mapping
            // the next 64 MB block and one-off JIT work: 5.6-31.7 KB over these 2,000,000 appends in 8 runs.
            assertTrue(allocated < 64 * 1024, "bytes allocated by 2,000,000 batched appends: " + allocated);
        }
    }

    private static void appendBatches(final JournalAppender appender, final byte[] payload, final int count)
    {
        for (int i = 0; i < count; i += 16)
        {
            appender.startBatch();
            for (int k = 0; k < 16; k++)
            {
                appender.append(i + k, Sources.MARKET_DATA, EntryHeader.FORMAT_SBE, payload, 0, payload.length);
            }
            appender.endBatch();
        }
    }

    /** "first", "second" and "third" (times 1 to 3) as one batch, then {@code after} (time 4) alone if not null. */
    private static void writeBatchOfThreeThen(final Path journalDir, final String after)
    {
        try (Journal journal = Journal.openForAppend(journalDir); JournalAppender appender = journal.appender())
        {
            appender.startBatch();
            appender.append(1, Sources.MARKET_DATA, EntryHeader.FORMAT_SBE, bytes("first"), 0, 5);
            appender.append(2, Sources.MARKET_DATA, EntryHeader.FORMAT_SBE, bytes("second"), 0, 6);
            appender.append(3, Sources.MARKET_DATA, EntryHeader.FORMAT_SBE, bytes("third"), 0, 5);
            appender.endBatch();
            if (after != null)
            {
                appender.append(4, Sources.MARKET_DATA, EntryHeader.FORMAT_SBE, bytes(after), 0, after.length());
            }
        }
    }

    /** A journal as a format-2 build began it: only its header record, which says version 2. */
    private static void writeFormatTwoHeader(final Path journalDir)
    {
        final UnsafeBuffer header = new UnsafeBuffer(new byte[Journal.HEADER_LENGTH]);
        header.putInt(0, Journal.HEADER_MAGIC, ByteOrder.LITTLE_ENDIAN);
        header.putShort(4, (short)2, ByteOrder.LITTLE_ENDIAN);
        header.putByte(6, (byte)JournalKind.IN.code());
        final byte[] payload = header.byteArray();
        final int checksum = EntryHeader.checksum(new CRC32C(), new UnsafeBuffer(new byte[EntryHeader.CHECKSUM_OFFSET]), 1, 0,
            Sources.JOURNAL, EntryHeader.FORMAT_OPENED, payload, 0, payload.length);
        try (ChronicleQueue queue = SingleChronicleQueueBuilder.binary(journalDir).rollCycle(RollCycles.FAST_DAILY)
                .blockSize(Journal.BLOCK_SIZE_BYTES).build();
            ExcerptAppender appender = queue.createAppender();
            DocumentContext dc = appender.writingDocument())
        {
            dc.wire().bytes().writeLong(1).writeLong(0).writeShort((short)Sources.JOURNAL)
                .writeShort((short)EntryHeader.FORMAT_OPENED).writeInt(payload.length).writeInt(checksum).write(payload);
        }
    }

    /** "sequence time payload" of every input entry. */
    private static List<String> readAll(final Path journalDir)
    {
        return readEach(journalDir, entry -> entry.sequence() + " " + entry.timeNs() + " "
            + new String(entry.payload(), 0, entry.length(), StandardCharsets.US_ASCII));
    }

    private static List<Long> indexes(final Path journalDir)
    {
        return readEach(journalDir, JournalEntry::index);
    }

    private static <T> List<T> readEach(final Path journalDir, final Function<JournalEntry, T> field)
    {
        final List<T> read = new ArrayList<>();
        try (Journal journal = Journal.openForRead(journalDir); JournalReader reader = journal.reader())
        {
            final JournalEntry entry = new JournalEntry();
            while (reader.next(entry))
            {
                read.add(field.apply(entry));
            }
        }
        return read;
    }

    private static JournalVerifier.Report verify(final Path journalDir)
    {
        try (Journal journal = Journal.openForRead(journalDir))
        {
            return JournalVerifier.verify(journal);
        }
    }

    /** Flips the lowest bit of the byte {@code offset} bytes from where {@code payload} starts in the cycle file. */
    private static void flipByte(final Path journalDir, final String payload, final int offset) throws IOException
    {
        try (var files = Files.list(journalDir))
        {
            final Path file = files.filter((p) -> p.toString().endsWith(".cq4")).findFirst().orElseThrow();
            final byte[] content = Files.readAllBytes(file);
            final byte[] needle = bytes(payload);
            for (int i = 0; i <= content.length - needle.length; i++)
            {
                if (Arrays.equals(content, i, i + needle.length, needle, 0, needle.length))
                {
                    content[i + offset] ^= 0x01;
                    Files.write(file, content);
                    return;
                }
            }
            throw new AssertionError("payload not found: " + payload);
        }
    }

    private static byte[] bytes(final String s)
    {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
