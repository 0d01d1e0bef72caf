package io.qts.adapters.cli;

import io.qts.adapters.data.DecodedEvents;
import io.qts.adapters.data.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ImportCommandTest
{
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void importsBarsAndSaysWhatItWrote() throws IOException
    {
        final Path file = TestFiles.csv(dir, "nvda.csv",
            "Date,Open,High,Low,Close,Adj Close,Volume",
            "1999-01-22,1.750000,1.953125,1.552083,1.640625,1.518424,67867200",
            "1999-01-25,1.770833,1.833333,1.640625,1.812500,1.677496,12762000",
            "1999-01-26,1.833333,1.869792,1.645833,1.671875,1.547346,8580000");
        final Path journal = dir.resolve("nvda-journal");

        final int exitCode = commandLine().execute(
            "--format", "yahoo", "--symbol", "NVDA", "--in", file.toString(), "--journal", journal.toString());

        assertEquals(0, exitCode, err.toString());
        assertEquals("imported 4 events (1 instrument definition + 3 bars) of NVDA, priceScale 6, " +
            "1999-01-22T00:00:00Z .. 1999-01-26T00:00:00Z, into " + journal + System.lineSeparator(), out.toString());
        assertEquals(4, DecodedEvents.inJournal(journal).size());
    }

    @Test
    void importsOneTradeAndSaysSo() throws IOException
    {
        final Path file = TestFiles.csv(dir, "kraken.csv", "1672531436,90.540000,1.10448420");
        final Path journal = dir.resolve("bch");

        assertEquals(0, commandLine().execute(
            "--format", "TRADES", "--symbol", "BCHEUR", "--in", file.toString(), "--journal", journal.toString()));

        assertEquals("imported 2 events (1 instrument definition + 1 trade) of BCHEUR, priceScale 2, " +
            "2023-01-01T00:03:56Z .. 2023-01-01T00:03:56Z, into " + journal + System.lineSeparator(), out.toString());
    }

    @Test
    void aBadRowAnywhereMeansNothingIsWritten() throws IOException
    {
        final Path file = TestFiles.csv(dir, "nvda.csv",
            "Date,Open,High,Low,Close,Adj Close,Volume",
            "1999-01-22,1.750000,1.953125,1.552083,1.640625,1.518424,67867200",
            "1999-01-25,1.770833,1.833333,1.640625,1.812500,1.677496,-12762000");
        final Path journal = dir.resolve("nvda-journal");

        final UserError error = assertThrows(UserError.class, () -> call(
            "--format", "yahoo", "--symbol", "NVDA", "--in", file.toString(), "--journal", journal.toString()));

        assertEquals(file + ":3: Volume must not be negative, found '-12762000'", error.getMessage());
        assertEquals(List.of("nvda.csv"), TestFiles.names(dir));
        assertEquals("", out.toString());
    }

    @Test
    void anUnknownFormatIsAUserError() throws IOException
    {
        final Path file = TestFiles.csv(dir, "x.csv", "timestamp,open,high,low,close,volume");

        final UserError error = assertThrows(UserError.class, () -> call(
            "--format", "json", "--symbol", "X", "--in", file.toString(), "--journal", dir.resolve("j").toString()));

        assertEquals("unknown format 'json'; expected one of: yahoo, ohlcv, trades, upbit-candles, binance-klines", error.getMessage());
    }

    @Test
    void everyOptionIsRequired()
    {
        assertEquals(CommandLine.ExitCode.USAGE, commandLine().execute("--format", "yahoo", "--symbol", "X", "--in", "f"));
        assertEquals(true, err.toString().contains("Missing required option: '--journal=DIR'"), err.toString());
    }

    private Integer call(final String... args)
    {
        final ImportCommand command = new ImportCommand();
        commandLine(command).parseArgs(args);
        return command.call();
    }

    private CommandLine commandLine()
    {
        return commandLine(new ImportCommand());
    }

    private CommandLine commandLine(final ImportCommand command)
    {
        return new CommandLine(command).setOut(new PrintWriter(out)).setErr(new PrintWriter(err));
    }

}
