package io.qts.journal;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A full disk under a memory-mapped journal, for real: an 8 MB tmpfs. Skipped, saying why, where mounting is not
 * permitted (not root, or a container without the capability).
 */
class JournalDiskFullTest
{
    @TempDir
    Path tmp;
    private Path mount;

    @BeforeEach
    void mountSmallTmpfs() throws Exception
    {
        mount = Files.createDirectories(tmp.resolve("tmpfs"));
        final int rc = run("mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", mount.toString());
        Assumptions.assumeTrue(rc == 0, "skipped: cannot mount a tmpfs here (mount exit " + rc + "; needs root)");
    }

    @AfterEach
    void unmount() throws Exception
    {
        // Lazily: Chronicle releases its mappings on a background thread, a moment after close.
        run("umount", "-l", mount.toString());
    }

    @Test
    void aFullDiskStopsAppendingWithOneLineAndEveryEntryBeforeItSurvives() throws IOException
    {
        final Path dir = mount.resolve("in");
        final byte[] payload = new byte[EntryHeader.MAX_PAYLOAD_LENGTH];
        long appended = 0;
        final JournalException full;
        try (Journal journal = Journal.openForAppend(dir, JournalKind.IN, JournalSync.NONE))
        {
            try (JournalAppender appender = journal.appender())
            {
                full = assertThrows(JournalException.class, () ->
                {
                    for (long n = 0; n < 10_000; n++)
                    {
                        appender.append(n, Sources.MARKET_DATA, EntryHeader.FORMAT_SBE, payload, 0, payload.length);
                    }
                });
                appended = appender.nextSequence();
                // Failed once, failed for good: nothing is appended after a write failure.
                assertThrows(JournalException.class,
                    () -> appender.append(0, Sources.MARKET_DATA, EntryHeader.FORMAT_SBE, payload, 0, 1));
            }
            assertTrue(journal.hasFailed());
        }
        assertEquals("journal " + dir + " cannot be written: no space left on device; trading stopped, the next start "
            + "recovers up to the last complete entry", full.getMessage());
        assertTrue(appended > 1_000, "a few MB went in before the disk filled: " + appended);

        final JournalVerifier.Report report;
        try (Journal journal = Journal.openForRead(dir))
        {
            report = JournalVerifier.verify(journal);
        }
        assertTrue(report.ok(), report.problems().toString());
        assertFalse(report.endedCleanly(), "no end marker after a write failure");
        assertEquals(appended, report.entries());

        final Path copy = Files.createDirectories(tmp.resolve("moved"));
        try (var files = Files.list(dir))
        {
            for (final Path file : (Iterable<Path>)files::iterator)
            {
                Files.copy(file, copy.resolve(file.getFileName()));
            }
        }
        try (Journal journal = Journal.openForAppend(copy, JournalKind.IN, JournalSync.NONE);
            JournalAppender appender = journal.appender())
        {
            assertEquals(appended, appender.append(1, Sources.MARKET_DATA, EntryHeader.FORMAT_SBE, payload, 0, 1));
        }
    }

    @Test
    void openingForAppendWithoutRoomIsRefusedAtOnce() throws IOException
    {
        final Path filler = mount.resolve("filler");
        final byte[] block = new byte[1 << 20];
        try (var out = Files.newOutputStream(filler))
        {
            for (int i = 0; i < 7; i++)
            {
                out.write(block);
            }
        }
        final JournalException ex = assertThrows(JournalException.class,
            () -> Journal.openForAppend(mount.resolve("in"), JournalKind.IN, JournalSync.NONE));
        assertTrue(ex.getMessage().startsWith("journal " + mount.resolve("in") + " cannot be written: no space left on device ("),
            ex.getMessage());
    }

    @Test
    void aReadOnlyFileSystemIsNamed() throws Exception
    {
        Files.createDirectories(mount.resolve("in"));
        assertEquals(0, run("mount", "-o", "remount,ro", mount.toString()), "remount read-only");

        final JournalException ex = assertThrows(JournalException.class,
            () -> Journal.openForAppend(mount.resolve("in"), JournalKind.IN, JournalSync.NONE));
        assertEquals("journal " + mount.resolve("in") + " cannot be written: read-only file system", ex.getMessage());
    }

    private static int run(final String... command) throws Exception
    {
        try
        {
            final Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return process.waitFor(30, TimeUnit.SECONDS) ? process.exitValue() : -1;
        }
        catch (final IOException ex)
        {
            return -1;
        }
    }
}
