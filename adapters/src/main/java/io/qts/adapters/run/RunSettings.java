package io.qts.adapters.run;

import io.qts.adapters.cli.UserError;
import io.qts.adapters.config.ConfigKeys;
import io.qts.adapters.config.QtsConfig;
import io.qts.adapters.data.DataFormat;
import io.qts.adapters.upbit.UpbitTickSize;
import io.qts.adapters.upbit.VenueIdentifiers;
import io.qts.engine.EngineContext;
import io.qts.engine.Strategies;
import io.qts.journal.EntryHeader;
import io.qts.journal.JournalSync;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What {@code qts run} needs, read from the configuration and checked once; {@code session} decides its orders and
 * carries a new session nonce (SecureRandom, here in the adapters: the engine draws no randomness).
 */
public record RunSettings(
    EngineContext engine,
    SessionSettings session,
    VenueSettings venue,
    String feed,
    DataFormat feedFormat,
    Path varDir,
    long stopTimeoutMs,
    JournalSync journalSync,
    boolean cancelRestingAtStop)
{
    /** {@code run.stopTimeoutMs}: at most a minute, well inside the grace periods a supervisor gives before SIGKILL. */
    static final long MAX_STOP_TIMEOUT_MS = 60_000;

    /** The sample feed inside the jar, used when the configuration is the embedded one. */
    public static final String EMBEDDED_PREFIX = "/qts-config/";

    /**
     * The largest share of the JVM's heap the inbound ring may take, with every slot grown to the largest input (venue
     * JSON makes slots grow; see the engine's InboundSlot).
     */
    private static final int RING_HEAP_SHARE = 2;

    /**
     * @param strategyOverride replaces run.strategy; the configured run.params that the effective strategy does
     *                         not take are left out (see {@link #ignoredParams}), the others and {@code paramOverrides}
     *                         are used.
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
        return from(config, strategyOverride, paramOverrides, varDirOverride, venueOverride, paper,
            VenueIdentifiers.newNonce(new SecureRandom()));
    }

    /**
     * As above, for a session that already has its nonce: a process continuing a session on a venue account keeps the
     * nonce its session.json holds, so its identifiers continue the session's (docs/recovery.md).
     *
     * @param nonce the session's nonce, 32 lowercase hex digits ({@link VenueIdentifiers}).
     */
    public static RunSettings from(
        final QtsConfig config, final String strategyOverride, final Map<String, String> paramOverrides, final Path varDirOverride,
        final String venueOverride, final boolean paper, final String nonce)
    {
        final VenueSettings venue = VenueSettings.from(config, venueOverride, paper);
        final List<String> markets = markets(config, venue);
        final String strategy = strategy(config, strategyOverride);
        final SortedMap<String, String> params = new TreeMap<>(config.params());
        params.keySet().removeAll(ignoredParams(config, strategyOverride).keySet());
        params.putAll(paramOverrides);
        final SortedMap<String, String> risk = new TreeMap<>();
        for (final String key : RiskSettings.KEYS)
        {
            risk.put(key, config.get("risk." + key));
        }
        risk.put("sizing", RiskSettings.sizingMode(risk, key -> "risk." + key + ("sizing".equals(key) ? " " + risk.get(key) : "") +
            " (from " + config.source("risk." + key) + ")"));
        final SessionSettings session = new SessionSettings(
            config.getInt("engine.id"), nonce, RunMarkets.canonical(markets), strategy, params, config.get("run.size"),
            config.get("run.cash"), config.get("run.commission"), config.get("risk.maxPositionQty"),
            config.get("risk.maxOrderNotional"), risk);
        final int ringSize = config.getInt("engine.ringSize");
        final long ringBytes = (long)ringSize * EntryHeader.MAX_PAYLOAD_LENGTH;
        if (ringSize > 0 && ringBytes > Runtime.getRuntime().maxMemory() / RING_HEAP_SHARE)
        {
            throw new UserError("engine.ringSize " + ringSize + " can need " + ringBytes / (1 << 20) + " MiB (" +
                EntryHeader.MAX_PAYLOAD_LENGTH + " bytes a slot with venue JSON), more than half of this JVM's " +
                Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB heap (from " + config.source("engine.ringSize") + ")");
        }
        final EngineContext engine;
        try
        {
            engine = session.engineContext()
                .ringSize(ringSize)
                .waitStrategy(config.get("engine.waitStrategy"))
                .topology(config.get("engine.topology"))
                .cpuAffinity(config.get("engine.cpuAffinity"))
                // Over sockets the market-data, private-stream and gateway threads all publish inputs.
                .multiProducer(!VenueSettings.LOCAL.equals(venue.name()))
                .conclude();
        }
        catch (final IllegalArgumentException ex)
        {
            final String key = blamedKey(ex.getMessage());
            throw new UserError(ex.getMessage() + " (from " +
                ("run.strategy".equals(key) && strategyOverride != null ? "option --strategy" : config.source(key)) + ")");
        }
        return new RunSettings(
            engine, session, venue, config.get("run.feed"), DataFormat.fromName(config.get("run.feedFormat")),
            varDirOverride != null ? varDirOverride : Path.of(config.get("run.varDir")), stopTimeoutMs(config), journalSync(config),
            cancelRestingAtStop(config));
    }

    /**
     * {@code run.symbol}'s markets, checked once: several only on a venue over sockets (sim, upbit) and not on paper
     * (the in-process venues fill one market), on sim with one {@code run.feed} file each, and all on one Upbit price
     * grid (the engine holds one grid for limit prices).
     */
    private static List<String> markets(final QtsConfig config, final VenueSettings venue)
    {
        final List<String> markets = RunMarkets.given(config.get("run.symbol"), config.source("run.symbol"));
        if (markets.size() == 1)
        {
            return markets;
        }
        if (VenueSettings.LOCAL.equals(venue.name()) || venue.paper())
        {
            throw new UserError("config key 'run.symbol' names " + markets.size() + " markets (" + String.join(",", markets)
                + "); the " + (venue.paper() ? "paper venue" : "local venue") + " trades one: run several on venue sim or upbit"
                + " without paper (from " + config.source("run.symbol") + ")");
        }
        final int feeds = config.get("run.feed").split(",", -1).length;
        if (VenueSettings.SIM.equals(venue.name()) && feeds != markets.size())
        {
            throw new UserError("config key 'run.feed' names " + feeds + " file(s) for the " + markets.size()
                + " market(s) of run.symbol (" + String.join(",", markets) + "): one feed per market, in the same order (from "
                + config.source("run.feed") + ")");
        }
        for (final String market : markets)
        {
            if (!UpbitTickSize.sameGrid(markets.get(0), market))
            {
                throw new UserError("config key 'run.symbol': " + markets.get(0) + " and " + market + " have different Upbit price "
                    + "grids; the markets of one run must share one (from " + config.source("run.symbol") + ")");
            }
        }
        return markets;
    }

    /** {@code run.restingOrdersAtStop}: cancel (the default) or keep resting limit orders at an orderly stop. */
    private static boolean cancelRestingAtStop(final QtsConfig config)
    {
        final String value = config.get("run.restingOrdersAtStop", EngineContext.CANCEL_RESTING).trim();
        if (!EngineContext.RESTING_ORDERS.contains(value))
        {
            throw new UserError("config key 'run.restingOrdersAtStop' must be one of " + String.join(", ", EngineContext.RESTING_ORDERS) +
                ", got '" + value + "' (from " + config.source("run.restingOrdersAtStop") + ")");
        }
        return EngineContext.CANCEL_RESTING.equals(value);
    }

    /**
     * These settings with their orders decided by {@code session} instead (the settings a continued session started
     * with, from its session.json): the engine is rebuilt from it with this run's ring, wait strategy, topology and CPU
     * affinity.
     *
     * @throws UserError if {@code session} does not describe an engine (a session.json edited by hand).
     */
    public RunSettings decidedBy(final SessionSettings session)
    {
        final EngineContext rebuilt;
        try
        {
            rebuilt = session.engineContext()
                .ringSize(engine.ringSize())
                .waitStrategy(engine.waitStrategy())
                .topology(engine.topology())
                .cpuAffinity(engine.cpuAffinity())
                .multiProducer(engine.multiProducer())
                .conclude();
        }
        catch (final IllegalArgumentException ex)
        {
            throw new UserError(SessionSettings.FILE_NAME + " of the session in progress: " + ex.getMessage());
        }
        return new RunSettings(rebuilt, session, venue, feed, feedFormat, varDir, stopTimeoutMs, journalSync, cancelRestingAtStop);
    }

    private static long stopTimeoutMs(final QtsConfig config)
    {
        final String value = config.get("run.stopTimeoutMs", "5000");
        try
        {
            final long ms = Long.parseLong(value.trim());
            if (ms >= 0 && ms <= MAX_STOP_TIMEOUT_MS)
            {
                return ms;
            }
        }
        catch (final NumberFormatException ex)
        {
            // One message for both: below.
        }
        throw new UserError("config key 'run.stopTimeoutMs' must be a whole number of milliseconds from 0 to "
            + MAX_STOP_TIMEOUT_MS + ", got '" + value + "'");
    }

    private static String strategy(final QtsConfig config, final String strategyOverride)
    {
        return strategyOverride != null ? strategyOverride : config.get("run.strategy");
    }

    /**
     * Strategy parameters belong to their strategy: the configured run.params that the effective strategy (from
     * any layer) does not take, by name with their values. They are left out and reported in one line, so that
     * switching the strategy never fails on another strategy's parameters.
     */
    public static SortedMap<String, String> ignoredParams(final QtsConfig config, final String strategyOverride)
    {
        final String strategy = strategy(config, strategyOverride);
        final SortedMap<String, String> ignored = new TreeMap<>();
        if (!Strategies.names().contains(strategy))
        {
            return ignored;
        }
        final List<String> taken = Strategies.parameterNames(strategy);
        config.params().forEach((name, value) ->
        {
            if (!taken.contains(name))
            {
                ignored.put(name, value);
            }
        });
        return ignored;
    }

    /** The configuration key an engine error is about, so the error can say where its value came from. */
    private static String blamedKey(final String message)
    {
        if (message.contains("wait strategy"))
        {
            return "engine.waitStrategy";
        }
        if (message.contains("strategy") || message.contains("parameter"))
        {
            return "run.strategy";
        }
        return ConfigKeys.KEYS.stream().filter(message::contains).sorted().findFirst().orElse("");
    }

    private static JournalSync journalSync(final QtsConfig config)
    {
        try
        {
            return JournalSync.parse(config.get("journal.sync"));
        }
        catch (final IllegalArgumentException ex)
        {
            throw new UserError("journal.sync: " + ex.getMessage() + " (from " + config.source("journal.sync") + ")");
        }
    }
}
