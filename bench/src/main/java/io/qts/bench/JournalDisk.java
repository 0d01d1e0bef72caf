package io.qts.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The block device a benchmark's journals are written to and its read-ahead setting, so a latency run says on what
 * disk it ran: a write fault on a file mapping used to read around the page as far as that setting, and the journal's
 * tail with it (docs/performance.md). Linux only; elsewhere, and on a file system with no block device (tmpfs), the
 * device is unknown.
 *
 * @param device      "MAJOR:MINOR" of the device, or null when unknown.
 * @param readAheadKb {@code /sys/dev/block/MAJOR:MINOR/queue/read_ahead_kb} (that of the whole disk for a
 *                    partition), in KB, or -1 when unknown.
 */
record JournalDisk(String device, long readAheadKb)
{
    private static final Path SYS_DEV_BLOCK = Path.of("/sys/dev/block");

    /** The device holding {@code dir}; unknown when it does not exist. */
    static JournalDisk of(final Path dir)
    {
        final long dev;
        try
        {
            dev = ((Number)Files.getAttribute(dir, "unix:dev")).longValue();
        }
        catch (final IOException | UnsupportedOperationException | IllegalArgumentException ex)
        {
            return new JournalDisk(null, -1);
        }
        final String device = major(dev) + ":" + minor(dev);
        final Path sysDevice = SYS_DEV_BLOCK.resolve(device);
        for (final Path queue : new Path[] {sysDevice.resolve("queue"), sysDevice.resolve("../queue")})
        {
            try
            {
                return new JournalDisk(device, Long.parseLong(Files.readString(queue.resolve("read_ahead_kb")).trim()));
            }
            catch (final IOException | NumberFormatException ex)
            {
                // Not this one: a partition has its queue on the whole disk, one level up.
            }
        }
        return new JournalDisk(Files.isDirectory(sysDevice) ? device : null, -1);
    }

    /** The major number of a Linux {@code dev_t} (glibc's {@code gnu_dev_major}). */
    static long major(final long dev)
    {
        return ((dev & 0xfff00L) >>> 8) | ((dev & 0xfffff00000000000L) >>> 32);
    }

    /** The minor number of a Linux {@code dev_t} (glibc's {@code gnu_dev_minor}). */
    static long minor(final long dev)
    {
        return (dev & 0xffL) | ((dev & 0xffffff00000L) >>> 12);
    }

    /** One line for people: "block device 254:0, read-ahead 8192 KB", or what is not known. */
    String describe()
    {
        if (device == null)
        {
            return "not on a block device (or not known here)";
        }
        return readAheadKb < 0 ? "block device " + device + ", read-ahead not known"
            : "block device " + device + ", read-ahead " + readAheadKb + " KB";
    }
}
