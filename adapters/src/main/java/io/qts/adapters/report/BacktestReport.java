package io.qts.adapters.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qts.engine.EngineContext;
import io.qts.engine.EngineResult;
import io.qts.engine.FixedPoint;
import io.qts.engine.Strategies;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * report.json and trades.csv of one backtest. Money and prices are decimal strings (exact, trailing
 * zeros dropped), times ISO-8601 UTC instants; field order is fixed, so equal runs give equal bytes.
 */
public final class BacktestReport
{
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String strategy;
    private final Map<String, String> params;
    private final String symbol;
    private final long initialCash;
    private final EngineResult result;
    private final TradeLedger.Book ledger;
    private final EquityCurve curve;
    private final Metrics metrics;
    private final ObjectNode inputs;
    private final List<String> notes;

    /**
     * @param context the concluded engine context the backtest ran with (its settings are the report's inputs)
     * @param source  the data file or journal the inputs came from, or null
     */
    public BacktestReport(final EngineContext context, final DataSource source, final EngineResult result, final TradeLedger ledger,
        final EquityCurve curve, final RunNarrative narrative)
    {
        this.strategy = context.strategyName();
        this.params = context.strategyParams();
        this.symbol = context.symbol();
        this.initialCash = context.initialCash();
        this.result = result;
        this.ledger = ledger.book(result.priceScale(), result.qtyScale());
        this.curve = curve;
        this.metrics = Metrics.of(curve, this.ledger.trades(), initialCash, ledger.rejectsByReason());
        this.inputs = ReportInputs.of(context, source, result.marketEvents(), curve.size() == 0 ? 0 : curve.timeNs(0),
            curve.size() == 0 ? 0 : curve.timeNs(curve.size() - 1), true);
        this.notes = narrative.notes(result.priceScale(), result.qtyScale(), initialCash, shortestStepNs(curve), strategy,
            Strategies.effectiveParams(strategy, params));
    }

    private static long shortestStepNs(final EquityCurve curve)
    {
        long shortest = 0;
        for (int i = 1; i < curve.size(); i++)
        {
            final long step = curve.timeNs(i) - curve.timeNs(i - 1);
            shortest = step > 0 && (shortest == 0 || step < shortest) ? step : shortest;
        }
        return shortest;
    }

    /**
     * Writes report.json, trades.csv, trades.inputs.json and report.html into {@code dir} as one set
     * ({@link ReportFiles#writeSet}; the CSV's inputs beside it, {@link ReportFiles#putCsv}).
     */
    public void writeTo(final Path dir)
    {
        final Map<String, Supplier<String>> files = new LinkedHashMap<>();
        files.put("report.json", this::toJson);
        ReportFiles.putCsv(files, "trades", tradesCsv(), inputs);
        files.put("report.html", () -> new HtmlReport(this).render());
        ReportFiles.writeSet(dir, files);
    }

    public String toJson()
    {
        final int ps = ledger.priceScale();
        final int qs = ledger.qtyScale();
        final ObjectNode root = JSON.createObjectNode();
        root.set("inputs", inputs);
        root.put("strategy", strategy);
        final ObjectNode paramsNode = root.putObject("params");
        new java.util.TreeMap<>(params).forEach(paramsNode::put);
        root.put("symbol", symbol);
        root.put("events", result.events());
        final ArrayNode trades = root.putArray("trades");
        for (final Trade t : ledger.trades())
        {
            final ObjectNode node = trades.addObject();
            node.put("entryTime", time(t.entryTimeNs()));
            node.put("entryPrice", FixedPoint.format(t.entryPrice(), ps));
            node.put("exitTime", time(t.exitTimeNs()));
            node.put("exitPrice", FixedPoint.format(t.exitPrice(), ps));
            node.put("qty", FixedPoint.format(t.qty(), qs));
            node.put("commission", money(t.commission()));
            node.put("pnl", money(t.pnl()));
        }
        if (ledger.openQty() > 0)
        {
            final ObjectNode open = root.putObject("openPosition");
            open.put("entryTime", time(ledger.openTimeNs()));
            open.put("entryPrice", FixedPoint.format(ledger.openEntryPrice(), ps));
            open.put("qty", FixedPoint.format(ledger.openQty(), qs));
        }
        else
        {
            root.putNull("openPosition");
        }
        root.put("rejectedOrders", result.rejectedOrders());
        root.put("duplicateTradesDropped", result.duplicateTradesDropped());
        root.put("ignoredParamChanges", result.ignoredParamChanges());
        root.put("stateChanges", result.stateChanges());
        root.put("finalCash", money(result.finalCash()));
        root.put("finalValue", money(result.finalValue()));
        root.put("digest", result.digest());
        notes.forEach(root.putArray("notes")::add);
        root.set("metrics", metrics.toJson());
        return ReportFiles.json(root);
    }

