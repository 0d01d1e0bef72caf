package io.qts.adapters.cli;

import io.qts.journal.JournalException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.io.UncheckedIOException;

/** The composition root: {@code qts <command>}. Errors are one line on stderr and a non-zero exit. */
@Command(
    name = "qts",
    mixinStandardHelpOptions = true,
    // Every command and subcommand inherits --help and --version, so each explains itself before checking its options.
    scope = CommandLine.ScopeType.INHERIT,
    versionProvider = QtsVersion.class,
    description = "Low-latency, event-sourced trading engine.",
    subcommands = {RunCommand.class, BacktestCommand.class, SweepCommand.class, ReplayCommand.class, ImportCommand.class,
        JournalCommand.class, SimExchangeCommand.class, FetchCommand.class, StoreCommand.class, BenchCommand.class,
        StrategiesCommand.class, StrategyCommand.class, VersionCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable
{
    static final int EXIT_ERROR = 1;
    static final int EXIT_USAGE = 2;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** Runs one command line and exits the JVM with its exit code: 0, 1 for an error, 2 for a usage error. */
    public static void main(final String[] args)
    {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs one command line; returns the exit code. */
    public static int execute(final String[] args, final PrintWriter out, final PrintWriter err)
    {
        final CommandLine cli = new CommandLine(new Main());
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((ex, arguments) ->
        {
            err.println("qts: " + ex.getMessage());
            err.println("Try 'qts " + commandPath(ex.getCommandLine()) + "--help' for usage.");
            return EXIT_USAGE;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) ->
        {
            err.println("qts: error: " + message(ex));
            if (Boolean.parseBoolean(System.getenv("QTS_DEBUG")))
            {
                ex.printStackTrace(err);
            }
            return EXIT_ERROR;
        });
        return cli.execute(args);
    }

    private static String commandPath(final CommandLine commandLine)
    {
        final StringBuilder path = new StringBuilder();
        for (CommandLine c = commandLine; c != null && c.getParent() != null; c = c.getParent())
        {
            path.insert(0, c.getCommandName() + " ");
        }
        return path.toString();
    }

    /** What the user needs to read: our own messages as they are; anything else with its type. */
    static String message(final Throwable ex)
    {
        if (ex instanceof UserError || ex instanceof IllegalArgumentException || ex instanceof JournalException)
        {
            return ex.getMessage();
        }
        if (ex instanceof UncheckedIOException)
        {
            return ex.getMessage() + (ex.getCause() != null ? ": " + ex.getCause().getMessage() : "");
        }
        return ex.getClass().getSimpleName() + ": " + ex.getMessage() + " (set QTS_DEBUG=true for the stack trace)";
    }

    @Override
    public void run()
    {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
