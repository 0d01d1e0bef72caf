package io.qts.adapters.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * bin/qts, run for real by bash on a copy of the project layout: it rebuilds when a module's src/ or a pom is
 * newer than its jars (never for var/ or other outputs), says so, and without Maven runs the jars it has with a
 * warning. Maven and Java are stand-in scripts that record that they ran.
 */
class LauncherScriptTest
{
    private static final Instant BUILT = Instant.parse("2026-01-02T00:00:00Z");

    @TempDir
    Path home;

    private Path tools;
    private Path log;

    private void layout() throws IOException
    {
        Files.createDirectories(home.resolve("bin"));
        Files.copy(Path.of("..", "bin", "qts"), home.resolve("bin/qts"));
        executable(home.resolve("bin/qts"));
        for (final String module : List.of("journal", "engine", "adapters", "bench"))
        {
            file(home.resolve(module).resolve("pom.xml"), BUILT.minusSeconds(60));
            file(home.resolve(module).resolve("src/main/java/A.java"), BUILT.minusSeconds(60));
        }
        file(home.resolve("pom.xml"), BUILT.minusSeconds(60));
        file(home.resolve("adapters/target/qts-adapters.jar"), BUILT);
        file(home.resolve("bench/target/qts-bench.jar"), BUILT);
        log = home.resolve("ran.log");
        tools = Files.createDirectories(home.resolve("tools"));
        for (final String tool : List.of("dirname", "sed", "find", "touch", "cat"))
        {
            Files.createSymbolicLink(tools.resolve(tool), onPath(tool));
        }
        script(home.resolve("jdk/bin/java"), "echo \"java $*\" >> " + log);
    }

    /** The real tool from this machine's PATH (only these few are given to the launcher, so mvn can be absent). */
    private static Path onPath(final String tool) throws IOException
    {
        for (final String folder : System.getenv("PATH").split(java.io.File.pathSeparator))
        {
            final Path candidate = Path.of(folder, tool);
            if (Files.isExecutable(candidate))
            {
                return candidate.toRealPath();
            }
        }
        throw new IOException(tool + " is not on the PATH");
    }

    private static void file(final Path file, final Instant modified) throws IOException
    {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "x");
        Files.setLastModifiedTime(file, FileTime.from(modified));
    }

    private static void script(final Path file, final String body) throws IOException
    {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        executable(file);
    }

    private static void executable(final Path file) throws IOException
    {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private void fakeMaven() throws IOException
    {
        script(tools.resolve("mvn"), "echo \"mvn $*\" >> " + log);
    }

    /** Runs bin/qts version; returns its stderr. */
    private String launch() throws IOException, InterruptedException
    {
        final ProcessBuilder builder = new ProcessBuilder(onPath("bash").toString(), home.resolve("bin/qts").toString(), "version");
        builder.environment().put("PATH", tools.toString());
        builder.environment().put("JAVA_HOME", home.resolve("jdk").toString());
        builder.environment().remove("QTS_JAVA_OPTS");
        final Process process = builder.start();
        final String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), err);
        return err;
    }

    private String ran() throws IOException
    {
        return Files.exists(log) ? Files.readString(log) : "";
    }

    @Test
    void anEditedSourceIsRebuiltAndSaidSo() throws Exception
    {
        layout();
        fakeMaven();
        file(home.resolve("engine/src/main/java/A.java"), BUILT.plusSeconds(60));
        final String err = launch();
        assertEquals("qts: rebuilding: engine/src/main/java/A.java is newer than the jars (about a minute)...\n", err);
        final int built = ran().indexOf("mvn -B -q -DskipTests package\n");
        assertTrue(built >= 0 && built < ran().indexOf("io.qts.adapters.cli.Main version"), "built, then ran: " + ran());
    }

    @Test
    void anEditedPomIsASourceToo() throws Exception
    {
        layout();
        fakeMaven();
        file(home.resolve("pom.xml"), BUILT.plusSeconds(60));
        assertEquals("qts: rebuilding: pom.xml is newer than the jars (about a minute)...\n", launch());
    }

    @Test
    void outputsNewerThanTheJarsDoNotRebuild() throws Exception
    {
        layout();
        fakeMaven();
        file(home.resolve("var/last-run.json"), BUILT.plusSeconds(60));
        file(home.resolve("adapters/target/classes/B.class"), BUILT.plusSeconds(60));
        assertEquals("", launch());
        assertFalse(ran().contains("mvn"), ran());
        assertTrue(ran().contains("io.qts.adapters.cli.Main version"), ran());
    }

    @Test
    void withoutMavenAStaleBuildRunsWithAWarning() throws Exception
    {
        layout();
        file(home.resolve("adapters/src/main/java/A.java"), BUILT.plusSeconds(60));
        assertEquals("qts: warning: adapters/src/main/java/A.java is newer than the jars, but mvn is not installed: running "
            + "the jars as they are\n", launch());
        assertTrue(ran().contains("io.qts.adapters.cli.Main version"), ran());
    }
}
