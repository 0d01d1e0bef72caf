package io.qts.adapters.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qts.engine.EngineResult;
import io.qts.engine.FixedPoint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

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

    public BacktestReport(
        final String strategy, final Map<String, String> params, final String symbol, final long initialCash,
        final EngineResult result, final TradeLedger ledger, final EquityCurve curve)
    {
        this.strategy = strategy;
        this.params = params;
        this.symbol = symbol;
        this.initialCash = initialCash;
        this.result = result;
        this.ledger = ledger.book(result.priceScale(), result.qtyScale());
        this.curve = curve;
        this.metrics = Metrics.of(curve, this.ledger.trades(), initialCash, ledger.rejectsByReason());
    }

    /** Writes the three files into {@code dir}, each through a temporary file, so no half-written report is left. */
    public void writeTo(final Path dir)
    {
        try
        {
            Files.createDirectories(dir);
            ReportFiles.write(dir.resolve("report.json"), toJson());
            ReportFiles.write(dir.resolve("trades.csv"), tradesCsv());
            ReportFiles.write(dir.resolve("report.html"), new HtmlReport(this).render());
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot write the report into " + dir, ex);
        }
    }

    public String toJson()
    {
        final int ps = ledger.priceScale();
        final int qs = ledger.qtyScale();
        final ObjectNode root = JSON.createObjectNode();
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
        root.put("ignoredParamChanges", result.ignoredParamChanges());
        root.put("stateChanges", result.stateChanges());
        root.put("finalCash", money(result.finalCash()));
        root.put("finalValue", money(result.finalValue()));
        root.put("digest", result.digest());
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

    /** One line for the console. */
    public String summary()
    {
        return String.format("%s %s %s: %d trades, %d rejected, final value %s, digest %s",
            strategy, params, symbol, ledger.trades().size(), result.rejectedOrders(), money(result.finalValue()),
            result.digest());
    }
}
