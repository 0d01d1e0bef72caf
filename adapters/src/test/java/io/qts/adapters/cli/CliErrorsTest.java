package io.qts.adapters.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad input: one clear line on stderr, a non-zero exit, no stack trace, nothing half-written. */
class CliErrorsTest
{
    @TempDir
    Path dir;

    private Path bars() throws IOException
    {
        return Files.writeString(dir.resolve("bars.csv"), Bars.ZIGZAG);
    }

    private Cli backtest(final String... extra) throws IOException
    {
        final String[] base = {"backtest", "--data", bars().toString(), "--format", "ohlcv", "--symbol", "KRW-BTC",
            "--cash", "1000", "--out", dir.resolve("out").toString()};
        final String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return Cli.run(args);
    }

    private static void assertOneLine(final Cli cli, final int exitCode, final String expected)
    {
        assertEquals(exitCode, cli.exitCode, cli.out + cli.err);
        final String first = cli.err.lines().findFirst().orElse("");
        assertEquals(expected, first);
        assertFalse(cli.err.contains("\tat "), "no stack trace: " + cli.err);
    }

    @Test
    void unknownStrategy() throws IOException
    {
        assertOneLine(backtest("--strategy", "martingale"), 1, "qts: error: unknown strategy 'martingale' (known: sma-cross, ema-cross, momentum, volatility-breakout)");
        assertFalse(Files.exists(dir.resolve("out")), "no report for a failed backtest");
    }

    @Test
    void aParameterThatDoesNotFitTheOtherOnesDefault() throws IOException
    {
        assertOneLine(backtest("--strategy", "sma-cross", "--param", "fast=40"), 1,
            "qts: error: sma-cross needs 1 <= fast < slow, got fast=40 slow=30");
    }

    @Test
    void invalidParameters() throws IOException
    {
        assertOneLine(backtest("--strategy", "sma-cross", "--param", "fast=x", "--param", "slow=4"), 1,
            "qts: error: parameter 'fast' for sma-cross must be a whole number from 1 to 99999, got 'x'");
        assertOneLine(backtest("--strategy", "sma-cross", "--param", "fast=5", "--param", "slow=4"), 1,
            "qts: error: sma-cross needs 1 <= fast < slow, got fast=5 slow=4");
        assertOneLine(backtest("--strategy", "sma-cross", "--param", "fast=2", "--param", "slow=4", "--param", "fats=1"), 1,
            "qts: error: unknown parameter 'fats' for sma-cross (known: cooldownSeconds, fast, slow)");
        assertOneLine(backtest("--strategy", "sma-cross", "--param", "fast=2", "--param", "slow=4", "--size", "-1"), 1,
            "qts: error: size must be positive, got -1");
        assertOneLine(backtest("--strategy", "sma-cross", "--param", "fast=2", "--param", "slow=4", "--commission", "abc"), 1,
            "qts: error: --commission: not a number: 'abc'");
    }

    @Test
    void unreadableAndEmptyFiles() throws IOException
    {
        final Path missing = dir.resolve("missing.csv");
        final Cli cli = Cli.run("backtest", "--data", missing.toString(), "--format", "ohlcv", "--symbol", "X",
            "--strategy", "sma-cross", "--param", "fast=2", "--param", "slow=4", "--cash", "1", "--out", dir.resolve("o").toString());
        assertEquals(1, cli.exitCode);
        assertTrue(cli.err.startsWith("qts: error: cannot read " + missing), cli.err);

        final Path empty = Files.writeString(dir.resolve("empty.csv"), "timestamp,open,high,low,close,volume\n");
        final Cli none = Cli.run("backtest", "--data", empty.toString(), "--format", "ohlcv", "--symbol", "X",
            "--strategy", "sma-cross", "--param", "fast=2", "--param", "slow=4", "--cash", "1", "--out", dir.resolve("o").toString());
        assertOneLine(none, 1, "qts: error: " + empty + ": no data rows");
    }

    @Test
    void unknownOptionAndMissingSource()
    {
        final Cli cli = Cli.run("backtest", "--strategy", "sma-cross", "--cash", "1", "--out", "x", "--colour", "red");
        assertEquals(2, cli.exitCode);
        assertTrue(cli.err.startsWith("qts: Unknown options: '--colour', 'red'"), cli.err);
        assertOneLine(Cli.run("backtest", "--strategy", "sma-cross", "--cash", "1", "--out", "x"), 1,
            "qts: error: give exactly one of --journal DIR or --data FILE");
        assertEquals(2, Cli.run("frobnicate").exitCode);
    }

    @Test
    void runOptionsOverrideTheConfigurationAndAreChecked()
    {
        assertOneLine(Cli.run("run", "--var-dir", dir.toString(), "--topology", "ring"), 1,
            "qts: error: engine.topology must be one of chain, parallel, got 'ring' (from option --topology)");
        assertFalse(Files.exists(dir.resolve("journal")), "nothing written for a refused start");
    }

    @Test
    void journalToolsOnSomethingThatIsNotAJournal()
    {
        assertOneLine(Cli.run("journal", "verify", "--journal", dir.resolve("nothing").toString()), 1,
            "qts: error: no journal at " + dir.resolve("nothing") + " (expected Chronicle Queue *.cq4 files)");
    }
}
