package io.qts.journal;

import net.openhft.affinity.Affinity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.BitSet;

/**
 * The CPUs the process may run on, as Linux lists them for its main thread ({@code Cpus_allowed_list} in
 * {@code /proc/self/status}). A new thread inherits the CPU affinity of the thread that starts it; the journal's own
 * threads are started by the appending thread, which the engine may have pinned to an isolated core, and they must not
 * take that core from it.
 */
final class ProcessCpus
{
    private static final Path STATUS = Paths.get("/proc/self/status");
    private static final String FIELD = "Cpus_allowed_list:";

    private ProcessCpus()
    {
    }

    /**
     * Lets the calling thread run on every CPU of the process. Where that cannot be read or set (not Linux, no native
     * affinity support) the thread keeps the CPUs it inherited, which costs speed, not correctness.
     */
    static void applyToThisThread()
    {
        final BitSet cpus = read();
        if (cpus.isEmpty())
        {
            return;
        }
        try
        {
            Affinity.setAffinity(cpus);
        }
        catch (final RuntimeException ex)
        {
            // Kept: the inherited CPUs still run the thread correctly (see above).
        }
    }

    /** The process's CPUs; empty when they cannot be read. */
    static BitSet read()
    {
        if (!Files.isReadable(STATUS))
        {
            return new BitSet();
        }
        try
        {
            for (final String line : Files.readAllLines(STATUS))
            {
                if (line.startsWith(FIELD))
                {
                    return parse(line.substring(FIELD.length()).trim());
                }
            }
        }
        catch (final IOException | RuntimeException ex)
        {
            return new BitSet();
        }
        return new BitSet();
    }

    /**
     * Parses a Linux CPU list such as {@code 0-3,8,10-11}.
     *
     * @throws NumberFormatException if it is not one.
     */
    static BitSet parse(final String list)
    {
        final BitSet cpus = new BitSet();
        for (final String part : list.split(","))
        {
            final int dash = part.indexOf('-');
            if (dash < 0)
            {
                cpus.set(Integer.parseInt(part.trim()));
            }
            else
            {
                cpus.set(Integer.parseInt(part.substring(0, dash).trim()), Integer.parseInt(part.substring(dash + 1).trim()) + 1);
            }
        }
        return cpus;
    }
}
