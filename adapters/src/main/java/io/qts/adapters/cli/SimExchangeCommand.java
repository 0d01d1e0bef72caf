package io.qts.adapters.cli;

import io.qts.adapters.data.DataFormat;
import io.qts.adapters.data.MarketDataFile;
import io.qts.adapters.data.MarketSeries;
import io.qts.adapters.upbit.UpbitKeys;
import io.qts.adapters.upbit.sim.ExchangeSimulator;
import io.qts.adapters.upbit.sim.SimSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code qts sim-exchange}: an Upbit-compatible exchange simulator on loopback that plays a market-data file, or
 * one file per market ({@code --data A --symbol KRW-BTC --data B --symbol KRW-ETH}, merged in time). Runs until
 * interrupted (Ctrl-C). See docs/sim-exchange.md.
 */
@Command(
    name = "sim-exchange",
    description = "Run the Upbit-compatible exchange simulator on 127.0.0.1, playing a market-data file.")
public final class SimExchangeCommand implements Callable<Integer>
{
    /** The same variables the engine's live session reads, so one pair of test keys serves both ends. */
    static final String ACCESS_ENV = UpbitKeys.ACCESS_ENV;
    static final String SECRET_ENV = UpbitKeys.SECRET_ENV;

    @Spec
    CommandSpec spec;

    @Option(names = "--port", required = true, paramLabel = "P", description = "TCP port on 127.0.0.1 (0 = any free port).")
    String port;

    @Option(names = "--data", required = true, paramLabel = "FILE",
        description = "The market-data CSV file to play; repeat with one --symbol each to play several markets.")
    List<Path> data;

    @Option(names = "--format", defaultValue = "ohlcv", paramLabel = "ohlcv|trades",
        description = "Layout of the file: ohlcv bars (each played as four trades) or trades (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--symbol", paramLabel = "MARKET",
        description = "The Upbit market code the data is played as (default: KRW-BTC); the i-th --symbol names the i-th --data.")
    List<String> symbols = new ArrayList<>();

    @Option(names = "--speed", defaultValue = "10", paramLabel = "X",
        description = "Trades played per second of wall time (default: ${DEFAULT-VALUE}).")
    double speed;

    @Option(names = "--loop", description = "Start over at the end of the data.")
    boolean loop;

    @Option(names = "--keys", paramLabel = "FILE",
        description = "API keys the simulator accepts: one 'ACCESS_KEY SECRET_KEY' per line (# comments). Without it, "
            + ACCESS_ENV + " and " + SECRET_ENV + " if set.")
    Path keys;

    @Option(names = "--fee-rate", defaultValue = "0.0005", paramLabel = "R",
        description = "Fee per fill as a fraction of its funds (default: ${DEFAULT-VALUE}).")
    String feeRate;

    @Option(names = "--krw", defaultValue = "10000000", paramLabel = "AMOUNT",
        description = "KRW every account starts with (default: ${DEFAULT-VALUE}).")
    String krw;

    @Option(names = "--ws-idle-timeout-ms", defaultValue = "120000", paramLabel = "MS",
        description = "Close a WebSocket with no traffic either way for this long, as Upbit does (default: ${DEFAULT-VALUE}).")
    long wsIdleTimeoutMs;

