package io.qts.journal;

import net.openhft.posix.PosixAPI;

/**
 * Chronicle's own POSIX binding ({@code net.openhft:posix}, on the class path with Chronicle Queue), on Linux only:
 * the JDK has neither {@code fallocate(2)} nor {@code madvise(2)}. Only Linux's binding does what it is asked (the
 * Windows one reports success without doing anything).
 */
final class LinuxPosix
{
    /** The binding; null off Linux or where it cannot load. */
    static final PosixAPI API = System.getProperty("os.name", "").startsWith("Linux") ? load() : null;

    private LinuxPosix()
    {
    }

    private static PosixAPI load()
    {
        try
        {
            return PosixAPI.posix();
        }
        catch (final RuntimeException | LinkageError ex)
        {
            return null;
        }
    }
}
