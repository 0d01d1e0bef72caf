package io.qts.bench;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code crash}: the exchange simulator as its own process, the engine ({@code qts run --venue upbit}) as another over
 * loopback, SIGKILLed at seeded moments and restarted each time, stopped in order at the end; then the engine's books
 * against the simulator's ledger (see {@link CrashHarness}). Exit 1 when any must-hold figure fails.
 */
@Command(
    name = "crash",
    description = "Kill the engine (SIGKILL) N times at seeded moments while it trades against the simulator in its own "
        + "process, restart it each time, stop it in order, and compare its books with the simulator's ledger.")
final class CrashCommand implements Callable<Integer>
{
    @Spec
    CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Option(names = "--kills", defaultValue = "5", paramLabel = "N", description = "SIGKILLs of the engine, 1 to 1000 (default: ${DEFAULT-VALUE}).")
    int kills;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Seed of the kill moments (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--json", description = "Also print the figures as one JSON object, on the last line.")
    boolean json;

    @Option(names = "--dir", paramLabel = "DIR",
        description = "Where the var dir, journals and process logs go (default: a new directory under the system temp dir, kept).")
    Path dir;

    @Override
    public Integer call() throws Exception
    {
        if (kills < 1 || kills > 1000)
        {
            throw new ParameterException(spec.commandLine(), "--kills must be from 1 to 1000, got " + kills);
        }
        final PrintWriter out = spec.commandLine().getOut();
        final CrashHarness.Figures figures = new CrashHarness(kills, seed, dir, out).run();
        figures.print(out);
        if (json)
        {
            out.println(figures.json());
        }
        out.flush();
        return figures.holds() ? 0 : 1;
    }
}
