package io.qts.adapters.cli;

import io.qts.adapters.data.DataFormat;
import io.qts.adapters.data.MarketDataFile;
import io.qts.adapters.data.MarketSeries;
import io.qts.adapters.report.BacktestReport;
import io.qts.adapters.report.TradeLedger;
import io.qts.adapters.run.RiskSettings;
import io.qts.engine.Backtest;
import io.qts.engine.EngineContext;
import io.qts.engine.EngineResult;
import io.qts.engine.FixedPoint;
import io.qts.engine.JournalReplay;
import io.qts.journal.Journal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.LinkedHashMap;

import java.util.Map;
import java.util.concurrent.Callable;

/** {@code qts backtest}: one deterministic backtest through the engine's stage chain. */
@Command(name = "backtest", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Run a strategy over a journal or a data file against the simulated venue; write report.json and trades.csv.")
final class BacktestCommand implements Callable<Integer>
{
    @Option(names = "--journal", paramLabel = "DIR", description = "Journal to replay (its venue answers are simulated anew).")
    private Path journal;

    @Option(names = "--data", paramLabel = "FILE", description = "CSV data file instead of a journal.")
    private Path data;

    @Option(names = "--format", paramLabel = "F", description = "Layout of --data: yahoo, ohlcv or trades.")
    private String format;

    @Option(names = "--symbol", paramLabel = "SYM", description = "Instrument to trade (required with --data).")
    private String symbol;

    @Option(names = "--strategy", required = true, paramLabel = "NAME", description = "Strategy: sma-cross.")
    private String strategy;

    @Option(names = "--param", paramLabel = "KEY=VALUE", description = "Strategy parameter, e.g. --param fast=10.")
    private Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--size", paramLabel = "QTY", defaultValue = "1", description = "Quantity per entry (default ${DEFAULT-VALUE}).")
    private String size;

    @Option(names = "--cash", required = true, paramLabel = "C", description = "Starting cash.")
    private String cash;

    @Option(names = "--commission", paramLabel = "RATE", defaultValue = "0",
        description = "Commission rate on qty x fill price, e.g. 0.001 (default ${DEFAULT-VALUE}).")
    private String commission;

    @Option(names = "--max-position", paramLabel = "QTY", description = "Risk: largest position (default unlimited).")
    private String maxPosition;

    @Option(names = "--max-order-notional", paramLabel = "C", description = "Risk: largest order notional (default unlimited).")
    private String maxOrderNotional;

    @Option(names = "--sizing", paramLabel = "MODE",
        description = "Risk: entry size from fixed-qty (--size), fixed-notional (--order-notional) or equity-fraction (--equity-fraction).")
    private String sizing;

    @Option(names = "--order-notional", paramLabel = "C", description = "Risk: money per entry, with --sizing fixed-notional.")
    private String orderNotional;

    @Option(names = "--equity-fraction", paramLabel = "F", description = "Risk: fraction of equity per entry, with --sizing equity-fraction.")
    private String equityFraction;

    @Option(names = "--max-open-positions", paramLabel = "N", description = "Risk: most instruments held at once (default unlimited).")
    private String maxOpenPositions;

    @Option(names = "--stop", paramLabel = "S", description = "Risk: ATR stop none, initial or trailing (default none).")
    private String stop;

    @Option(names = "--halt-window", paramLabel = "W",
        description = "Risk: no orders in this window, daily UTC HH:MM-HH:MM or START/END ISO instants; repeatable.")
    private java.util.List<String> haltWindows = new java.util.ArrayList<>();

    @Option(names = "--risk", paramLabel = "KEY=VALUE", description = "Any risk.* setting of the config, e.g. --risk maxDrawdown=0.2.")
    private Map<String, String> risk = new LinkedHashMap<>();

    @Option(names = "--engine-id", paramLabel = "N", defaultValue = "1", description = "Engine id in client order ids (default ${DEFAULT-VALUE}).")
    private int engineId;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where report.json and trades.csv go.")
    private Path out;

    @picocli.CommandLine.Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call()
    {
        if ((journal == null) == (data == null))
        {
            throw new UserError("give exactly one of --journal DIR or --data FILE");
        }
        final MarketSeries series = data == null ? null : readData();
        final String traded = series != null ? series.symbol() : symbol != null ? symbol : JournalSymbols.single(journal);
        final EngineContext context = context(traded);
        final TradeLedger ledger = new TradeLedger();
        final Backtest backtest = new Backtest(context, ledger);
        if (series != null)
        {
            series.replay(backtest.input());
        }
        else
        {
            try (Journal in = Journal.openForRead(journal))
            {
                JournalReplay.replay(in, backtest.input());
            }
        }
        final EngineResult result = backtest.finish();
        if (!result.instrumentSeen())
        {
            throw new UserError("symbol '" + traded + "' is not defined in " + (journal != null ? journal : data) +
                (journal != null ? " (it has: " + String.join(", ", JournalSymbols.all(journal)) + ")" : ""));
        }
        if (result.marketEvents() == 0)
        {
            throw new UserError("no market data in " + (journal != null ? journal : data));
        }
        final BacktestReport report = new BacktestReport(strategy, context.strategyParams(), traded, context.initialCash(), result, ledger);
        report.writeTo(out);
        spec.commandLine().getOut().println(report.summary());
        spec.commandLine().getOut().println("wrote " + out.resolve("report.json") + " and " + out.resolve("trades.csv"));
        return 0;
    }

    private MarketSeries readData()
    {
        if (format == null || symbol == null)
        {
            throw new UserError("--data needs --format yahoo|ohlcv|trades and --symbol SYM");
        }
        return MarketDataFile.read(data, DataFormat.fromName(format), symbol);
    }

    private EngineContext context(final String traded)
    {
        final EngineContext context = new EngineContext()
            .engineId(engineId)
            .symbol(traded)
            .strategy(strategy, params)
            .orderQty(Decimals.parse("--size", size, 8))
            .initialCash(Decimals.parse("--cash", cash, FixedPoint.MONEY_SCALE))
            .commissionRate(Decimals.parse("--commission", commission, FixedPoint.RATE_SCALE));
        if (maxPosition != null)
        {
            context.maxPositionQty(Decimals.parse("--max-position", maxPosition, 8));
        }
        if (maxOrderNotional != null)
        {
            context.maxOrderNotional(Decimals.parse("--max-order-notional", maxOrderNotional, FixedPoint.MONEY_SCALE));
        }
        final Map<String, String> riskValues = new LinkedHashMap<>(risk);
        putIfGiven(riskValues, "sizing", sizing);
        putIfGiven(riskValues, "orderNotional", orderNotional);
        putIfGiven(riskValues, "equityFraction", equityFraction);
        putIfGiven(riskValues, "maxOpenPositions", maxOpenPositions);
        putIfGiven(riskValues, "stop", stop);
        if (!haltWindows.isEmpty())
        {
            riskValues.put("haltWindows", String.join(",", haltWindows));
        }
        RiskSettings.apply(context, riskValues);
        return context.conclude();
    }

    private static void putIfGiven(final Map<String, String> values, final String key, final String value)
    {
        if (value != null)
        {
            values.put(key, value);
        }
    }
}
