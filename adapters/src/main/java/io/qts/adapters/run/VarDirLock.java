package io.qts.adapters.run;

import io.qts.adapters.cli.UserError;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One engine per var directory: an operating-system lock ({@link FileChannel#tryLock()}) on {@value #FILE_NAME}
 * in it, held for as long as the run lasts. The operating system drops the lock when the process ends, however
 * it ends (kill -9 included), so a dead engine never leaves a stale lock behind; the file itself stays and
 * holds the pid of the last holder, which the refusal names.
 */
public final class VarDirLock implements AutoCloseable
{
    /** The lock file's name in the var directory; it holds the pid of the last holder. */
    public static final String FILE_NAME = "qts.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private VarDirLock(final FileChannel channel, final FileLock lock)
    {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock of {@code varDir} (created if missing) and writes this process's pid into the lock file.
     *
     * @throws UserError when another engine holds it: "var dir DIR is in use by another engine (pid N) ...".
     * @throws UncheckedIOException when the directory or the lock file cannot be created or written.
     */
    public static VarDirLock acquire(final Path varDir)
    {
        final Path file = varDir.resolve(FILE_NAME);
        FileChannel channel = null;
        try
        {
            Files.createDirectories(varDir);
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            final FileLock lock = tryLock(channel);
            if (lock == null)
            {
                final String holder = holder(channel);
                channel.close();
                throw inUse(varDir, holder);
            }
            final byte[] pid = (ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII);
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(pid), 0);
            channel.force(false);
            return new VarDirLock(channel, lock);
        }
        catch (final IOException ex)
        {
            closeQuietly(channel);
            throw new UncheckedIOException("cannot lock " + file, ex);
        }
    }

    /**
     * Refuses like {@link #acquire} when another engine holds {@code varDir}'s lock, without creating anything: a var dir
     * or lock file that does not exist yet is held by nobody. The lock is taken for real by {@link #acquire}; this only
     * lets a start name the engine in its way before it binds ports that engine would also hold.
     *
     * @throws UserError when another engine holds it.
     * @throws UncheckedIOException when the existing lock file cannot be opened.
     */
    public static void refuseIfHeld(final Path varDir)
    {
        final Path file = varDir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file))
        {
            return;
        }
        try (VarDirLock probe = acquireExisting(varDir, file))
        {
            // Free: released at once, unchanged (the pid in it is the last holder's).
        }
    }

    private static VarDirLock acquireExisting(final Path varDir, final Path file)
    {
        FileChannel channel = null;
        try
        {
            channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
            final FileLock lock = tryLock(channel);
            if (lock == null)
            {
                final String holder = holder(channel);
                channel.close();
                throw inUse(varDir, holder);
            }
            return new VarDirLock(channel, lock);
        }
        catch (final IOException ex)
        {
            closeQuietly(channel);
            throw new UncheckedIOException("cannot lock " + file, ex);
        }
    }

    private static FileLock tryLock(final FileChannel channel) throws IOException
    {
        try
        {
            return channel.tryLock();
        }
        catch (final OverlappingFileLockException ex)
        {
            // This JVM already holds it (a second run in the same process): refused like another process.
            return null;
        }
    }

    private static UserError inUse(final Path varDir, final String holder)
    {
        return new UserError("var dir " + varDir + " is in use by another engine (pid " + holder
            + "); one engine per var dir: stop it, or give this run another --var-dir");
    }

    /** The pid the holder wrote, or "unknown" while it has not written it yet. */
    private static String holder(final FileChannel channel) throws IOException
    {
        final ByteBuffer buffer = ByteBuffer.allocate(32);
        channel.read(buffer, 0);
        final String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII).trim();
        return text.isEmpty() ? "unknown" : text;
    }

    private static void closeQuietly(final FileChannel channel)
    {
        if (channel != null)
        {
            try
            {
                channel.close();
            }
            catch (final IOException ignored)
            {
                // Closing releases the lock; the failure that brought us here is the one to report.
            }
        }
    }

    /** Releases the lock; the file stays (deleting it could race a starting engine that already opened it). */
    @Override
    public void close()
    {
        try
        {
            lock.release();
            channel.close();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot release " + FILE_NAME, ex);
        }
    }
}
