package io.qts.adapters.cli;

import io.qts.adapters.data.BadRowPolicy;
import io.qts.adapters.config.QtsConfig;
import io.qts.adapters.data.DataFormat;
import io.qts.adapters.data.MarketDataFile;
import io.qts.adapters.data.MarketSeries;
import io.qts.adapters.data.MergedSeries;
import io.qts.adapters.report.DataSource;
import io.qts.adapters.run.RiskSettings;
import io.qts.engine.EngineContext;
import io.qts.engine.FixedPoint;
import io.qts.engine.InputSink;
import io.qts.engine.JournalReplay;
import io.qts.journal.EntryHeader;
import io.qts.journal.Journal;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The options {@code backtest} and {@code sweep} share (where the data comes from, sizing, cash and risk)
 * and what they make of them: the inputs and the engine context. One definition, so a sweep's combination
 * runs exactly like a backtest given the same options.
 */
final class BacktestOptions
{
    @Option(names = "--journal", paramLabel = "DIR", description = "Journal to replay (its venue answers are simulated anew).")
    private Path journal;

    @Option(names = "--data", paramLabel = "FILE",
        description = "Market-data file instead of a journal; repeat with one --symbol each for a portfolio (docs/research.md).")
    private List<Path> data = new ArrayList<>();

    @Option(names = "--format", paramLabel = "F",
        description = "Layout of --data: yahoo, ohlcv, binance-klines, upbit-candles or trades (see qts import --help); "
            + "once for every file, or once per --data in the same order.")
    private List<String> formats = new ArrayList<>();

    @Option(names = "--on-bad-row", paramLabel = "fail|skip", defaultValue = "fail",
        description = "A bad row of --data fails the run with FILE:LINE: reason (fail, the default) or is left out and counted (skip).")
    private String onBadRow;

    @Option(names = "--symbol", paramLabel = "SYM",
        description = "Instrument to trade (required with --data: the i-th --symbol names the i-th --data); repeat for several.")
    private List<String> symbols = new ArrayList<>();

    @Option(names = "--size", paramLabel = "QTY", defaultValue = "1", description = "Quantity per entry (default ${DEFAULT-VALUE}).")
    private String size;

    @Option(names = "--cash", required = true, paramLabel = "C", description = "Starting cash.")
    private String cash;

    @Option(names = "--commission", paramLabel = "RATE", defaultValue = "0",
        description = "Commission rate on qty x fill price, e.g. 0.001 (default ${DEFAULT-VALUE}).")
    private String commission;

    @Option(names = "--max-position", paramLabel = "QTY", description = "Risk: largest position, or none (default none).")
    private String maxPosition;

    @Option(names = "--max-order-notional", paramLabel = "C", description = "Risk: largest order notional, or none (default none).")
    private String maxOrderNotional;

    @Option(names = "--sizing", paramLabel = "MODE",
        description = "Risk: entry size from fixed-qty (--size), fixed-notional (--order-notional) or equity-fraction (--equity-fraction).")
    private String sizing;

    @Option(names = "--order-notional", paramLabel = "C", description = "Risk: money per entry; selects --sizing fixed-notional.")
    private String orderNotional;

    @Option(names = "--equity-fraction", paramLabel = "F", description = "Risk: fraction of equity per entry; selects --sizing equity-fraction.")
    private String equityFraction;

    @Option(names = "--max-open-positions", paramLabel = "N", description = "Risk: most instruments held at once (default unlimited).")
    private String maxOpenPositions;

    @Option(names = "--stop", paramLabel = "S", description = "Risk: ATR stop none, initial or trailing (default none).")
    private String stop;

    @Option(names = "--halt-window", paramLabel = "W",
        description = "Risk: no orders in this window, daily UTC HH:MM-HH:MM or START/END ISO instants; repeatable.")
    private List<String> haltWindows = new ArrayList<>();

    @Option(names = "--risk", paramLabel = "KEY=VALUE", description = "Any risk.* setting of the config, e.g. --risk maxDrawdown=0.2.")
    private Map<String, String> risk = new LinkedHashMap<>();

    @Option(names = "--engine-id", paramLabel = "N", defaultValue = "1", description = "Engine id in client order ids (default ${DEFAULT-VALUE}).")
    private int engineId;

    /** The configuration keys (or key prefixes) that a backtest has options for. */
    private static final List<String> OPTION_KEYS = List.of(
        "risk.", "run.strategy", "run.params.", "run.symbol", "run.size", "run.cash", "run.commission");

