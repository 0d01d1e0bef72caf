package io.qts.adapters.cli;

import io.qts.adapters.data.DataFormat;
import io.qts.adapters.data.MarketDataFile;
import io.qts.adapters.data.MarketSeries;
import io.qts.adapters.report.BacktestReport;
import io.qts.adapters.report.TradeLedger;
import io.qts.adapters.run.AdminSchedule;
import io.qts.engine.Backtest;
import io.qts.engine.EngineContext;
import io.qts.engine.EngineResult;
import io.qts.engine.FixedPoint;
import io.qts.engine.JournalReplay;
import io.qts.journal.Journal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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

    @Option(names = "--strategy", required = true, paramLabel = "NAME", completionCandidates = StrategyNames.class,
        description = "Strategy: ${COMPLETION-CANDIDATES}.")
    private String strategy;

    @Option(names = "--param", paramLabel = "KEY=VALUE", description = "Strategy parameter, e.g. --param fast=10 (see docs/strategies.md).")
    private Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--admin", paramLabel = "COMMAND",
        description = "Operator command put into the inputs at its time (repeatable): " + AdminSchedule.SYNTAX + ".")
    private List<String> admin = new ArrayList<>();

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
        final AdminSchedule adminSchedule = AdminSchedule.parse(admin, strategy);
        final TradeLedger ledger = new TradeLedger();
        final Backtest backtest = new Backtest(context, ledger);
        final AdminSchedule.Merged input = adminSchedule.into(backtest.input());
        if (series != null)
        {
            series.replay(input);
        }
        else
        {
            try (Journal in = Journal.openForRead(journal))
            {
                JournalReplay.replay(in, input);
            }
        }
        input.finish();
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
        return context.conclude();
    }

}