    public String tradesCsv()
    {
        final int ps = ledger.priceScale();
        final int qs = ledger.qtyScale();
        final StringBuilder csv = new StringBuilder("entryTime,entryPrice,exitTime,exitPrice,qty,commission,pnl\n");
        for (final Trade t : ledger.trades())
        {
            csv.append(time(t.entryTimeNs())).append(',')
                .append(FixedPoint.format(t.entryPrice(), ps)).append(',')
                .append(time(t.exitTimeNs())).append(',')
                .append(FixedPoint.format(t.exitPrice(), ps)).append(',')
                .append(FixedPoint.format(t.qty(), qs)).append(',')
                .append(money(t.commission())).append(',')
                .append(money(t.pnl())).append('\n');
        }
        return csv.toString();
    }

    public static String money(final long value)
    {
        return FixedPoint.format(value, FixedPoint.MONEY_SCALE);
    }

    /** ISO-8601 UTC instant of an epoch-nanosecond time. */
    public static String time(final long epochNs)
    {
        return Instant.ofEpochSecond(Math.floorDiv(epochNs, 1_000_000_000L), Math.floorMod(epochNs, 1_000_000_000L)).toString();
    }

    /** Why the run did what it did ({@link RunNarrative}); empty when trades happened without rejects or halts. */
    public List<String> notes()
    {
        return notes;
    }

    /** What the report was computed from ({@link ReportInputs}). */
    public ObjectNode inputs()
    {
        return inputs;
    }

    public Metrics metrics()
    {
        return metrics;
    }

    public EngineResult result()
    {
        return result;
    }

    public long finalValue()
    {
        return result.finalValue();
    }

    public String digest()
    {
        return result.digest();
    }

    /**
     * The instrument's price change from this run's first market event to {@code until}'s last (this run
     * itself, or the last of consecutive walk-forward windows), as a fraction rounded half-even to 10^-8;
     * null without prices or on a zero first price.
     */
    public BigDecimal buyAndHold(final BacktestReport until)
    {
        final EquityCurve last = until.curve;
        if (curve.size() == 0 || last.size() == 0 || curve.price(0) == 0)
        {
            return null;
        }
        return BigDecimal.valueOf(last.price(last.size() - 1)).divide(BigDecimal.valueOf(curve.price(0)), Metrics.SCALE, RoundingMode.HALF_EVEN)
            .subtract(BigDecimal.ONE);
    }

    String strategy()
    {
        return strategy;
    }

    Map<String, String> params()
    {
        return params;
    }

    String symbol()
    {
        return symbol;
    }

    EquityCurve curve()
    {
        return curve;
    }

    TradeLedger.Book book()
    {
        return ledger;
    }

    /** One line for the console, then one indented line per note (why nothing happened, halts). */
    public String summary()
    {
        final StringBuilder summary = new StringBuilder(String.format("%s %s %s: %d trades, %d rejected, final value %s, digest %s",
            strategy, Strategies.effectiveParams(strategy, params), symbol, ledger.trades().size(), result.rejectedOrders(), money(result.finalValue()),
            result.digest()));
        notes.forEach(note -> summary.append(System.lineSeparator()).append("  ").append(note));
        return summary.toString();
    }
}
