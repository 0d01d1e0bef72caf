package io.qts.adapters.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Long work shows one updating line on a terminal and a plain line per tenth elsewhere. */
class ProgressLineTest
{
    @TempDir
    Path dir;

    @Test
    void offATerminalTheStartThenOneLinePerTenth()
    {
        final StringWriter text = new StringWriter();
        final ProgressLine line = new ProgressLine(new PrintWriter(text), "backtests", 40, false);
        for (int i = 0; i < 40; i++)
        {
            line.step();
        }
        final List<String> lines = text.toString().lines().toList();
        assertEquals(List.of("backtests 1/40 done (2%)", "backtests 4/40 done (10%)", "backtests 8/40 done (20%)", "backtests 12/40 done (30%)",
            "backtests 16/40 done (40%)", "backtests 20/40 done (50%)", "backtests 24/40 done (60%)", "backtests 28/40 done (70%)",
            "backtests 32/40 done (80%)", "backtests 36/40 done (90%)", "backtests 40/40 done (100%)"), lines);
    }

    @Test
    void onATerminalOneLineRewrittenInPlaceThenANewline()
    {
        final StringWriter text = new StringWriter();
        final ProgressLine line = new ProgressLine(new PrintWriter(text), "import: events written", 4, true);
        for (int i = 1; i <= 4; i++)
        {
            line.advanceTo(i);
        }
        assertEquals("\rimport: events written 1/4 done (25%)\rimport: events written 2/4 done (50%)" +
            "\rimport: events written 3/4 done (75%)\rimport: events written 4/4 done (100%)" + System.lineSeparator(), text.toString());
    }

    @Test
    void anUnfinishedTerminalLineIsEndedSoAnErrorStartsOnItsOwnLine()
    {
        final StringWriter text = new StringWriter();
        final ProgressLine line = new ProgressLine(new PrintWriter(text), "import: bytes read", 10, true);
        line.advanceTo(3);
        line.end();
        assertEquals("\rimport: bytes read 3/10 done (30%)" + System.lineSeparator(), text.toString());
    }

    /** An ohlcv file of at least {@code bytes} (from the size on which imports show progress). */
    static Path bigBars(final Path dir, final long bytes) throws IOException
    {
        final StringBuilder csv = new StringBuilder("timestamp,open,high,low,close,volume\n");
        long t = Instant.parse("2024-01-01T00:00:00Z").getEpochSecond();
        while (csv.length() < bytes)
        {
            csv.append(LocalDateTime.ofEpochSecond(t, 0, ZoneOffset.UTC).toString().replace('T', ' '))
                .append(",100.25,101.5,99.75,100.5,12.345678\n");
            t += 60;
        }
        return Files.writeString(dir.resolve("big.csv"), csv);
    }

    private Path bigBars() throws IOException
    {
        return bigBars(dir, ImportCommand.PROGRESS_FROM_BYTES);
    }

    /** {@code qts import} of {@code in} into {@code journal} as a separate JVM, as bin/qts starts it. */
    static List<String> importJvm(final Path in, final Path journal)
    {
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // The module opens Chronicle needs, as bin/qts gives them; not the test runner's agents or heap.
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
            .filter(flag -> flag.startsWith("--add-") || flag.startsWith("-Dchronicle.")).forEach(command::add);
        command.addAll(List.of("-Xmx256m", "-cp", System.getProperty("java.class.path"), Main.class.getName(), "import",
            "--format", "ohlcv", "--symbol", "X", "--in", in.toString(), "--journal", journal.toString()));
        return command;
    }

    /** The same, as a shell command line (these tests' paths hold no quote). */
    private String importCommand(final Path in, final String journal)
    {
        return String.join(" ", importJvm(in, dir.resolve(journal)).stream().map(arg -> "'" + arg + "'").toList());
    }

    private static String run(final List<String> command, final Path stdout) throws IOException, InterruptedException
    {
        final Process process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .redirectOutput(stdout.toFile()).redirectErrorStream(true).start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the import did not end");
        assertEquals(0, process.exitValue(), Files.readString(stdout));
        return Files.readString(stdout);
    }

    @Test
    void aLargeImportShowsItsProgressAndASmallOneDoesNot() throws IOException
    {
        final Path big = bigBars();
        final Cli cli = Cli.run("import", "--format", "ohlcv", "--symbol", "X", "--in", big.toString(), "--journal", dir.resolve("j").toString());
        assertEquals(0, cli.exitCode, cli.err);
        final List<String> lines = cli.err.lines().toList();
        assertEquals(22, lines.size(), cli.err);
        assertTrue(lines.get(10).startsWith("import: bytes read " + Files.size(big) + "/" + Files.size(big) + " done (100%)"), cli.err);
        assertTrue(lines.get(21).endsWith(" done (100%)") && lines.get(21).startsWith("import: events written "), cli.err);

        final Path small = Files.writeString(dir.resolve("small.csv"), "timestamp,open,high,low,close,volume\n2024-01-01 00:00:00,1,1,1,1,1\n");
        final Cli quiet = Cli.run("import", "--format", "ohlcv", "--symbol", "X", "--in", small.toString(), "--journal", dir.resolve("s").toString());
        assertEquals(0, quiet.exitCode, quiet.err);
        assertEquals("", quiet.err);
    }

    @Test
    void aLargeImportInItsOwnProcessPrintsPlainLinesToALog() throws Exception
    {
        final Path big = bigBars();
        final Path log = dir.resolve("import.log");
        run(List.of("bash", "-c", importCommand(big, "j") + " > '" + dir.resolve("out.txt") + "' 2> '" + log + "'"), dir.resolve("bash.txt"));
        final String text = Files.readString(log);
        assertFalse(text.contains("\r"), text);
        final List<String> lines = text.lines().toList();
        assertEquals(22, lines.size(), text);
        assertTrue(lines.get(0).startsWith("import: bytes read ") && lines.get(0).endsWith("/" + Files.size(big) + " done (0%)"), text);
        assertTrue(lines.get(21).startsWith("import: events written ") && lines.get(21).endsWith(" done (100%)"), text);
    }

    @Test
    void aLargeImportOnATerminalRewritesOneLineInPlaceEvenWithItsOutputRedirected() throws Exception
    {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "util-linux script gives the import a terminal");
        final Path big = bigBars();
        // Standard output goes to a file, standard error stays on the terminal: the line belongs to stderr.
        final String terminal = run(List.of("/usr/bin/script", "-q", "-e", "-c",
            importCommand(big, "j") + " > '" + dir.resolve("out.txt") + "'", dir.resolve("typescript").toString()), dir.resolve("tty.txt"));
        // The terminal turns each newline into CR LF; String.lines() would split at every CR too.
        final List<String> lines = List.of(terminal.replace("\r\n", "\n").split("\n"));
        assertEquals(2, lines.size(), terminal);
        assertTrue(lines.get(0).startsWith("\rimport: bytes read ") && lines.get(0).contains(" done (1%)\rimport: bytes read "),
            lines.get(0));
        assertTrue(lines.get(0).endsWith("\rimport: bytes read " + Files.size(big) + "/" + Files.size(big) + " done (100%)"), lines.get(0));
        assertTrue(lines.get(0).chars().filter(c -> c == '\r').count() > 10, "updated in place at each whole percent: " + lines.get(0));
        assertTrue(lines.get(1).startsWith("\rimport: events written ") && lines.get(1).endsWith(" done (100%)"), lines.get(1));
        assertTrue(Files.readString(dir.resolve("out.txt")).contains("imported "), Files.readString(dir.resolve("out.txt")));
    }
}
