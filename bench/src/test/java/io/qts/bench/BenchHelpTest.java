package io.qts.bench;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code bin/qts bench ... --help} explains every benchmark command: the bench half of the command-tree walk
 * (adapters' HelpTest cannot see this module, which depends on it).
 */
class BenchHelpTest
{
    private static List<List<String>> paths(final CommandLine node, final List<String> prefix)
    {
        final List<List<String>> paths = new ArrayList<>();
        paths.add(prefix);
        node.getSubcommands().forEach((name, sub) ->
        {
            final List<String> path = new ArrayList<>(prefix);
            path.add(name);
            paths.addAll(paths(sub, path));
        });
        return paths;
    }

    @Test
    void helpWorksOnEveryBenchCommandWithoutRunningIt()
    {
        final List<List<String>> paths = paths(BenchMain.commandLine(new PrintWriter(new StringWriter()),
            new PrintWriter(new StringWriter())), List.of());
        assertEquals(List.of(List.of(), List.of("throughput"), List.of("jmh"), List.of("latency"), List.of("backtest"), List.of("crash")), paths);
        for (final List<String> path : paths)
        {
            final StringWriter out = new StringWriter();
            final StringWriter err = new StringWriter();
            final List<String> args = new ArrayList<>(path);
            args.add("--help");
            final int exit = BenchMain.execute(new PrintWriter(out, true), new PrintWriter(err, true), args.toArray(new String[0]));
            final String name = String.join(" ", path);
            assertEquals(0, exit, name + ": " + err);
            assertTrue(out.toString().startsWith("Usage: qts bench" + (path.isEmpty() ? "" : " " + name) + " "), name + ": " + out);
            assertEquals("", err.toString(), name);
        }
    }

    @Test
    void theBenchHelpListsItsCommands()
    {
        final StringWriter out = new StringWriter();
        assertEquals(0, BenchMain.execute(new PrintWriter(out, true), new PrintWriter(new StringWriter()), "--help"));
        for (final String command : List.of("throughput", "jmh", "latency", "backtest", "crash"))
        {
            assertTrue(out.toString().contains("\n  " + command + " "), command + " missing from:\n" + out);
        }
    }

    @Test
    void aMissingCommandIsOneErrorLineNamingTheKnownOnes()
    {
        final StringWriter err = new StringWriter();
        assertEquals(2, BenchMain.execute(new PrintWriter(new StringWriter()), new PrintWriter(err, true)));
        assertEquals("qts: error: missing command (known: throughput, jmh, latency, backtest, crash)" + System.lineSeparator(), err.toString());
    }
}
