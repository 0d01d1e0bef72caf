package io.qts.adapters.report;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qts.adapters.data.SkippedRows;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Where a report's market data came from: a data file (its format, and the SHA-256 of its bytes, as
 * {@code sha256sum} prints it) or a journal directory (the SHA-256 of its entries as replayed: time, source,
 * format and payload of each, so the preallocated, sparse queue files do not matter), so a report says exactly
 * what it was computed from.
 *
 * @param kind    {@code data} or {@code journal}
 * @param format  the data file's layout (a {@link io.qts.adapters.data.DataFormat} CLI name); null for a journal
 * @param skipped the data file's rows that did not become events (none for a journal)
 */
public record DataSource(String kind, Path path, String format, String sha256, SkippedRows skipped)
{
    private static final int BUFFER_BYTES = 64 * 1024;

    /**
     * A data file as the source (path made absolute, SHA-256 of its bytes taken now), with no skipped rows.
     *
     * @throws java.io.UncheckedIOException if the file cannot be read.
     */
    public static DataSource dataFile(final Path file, final String format)
    {
        return dataFile(file, format, SkippedRows.NONE);
    }

    /** @param skipped what reading the file left out ({@code --on-bad-row skip}, Yahoo null rows) */
    public static DataSource dataFile(final Path file, final String format, final SkippedRows skipped)
    {
        return new DataSource("data", file.toAbsolutePath().normalize(), format, sha256(file), skipped);
    }

    /** @param entriesSha256 the SHA-256 of the journal's entries as replayed (see the CLI's backtest options) */
    public static DataSource journal(final Path dir, final String entriesSha256)
    {
        return new DataSource("journal", dir.toAbsolutePath().normalize(), null, entriesSha256, SkippedRows.NONE);
    }

    ObjectNode toJson()
    {
        final ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("kind", kind);
        node.put("path", path.toString());
        if (format != null)
        {
            node.put("format", format);
        }
        node.put("sha256", sha256);
        if (kind.equals("data"))
        {
            node.put("badRowsSkipped", skipped.badRows());
            if (skipped.firstBadRow() != null)
            {
                node.put("firstBadRow", skipped.firstBadRow());
            }
            node.put("nullRowsSkipped", skipped.nullRows());
        }
        return node;
    }

    private static String sha256(final Path file)
    {
        try (InputStream in = Files.newInputStream(file))
        {
            final MessageDigest digest = MessageDigest.getInstance("SHA-256");
            final byte[] buffer = new byte[BUFFER_BYTES];
            for (int n = in.read(buffer); n > 0; n = in.read(buffer))
            {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot read " + file, ex);
        }
        catch (final NoSuchAlgorithmException ex)
        {
            throw new IllegalStateException("SHA-256 is part of every JDK", ex);
        }
    }
}
