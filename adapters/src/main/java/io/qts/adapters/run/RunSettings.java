package io.qts.adapters.run;

import io.qts.adapters.cli.UserError;
import io.qts.adapters.config.QtsConfig;
import io.qts.adapters.data.DataFormat;
import io.qts.engine.EngineContext;
import io.qts.journal.JournalSync;

import java.nio.file.Path;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** What {@code qts run} needs, read from the configuration and checked once; {@code session} decides its orders. */
public record RunSettings(
    EngineContext engine,
    SessionSettings session,
    VenueSettings venue,
    String feed,
    DataFormat feedFormat,
    Path varDir,
    JournalSync journalSync)
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
        return from(config, strategyOverride, paramOverrides, varDirOverride, null, false);
    }

    /**
     * @param venueOverride replaces run.venue when not null; {@code paper} forces a paper session.
     */
    public static RunSettings from(
        final QtsConfig config, final String strategyOverride, final Map<String, String> paramOverrides, final Path varDirOverride,
        final String venueOverride, final boolean paper)
    {
        final VenueSettings venue = VenueSettings.from(config, venueOverride, paper);
        final String strategy = strategyOverride != null ? strategyOverride : config.get("run.strategy");
        final SortedMap<String, String> params = new TreeMap<>(
            strategy.equals(config.get("run.strategy")) ? config.params() : Map.of());
        params.putAll(paramOverrides);
        final SortedMap<String, String> risk = new TreeMap<>();
        for (final String key : RiskSettings.KEYS)
        {
            risk.put(key, config.get("risk." + key));
        }
        final SessionSettings session = new SessionSettings(
            config.getInt("engine.id"), 0, config.get("run.symbol"), strategy, params, config.get("run.size"),
            config.get("run.cash"), config.get("run.commission"), config.get("risk.maxPositionQty"),
            config.get("risk.maxOrderNotional"), risk);
        final EngineContext engine;
        try
        {
            engine = session.engineContext()
                .ringSize(config.getInt("engine.ringSize"))
                .waitStrategy(config.get("engine.waitStrategy"))
                .topology(config.get("engine.topology"))
                .cpuAffinity(config.get("engine.cpuAffinity"))
                // Over sockets the market-data, private-stream and gateway threads all publish inputs.
                .multiProducer(!VenueSettings.LOCAL.equals(venue.name()))
                .conclude();
        }
        catch (final IllegalArgumentException ex)
        {
            throw new UserError("configuration (" + config.origin() + "): " + ex.getMessage());
        }
        return new RunSettings(
            engine, session, venue, config.get("run.feed"), DataFormat.fromName(config.get("run.feedFormat")),
            varDirOverride != null ? varDirOverride : Path.of(config.get("run.varDir")), journalSync(config));
    }

    private static JournalSync journalSync(final QtsConfig config)
    {
        try
        {
            return JournalSync.parse(config.get("journal.sync"));
        }
        catch (final IllegalArgumentException ex)
        {
            throw new UserError("configuration (" + config.origin() + "): journal.sync: " + ex.getMessage());
        }
    }
}
