package io.qts.journal;

import net.openhft.affinity.Affinity;
import net.openhft.chronicle.core.time.SetTimeProvider;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Disk blocks are allocated ahead of the writer by a thread of its own: at every entry the journal's cycle file has
 * blocks well past the last entry, also after a daily roll to a new file, and closing the appender ends that thread.
 */
class SpaceReservationTest
{
    private static final String THREAD = "qts-journal-reserve";

    /**
     * What the writer has reserved ahead of it at every moment: it waits for MIN_LEFT_BYTES at a check and writes
     * less than SIGNAL_BYTES before the next one, which leaves two documents' worth (room for its last document and
     * an index array Chronicle may add).
     */
    private static final long ALWAYS_AHEAD_BYTES = SpaceReservation.MIN_LEFT_BYTES - SpaceReservation.SIGNAL_BYTES;

    @TempDir
    Path dir;

    @Test
    void blocksStayAllocatedAheadOfEveryEntryWhileSeveralMegabytesAreWritten() throws Exception
    {
        final byte[] payload = new byte[1_000];
        try (Journal journal = Journal.openForAppend(dir, JournalKind.IN, JournalSync.NONE);
            JournalAppender appender = journal.appender())
        {
            for (int n = 0; n < 8_000; n++)
            {
                appender.append(n, Sources.MARKET_DATA, EntryHeader.FORMAT_SBE, payload, 0, payload.length);
                if (n % 500 == 499)
                {
                    final Path cycleFile = cycleFile();
                    final long written = (n + 1) * (long)(payload.length + EntryHeader.CHECKSUM_OFFSET);
                    final long allocated = allocatedBytes(cycleFile);
                    assertTrue(allocated >= written + ALWAYS_AHEAD_BYTES,
                        "after " + (n + 1) + " entries (" + written + " bytes) only " + allocated + " bytes are allocated");
                }
            }
        }
    }

    @Test
    void blocksStayAllocatedMoreThanADocumentAheadOfEveryBatch() throws Exception
    {
        final byte[] payload = new byte[1_000];
        try (Journal journal = Journal.openForAppend(dir, JournalKind.IN, JournalSync.NONE);
            JournalAppender appender = journal.appender())
        {
            for (int n = 0; n < 8_000; n += 64)
            {
                appender.startBatch();
                for (int k = n; k < n + 64; k++)
                {
                    appender.append(k, Sources.MARKET_DATA, EntryHeader.FORMAT_SBE, payload, 0, payload.length);
                }
                appender.endBatch();
                final long written = (n + 64) * (long)(payload.length + EntryHeader.LENGTH);
                final long allocated = allocatedBytes(cycleFile());
                assertTrue(allocated >= written + ALWAYS_AHEAD_BYTES,
                    "after " + (n + 64) + " entries (" + written + " bytes) only " + allocated + " bytes are allocated");
            }
        }
    }

    @Test
    void atEachDailyRollTheReservationMovesToTheNewCycleFileAndEveryEntryReadsBack() throws Exception
    {
        final long dayMs = 86_400_000L;
        final long day0Ms = 20_463L * dayMs;
        final SetTimeProvider clock = new SetTimeProvider(day0Ms * 1_000_000L);
        final byte[] payload = new byte[1_000];
        final int perDay = 2_000;
        try (Journal journal = Journal.openForAppend(dir, JournalKind.IN, JournalSync.NONE, clock);
            JournalAppender appender = journal.appender())
        {
            for (int day = 0; day < 3; day++)
            {
                clock.currentTimeMillis(day0Ms + day * dayMs + 1_000);
                for (int n = 0; n < perDay; n++)
                {
                    appender.append(day * perDay + n, Sources.MARKET_DATA, EntryHeader.FORMAT_SBE, payload, 0, payload.length);
                }
                final Path newest = cycleFiles().get(day);
                final long written = perDay * (long)(payload.length + EntryHeader.CHECKSUM_OFFSET);
                assertTrue(allocatedBytes(newest) >= written + ALWAYS_AHEAD_BYTES,
                    "day " + day + ": " + allocatedBytes(newest) + " bytes allocated in " + newest.getFileName());
            }
        }
        assertEquals(3, cycleFiles().size());
        try (Journal journal = Journal.openForRead(dir))
        {
            final JournalVerifier.Report report = JournalVerifier.verify(journal);
            assertTrue(report.ok(), report.problems().toString());
            assertEquals(3L * perDay, report.entries());
        }
    }

    @Test
    void theReservingThreadRunsOnTheProcessCpusNotOnThoseOfThePinnedThreadThatStartedIt() throws Exception
    {
        final BitSet processCpus = ProcessCpus.read();
        Assumptions.assumeTrue(processCpus.cardinality() >= 2, "skipped: needs 2 CPUs and /proc, has " + processCpus);
        Assumptions.assumeFalse("NullAffinity".equals(Affinity.getAffinityImpl().getClass().getSimpleName()),
            "skipped: no native thread affinity here");
        final String[] reservingCpus = new String[1];
        final Throwable[] failure = new Throwable[1];
        final Thread pinned = new Thread(() ->
        {
            try
            {
                Affinity.setAffinity(processCpus.nextSetBit(0));
                try (Journal journal = Journal.openForAppend(dir, JournalKind.IN, JournalSync.NONE);
                    JournalAppender appender = journal.appender())
                {
                    appender.append(1, Sources.MARKET_DATA, EntryHeader.FORMAT_SBE, new byte[8], 0, 8);
                    reservingCpus[0] = cpusAllowedOf("qts-journal-res");
                }
            }
            catch (final Throwable ex)
            {
                failure[0] = ex;
            }
        }, "pinned-writer");
        pinned.start();
        pinned.join();
        assertEquals(null, failure[0]);
        assertEquals(processCpus, ProcessCpus.parse(reservingCpus[0]), "the reserving thread's CPUs");
    }

