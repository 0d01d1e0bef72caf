package io.qts.adapters.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Small files written by tests, and what a directory holds afterwards. */
public final class TestFiles
{
    private TestFiles()
    {
    }

    /** Writes the lines, each ended by a newline, to {@code dir/name}. */
    public static Path csv(final Path dir, final String name, final String... lines) throws IOException
    {
        final Path file = dir.resolve(name);
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.US_ASCII);
        return file;
    }

    /** The names in a directory, sorted. */
    public static List<String> names(final Path directory) throws IOException
    {
        try (Stream<Path> paths = Files.list(directory))
        {
            return paths.map((p) -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }
}
