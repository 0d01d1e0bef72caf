package io.qts.adapters.recovery;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** {@code qts} as a real child process (this JVM's flags and class path), its output lines kept for the test to read. */
final class EngineProcess
{
    private final Process process;
    private final List<String> lines = new ArrayList<>();

    private EngineProcess(final Process process)
    {
        this.process = process;
    }

    /** Starts {@code qts ARGS} with the given system properties (before the main class) and environment. */
    static EngineProcess start(final List<String> properties, final Map<String, String> env, final String... args) throws IOException
    {
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
            .filter((a) -> !a.startsWith("-agentlib") && !a.startsWith("-javaagent")).toList());
        command.addAll(properties);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("io.qts.adapters.cli.Main");
        command.addAll(List.of(args));
        final ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        final EngineProcess child = new EngineProcess(builder.start());
        final Thread reader = new Thread(child::read, "engine-process-reader");
        reader.setDaemon(true);
        reader.start();
        return child;
    }

    private void read()
    {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)))
        {
            String line;
            while ((line = reader.readLine()) != null)
            {
                synchronized (lines)
                {
                    lines.add(line);
                    lines.notifyAll();
                }
            }
        }
        catch (final IOException ex)
        {
            // Killed while being read: the lines so far are kept.
        }
    }

    /** Waits for a line containing {@code text}; fails with the output so far if none comes. */
    String awaitLine(final String text, final long timeoutMs) throws InterruptedException
    {
        final long deadlineMs = System.currentTimeMillis() + timeoutMs;
        synchronized (lines)
        {
            while (true)
            {
                for (final String line : lines)
                {
                    if (line.contains(text))
                    {
                        return line;
                    }
                }
                final long left = deadlineMs - System.currentTimeMillis();
                if (left <= 0)
                {
                    throw new AssertionError("no line with '" + text + "' from the engine process; it printed:\n" + String.join("\n", lines));
                }
                lines.wait(Math.min(left, 200));
            }
        }
    }

    String output()
    {
        synchronized (lines)
        {
            return String.join("\n", lines);
        }
    }

    /** SIGKILL. */
    void kill() throws InterruptedException
    {
        process.destroyForcibly();
        process.waitFor();
    }

    /**
     * SIGTERM: the run stops in order and writes last-run.json before the JVM ends (with 143, the JVM's code for a
     * SIGTERM, until the run turns an orderly stop into exit 0); returns the exit code.
     */
    int stop() throws InterruptedException
    {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS))
        {
            process.destroyForcibly();
            throw new AssertionError("the engine did not stop within 60 s of SIGTERM:\n" + output());
        }
        return process.exitValue();
    }

    /** Waits for the process to end by itself; returns the exit code. */
    int waitFor() throws InterruptedException
    {
        if (!process.waitFor(90, TimeUnit.SECONDS))
        {
            process.destroyForcibly();
            throw new AssertionError("the process did not end within 90 s:\n" + output());
        }
        return process.exitValue();
    }
}
