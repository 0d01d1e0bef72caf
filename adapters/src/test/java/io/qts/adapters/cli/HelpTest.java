package io.qts.adapters.cli;

import io.qts.engine.Strategies;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every command explains itself: --help on each node of the command tree, qts help CMD, qts version. */
class HelpTest
{
    /** The command paths of the whole tree below qts, e.g. [journal, dump]. */
    private static List<List<String>> paths(final CommandLine node, final List<String> prefix)
    {
        final List<List<String>> paths = new ArrayList<>();
        paths.add(prefix);
        node.getSubcommands().forEach((name, sub) ->
        {
            if (sub.getCommandName().equals(name))
            {
                final List<String> path = new ArrayList<>(prefix);
                path.add(name);
                paths.addAll(paths(sub, path));
            }
        });
        return paths;
    }

    @Test
    void helpWorksOnEveryCommandAndSubcommandBeforeAnyOptionIsChecked()
    {
        final List<List<String>> paths = paths(new CommandLine(new Main()), List.of());
        assertTrue(paths.contains(List.of("import")) && paths.contains(List.of("sim-exchange")) &&
            paths.contains(List.of("journal", "verify")) && paths.contains(List.of("bench")), paths.toString());
        for (final List<String> path : paths)
        {
            final List<String> args = new ArrayList<>(path);
            args.add("--help");
            final Cli cli = Cli.run(args.toArray(new String[0]));
            final String name = String.join(" ", path);
            assertEquals(0, cli.exitCode, name + ": " + cli.err);
            assertTrue(cli.out.contains("Usage: qts" + (path.isEmpty() ? "" : " " + name)), name + ": " + cli.out);
            assertEquals("", cli.err, name);
        }
    }

    @Test
    void importAndSimExchangeHelpNeedNoOtherOption()
    {
        final Cli importHelp = Cli.run("import", "--help");
        assertEquals(0, importHelp.exitCode, importHelp.err);
        assertTrue(importHelp.out.contains("--journal=DIR"), importHelp.out);
        final Cli simHelp = Cli.run("sim-exchange", "--help");
        assertEquals(0, simHelp.exitCode, simHelp.err);
    }

    @Test
    void helpCommandVersionAndTheTopLevelList()
    {
        final Cli help = Cli.run("help", "backtest");
        assertEquals(0, help.exitCode);
        assertEquals(Cli.run("backtest", "--help").out, help.out);

        final Cli top = Cli.run("help");
        assertEquals(0, top.exitCode);
        for (final String command : List.of("run", "backtest", "sweep", "replay", "import", "journal", "sim-exchange", "bench",
            "version", "help"))
        {
            assertTrue(top.out.contains("\n  " + command + " "), command + " missing from:\n" + top.out);
        }

        final Cli version = Cli.run("version");
        assertEquals(0, version.exitCode);
        assertTrue(version.out.matches("qts \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\R"), version.out);
        assertEquals(version.out, Cli.run("--version").out);
    }

    @Test
    void sweepHelpListsEveryStrategy()
    {
        final String help = Cli.run("sweep", "--help").out.replaceAll("\\s+", " ");
        assertTrue(help.contains("Strategy: " + String.join(", ", Strategies.names()) + "."), help);
    }

    @Test
    void benchOutsideTheLauncherSaysHowToRunIt()
    {
        final Cli cli = Cli.run("bench", "throughput");
        assertEquals(1, cli.exitCode);
        assertEquals("qts: error: the benchmarks are in the bench module: run them with bin/qts bench throughput", cli.err.strip());
    }
}
