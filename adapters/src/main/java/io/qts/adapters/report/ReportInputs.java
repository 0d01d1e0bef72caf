package io.qts.adapters.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qts.adapters.cli.QtsVersion;
import io.qts.engine.EngineContext;
import io.qts.engine.FixedPoint;
import io.qts.engine.Strategies;

import java.util.List;

/**
 * The {@code inputs} object of report.json, sweep.json and walkforward.json: everything a result was computed
 * from (data source and its SHA-256, symbol, market events and their time range, cash, sizing, commission,
 * every risk setting in force, the strategy's effective parameters with defaults, QTS version), so two reports
 * can be compared and a result reproduced from its report alone. Limits that are off read {@code none}.
 */
public final class ReportInputs
{
    private ReportInputs()
    {
    }

    /**
     * @param source       null when the inputs did not come from a file (tests)
     * @param marketEvents market events the engine saw; {@code firstNs}/{@code lastNs} their time range (epoch ns)
     * @param withParams   false for sweeps, whose parameters differ per row
     */
    public static ObjectNode of(final EngineContext context, final DataSource source, final long marketEvents, final long firstNs,
        final long lastNs, final boolean withParams)
    {
        return of(context, source == null ? List.of() : List.of(source), marketEvents, firstNs, lastNs, withParams);
    }

    /**
     * @param sources one (as {@code source}), or for a portfolio of data files one per instrument in the symbols'
     *                order (as {@code sources}, each with its {@code symbol}); empty when not from a file
     */
    public static ObjectNode of(final EngineContext context, final List<DataSource> sources, final long marketEvents, final long firstNs,
        final long lastNs, final boolean withParams)
    {
        final ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("qtsVersion", QtsVersion.get());
        if (sources.size() == 1)
        {
            node.set("source", sources.get(0).toJson());
        }
        else if (sources.size() > 1)
        {
            final ArrayNode array = node.putArray("sources");
            for (int i = 0; i < sources.size(); i++)
            {
                array.addObject().put("symbol", context.symbols().get(i)).setAll(sources.get(i).toJson());
            }
        }
        node.put("symbol", String.join(",", context.symbols()));
        if (context.symbols().size() > 1)
        {
            context.symbols().forEach(node.putArray("symbols")::add);
        }
        node.put("marketEvents", marketEvents);
        if (marketEvents > 0)
        {
            node.put("firstTime", BacktestReport.time(firstNs));
            node.put("lastTime", BacktestReport.time(lastNs));
        }
        node.put("initialCash", BacktestReport.money(context.initialCash()));
        node.put("commission", rate(context.commissionRate()));
        final ObjectNode sizing = node.putObject("sizing");
        sizing.put("mode", context.sizing());
        sizing.put("size", FixedPoint.format(context.orderQty(), 8));
        sizing.put("orderNotional", limit(context.orderNotional(), FixedPoint.MONEY_SCALE));
        sizing.put("equityFraction", limit(context.equityFraction(), FixedPoint.RATE_SCALE));
        final ObjectNode risk = node.putObject("risk");
        risk.put("maxPositionQty", limit(context.maxPositionQty(), 8));
        risk.put("maxOrderNotional", limit(context.maxOrderNotional(), FixedPoint.MONEY_SCALE));
        risk.put("maxOpenPositions", whole(context.maxOpenPositions()));
        risk.put("priceBand", limit(context.priceBand(), FixedPoint.RATE_SCALE));
        risk.put("maxOrdersPerSecond", context.maxOrdersPerSecond() == 0 ? EngineContext.NONE : Integer.toString(context.maxOrdersPerSecond()));
        risk.put("atrBars", context.atrBars());
        risk.put("stop", context.stop());
        risk.put("stopAtrMultiple", rate(context.stopAtrMultiple()));
        risk.put("maxAtrFraction", limit(context.maxAtrFraction(), FixedPoint.RATE_SCALE));
        risk.put("dailyLossLimit", limit(context.dailyLossLimit(), FixedPoint.MONEY_SCALE));
        risk.put("maxDrawdown", limit(context.maxDrawdown(), FixedPoint.RATE_SCALE));
        risk.put("breakerFailures", context.breakerFailures());
        risk.put("breakerWindowMs", whole(context.breakerWindowMs()));
        risk.put("breakerCoolDownMs", whole(context.breakerCoolDownMs()));
        risk.put("orderTimeoutMs", whole(context.orderTimeoutMs()));
        risk.put("haltWindows", context.haltWindows() == null || context.haltWindows().isBlank() ? EngineContext.NONE : context.haltWindows());
        risk.put("restingOrders", context.restingOrders());
        node.put("strategy", context.strategyName());
        if (withParams)
        {
            final ObjectNode params = node.putObject("params");
            Strategies.effectiveParams(context.strategyName(), context.strategyParams()).forEach(params::put);
        }
        return node;
    }

    private static String rate(final long value)
    {
        return FixedPoint.format(value, FixedPoint.RATE_SCALE);
    }

    private static String limit(final long value, final int scale)
    {
        return value == EngineContext.UNLIMITED ? EngineContext.NONE : FixedPoint.format(value, scale);
    }

    private static String whole(final long value)
    {
        return value == EngineContext.UNLIMITED ? EngineContext.NONE : Long.toString(value);
    }
}
