package io.qts.adapters.run;

import io.qts.adapters.cli.Decimals;
import io.qts.adapters.cli.UserError;
import io.qts.adapters.config.QtsConfig;
import io.qts.adapters.data.DataFormat;
import io.qts.engine.EngineContext;
import io.qts.engine.FixedPoint;

import java.nio.file.Path;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** What {@code qts run} needs, read from the configuration and checked once; {@code risk} holds the risk.* texts. */
public record RunSettings(
    EngineContext engine,
    String venue,
    String feed,
    DataFormat feedFormat,
    Path varDir,
    String size,
    String cash,
    String commission,
    String maxPositionQty,
    String maxOrderNotional,
    SortedMap<String, String> risk)
{
    /** The sample feed inside the jar, used when the configuration is the embedded one. */
    public static final String EMBEDDED_PREFIX = "/qts-config/";

    /**
     * @param strategyOverride replaces run.strategy; if it names another strategy, the run.params of the
     *                         configuration (written for that one) are not used, only {@code paramOverrides}.
     */
    public static RunSettings from(
        final QtsConfig config, final String strategyOverride, final Map<String, String> paramOverrides, final Path varDirOverride)
    {
        final String venue = config.get("run.venue");
        if (!"sim".equals(venue))
        {
            throw new UserError("config key 'run.venue': only 'sim' (the simulated venue) is available, got '" + venue + "'");
        }
        final String strategy = strategyOverride != null ? strategyOverride : config.get("run.strategy");
        final SortedMap<String, String> params = new TreeMap<>(
            strategy.equals(config.get("run.strategy")) ? config.params() : Map.of());
        params.putAll(paramOverrides);
        final String size = config.get("run.size");
        final String cash = config.get("run.cash");
        final String commission = config.get("run.commission");
        final String maxPosition = config.get("risk.maxPositionQty");
        final String maxNotional = config.get("risk.maxOrderNotional");
        final EngineContext engine = new EngineContext()
            .engineId(config.getInt("engine.id"))
            .ringSize(config.getInt("engine.ringSize"))
            .waitStrategy(config.get("engine.waitStrategy"))
            .topology(config.get("engine.topology"))
            .cpuAffinity(config.get("engine.cpuAffinity"))
            .symbol(config.get("run.symbol"))
            .strategy(strategy, params)
            .orderQty(Decimals.parse("run.size", size, 8))
            .initialCash(Decimals.parse("run.cash", cash, FixedPoint.MONEY_SCALE))
            .commissionRate(Decimals.parse("run.commission", commission, FixedPoint.RATE_SCALE))
            .maxPositionQty(Decimals.parse("risk.maxPositionQty", maxPosition, 8))
            .maxOrderNotional(Decimals.parse("risk.maxOrderNotional", maxNotional, FixedPoint.MONEY_SCALE));
        final SortedMap<String, String> risk = new TreeMap<>();
        for (final String key : RiskSettings.KEYS)
        {
            risk.put(key, config.get("risk." + key));
        }
        RiskSettings.apply(engine, risk);
        try
        {
            engine.conclude();
        }
        catch (final IllegalArgumentException ex)
        {
            throw new UserError("configuration (" + config.origin() + "): " + ex.getMessage());
        }
        return new RunSettings(
            engine, venue, config.get("run.feed"), DataFormat.fromName(config.get("run.feedFormat")),
            varDirOverride != null ? varDirOverride : Path.of(config.get("run.varDir")),
            size, cash, commission, maxPosition, maxNotional, risk);
    }
}
