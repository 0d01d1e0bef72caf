package io.qts.bench;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A latency run names the disk its journals were on: the device number is split the way glibc's sysmacros do, and
 * the device found for a directory is the one {@code stat} reports, with its read-ahead setting from sysfs.
 */
class JournalDiskTest
{
    @TempDir
    Path dir;

    /** glibc's {@code gnu_dev_makedev}: the inverse of what is tested. */
    private static long makedev(final long major, final long minor)
    {
        return ((major & 0xfffL) << 8) | ((major & ~0xfffL) << 32) | (minor & 0xffL) | ((minor & ~0xffL) << 12);
    }

    @Test
    void deviceNumbersSplitAsGlibcDoes()
    {
        assertEquals(254, JournalDisk.major(0xfe00));
        assertEquals(0, JournalDisk.minor(0xfe00));
        assertEquals(8, JournalDisk.major(0x10082c));
        assertEquals(300, JournalDisk.minor(0x10082c));
        final Random random = new Random(13);
        for (int n = 0; n < 10_000; n++)
        {
            final long major = random.nextInt(1 << 20);
            final long minor = random.nextInt(1 << 20);
            final long dev = makedev(major, minor);
            assertEquals(major, JournalDisk.major(dev), "major of " + Long.toHexString(dev));
            assertEquals(minor, JournalDisk.minor(dev), "minor of " + Long.toHexString(dev));
        }
    }

    @Test
    void theDeviceOfADirectoryIsTheOneStatReportsWithItsReadAhead() throws Exception
    {
        Assumptions.assumeTrue(Files.isDirectory(Path.of("/sys/dev/block")), "skipped: needs Linux sysfs");
        final Process stat = new ProcessBuilder("stat", "-c", "%Hd:%Ld", dir.toString()).redirectErrorStream(true).start();
        final String statDevice = new String(stat.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
        assertTrue(stat.waitFor(10, TimeUnit.SECONDS) && stat.exitValue() == 0, "stat: " + statDevice);
        final JournalDisk disk = JournalDisk.of(dir);
        final Path sysDevice = Path.of("/sys/dev/block", statDevice);
        Assumptions.assumeTrue(Files.isDirectory(sysDevice), "skipped: the temp dir is on no block device (" + statDevice + ")");
        assertEquals(statDevice, disk.device());
        final Path readAhead = Files.exists(sysDevice.resolve("queue/read_ahead_kb"))
            ? sysDevice.resolve("queue/read_ahead_kb") : sysDevice.resolve("../queue/read_ahead_kb");
        assertEquals(Long.parseLong(Files.readString(readAhead).trim()), disk.readAheadKb());
        assertTrue(disk.describe().endsWith("read-ahead " + disk.readAheadKb() + " KB"), disk.describe());
    }
}
