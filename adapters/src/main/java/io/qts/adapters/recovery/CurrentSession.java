package io.qts.adapters.recovery;

import io.qts.adapters.cli.UserError;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * The session in progress on a venue account, as a pointer file in the var directory ({@value #FILE_NAME}: the
 * session's directory name under {@code var/journal}). Set when such a session starts; cleared only when a process
 * ends it in order, flat, with no order in flight and not halted by its reconciliation. While it is set, the next
 * {@code qts run} continues that session.
 */
public final class CurrentSession
{
    /** The marker file's name in the var directory; it holds the current session's directory name. */
    public static final String FILE_NAME = "current-session";

    private CurrentSession()
    {
    }

    /**
     * The directory of the session in progress, if any.
     *
     * @throws UserError if the pointer names a directory that holds no session.
     */
    public static Optional<Path> find(final Path varDir)
    {
        final Path file = varDir.resolve(FILE_NAME);
        if (!Files.exists(file))
        {
            return Optional.empty();
        }
        try
        {
            final String name = Files.readString(file, StandardCharsets.UTF_8).trim();
            final Path dir = varDir.resolve("journal").resolve(name);
            if (name.isEmpty() || name.contains("/") || !Files.isDirectory(dir.resolve("in")))
            {
                throw new UserError(file + " names session '" + name + "', which has no journal under " + varDir.resolve("journal")
                    + " (start a new session with --new-session)");
            }
            return Optional.of(dir);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot read " + file, ex);
        }
    }

    /** Marks {@code runDir} (a directory under var/journal) as the session in progress. */
    public static void mark(final Path varDir, final Path runDir)
    {
        final Path file = varDir.resolve(FILE_NAME);
        try
        {
            Files.createDirectories(varDir);
            final Path tmp = varDir.resolve(FILE_NAME + ".tmp");
            Files.writeString(tmp, runDir.getFileName() + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot write " + file, ex);
        }
    }

    /** The session ended in order, flat, nothing in flight: the next run starts a new one. */
    public static void clear(final Path varDir)
    {
        try
        {
            Files.deleteIfExists(varDir.resolve(FILE_NAME));
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot remove " + varDir.resolve(FILE_NAME), ex);
        }
    }
}
