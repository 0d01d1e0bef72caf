package io.qts.adapters.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Temporary directories that outputs are built in before they are moved into place (imports, reports).
 * Each is deleted when its owner fails, and, if the process is stopped (SIGTERM, Ctrl-C) while one
 * exists, by one shutdown hook: an interrupted import or report leaves nothing behind.
 */
public final class ScratchDirs
{
    private static final Set<Path> LIVE = new LinkedHashSet<>();
    private static boolean hookInstalled;

    private ScratchDirs()
    {
    }

    /** A new empty directory {@code .NAME.PURPOSE-*} beside {@code target}, deleted on shutdown until {@link #release}d. */
    public static synchronized Path create(final Path target, final String purpose) throws IOException
    {
        final Path parent = target.getParent();
        Files.createDirectories(parent);
        if (!hookInstalled)
        {
            Runtime.getRuntime().addShutdownHook(new Thread(ScratchDirs::deleteAll, "qts-scratch-cleanup"));
            hookInstalled = true;
        }
        final Path dir = Files.createTempDirectory(parent, "." + target.getFileName() + "." + purpose + "-");
        LIVE.add(dir);
        return dir;
    }

    /** The directory was moved into place or deleted: nothing to clean up any more. */
    public static synchronized void release(final Path dir)
    {
        LIVE.remove(dir);
    }

    /** Deletes the tree (if it still exists) and releases it; a failure to delete is added to {@code cause}. */
    public static void delete(final Path dir, final Throwable cause)
    {
        try
        {
            deleteTree(dir);
        }
        catch (final IOException ex)
        {
            if (cause != null)
            {
                cause.addSuppressed(ex);
            }
        }
        release(dir);
    }

    private static void deleteAll()
    {
        final List<Path> dirs;
        synchronized (ScratchDirs.class)
        {
            dirs = List.copyOf(LIVE);
        }
        for (final Path dir : dirs)
        {
            try
            {
                deleteTree(dir);
            }
            catch (final IOException ignored)
            {
                // The JVM is going down; nothing can report this any more.
            }
        }
    }

    private static void deleteTree(final Path root) throws IOException
    {
        if (!Files.exists(root))
        {
            return;
        }
        try (Stream<Path> paths = Files.walk(root))
        {
            for (final Path path : (Iterable<Path>)paths.sorted(Comparator.reverseOrder())::iterator)
            {
                Files.deleteIfExists(path);
            }
        }
    }
}
