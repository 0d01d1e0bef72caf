package io.qts.adapters.cli;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad input to {@code qts sim-exchange}: one clear line, a non-zero exit, nothing started. */
class SimExchangeCommandTest
{
    private static final String SAMPLE = "../config/samples/upbit-krw-btc-1m.csv";

    @Test
    void missingDataFile()
    {
        final Cli cli = Cli.run("sim-exchange", "--port", "0", "--data", "no/such/file.csv");
        assertEquals(1, cli.exitCode);
        assertEquals("qts: error: cannot read no/such/file.csv: no such file", cli.err.strip());
    }

    @Test
    void badPort()
    {
        for (final String port : new String[] {"70000", "-1", "abc"})
        {
            final Cli cli = Cli.run("sim-exchange", "--port", port, "--data", SAMPLE);
            assertEquals(1, cli.exitCode, cli.err);
            assertEquals("qts: error: invalid --port '" + port + "': expected a number from 0 to 65535", cli.err.strip());
        }
    }

    @Test
    void badSpeedFormatAndKeys()
    {
        Cli cli = Cli.run("sim-exchange", "--port", "0", "--data", SAMPLE, "--speed", "-3");
        assertEquals(1, cli.exitCode);
        assertTrue(cli.err.startsWith("qts: error: speed must be between 0 and 100000"), cli.err);
        assertEquals(1, cli.err.strip().lines().count());

        cli = Cli.run("sim-exchange", "--port", "0", "--data", SAMPLE, "--format", "ticks");
        assertEquals(1, cli.exitCode);
        assertTrue(cli.err.startsWith("qts: error: unknown format 'ticks'"), cli.err);

        cli = Cli.run("sim-exchange", "--port", "0", "--data", SAMPLE, "--keys", "no/such/keys");
        assertEquals(1, cli.exitCode);
        assertEquals("qts: error: cannot read no/such/keys: no such file", cli.err.strip());
    }

    /** One --data plays as KRW-BTC; several pair with their --symbol in the order given. */
    @Test
    void eachDataFileIsPlayedAsItsSymbol()
    {
        assertEquals(List.of("KRW-BTC"), SimExchangeCommand.markets(1, List.of()));
        assertEquals(List.of("KRW-ETH"), SimExchangeCommand.markets(1, List.of("KRW-ETH")));
        assertEquals(List.of("KRW-ETH", "KRW-BTC"), SimExchangeCommand.markets(2, List.of("KRW-ETH", "KRW-BTC")));

        Cli cli = Cli.run("sim-exchange", "--port", "0", "--data", SAMPLE, "--symbol", "KRW-BTC", "--data", SAMPLE);
        assertEquals(1, cli.exitCode, cli.err);
        assertEquals("qts: error: each --data FILE needs its own --symbol MARKET (the i-th --symbol names the i-th --data): "
            + "got 2 --data and 1 --symbol", cli.err.strip());

        cli = Cli.run("sim-exchange", "--port", "0", "--data", SAMPLE, "--symbol", "KRW-BTC", "--data", SAMPLE, "--symbol", "KRW-BTC");
        assertEquals(1, cli.exitCode, cli.err);
        assertEquals("qts: error: --symbol KRW-BTC is given twice: each market once", cli.err.strip());

        cli = Cli.run("sim-exchange", "--port", "0", "--data", SAMPLE, "--symbol", "KRW-BTC", "--data", SAMPLE, "--symbol", "eth");
        assertEquals(1, cli.exitCode, cli.err);
        assertEquals("qts: error: market must look like KRW-BTC: 'eth'", cli.err.strip());

        cli = Cli.run("sim-exchange", "--port", "0", "--data", SAMPLE, "--symbol", "KRW-BTC", "--data", "no/such/eth.csv",
            "--symbol", "KRW-ETH");
        assertEquals(1, cli.exitCode, cli.err);
        assertEquals("qts: error: cannot read no/such/eth.csv: no such file", cli.err.strip());
    }

    @Test
    void missingRequiredOptionIsAUsageError()
    {
        final Cli cli = Cli.run("sim-exchange", "--port", "0");
        assertEquals(2, cli.exitCode);
        assertTrue(cli.err.startsWith("qts: Missing required option: '--data=FILE'"), cli.err);
    }
}
