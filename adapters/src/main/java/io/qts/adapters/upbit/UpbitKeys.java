package io.qts.adapters.upbit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Upbit API keys, from the environment ({@code UPBIT_ACCESS_KEY}, {@code UPBIT_SECRET_KEY}) or from a key file
 * (properties: {@code access_key=...}, {@code secret_key=...}) that only its owner may read. The keys never appear in
 * a message, a log line or {@link #toString()}.
 */
public final class UpbitKeys
{
    /** The environment variable holding the Upbit access key. */
    public static final String ACCESS_ENV = "UPBIT_ACCESS_KEY";
    /** The environment variable holding the Upbit secret key. */
    public static final String SECRET_ENV = "UPBIT_SECRET_KEY";

    private UpbitKeys()
    {
    }

    /**
     * The key file if a path is given, else the environment.
     *
     * @throws IllegalArgumentException with a clear message (naming the variable or file, never a key) if none is usable.
     */
    public static UpbitAuth load(final Path keyFile, final Map<String, String> env)
    {
        return keyFile != null ? fromFile(keyFile) : fromEnvironment(env);
    }

    /**
     * The keys from {@value #ACCESS_ENV} and {@value #SECRET_ENV}, trimmed.
     *
     * @throws IllegalArgumentException naming both variables if either is missing or blank.
     */
    public static UpbitAuth fromEnvironment(final Map<String, String> env)
    {
        final String access = env.get(ACCESS_ENV);
        final String secret = env.get(SECRET_ENV);
        if (access == null || access.isBlank() || secret == null || secret.isBlank())
        {
            throw new IllegalArgumentException("Upbit keys missing: set " + ACCESS_ENV + " and " + SECRET_ENV +
                " in the environment (or give a key file)");
        }
        return new UpbitAuth(access.trim(), secret.trim().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The keys from a properties file ({@code access_key=...}, {@code secret_key=...}), trimmed. On a POSIX file system
     * the file must be neither readable nor writable by group or others.
     *
     * @throws IllegalArgumentException naming the file (never a key) if it is missing, not a regular file, open to
     * group or others, unreadable, or lacks either key.
     */
    public static UpbitAuth fromFile(final Path file)
    {
        if (!Files.isRegularFile(file))
        {
            throw new IllegalArgumentException("Upbit key file " + file + " does not exist or is not a file");
        }
        try
        {
            final Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS);
            if (permissions.contains(PosixFilePermission.GROUP_READ) || permissions.contains(PosixFilePermission.OTHERS_READ) ||
                permissions.contains(PosixFilePermission.GROUP_WRITE) || permissions.contains(PosixFilePermission.OTHERS_WRITE))
            {
                throw new IllegalArgumentException("Upbit key file " + file + " is readable or writable by group or others; " +
                    "refusing it (chmod 600 " + file.getFileName() + ")");
            }
        }
        catch (final UnsupportedOperationException ex)
        {
            // not a POSIX file system: nothing to check
        }
        catch (final IOException ex)
        {
            throw new IllegalArgumentException("cannot read the permissions of Upbit key file " + file + ": " + ex.getMessage());
        }
        final Properties properties = new Properties();
        try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8))
        {
            properties.load(reader);
        }
        catch (final IOException ex)
        {
            throw new IllegalArgumentException("cannot read Upbit key file " + file + ": " + ex.getClass().getSimpleName());
        }
        final String access = properties.getProperty("access_key");
        final String secret = properties.getProperty("secret_key");
        if (access == null || access.isBlank() || secret == null || secret.isBlank())
        {
            throw new IllegalArgumentException("Upbit key file " + file + " must have access_key=... and secret_key=...");
        }
        return new UpbitAuth(access.trim(), secret.trim().getBytes(StandardCharsets.UTF_8));
    }
}
