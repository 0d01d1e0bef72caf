package io.qts.journal;

import net.openhft.chronicle.core.time.SetTimeProvider;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32C;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What journal verify, replay and recovery rely on: whole-entry checksums, header, end marker, damage named. */
class JournalIntegrityTest
{
    private static final int VERIFIES_TO_COMPILE = 1_000;

    private static final long DAY_MS = 86_400_000L;
    /** 2026-01-10, 11 and 12: three daily cycle files. */
    private static final long DAY_0_MS = 20_463L * DAY_MS;

    @TempDir
    Path dir;

    @Test
    void aFlippedSourceFieldFailsTheChecksum() throws IOException
    {
        writeThree(dir);
        flipInEntry(dir, "second", EntryHeader.SOURCE_ID_OFFSET);

        final JournalVerifier.Report report = verify(dir);
        assertFalse(report.ok());
        assertEquals(1, report.corrupt());
        assertTrue(report.problems().get(0).contains("checksum does not match"), report.problems().toString());
    }

    @Test
    void aFlippedTimeFieldFailsTheChecksum() throws IOException
    {
        writeThree(dir);
        flipInEntry(dir, "second", EntryHeader.TIME_NS_OFFSET + 2);

        final JournalVerifier.Report report = verify(dir);
        assertEquals(1, report.corrupt());
        assertFalse(report.ok());
    }

    @Test
    void aCleanCloseEndsWithTheEndMarker()
    {
        writeThree(dir);

        final JournalVerifier.Report report = verify(dir);
        assertTrue(report.ok(), report.problems().toString());
        assertTrue(report.endedCleanly());
        assertEquals(3, report.entries());
        assertEquals(0, report.firstSequence());
        assertEquals(2, report.lastSequence());
        assertEquals(JournalKind.IN, report.kind());
        assertEquals(EntryHeader.FORMAT_VERSION, report.formatVersion());
        try (Journal journal = Journal.openForRead(dir))
        {
            assertTrue(journal.endedCleanly());
        }
    }

    /** Entries appended one document each, or as one batch (one document): a crash after either is continued alike. */
    @ParameterizedTest(name = "batched={0}")
    @ValueSource(booleans = {false, true})
    void aJournalLeftOpenEndedByACrashIsValidAndContinuesFromItsLastEntry(final boolean batched)
    {
        final Journal crashed = Journal.openForAppend(dir, JournalKind.IN, JournalSync.NONE);
        final JournalAppender appender = crashed.appender();
        if (batched)
        {
            appender.startBatch();
        }
        appender.append(10, Sources.MARKET_DATA, EntryHeader.FORMAT_SBE, bytes("a"), 0, 1);
        appender.append(20, Sources.MARKET_DATA, EntryHeader.FORMAT_SBE, bytes("b"), 0, 1);
        if (batched)
        {
            appender.endBatch();
        }
        // No close: as after kill -9, there is no end marker.

        final JournalVerifier.Report report = verify(dir);
        assertTrue(report.ok(), report.problems().toString());
        assertFalse(report.endedCleanly());
        assertEquals(2, report.entries());
        try (Journal read = Journal.openForRead(dir))
        {
            assertFalse(read.endedCleanly());
        }
        appender.close();
        crashed.close();

        try (Journal journal = Journal.openForAppend(dir, JournalKind.IN, JournalSync.NONE);
            JournalAppender continued = journal.appender())
        {
            assertEquals(2, continued.append(30, Sources.MARKET_DATA, EntryHeader.FORMAT_SBE, bytes("c"), 0, 1));
        }
        final JournalVerifier.Report after = verify(dir);
        assertTrue(after.ok(), after.problems().toString());
        assertEquals(3, after.entries());
        assertEquals(2, after.opens());
        assertTrue(after.endedCleanly());
    }

    @Test
    void readersSkipTheJournalsOwnRecords()
    {
        writeThree(dir);
        try (Journal journal = Journal.openForAppend(dir, JournalKind.IN, JournalSync.EVERY_ENTRY);
            JournalAppender appender = journal.appender())
        {
            assertEquals(3, appender.append(4, Sources.ADMIN, EntryHeader.FORMAT_SBE, bytes("fourth"), 0, 6));
        }
        final StringBuilder payloads = new StringBuilder();
        try (Journal journal = Journal.openForRead(dir); JournalReader reader = journal.reader())
        {
            final JournalEntry entry = new JournalEntry();
            while (reader.next(entry))
            {
                payloads.append(new String(entry.payload(), 0, entry.length(), StandardCharsets.US_ASCII)).append(' ');
            }
        }
        assertEquals("first second third fourth ", payloads.toString());
    }

