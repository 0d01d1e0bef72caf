package io.qts.adapters.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qts.adapters.data.ScratchDirs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * A report's files are written as one set, whole or not at all: all of them into a temporary sibling
 * directory ({@link ScratchDirs}) first, then moved into place. A failure while writing (a full disk) or a
 * stopped process leaves neither a half set nor the temporary directory behind.
 */
public final class ReportFiles
{
    private static final ObjectMapper JSON = new ObjectMapper();

    private ReportFiles()
    {
    }

    /**
     * Writes every file of {@code files} (name to content, made in this order) into {@code dir}. A directory
     * that does not exist or is empty is replaced by the finished set in one rename; into one that holds other
     * files, each finished file is renamed over its old version once all are written.
     *
     * @throws UncheckedIOException naming {@code dir} and the reason, after removing what was written
     */
    public static void writeSet(final Path dir, final Map<String, Supplier<String>> files)
    {
        final Path target = dir.toAbsolutePath().normalize();
        Path temp = null;
        try
        {
            temp = ScratchDirs.create(target, "writing");
            for (final Map.Entry<String, Supplier<String>> file : files.entrySet())
            {
                Files.writeString(temp.resolve(file.getKey()), file.getValue().get(), StandardCharsets.UTF_8);
            }
            if (!Files.isDirectory(target) || isEmpty(target))
            {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
            else
            {
                for (final String name : files.keySet())
                {
                    Files.move(temp.resolve(name), target.resolve(name), StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
                }
            }
            ScratchDirs.delete(temp, null);
        }
        catch (final IOException ex)
        {
            if (temp != null)
            {
                ScratchDirs.delete(temp, ex);
            }
            throw new UncheckedIOException("cannot write " + String.join(", ", files.keySet()) + " into " + dir, ex);
        }
        catch (final RuntimeException | Error ex)
        {
            if (temp != null)
            {
                ScratchDirs.delete(temp, ex);
            }
            throw ex;
        }
    }

    private static boolean isEmpty(final Path dir) throws IOException
    {
        try (Stream<Path> entries = Files.list(dir))
        {
            return entries.findAny().isEmpty();
        }
    }

    /**
     * Puts {@code NAME.csv} and, beside it, {@code NAME.inputs.json} into a set: the CSV stays plain for every
     * reader (pandas, spreadsheets, {@code csv} modules, which a {@code #} header line or an extra column would
     * trip), and the sidecar names it, holds the SHA-256 of its bytes (as {@code sha256sum} prints it, so a moved
     * or edited CSV is caught) and the {@code inputs} it was computed from.
     *
     * @param name   the CSV's name without {@code .csv}, e.g. {@code trades}
     * @param inputs the {@link ReportInputs} object
     */
    public static void putCsv(final Map<String, Supplier<String>> files, final String name, final String csv, final JsonNode inputs)
    {
        files.put(name + ".csv", () -> csv);
        files.put(name + ".inputs.json", () ->
        {
            final ObjectNode root = JSON.createObjectNode();
            root.put("file", name + ".csv");
            root.put("sha256", sha256(csv));
            root.set("inputs", inputs);
            return json(root);
        });
    }

    private static String sha256(final String text)
    {
        try
        {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        }
        catch (final NoSuchAlgorithmException ex)
        {
            throw new IllegalStateException("SHA-256 is part of every JDK", ex);
        }
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

    /** A report's {@code inputs} object as name-value rows for a page; nested objects become "outer.inner", null "undefined". */
    public static Map<String, String> flatten(final JsonNode node)
    {
        return flatten(node, "");
    }

    private static Map<String, String> flatten(final JsonNode node, final String prefix)
    {
        final Map<String, String> rows = new LinkedHashMap<>();
        for (final Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();)
        {
            final Map.Entry<String, JsonNode> field = it.next();
            if (field.getValue().isObject())
            {
                rows.putAll(flatten(field.getValue(), prefix + field.getKey() + "."));
            }
            else
            {
                rows.put(prefix + field.getKey(), field.getValue().isNull() ? "undefined" : field.getValue().asText());
            }
        }
        return rows;
    }
}
