package io.qts.adapters.cli;

import io.qts.journal.Journal;
import io.qts.journal.JournalException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code qts journal prune}: deletes old run directories under {@code VAR/journal}, newest kept. A run is deleted
 * only when every journal in it (in, out) closed cleanly: a session that ended by a crash, is still running, or
 * is damaged is what recovery and an operator need, so it is never deleted here.
 */
@Command(name = "prune", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Delete old runs' journals under VAR/journal, keeping the newest; never a run whose journals did not all close cleanly.")
final class JournalPrune implements Callable<Integer>
{
    @Option(names = "--var-dir", paramLabel = "DIR", defaultValue = "var",
        description = "The var directory whose journal/ folder holds the runs (default: ${DEFAULT-VALUE}).")
    private Path varDir;

    @Option(names = "--keep", paramLabel = "N", defaultValue = "5",
        description = "Newest runs kept whatever their state (default: ${DEFAULT-VALUE}; 0 keeps only unclean ones).")
    private int keep;

    @Option(names = "--dry-run", description = "Say what would be deleted; delete nothing.")
    private boolean dryRun;

    @picocli.CommandLine.Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call()
    {
        if (keep < 0)
        {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--keep must be 0 or more, not " + keep);
        }
        final Path root = varDir.resolve("journal");
        if (!Files.isDirectory(root))
        {
            throw new UserError("no journals to prune: " + root + " is not a directory");
        }
        final PrintWriter out = spec.commandLine().getOut();
        final List<Path> runs = runs(root);
        long deleted = 0;
        for (int i = 0; i < runs.size(); i++)
        {
            final Path run = runs.get(i);
            if (i >= runs.size() - keep)
            {
                out.println("kept     " + run.getFileName() + " (one of the newest " + keep + ")");
                continue;
            }
            final String unclean = uncleanReason(run);
            if (unclean != null)
            {
                out.println("kept     " + run.getFileName() + " (" + unclean + ")");
                continue;
            }
            if (!dryRun)
            {
                delete(run);
            }
            deleted++;
            out.println((dryRun ? "would delete " : "deleted  ") + run.getFileName());
        }
        out.printf("%s %d of %d runs%n", dryRun ? "would delete" : "deleted", deleted, runs.size());
        return 0;
    }

    /** Run directories (those holding an in/ or out/ folder), oldest first: run ids sort by their start time. */
    private static List<Path> runs(final Path root)
    {
        try (Stream<Path> children = Files.list(root))
        {
            return children.filter(Files::isDirectory)
                .filter((p) -> Files.isDirectory(p.resolve("in")) || Files.isDirectory(p.resolve("out")))
                .sorted(Comparator.comparing((Path p) -> p.getFileName().toString()))
                .toList();
        }
        catch (final IOException ex)
        {
            throw new UserError("cannot list " + root + ": " + ex.getMessage());
        }
    }

    /** Why the run must be kept, or null when every journal in it closed cleanly. */
    private static String uncleanReason(final Path run)
    {
        final List<String> reasons = new ArrayList<>();
        for (final String name : new String[] {"in", "out"})
        {
            final Path dir = run.resolve(name);
            if (!Files.isDirectory(dir))
            {
                continue;
            }
            try (Journal journal = Journal.openForRead(dir))
            {
                if (!journal.endedCleanly())
                {
                    reasons.add(name + ": ended by a crash or still running");
                }
            }
            catch (final JournalException ex)
            {
                reasons.add(name + ": " + ex.getMessage());
            }
        }
        return reasons.isEmpty() ? null : String.join("; ", reasons);
    }

    private static void delete(final Path run)
    {
        try (Stream<Path> files = Files.walk(run))
        {
            for (final Path p : (Iterable<Path>)files.sorted(Comparator.reverseOrder())::iterator)
            {
                Files.delete(p);
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot delete " + run, ex);
        }
    }
}