    /**
     * Backtests and sweeps are set by their options alone, so that a report reproduces from itself. The QTS_*
     * variables and qts.* properties that {@code run} reads are still checked the same way (a misspelt one
     * stops the command, naming the nearest key), and those set for what a backtest has options for (strategy,
     * cash, sizing, risk, ...) are named in one note, not ignored silently; venue, ops and other live-only
     * settings concern no backtest.
     *
     * @param command the command's name, for the note
     */
    static void noteConfiguration(final PrintWriter err, final String command)
    {
        final List<String> unused = QtsConfig.load(null, System.getenv(), QtsConfig.qtsProperties()).overrides().entrySet().stream()
            .filter(e -> OPTION_KEYS.stream().anyMatch(e.getKey()::startsWith)).map(Map.Entry::getValue).toList();
        if (!unused.isEmpty())
        {
            err.println("qts: note: " + command + " is set by its options only (e.g. --risk KEY=VALUE); not used: " +
                String.join(", ", unused));
            err.flush();
        }
    }

    /**
     * The traded symbols (in name order), a replay of the inputs and where they came from (one source per data
     * file, in the symbols' order, or the journal); data files are read (and checked) once, here.
     */
    record Inputs(List<String> symbols, Path source, Consumer<InputSink> replay, List<DataSource> dataSources)
    {
        /** What reading the data files left out, as a line to print; empty if nothing. */
        String skippedLine()
        {
            final List<String> lines = new ArrayList<>();
            for (int i = 0; i < dataSources.size(); i++)
            {
                final String skipped = dataSources.get(i).skipped().describe();
                if (!skipped.isEmpty())
                {
                    lines.add("data" + (dataSources.size() > 1 ? " of " + symbols.get(i) : "") + ": " + skipped);
                }
            }
            return String.join(System.lineSeparator(), lines);
        }

        /**
         * For the commands that take one instrument.
         *
         * @throws UserError naming the command when several are given
         */
        Inputs single(final String command)
        {
            if (symbols.size() != 1)
            {
                throw new UserError(command + " takes one instrument (one --data with its --symbol), got " + symbols.size() +
                    " (" + String.join(", ", symbols) + "); a portfolio runs with 'qts backtest' and 'qts sweep' without --train");
            }
            return this;
        }

        String symbol()
        {
            return symbols.get(0);
        }
    }

    Inputs inputs()
    {
        if ((journal == null) == data.isEmpty())
        {
            throw new UserError("give exactly one of --journal DIR or --data FILE");
        }
        if (!data.isEmpty())
        {
            return dataInputs();
        }
        final Path dir = journal;
        JournalChecks.requireUsable(dir, JournalChecks.BACKTEST, "backtest");
        if (!formats.isEmpty())
        {
            throw new UserError("--format is for --data files; a journal's entries say what they are");
        }
        final Consumer<InputSink> replay = sink ->
        {
            try (Journal in = Journal.openForRead(dir))
            {
                JournalReplay.replay(in, (timeNs, sourceId, format, buffer, offset, length) ->
                {
                    if (format != EntryHeader.FORMAT_SBE)
                    {
                        // The simulated venue fills on SBE bars and trades; a live session's venue messages it cannot re-simulate.
                        throw new UserError("journal " + dir + " holds a live session's venue messages: decide it again with "
                            + "'qts replay --journal " + dir + "' (a backtest re-simulates the venue from SBE market data)");
                    }
                    sink.accept(timeNs, sourceId, format, buffer, offset, length);
                });
            }
        };
        final List<String> traded = symbols.isEmpty() ? List.of(JournalSymbols.single(dir)) : distinctSorted(symbols);
        if (traded.size() > 1)
        {
            final List<String> defined = JournalSymbols.all(dir);
            for (final String symbol : traded)
            {
                if (!defined.contains(symbol))
                {
                    throw new UserError("symbol '" + symbol + "' is not defined in " + dir + " (it has: " + String.join(", ", defined) + ")");
                }
            }
        }
        return new Inputs(traded, dir, replay, List.of(DataSource.journal(dir, entriesSha256(replay))));
    }

    /** Each --data with its --symbol (and --format), read and merged into one stream ({@link MergedSeries}). */
    private Inputs dataInputs()
    {
        if (formats.isEmpty() || symbols.isEmpty())
        {
            throw new UserError("--data needs --format " + DataFormat.cliNames("|") + " and --symbol SYM");
        }
        if (symbols.size() != data.size())
        {
            throw new UserError("each --data FILE needs its own --symbol SYM (the i-th --symbol names the i-th --data): got " +
                data.size() + " --data and " + symbols.size() + " --symbol");
        }
        if (formats.size() != 1 && formats.size() != data.size())
        {
            throw new UserError("give --format once for every --data file or once per --data: got " + formats.size() +
                " --format for " + data.size() + " --data");
        }
        distinctSorted(symbols);
        final BadRowPolicy policy = BadRowPolicy.fromName(onBadRow);
        final List<MarketSeries> read = new ArrayList<>();
        final Map<String, DataSource> sourceOf = new LinkedHashMap<>();
        for (int i = 0; i < data.size(); i++)
        {
            final DataFormat dataFormat = DataFormat.fromName(formats.get(formats.size() == 1 ? 0 : i));
            final MarketSeries series = MarketDataFile.read(data.get(i), dataFormat, symbols.get(i), policy, bytes -> { });
            read.add(series);
            sourceOf.put(series.symbol(), DataSource.dataFile(data.get(i), dataFormat.cliName(), series.skipped()));
        }
        final MergedSeries merged = MergedSeries.of(read);
        return new Inputs(merged.symbols(), data.get(0), merged::replay, merged.symbols().stream().map(sourceOf::get).toList());
    }

