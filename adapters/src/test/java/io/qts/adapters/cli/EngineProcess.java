package io.qts.adapters.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * {@code qts} as a real child process: this test JVM's class path and flags, stdout and stderr into files, so a
 * test can wait for what it printed, signal it ({@link Process#destroy()} is SIGTERM, {@link Process#destroyForcibly()}
 * SIGKILL on Linux) and read how it ended.
 */
final class EngineProcess implements AutoCloseable
{
    final Process process;
    final Path stdout;
    final Path stderr;

    private EngineProcess(final Process process, final Path stdout, final Path stderr)
    {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /** @param systemProperties {@code -D} settings, e.g. {@code qts.venue.simSpeed=10}. */
    static EngineProcess start(final Path dir, final String name, final List<String> systemProperties, final String... args)
        throws IOException
    {
        return start(dir, name, systemProperties, Map.of(), args);
    }

    /** @param environment variables added to this JVM's environment for the child. */
    static EngineProcess start(final Path dir, final String name, final List<String> systemProperties,
        final Map<String, String> environment, final String... args) throws IOException
    {
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (final String flag : ManagementFactory.getRuntimeMXBean().getInputArguments())
        {
            // The module opens Chronicle needs; not the test runner's agents or heap.
            if (flag.startsWith("--add-") || flag.startsWith("-Dchronicle."))
            {
                command.add(flag);
            }
        }
        command.add("-Xmx256m");
        // A child engine never takes the fixed ops port: parallel builds on one machine would collide on it.
        command.add("-Dqts.ops.httpPort=0");
        systemProperties.forEach((p) -> command.add("-D" + p));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Main.class.getName());
        command.addAll(List.of(args));
        final Path out = dir.resolve(name + ".out");
        final Path err = dir.resolve(name + ".err");
        final ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().putAll(environment);
        final Process process = builder.start();
        return new EngineProcess(process, out, err);
    }

    /** Waits (polling every 50 ms) until stdout holds a line that matches; false when the process ended first or time ran out. */
    boolean awaitOutput(final Predicate<String> line, final long timeoutMs) throws IOException, InterruptedException
    {
        final long deadlineNs = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (System.nanoTime() < deadlineNs)
        {
            if (Files.readAllLines(stdout, StandardCharsets.UTF_8).stream().anyMatch(line))
            {
                return true;
            }
            if (!process.isAlive())
            {
                return false;
            }
            Thread.sleep(50);
        }
        return false;
    }

    String out() throws IOException
    {
        return Files.readString(stdout, StandardCharsets.UTF_8);
    }

    String err() throws IOException
    {
        return Files.readString(stderr, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws InterruptedException
    {
        if (process.isAlive())
        {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
