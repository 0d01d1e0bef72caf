package io.qts.adapters.run;

import io.qts.engine.ClientOrderIds;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Hands out session numbers for live runs, one more each time, kept in {@code var/session}. Upbit remembers
 * every {@code identifier} an account ever used, so the next run's client order ids must not meet the last
 * run's: the session number is part of them. Numbers run 1 to 65535 and then start again at 1, and a new
 * var directory starts again too; give each engine sharing an account its own {@code engine.id}.
 */
public final class SessionNumbers
{
    static final String FILE_NAME = "session";

    private SessionNumbers()
    {
    }

    /** The next number, written (whole or not at all) before it is returned. */
    public static int next(final Path varDir)
    {
        final Path file = varDir.resolve(FILE_NAME);
        try
        {
            final int last = Files.exists(file) ? Integer.parseInt(Files.readString(file, StandardCharsets.US_ASCII).trim()) : 0;
            final int next = last >= ClientOrderIds.MAX_SESSION || last < 0 ? 1 : last + 1;
            Files.createDirectories(varDir);
            final Path tmp = varDir.resolve(FILE_NAME + ".tmp");
            Files.writeString(tmp, next + "\n", StandardCharsets.US_ASCII);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return next;
        }
        catch (final NumberFormatException ex)
        {
            throw new io.qts.adapters.cli.UserError(file + " must hold the last session number, a whole number; it holds something else");
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot keep the session number in " + file, ex);
        }
    }
}
