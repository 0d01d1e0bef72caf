package io.qts.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** A fresh directory for one benchmark's journals, with a fresh subdirectory per run; all deleted at the end. */
final class WorkDir implements AutoCloseable
{
    private final Path root;
    private int runs;

    private WorkDir(final Path root)
    {
        this.root = root;
    }

    /** @param parent where to create it, or null for the system temp dir. */
    static WorkDir create(final Path parent)
    {
        try
        {
            if (parent == null)
            {
                return new WorkDir(Files.createTempDirectory("qts-throughput-"));
            }
            Files.createDirectories(parent);
            return new WorkDir(Files.createTempDirectory(parent, "qts-throughput-"));
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot create a work directory under " +
                (parent == null ? System.getProperty("java.io.tmpdir") : parent), ex);
        }
    }

    Path root()
    {
        return root;
    }

    /** A path for a new journal; the journal creates it. */
    Path fresh(final String name)
    {
        runs++;
        return root.resolve(runs + "-" + name);
    }

    static void delete(final Path dir)
    {
        if (!Files.exists(dir))
        {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir))
        {
            for (final Path path : (Iterable<Path>)paths.sorted(Comparator.reverseOrder())::iterator)
            {
                Files.delete(path);
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot delete " + dir, ex);
        }
    }

    @Override
    public void close()
    {
        delete(root);
    }
}
