package io.qts.adapters.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    @Test
    void aLargeImportShowsItsProgressAndASmallOneDoesNot() throws IOException
    {
        final StringBuilder csv = new StringBuilder("timestamp,open,high,low,close,volume\n");
        long t = Instant.parse("2024-01-01T00:00:00Z").getEpochSecond();
        while (csv.length() < ImportCommand.PROGRESS_FROM_BYTES)
        {
            csv.append(java.time.LocalDateTime.ofEpochSecond(t, 0, java.time.ZoneOffset.UTC).toString().replace('T', ' '))
                .append(",100.25,101.5,99.75,100.5,12.345678\n");
            t += 60;
        }
        final Path big = Files.writeString(dir.resolve("big.csv"), csv);
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
}