    /**
     * The kernel is told the writer's mapping is read at random ("rr" in its VmFlags, proc(5)), so a fault ahead of the
     * writer maps one page instead of reading around it as far as the disk's read-ahead setting.
     */
    @Test
    void theWritersMappedBlockIsAdvisedRandomSoAFaultDoesNotReadAround() throws Exception
    {
        final Path smaps = Path.of("/proc/self/smaps");
        Assumptions.assumeTrue(LinuxPosix.API != null && Files.isReadable(smaps), "skipped: needs Linux and /proc");
        final byte[] payload = new byte[1_000];
        try (Journal journal = Journal.openForAppend(dir, JournalKind.IN, JournalSync.NONE);
            JournalAppender appender = journal.appender())
        {
            // Enough for the writer to signal the reserving thread, which advises the block before it pretouches.
            for (int n = 0; n < 2_000; n++)
            {
                appender.append(n, Sources.MARKET_DATA, EntryHeader.FORMAT_SBE, payload, 0, payload.length);
            }
            final String cycleFileName = cycleFile().getFileName().toString();
            // The thread advises asynchronously: up to 5 s for it.
            List<String> flags = vmFlagsOfMappingsOf(smaps, cycleFileName);
            for (int wait = 0; wait < 100 && !(flags.size() > 0 && flags.stream().allMatch(line -> line.contains(" rr"))); wait++)
            {
                Thread.sleep(50);
                flags = vmFlagsOfMappingsOf(smaps, cycleFileName);
            }
            assertTrue(!flags.isEmpty(), "no mapping of " + cycleFileName + " in " + smaps);
            for (final String line : flags)
            {
                assertTrue(line.contains(" rr"), "a mapping of " + cycleFileName + " without MADV_RANDOM: " + line);
            }
        }
    }

    /** The "VmFlags:" line of each mapping of a file whose name ends with {@code fileName}. */
    private static List<String> vmFlagsOfMappingsOf(final Path smaps, final String fileName) throws IOException
    {
        final List<String> flags = new ArrayList<>();
        boolean inMapping = false;
        for (final String line : Files.readAllLines(smaps, StandardCharsets.US_ASCII))
        {
            if (line.matches("^[0-9a-f]+-[0-9a-f]+ .*"))
            {
                inMapping = line.endsWith("/" + fileName);
            }
            else if (inMapping && line.startsWith("VmFlags:"))
            {
                flags.add(line);
            }
        }
        return flags;
    }

    @Test
    void aLinuxCpuListIsParsed()
    {
        final BitSet expected = new BitSet();
        expected.set(0, 4);
        expected.set(8);
        expected.set(10, 12);
        assertEquals(expected, ProcessCpus.parse("0-3,8,10-11"));
    }

    @Test
    void closingTheAppenderEndsTheReservingThread() throws IOException
    {
        final long before = reservingThreads();
        try (Journal journal = Journal.openForAppend(dir, JournalKind.IN, JournalSync.NONE))
        {
            try (JournalAppender appender = journal.appender())
            {
                appender.append(1, Sources.MARKET_DATA, EntryHeader.FORMAT_SBE, new byte[8], 0, 8);
                assertEquals(before + 1, reservingThreads());
            }
            assertEquals(before, reservingThreads());
        }
        assertEquals(before, reservingThreads());
    }

    private Path cycleFile() throws IOException
    {
        final List<Path> cycles = cycleFiles();
        assertEquals(1, cycles.size(), cycles.toString());
        return cycles.get(0);
    }

    /** The cycle files, oldest first (their names are their dates). */
    private List<Path> cycleFiles() throws IOException
    {
        try (Stream<Path> files = Files.list(dir))
        {
            return files.filter(file -> file.toString().endsWith(".cq4")).sorted().collect(Collectors.toList());
        }
    }

    /** Blocks the file system has allocated to the file, in bytes ({@code stat}: blocks times the block unit). */
    private static long allocatedBytes(final Path file) throws Exception
    {
        final Process stat = new ProcessBuilder("stat", "-c", "%b %B", file.toString()).redirectErrorStream(true).start();
        final String out = new String(stat.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
        assertTrue(stat.waitFor(10, TimeUnit.SECONDS) && stat.exitValue() == 0, "stat: " + out);
        final String[] fields = out.split(" ");
        return Long.parseLong(fields[0]) * Long.parseLong(fields[1]);
    }

    /** The Cpus_allowed_list of this process's thread with that name (Linux cuts thread names to 15 characters). */
    private static String cpusAllowedOf(final String threadName) throws IOException
    {
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task")))
        {
            for (final Path task : (Iterable<Path>)tasks::iterator)
            {
                if (Files.readString(task.resolve("comm")).strip().equals(threadName))
                {
                    for (final String line : Files.readAllLines(task.resolve("status")))
                    {
                        if (line.startsWith("Cpus_allowed_list:"))
                        {
                            return line.substring("Cpus_allowed_list:".length()).strip();
                        }
                    }
                }
            }
        }
        throw new AssertionError("no thread named " + threadName);
    }

    private static long reservingThreads()
    {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> THREAD.equals(t.getName()) && t.isAlive()).count();
    }
}