    @Test
    void theKindIsRecordedAndAppendingAsAnotherKindIsRefused()
    {
        try (Journal journal = Journal.openForAppend(dir, JournalKind.OUT, JournalSync.NONE))
        {
            assertEquals(JournalKind.OUT, journal.kind());
        }
        try (Journal journal = Journal.openForRead(dir))
        {
            assertEquals(JournalKind.OUT, journal.kind());
        }
        final JournalException ex = assertThrows(JournalException.class,
            () -> Journal.openForAppend(dir, JournalKind.IN, JournalSync.NONE));
        assertEquals("journal " + dir + " is an 'out' journal, not 'in': refusing to append to it", ex.getMessage());
    }

    @Test
    void aFormatOneJournalIsRefusedByName()
    {
        try (ChronicleQueue queue = SingleChronicleQueueBuilder.binary(dir).rollCycle(RollCycles.FAST_DAILY)
                .blockSize(Journal.BLOCK_SIZE_BYTES).build();
            ExcerptAppender appender = queue.createAppender())
        {
            final byte[] payload = bytes("old");
            final CRC32C crc = new CRC32C();
            crc.update(payload);
            try (DocumentContext dc = appender.writingDocument())
            {
                dc.wire().bytes().writeLong(1).writeLong(0).writeShort((short)Sources.MARKET_DATA)
                    .writeShort((short)EntryHeader.FORMAT_SBE).writeInt(payload.length).writeInt((int)crc.getValue())
                    .write(payload);
            }
        }
        final JournalException ex = assertThrows(JournalException.class, () -> Journal.openForRead(dir));
        assertTrue(ex.getMessage().contains("is in journal format 1"), ex.getMessage());
        assertTrue(ex.getMessage().contains("reads formats 2 to 3 only"), ex.getMessage());
    }

