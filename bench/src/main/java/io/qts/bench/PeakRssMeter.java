package io.qts.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command as a child process and measures its wall time and peak resident set size.
 *
 * <p>Peak RSS comes from the kernel's own high-water mark at the child's exit, as {@code wait4(2)} returns it in
 * {@code ru_maxrss}: the child is started under GNU time ({@code /usr/bin/time -f %M}, Debian package
 * {@code time}), which prints that figure in KiB. It counts the last moments before exit too, which polling
 * {@code /proc/PID/status} (VmHWM) can miss, since the status of an exited process no longer carries it.
 * Without GNU time the meter falls back to that polling, every {@value #POLL_MS} ms, and says so in
 * {@link #source()}.
 */
final class PeakRssMeter
{
    static final Path GNU_TIME = Path.of("/usr/bin/time");
    static final int POLL_MS = 2;

    private final boolean gnuTime;

    private PeakRssMeter(final boolean gnuTime)
    {
        this.gnuTime = gnuTime;
    }

    /** The fallback: VmHWM polled every {@value #POLL_MS} ms. */
    static PeakRssMeter polling()
    {
        return new PeakRssMeter(false);
    }

    /** GNU time when it is installed and answers {@code --version} as GNU time, else polling. */
    static PeakRssMeter detect()
    {
        if (!Files.isExecutable(GNU_TIME))
        {
            return polling();
        }
        try
        {
            final Process probe = new ProcessBuilder(GNU_TIME.toString(), "--version").redirectErrorStream(true).start();
            final String answer = new String(probe.getInputStream().readAllBytes());
            return new PeakRssMeter(probe.waitFor() == 0 && answer.contains("GNU"));
        }
        catch (final IOException ex)
        {
            return polling();
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            return polling();
        }
    }

    boolean usesGnuTime()
    {
        return gnuTime;
    }

    /** How peak RSS is measured, for the report. */
    String source()
    {
        return gnuTime ? "wait4 ru_maxrss via GNU time" : "VmHWM polled every " + POLL_MS + " ms";
    }

    /**
     * Runs {@code command} to its end with stdout and stderr in files under {@code dir}.
     *
     * @throws IllegalStateException when the command exits non-zero (the message holds the end of its stderr).
     */
    ChildRun run(final List<String> command, final Path dir) throws InterruptedException
    {
        try
        {
            Files.createDirectories(dir);
            final Path stdout = dir.resolve("stdout.txt");
            final Path stderr = dir.resolve("stderr.txt");
            final Path rssFile = dir.resolve("maxrss-kib.txt");
            final List<String> argv = new ArrayList<>();
            if (gnuTime)
            {
                argv.addAll(List.of(GNU_TIME.toString(), "-f", "%M", "-o", rssFile.toString(), "--"));
            }
            argv.addAll(command);
            final long startNs = System.nanoTime();
            final Process process = new ProcessBuilder(argv)
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
            long polledKib = 0;
            if (!gnuTime)
            {
                while (!process.waitFor(POLL_MS, TimeUnit.MILLISECONDS))
                {
                    polledKib = Math.max(polledKib, vmHwmKib(process.pid()));
                }
            }
            final int exit = process.waitFor();
            final long wallNs = System.nanoTime() - startNs;
            if (exit != 0)
            {
                throw new IllegalStateException("'" + String.join(" ", command) + "' exited with " + exit + ": "
                    + tail(Files.readString(stderr)));
            }
            final long peakKib = gnuTime ? Long.parseLong(lastLine(Files.readString(rssFile))) : polledKib;
            return new ChildRun(wallNs, peakKib, Files.readString(stdout));
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot run '" + String.join(" ", command) + "'", ex);
        }
    }

    private static long vmHwmKib(final long pid)
    {
        try
        {
            for (final String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")))
            {
                if (line.startsWith("VmHWM:"))
                {
                    return Long.parseLong(line.substring(6).replace("kB", "").trim());
                }
            }
        }
        catch (final IOException ex)
        {
            // The process exited between two polls; the last reading stands.
        }
        return 0;
    }

    private static String lastLine(final String text)
    {
        final String[] lines = text.strip().split("\n");
        return lines[lines.length - 1].trim();
    }

    private static String tail(final String text)
    {
        final String stripped = text.strip();
        return stripped.length() <= 400 ? stripped : "..." + stripped.substring(stripped.length() - 400);
    }

    /** One finished child: wall time in ns (start to reaped exit, as the parent sees it), peak RSS in KiB, its stdout. */
    record ChildRun(long wallNs, long peakRssKib, String stdout)
    {
    }
}
