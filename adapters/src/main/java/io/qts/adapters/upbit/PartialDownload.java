package io.qts.adapters.upbit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code FILE.part} of an interrupted download: its first line is the request it belongs to, the rest are the
 * rows fetched so far. Shared by the candle and trade fetchers, so both resume by the same rules.
 */
final class PartialDownload
{
    private PartialDownload()
    {
    }

    /**
     * The whole rows of a partial download of {@code request}, or null when there is none. A last row cut short by the
     * interruption is dropped from the file too, so appending starts on a fresh line.
     *
     * @throws IllegalArgumentException when the file belongs to another request.
     * @throws UncheckedIOException     when it cannot be read or rewritten.
     */
    static List<String> rows(final Path part, final String request)
    {
        if (!Files.exists(part))
        {
            return null;
        }
        final String text;
        try
        {
            text = Files.readString(part, StandardCharsets.UTF_8);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot read " + part, ex);
        }
        final int firstEnd = text.indexOf('\n');
        if (firstEnd < 0 || !text.substring(0, firstEnd).equals(request))
        {
            throw new IllegalArgumentException(part + " holds a partial download of another request; remove it to start over");
        }
        final int lastEnd = text.lastIndexOf('\n');
        final List<String> rows = new ArrayList<>();
        for (final String line : text.substring(firstEnd + 1, lastEnd + 1).split("\n"))
        {
            if (!line.isEmpty())
            {
                rows.add(line);
            }
        }
        if (lastEnd < text.length() - 1)
        {
            try
            {
                Files.writeString(part, text.substring(0, lastEnd + 1), StandardCharsets.UTF_8);
            }
            catch (final IOException ex)
            {
                throw new UncheckedIOException("cannot rewrite " + part, ex);
            }
        }
        return rows;
    }
}
