package io.qts.adapters.cli;

import io.qts.adapters.run.VarDirLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A second engine on a var dir is refused while the first lives, and is let in once it was killed (kill -9). */
class OneEnginePerVarDirTest
{
    @TempDir
    Path dir;

    @Test
    void aSecondRunIsRefusedNamingTheHolderAndAKilledHolderLeavesNoStaleLock() throws Exception
    {
        final Path var = dir.resolve("var");
        final long holderPid;
        // 10 trades/s: the simulator's tape lasts 96 s, far longer than this test keeps the first engine.
        try (EngineProcess first = EngineProcess.start(dir, "first", List.of("qts.venue.simSpeed=10"),
            "run", "--var-dir", var.toString()))
        {
            assertTrue(first.awaitOutput((line) -> line.startsWith("QTS run "), 60_000), first.out() + first.err());
            holderPid = first.process.pid();
            assertEquals(Long.toString(holderPid), Files.readString(var.resolve(VarDirLock.FILE_NAME), StandardCharsets.US_ASCII).trim());

            try (EngineProcess second = EngineProcess.start(dir, "second", List.of(), "run", "--var-dir", var.toString()))
            {
                assertTrue(second.process.waitFor(60, TimeUnit.SECONDS), "refused at once");
                assertEquals(1, second.process.exitValue(), second.out() + second.err());
                assertEquals("qts: error: var dir " + var + " is in use by another engine (pid " + holderPid
                    + "); one engine per var dir: stop it, or give this run another --var-dir\n", second.err());
                assertEquals("", second.out(), "nothing started");
            }
            final Cli inThisProcess = Cli.run("run", "--var-dir", var.toString());
            assertEquals(1, inThisProcess.exitCode, "refused in this JVM too: " + inThisProcess.out + inThisProcess.err);
            assertTrue(first.process.isAlive(), "the refused runs left the first alone");
            try (Stream<Path> runs = Files.list(var.resolve("journal")))
            {
                assertEquals(1, runs.count(), "the refused runs created no run directory");
            }

            first.process.destroyForcibly();
            assertTrue(first.process.waitFor(30, TimeUnit.SECONDS));
            assertEquals(137, first.process.exitValue(), "killed by SIGKILL, no shutdown hook ran");
        }

        final Cli third = Cli.run("run", "--var-dir", var.toString(), "--venue", "local");
        assertEquals(0, third.exitCode, third.out + third.err);
        final String pidNow = Files.readString(var.resolve(VarDirLock.FILE_NAME), StandardCharsets.US_ASCII).trim();
        assertEquals(Long.toString(ProcessHandle.current().pid()), pidNow, "the new engine holds it now");
        assertNotEquals(Long.toString(holderPid), pidNow);
    }

    @Test
    void twoRunsStartedInTheSameSecondGetTwoRunIds()
    {
        final Path var = dir.resolve("var");
        final Cli a = Cli.run("run", "--var-dir", var.toString(), "--venue", "local");
        final Cli b = Cli.run("run", "--var-dir", var.toString(), "--venue", "local");
        assertEquals(0, a.exitCode, a.err);
        assertEquals(0, b.exitCode, b.err);
        final String idA = runId(a.out);
        final String idB = runId(b.out);
        assertTrue(idA.matches("run-\\d{8}-\\d{6}-" + ProcessHandle.current().pid() + "(-\\d+)?"), idA);
        assertNotEquals(idA, idB);
    }

    private static String runId(final String out)
    {
        return out.lines().filter((l) -> l.startsWith("QTS run ")).findFirst().orElseThrow().split(" ")[2].replace(":", "");
    }
}
