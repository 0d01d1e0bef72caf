package io.qts.adapters.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Report files are written whole or not at all: into a temporary sibling first, then moved into place. */
public final class ReportFiles
{
    private static final ObjectMapper JSON = new ObjectMapper();

    private ReportFiles()
    {
    }

    public static void write(final Path file, final String content) throws IOException
    {
        final Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, content, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Two-space indented JSON with a final newline; field order as built, so equal content gives equal bytes. */
    public static String json(final JsonNode root)
    {
        try
        {
            final DefaultPrettyPrinter printer = new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"));
            return JSON.writer(printer).without(JsonGenerator.Feature.AUTO_CLOSE_TARGET).writeValueAsString(root) + "\n";
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }
}