    @Test
    void syncSettingsParseAndOthersAreRefused()
    {
        assertEquals(JournalSync.NONE, JournalSync.parse("none"));
        assertEquals(JournalSync.EVERY_ENTRY, JournalSync.parse("every-entry"));
        assertEquals(new JournalSync(200), JournalSync.parse("every-200ms"));
        assertEquals("every-200ms", JournalSync.parse("every-200ms").toString());
        for (final String bad : new String[] {"always", "every-0ms", "every--5ms", "every-ms", "every-99999999ms", ""})
        {
            final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> JournalSync.parse(bad));
            assertTrue(ex.getMessage().contains("use none, every-entry or every-<N>ms"), ex.getMessage());
        }
    }

    @Test
    void aMissingFirstCycleFileIsNamed() throws IOException
    {
        writeThreeDays(dir);
        Files.delete(dir.resolve("20260110F.cq4"));

        assertDamaged("its first cycle file");
    }

    @Test
    void aMissingMiddleCycleFileIsASequenceGap() throws IOException
    {
        writeThreeDays(dir);
        Files.delete(dir.resolve("20260111F.cq4"));

        final JournalVerifier.Report report = verify(dir);
        assertFalse(report.ok());
        assertEquals(1, report.gaps());
        assertTrue(report.problems().get(0).startsWith("sequence gap"), report.problems().toString());
        assertTrue(report.problems().get(0).contains("expected 2, found 4"), report.problems().toString());
    }

    @Test
    void aMissingLastCycleFileIsNamed() throws IOException
    {
        writeThreeDays(dir);
        Files.delete(dir.resolve("20260112F.cq4"));

        assertDamaged("its last cycle file 20260112F.cq4 is missing");
    }

    @Test
    void emptiedCycleFilesFirstMiddleOrLastAreNamed() throws IOException
    {
        for (final String name : new String[] {"20260110F.cq4", "20260111F.cq4", "20260112F.cq4"})
        {
            final Path copy = dir.resolve("emptied-" + name);
            writeThreeDays(copy);
            Files.write(copy.resolve(name), new byte[0]);

            final JournalException ex = assertThrows(JournalException.class, () -> Journal.openForRead(copy));
            assertEquals("journal " + copy + " is damaged: cycle file " + name + " is empty", ex.getMessage());
        }
    }

    @Test
    void truncatedCycleFilesFirstMiddleOrLastAreNamed() throws IOException
    {
        for (final String name : new String[] {"20260110F.cq4", "20260111F.cq4", "20260112F.cq4"})
        {
            final Path copy = dir.resolve("truncated-" + name);
            writeThreeDays(copy);
            try (RandomAccessFile file = new RandomAccessFile(copy.resolve(name).toFile(), "rw"))
            {
                file.setLength(4096);
            }

            final JournalException ex = assertThrows(JournalException.class, () -> Journal.openForRead(copy));
            assertTrue(ex.getMessage().startsWith("journal " + copy + " is damaged: cycle file " + name + " is truncated (4096 bytes"),
                ex.getMessage());
        }
    }

    @Test
    void aCorruptMetadataFileIsNamed() throws IOException
    {
        writeThree(dir);
        final byte[] garbage = new byte[4096];
        java.util.Arrays.fill(garbage, (byte)0x5A);
        Files.write(dir.resolve(Journal.METADATA_FILE), garbage);

        final JournalException ex = assertThrows(JournalException.class, () -> Journal.openForRead(dir));
        assertTrue(ex.getMessage().startsWith("journal " + dir + " is damaged: its metadata file metadata.cq4t cannot be read"),
            ex.getMessage());
    }

    @Test
    void aMissingMetadataFileIsNamed() throws IOException
    {
        writeThree(dir);
        Files.delete(dir.resolve(Journal.METADATA_FILE));

        assertDamaged("its metadata file metadata.cq4t is missing");
    }

    /**
     * The damaged length names a place far past the file's end. Reading there faults (SIGBUS), and compiled code
     * reports that fault late, outside any handler: so the damaged journal is verified until the reading code is
     * compiled. Before the reader stopped at the damage, one verify per run gave that JVM error in 64 of 300 runs,
     * and this loop gave it within its first second.
     */
    @Test
    void aCorruptLengthWordIsDamageNotACrash() throws IOException
    {
        writeThree(dir);
        final Path file = cycleFile(dir);
        final byte[] content = Files.readAllBytes(file);
        final int at = indexOf(content, bytes("second")) - EntryHeader.LENGTH - 4;
        // Chronicle's length word of the second document: a length far beyond the file.
        content[at] = (byte)0xF0;
        content[at + 1] = (byte)0xFF;
        content[at + 2] = (byte)0xFF;
        content[at + 3] = (byte)0x0F;
        Files.write(file, content);

        for (int verified = 0; verified < VERIFIES_TO_COMPILE; verified++)
        {
            final String reason = damage(dir);
            assertTrue(reason.startsWith("journal " + dir + " is damaged"), reason);
        }
    }

    /** The one line a damaged journal gives, whether found on opening or while reading. */
    private static String damage(final Path journalDir)
    {
        try (Journal journal = Journal.openForRead(journalDir))
        {
            final JournalVerifier.Report report = JournalVerifier.verify(journal);
            assertFalse(report.ok(), "damage must be found");
            return "journal " + journalDir + " is damaged: " + report.problems().get(0);
        }
        catch (final JournalException ex)
        {
            return ex.getMessage();
        }
    }

    private void assertDamaged(final String expected)
    {
        final String reason = damage(dir);
        assertTrue(reason.startsWith("journal " + dir + " is damaged: "), reason);
        assertTrue(reason.contains(expected), reason);
    }

    private static JournalVerifier.Report verify(final Path journalDir)
    {
        try (Journal journal = Journal.openForRead(journalDir))
        {
            return JournalVerifier.verify(journal);
        }
    }

    private static void writeThree(final Path journalDir)
    {
        try (Journal journal = Journal.openForAppend(journalDir, JournalKind.IN, JournalSync.NONE);
            JournalAppender appender = journal.appender())
        {
            appender.append(1, Sources.MARKET_DATA, EntryHeader.FORMAT_SBE, bytes("first"), 0, 5);
            appender.append(2, Sources.VENUE, EntryHeader.FORMAT_JSON, bytes("second"), 0, 6);
            appender.append(3, Sources.MARKET_DATA, EntryHeader.FORMAT_SBE, bytes("third"), 0, 5);
        }
    }

    /** Two entries on each of three days: sequences 0-1, 2-3 and 4-5 in three cycle files. */
    private static void writeThreeDays(final Path journalDir)
    {
        final SetTimeProvider clock = new SetTimeProvider(DAY_0_MS * 1_000_000L);
        try (Journal journal = Journal.openForAppend(journalDir, JournalKind.IN, JournalSync.NONE, clock))
        {
            try (JournalAppender appender = journal.appender())
            {
                for (int day = 0; day < 3; day++)
                {
                    clock.currentTimeMillis(DAY_0_MS + day * DAY_MS + 1_000);
                    appender.append(day * 2, Sources.MARKET_DATA, EntryHeader.FORMAT_SBE, bytes("x"), 0, 1);
                    appender.append(day * 2 + 1, Sources.MARKET_DATA, EntryHeader.FORMAT_SBE, bytes("y"), 0, 1);
                }
            }
        }
    }

    private static void flipInEntry(final Path journalDir, final String payload, final int headerOffset) throws IOException
    {
        final Path file = cycleFile(journalDir);
        final byte[] content = Files.readAllBytes(file);
        final int at = indexOf(content, bytes(payload));
        content[at - EntryHeader.LENGTH + headerOffset] ^= 0x01;
        Files.write(file, content);
    }

    private static Path cycleFile(final Path journalDir) throws IOException
    {
        try (var files = Files.list(journalDir))
        {
            return files.filter((p) -> p.toString().endsWith(".cq4")).findFirst().orElseThrow();
        }
    }

    private static byte[] bytes(final String s)
    {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static int indexOf(final byte[] haystack, final byte[] needle)
    {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++)
        {
            for (int j = 0; j < needle.length; j++)
            {
                if (haystack[i + j] != needle[j])
                {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
