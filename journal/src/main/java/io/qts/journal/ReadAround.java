package io.qts.journal;

import net.openhft.chronicle.bytes.MappedBytesStore;
import net.openhft.posix.MAdviseFlag;
import net.openhft.posix.PosixAPI;

/**
 * Turns off the kernel's read-around for the journal writer's mapped blocks, with {@code madvise(MADV_RANDOM)} over
 * the whole mapping (Linux madvise(2)). A write fault on a page of a shared file mapping first reads the page in, and
 * without the advice reads around it as far as the block device's read-ahead setting
 * ({@code /sys/block/DEVICE/queue/read_ahead_kb}: 128 KB by default, 8 MB on this project's VM); over the
 * allocated-but-unwritten region ahead of the writer that is zeroing that much page cache in one fault. The writer's
 * pages ahead of it hold nothing to read, so the advice costs nothing and turns one long fault per read-ahead window
 * into one short fault per page.
 * <p>
 * The advice is a hint: where it is refused, or off Linux, the kernel's default read-around stays, which costs
 * latency, never data.
 */
final class ReadAround
{
    private final PosixAPI posix = LinuxPosix.API;

    /**
     * Advises random access over the whole mapping of {@code store}; the caller holds a reference to it, so it is
     * mapped throughout. Off Linux, or without the native binding, it does nothing.
     */
    void disable(final MappedBytesStore store)
    {
        if (posix == null)
        {
            return;
        }
        final long start = store.start();
        final long address = store.addressForRead(start);
        final long length = store.realCapacity() - start;
        try
        {
            // A refusal (non-zero) leaves the default read-around: slower faults, nothing else (see the class comment).
            posix.madvise(address, length, MAdviseFlag.MADV_RANDOM);
        }
        catch (final RuntimeException ex)
        {
            // Likewise: a hint that cannot be given must not stop the journal.
        }
    }
}