    @Override
    public Integer call() throws InterruptedException
    {
        final int p = port(port);
        final DataFormat dataFormat = DataFormat.fromName(format);
        if (dataFormat == DataFormat.YAHOO)
        {
            throw new UserError("--format must be ohlcv or trades");
        }
        final List<String> markets = markets(data.size(), symbols);
        final SimSettings settings = new SimSettings();
        try
        {
            for (final String market : markets)
            {
                settings.market(market);
            }
            settings.speed(speed).loop(loop).feeRate(decimal("--fee-rate", feeRate))
                .initialBalance("KRW", decimal("--krw", krw)).wsIdleTimeoutMs(wsIdleTimeoutMs);
        }
        catch (final IllegalArgumentException ex)
        {
            throw new UserError(ex.getMessage());
        }
        for (final Path file : data)
        {
            if (!Files.exists(file))
            {
                throw new UserError("cannot read " + file + ": no such file");
            }
        }
        loadKeys(settings);
        final Map<String, MarketSeries> series = new TreeMap<>();
        for (int i = 0; i < data.size(); i++)
        {
            series.put(markets.get(i), MarketDataFile.read(data.get(i), dataFormat, markets.get(i)));
        }
        final ExchangeSimulator simulator = ExchangeSimulator.of(series, settings);
        final int bound;
        try
        {
            bound = simulator.start(p);
        }
        catch (final IllegalStateException ex)
        {
            throw new UserError(ex.getMessage());
        }
        spec.commandLine().getOut().println("sim-exchange listening on 127.0.0.1:" + bound
            + " (ws://127.0.0.1:" + bound + ExchangeSimulator.PUBLIC_PATH + ", http://127.0.0.1:" + bound + "/v1/...)");
        spec.commandLine().getOut().flush();
        final CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() ->
        {
            simulator.close();
            stopped.countDown();
        }, "sim-exchange-shutdown"));
        stopped.await();
        return 0;
    }

    /**
     * The market each --data file is played as: KRW-BTC for one file without --symbol, else one --symbol per --data
     * (the i-th names the i-th), each market once.
     */
    static List<String> markets(final int files, final List<String> symbols)
    {
        if (symbols.isEmpty() && files == 1)
        {
            return List.of("KRW-BTC");
        }
        if (symbols.size() != files)
        {
            throw new UserError("each --data FILE needs its own --symbol MARKET (the i-th --symbol names the i-th --data): got "
                + files + " --data and " + symbols.size() + " --symbol");
        }
        final Set<String> seen = new HashSet<>();
        for (final String symbol : symbols)
        {
            if (!seen.add(symbol))
            {
                throw new UserError("--symbol " + symbol + " is given twice: each market once");
            }
        }
        return List.copyOf(symbols);
    }

    static int port(final String text)
    {
        try
        {
            final int p = Integer.parseInt(text.trim());
            if (p >= 0 && p <= 65535)
            {
                return p;
            }
        }
        catch (final NumberFormatException ignored)
        {
            // reported below
        }
        throw new UserError("invalid --port '" + text + "': expected a number from 0 to 65535");
    }

    private static BigDecimal decimal(final String option, final String text)
    {
        try
        {
            return new BigDecimal(text.trim());
        }
        catch (final NumberFormatException ex)
        {
            throw new UserError("invalid " + option + " '" + text + "': expected a decimal number");
        }
    }

    private void loadKeys(final SimSettings settings)
    {
        if (keys == null)
        {
            final String access = System.getenv(ACCESS_ENV);
            final String secret = System.getenv(SECRET_ENV);
            if (access != null && !access.isBlank() && secret != null && !secret.isBlank())
            {
                settings.key(access.trim(), secret.trim().getBytes(StandardCharsets.UTF_8));
            }
            return;
        }
        final List<String> lines;
        try
        {
            lines = Files.readAllLines(keys, StandardCharsets.UTF_8);
        }
        catch (final IOException ex)
        {
            throw new UserError("cannot read " + keys + ": " + (ex instanceof java.nio.file.NoSuchFileException
                ? "no such file" : ex.getMessage()));
        }
        int n = 0;
        for (int i = 0; i < lines.size(); i++)
        {
            final String line = lines.get(i).trim();
            if (line.isEmpty() || line.startsWith("#"))
            {
                continue;
            }
            final String[] parts = line.split("\\s+");
            if (parts.length != 2)
            {
                // never echo the line: it may hold a secret
                throw new UserError(keys + ":" + (i + 1) + ": expected 'ACCESS_KEY SECRET_KEY'");
            }
            settings.key(parts[0], parts[1].getBytes(StandardCharsets.UTF_8));
            n++;
        }
        if (n == 0)
        {
            throw new UserError(keys + ": no keys");
        }
    }
}
