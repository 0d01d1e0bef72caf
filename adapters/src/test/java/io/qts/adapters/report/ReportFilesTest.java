package io.qts.adapters.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A report's files appear as a whole set or not at all, and nothing temporary is left behind. */
class ReportFilesTest
{
    @TempDir
    Path dir;

    private static List<String> names(final Path folder) throws IOException
    {
        try (Stream<Path> entries = Files.list(folder))
        {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static Map<String, Supplier<String>> threeFilesFailingAtTheLast()
    {
        final Map<String, Supplier<String>> files = new LinkedHashMap<>();
        files.put("report.json", () -> "{}\n");
        files.put("trades.csv", () -> "entryTime\n");
        files.put("report.html", () ->
        {
            throw new UncheckedIOException(new IOException("No space left on device"));
        });
        return files;
    }

    @Test
    void aFailureWhileWritingLeavesNoHalfSetAndNoTemporaryDirectory() throws IOException
    {
        final Path out = dir.resolve("out");
        assertThrows(UncheckedIOException.class, () -> ReportFiles.writeSet(out, threeFilesFailingAtTheLast()));
        assertEquals(List.of(), names(dir), "neither out/ nor a .out.writing-* directory");
    }

    @Test
    void aFailureLeavesTheFilesOfAnEarlierReportAsTheyWere() throws IOException
    {
        final Path out = Files.createDirectories(dir.resolve("out"));
        Files.writeString(out.resolve("report.json"), "old\n");
        Files.writeString(out.resolve("notes.txt"), "mine\n");
        assertThrows(UncheckedIOException.class, () -> ReportFiles.writeSet(out, threeFilesFailingAtTheLast()));
        assertEquals("old\n", Files.readString(out.resolve("report.json")));
        assertEquals(List.of("out"), names(dir));
        assertEquals(List.of("notes.txt", "report.json"), names(out));
    }

    @Test
    void aCompleteSetReplacesTheOldFilesAndKeepsOthers() throws IOException
    {
        final Path out = Files.createDirectories(dir.resolve("out"));
        Files.writeString(out.resolve("report.json"), "old\n");
        Files.writeString(out.resolve("notes.txt"), "mine\n");
        ReportFiles.writeSet(out, Map.of("report.json", () -> "new\n"));
        assertEquals("new\n", Files.readString(out.resolve("report.json")));
        assertEquals(List.of("out"), names(dir));
        assertEquals(List.of("notes.txt", "report.json"), names(out));
    }

    /** A real JVM stopped with SIGTERM while it writes a report: its shutdown hook removes the temporary directory. */
    @Test
    void aProcessStoppedWhileWritingLeavesNothingBehind() throws Exception
    {
        final Path out = dir.resolve("out");
        final Process writer = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp", System.getProperty("java.class.path"), SlowReportWriter.class.getName(), out.toString())
            .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.INHERIT).start();
        try
        {
            final long deadlineNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (names(dir).isEmpty() && System.nanoTime() < deadlineNs)
            {
                Thread.sleep(20);
            }
            final List<String> during = names(dir);
            assertEquals(1, during.size(), during.toString());
            assertTrue(during.get(0).startsWith(".out.writing-"), during.toString());
            writer.destroy();
            assertTrue(writer.waitFor(30, TimeUnit.SECONDS), "the writer stops on SIGTERM");
            assertEquals(List.of(), names(dir), "nothing left");
        }
        finally
        {
            writer.destroyForcibly();
        }
        assertFalse(Files.exists(out));
    }
}
