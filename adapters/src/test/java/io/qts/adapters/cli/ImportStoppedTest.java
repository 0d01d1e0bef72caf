package io.qts.adapters.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An import is all or nothing also when its process is stopped: no journal and no .importing-* left behind. */
class ImportStoppedTest
{
    @TempDir
    Path dir;

    private List<String> names() throws IOException
    {
        try (Stream<Path> files = Files.list(dir))
        {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void anImportStoppedBySigtermWhileWritingLeavesNothingBehind() throws Exception
    {
        final Path in = ProgressLineTest.bigBars(dir, 4 * ImportCommand.PROGRESS_FROM_BYTES);
        final Path log = dir.resolve("import.log");
        final Process importer = new ProcessBuilder(ProgressLineTest.importJvm(in, dir.resolve("j")))
            .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try
        {
            final long deadlineNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (names().stream().noneMatch(name -> name.startsWith(".j.importing-")) && importer.isAlive() &&
                System.nanoTime() < deadlineNs)
            {
                Thread.sleep(5);
            }
            assertTrue(names().stream().anyMatch(name -> name.startsWith(".j.importing-")), names() + "\n" + Files.readString(log));
            importer.destroy();
            assertTrue(importer.waitFor(60, TimeUnit.SECONDS), "the import stops on SIGTERM");
            assertNotEquals(0, importer.exitValue(), "stopped before it finished:\n" + Files.readString(log));
            assertEquals(List.of("big.csv", "import.log"), names());
        }
        finally
        {
            importer.destroyForcibly();
        }
    }
}
