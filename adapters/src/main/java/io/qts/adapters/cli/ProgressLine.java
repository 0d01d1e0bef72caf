package io.qts.adapters.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Progress of long work (sweeps, walk-forwards, imports) on stderr: on a terminal one line updated in place
 * (carriage return) at each whole percent, ended by a newline when done; elsewhere (a log, a pipe, a CI job)
 * a plain line when the work starts and at every tenth, so logs stay short and readable. Thread-safe.
 *
 * <p>No progress-bar library: this is the whole feature, and one more dependency would bring its own terminal
 * handling (and sometimes a native one) to a CLI that only needs a counter.
 */
public final class ProgressLine
{
    private static final int PLAIN_STEPS = 10;

    private final PrintWriter err;
    private final String label;
    private final long total;
    private final boolean terminal;
    private long done;
    private long lastShown = -1;

    /**
     * @param label    what is counted, e.g. "sweep: backtests"
     * @param total    units of work, at least 1
     * @param terminal whether {@code err} is an interactive terminal (see {@link #onTerminal()})
     */
    public ProgressLine(final PrintWriter err, final String label, final long total, final boolean terminal)
    {
        this.err = err;
        this.label = label;
        this.total = Math.max(1, total);
        this.terminal = terminal;
    }

    /**
     * Whether standard error, where progress goes, is an interactive terminal (false under tests, pipes and
     * redirection). On Linux that is what file descriptor 2 points to, so {@code qts import ... > log} still
     * shows its line and {@code 2> log} gets plain lines; elsewhere the JVM's console, which Java 17 grants
     * when standard input and output are terminals, is the nearest sign.
     */
    public static boolean onTerminal()
    {
        try
        {
            final String stderr = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return stderr.startsWith("/dev/pts/") || stderr.startsWith("/dev/tty");
        }
        catch (final IOException | UnsupportedOperationException ex)
        {
            return System.console() != null;
        }
    }

    /** Ends an unfinished line on a terminal (the work failed), so what is printed next starts on its own line. */
    public synchronized void end()
    {
        if (terminal && lastShown >= 0 && done != total)
        {
            err.println();
            err.flush();
        }
    }

    /** One more unit done. */
    public synchronized void step()
    {
        advanceTo(done + 1);
    }

    /** {@code count} units done so far. */
    public synchronized void advanceTo(final long count)
    {
        done = Math.min(count, total);
        final long mark = terminal ? done * 100 / total : done * PLAIN_STEPS / total;
        if (mark == lastShown && done != total)
        {
            return;
        }
        lastShown = mark;
        final String text = label + " " + done + "/" + total + " done (" + done * 100 / total + "%)";
        if (terminal)
        {
            err.print("\r" + text + (done == total ? System.lineSeparator() : ""));
        }
        else
        {
            err.println(text);
        }
        err.flush();
    }
}
