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
import java.util.ArrayList;
import java.util.Comparator;
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
    private final List<String> symbols;
    private final long initialCash;
    private final EngineResult result;
    private final TradeLedger.Book ledger;
    private final List<Holding> holdings = new ArrayList<>();
    private final List<TradeRow> rows = new ArrayList<>();
    private final EquityCurve curve;
    private final Metrics metrics;
    private final ObjectNode inputs;
    private final List<String> notes;

    /** One instrument of the run: its round trips, what it paid and holds, its first and last price. */
    record Holding(String symbol, int priceScale, int qtyScale, TradeLedger.Book book, long commission, long finalPosition,
        long firstPrice, long lastPrice)
    {
        /** Realised PnL: the closed round trips' pnl, net of both commissions; money at 10^-8. */
        long realisedPnl()
        {
            long pnl = 0;
            for (final Trade t : book.trades())
            {
                pnl = FixedPoint.addMoney(pnl, t.pnl());
            }
            return pnl;
        }

        /** Last price over first price - 1, rounded half-even to 10^-8; null without prices. */
        BigDecimal buyAndHold()
        {
            return firstPrice == 0 ? null
                : BigDecimal.valueOf(lastPrice).divide(BigDecimal.valueOf(firstPrice), Metrics.SCALE, RoundingMode.HALF_EVEN).subtract(BigDecimal.ONE);
        }
    }

    /** A closed round trip with its instrument and that instrument's scales. */
    record TradeRow(String symbol, Trade trade, int priceScale, int qtyScale)
    {
    }

    /**
     * @param context the concluded engine context the backtest ran with (its settings are the report's inputs)
     * @param source  the data file or journal the inputs came from, or null
     */
    public BacktestReport(final EngineContext context, final DataSource source, final EngineResult result, final TradeLedger ledger,
        final EquityCurve curve, final RunNarrative narrative)
    {
        this(context, source == null ? List.of() : List.of(source), result, ledger, curve, narrative);
    }

    /**
     * @param sources the data files (one per instrument, in the symbols' order) or the journal the inputs came
     *                from; empty if none
     */
    public BacktestReport(final EngineContext context, final List<DataSource> sources, final EngineResult result,
        final TradeLedger ledger, final EquityCurve curve, final RunNarrative narrative)
    {
        this.strategy = context.strategyName();
        this.params = context.strategyParams();
        this.symbols = context.symbols();
        this.symbol = String.join(",", symbols);
        this.initialCash = context.initialCash();
        this.result = result;
        this.curve = curve;
        if (symbols.size() == 1)
        {
            // One instrument: every fill is its own, at the scales the engine learnt (as before portfolios).
            final TradeLedger.Book book = ledger.book(result.priceScale(), result.qtyScale());
            holdings.add(new Holding(symbols.get(0), result.priceScale(), result.qtyScale(), book, curve.instrumentId(0) < 0 ? 0 : ledger.commission(curve.instrumentId(0)),
                result.position(), curve.firstPrice(0), curve.lastPrice(0)));
        }
        else
        {
            for (int k = 0; k < symbols.size(); k++)
            {
                final int id = curve.instrumentId(k);
                final TradeLedger.Book book = ledger.book(id, curve.priceScale(k), curve.qtyScale(k));
                holdings.add(new Holding(symbols.get(k), curve.priceScale(k), curve.qtyScale(k), book, id < 0 ? 0 : ledger.commission(id),
                    curve.finalPosition(k), curve.firstPrice(k), curve.lastPrice(k)));
            }
        }
        this.ledger = holdings.get(0).book();
        for (final Holding h : holdings)
        {
            h.book().trades().forEach(t -> rows.add(new TradeRow(h.symbol(), t, h.priceScale(), h.qtyScale())));
        }
        // By exit time; simultaneous exits in the symbols' order (the sort is stable).
        rows.sort(Comparator.comparingLong(row -> row.trade().exitTimeNs()));
        this.metrics = Metrics.of(curve, rows.stream().map(TradeRow::trade).toList(), initialCash, ledger.rejectsByReason());
        this.inputs = ReportInputs.of(context, sources, result.marketEvents(), curve.size() == 0 ? 0 : curve.timeNs(0),
            curve.size() == 0 ? 0 : curve.timeNs(curve.size() - 1), true);
        this.notes = narrative.notes(symbols.size() > 1 ? curve : null, result.priceScale(), result.qtyScale(), initialCash, shortestStepNs(curve), strategy,
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

    /** report.json's text: the run's inputs, strategy and parameters, trades, results and notes, pretty-printed. */
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
        for (final TradeRow row : rows)
        {
            final Trade t = row.trade();
            final ObjectNode node = trades.addObject();
            node.put("entryTime", time(t.entryTimeNs()));
            node.put("entryPrice", FixedPoint.format(t.entryPrice(), row.priceScale()));
            node.put("exitTime", time(t.exitTimeNs()));
            node.put("exitPrice", FixedPoint.format(t.exitPrice(), row.priceScale()));
            node.put("qty", FixedPoint.format(t.qty(), row.qtyScale()));
            node.put("commission", money(t.commission()));
            node.put("pnl", money(t.pnl()));
            node.put("symbol", row.symbol());
        }
        if (holdings.size() == 1)
        {
            putOpenPosition(root, ledger, ps, qs);
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
        final ArrayNode instruments = root.putArray("instruments");
        for (final Holding h : holdings)
        {
            final ObjectNode node = instruments.addObject();
            node.put("symbol", h.symbol());
            node.put("trades", h.book().trades().size());
            node.put("realisedPnl", money(h.realisedPnl()));
            node.put("commission", money(h.commission()));
            node.put("finalPosition", FixedPoint.format(h.finalPosition(), h.qtyScale()));
            node.put("lastPrice", FixedPoint.format(h.lastPrice(), h.priceScale()));
            node.put("marketValue", money(FixedPoint.notional(h.finalPosition(), h.qtyScale(), h.lastPrice(), h.priceScale())));
            putOpenPosition(node, h.book(), h.priceScale(), h.qtyScale());
            final BigDecimal hold = h.buyAndHold();
            if (hold == null)
            {
                node.putNull("buyAndHold");
            }
            else
            {
                node.put("buyAndHold", hold.toPlainString());
            }
        }
        return ReportFiles.json(root);
    }

    private static void putOpenPosition(final ObjectNode parent, final TradeLedger.Book book, final int ps, final int qs)
    {
        if (book.openQty() > 0)
        {
            final ObjectNode open = parent.putObject("openPosition");
            open.put("entryTime", time(book.openTimeNs()));
            open.put("entryPrice", FixedPoint.format(book.openEntryPrice(), ps));
            open.put("qty", FixedPoint.format(book.openQty(), qs));
        }
        else
        {
            parent.putNull("openPosition");
        }
    }

    /** One row per closed round trip, by exit time; the instrument's symbol last. */
    public String tradesCsv()
    {
        final StringBuilder csv = new StringBuilder("entryTime,entryPrice,exitTime,exitPrice,qty,commission,pnl,symbol\n");
        for (final TradeRow row : rows)
        {
            final Trade t = row.trade();
            csv.append(time(t.entryTimeNs())).append(',')
                .append(FixedPoint.format(t.entryPrice(), row.priceScale())).append(',')
                .append(time(t.exitTimeNs())).append(',')
                .append(FixedPoint.format(t.exitPrice(), row.priceScale())).append(',')
                .append(FixedPoint.format(t.qty(), row.qtyScale())).append(',')
                .append(money(t.commission())).append(',')
                .append(money(t.pnl())).append(',')
                .append(row.symbol()).append('\n');
        }
        return csv.toString();
    }

    /** Money at 10^-8 as plain decimal text, trailing zeros dropped (150000000 is "1.5"). */
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

    /** The run's performance metrics. */
    public Metrics metrics()
    {
        return metrics;
    }

    /** What the engine ended with. */
    public EngineResult result()
    {
        return result;
    }

    /** Cash plus open positions at their last price at the end, money at 10^-8. */
    public long finalValue()
    {
        return result.finalValue();
    }

    /** The SHA-256 hex digest of the run's output stream. */
    public String digest()
    {
        return result.digest();
    }

    /** The instruments, in the symbols' order. */
    List<Holding> holdings()
    {
        return holdings;
    }

    /** Every closed round trip of every instrument, by exit time. */
    List<TradeRow> tradeRows()
    {
        return rows;
    }

    /**
     * The instrument's price change from this run's first market event to {@code until}'s last (this run
     * itself, or the last of consecutive walk-forward windows), as a fraction rounded half-even to 10^-8;
     * null without prices, on a zero first price, or for a portfolio (each instrument has its own in
     * {@code instruments}).
     */
    public BigDecimal buyAndHold(final BacktestReport until)
    {
        final EquityCurve last = until.curve;
        if (symbols.size() > 1)
        {
            return null;
        }
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
            strategy, Strategies.effectiveParams(strategy, params), symbol, rows.size(), result.rejectedOrders(), money(result.finalValue()),
            result.digest()));
        notes.forEach(note -> summary.append(System.lineSeparator()).append("  ").append(note));
        return summary.toString();
    }
}