    /** The symbols in name order (the order of a portfolio's instruments everywhere). */
    private static List<String> distinctSorted(final List<String> given)
    {
        final TreeSet<String> sorted = new TreeSet<>();
        for (final String symbol : given)
        {
            if (!sorted.add(symbol))
            {
                throw new UserError("--symbol " + symbol + " is given twice: each instrument once");
            }
        }
        return List.copyOf(sorted);
    }

    /** SHA-256 over every replayed entry: time (ns), source id, format, length and payload, in order. */
    private static String entriesSha256(final Consumer<InputSink> replay)
    {
        final MessageDigest digest;
        try
        {
            digest = MessageDigest.getInstance("SHA-256");
        }
        catch (final NoSuchAlgorithmException ex)
        {
            throw new IllegalStateException("SHA-256 is part of every JDK", ex);
        }
        final ByteBuffer header = ByteBuffer.allocate(Long.BYTES + 3 * Integer.BYTES);
        final byte[] payload = new byte[EntryHeader.MAX_PAYLOAD_LENGTH];
        replay.accept((timeNs, sourceId, format, buffer, offset, length) ->
        {
            header.clear();
            header.putLong(timeNs).putInt(sourceId).putInt(format).putInt(length);
            digest.update(header.array());
            buffer.getBytes(offset, payload, 0, length);
            digest.update(payload, 0, length);
        });
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * @throws IllegalArgumentException from {@link EngineContext#conclude()}, naming what the engine refuses,
     *                                  e.g. parameters the strategy rejects.
     */
    EngineContext context(final String traded, final String strategy, final Map<String, String> params)
    {
        return context(List.of(traded), strategy, params);
    }

    /** @param traded the symbols, one strategy instance each. */
    EngineContext context(final List<String> traded, final String strategy, final Map<String, String> params)
    {
        final EngineContext context = new EngineContext()
            .engineId(engineId)
            .symbols(traded)
            .strategy(strategy, params)
            .orderQty(Decimals.parse("--size", size, 8))
            .initialCash(initialCash())
            .commissionRate(Decimals.parse("--commission", commission, FixedPoint.RATE_SCALE));
        if (maxPosition != null)
        {
            context.maxPositionQty(Decimals.limit("--max-position", maxPosition, 8));
        }
        if (maxOrderNotional != null)
        {
            context.maxOrderNotional(Decimals.limit("--max-order-notional", maxOrderNotional, FixedPoint.MONEY_SCALE));
        }
        final Map<String, String> riskValues = new LinkedHashMap<>(risk);
        final Map<String, String> givenBy = new LinkedHashMap<>();
        risk.forEach((key, value) -> givenBy.put(key, "--risk " + key + "=" + value));
        given(riskValues, givenBy, "sizing", "--sizing", sizing);
        given(riskValues, givenBy, "orderNotional", "--order-notional", orderNotional);
        given(riskValues, givenBy, "equityFraction", "--equity-fraction", equityFraction);
        riskValues.put("sizing", RiskSettings.sizingMode(riskValues, givenBy::get));
        putIfGiven(riskValues, "maxOpenPositions", maxOpenPositions);
        putIfGiven(riskValues, "stop", stop);
        if (!haltWindows.isEmpty())
        {
            riskValues.put("haltWindows", String.join(",", haltWindows));
        }
        RiskSettings.apply(context, riskValues);
        return context.conclude();
    }

    /** A sizing option, which must agree with the same key given by {@code --risk}. */
    private static void given(final Map<String, String> values, final Map<String, String> givenBy, final String key,
        final String option, final String value)
    {
        if (value == null)
        {
            return;
        }
        if (values.containsKey(key) && !values.get(key).equals(value))
        {
            throw new UserError(option + " " + value + " conflicts with " + givenBy.get(key));
        }
        values.put(key, value);
        givenBy.put(key, "sizing".equals(key) ? option + " " + value : option);
    }

    private static void putIfGiven(final Map<String, String> values, final String key, final String value)
    {
        if (value != null)
        {
            values.put(key, value);
        }
    }

    long initialCash()
    {
        return Decimals.positive("--cash", cash, FixedPoint.MONEY_SCALE);
    }

    /** A run that never saw the symbol or any market data is a mistake in the options, not a result. */
    void check(final Inputs inputs, final boolean instrumentSeen, final long marketEvents)
    {
        if (!instrumentSeen)
        {
            throw new UserError("symbol '" + inputs.symbols().get(0) + "' is not defined in " + inputs.source() +
                (journal != null ? " (it has: " + String.join(", ", JournalSymbols.all(journal)) + ")" : ""));
        }
        if (marketEvents == 0)
        {
            throw new UserError("no market data in " + inputs.source());
        }
    }
}
