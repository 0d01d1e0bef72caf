package io.qts.adapters.config;

import io.qts.adapters.cli.UserError;
import io.qts.adapters.run.RunSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class QtsConfigTest
{
    @TempDir
    Path dir;

    @Test
    void embeddedDefaultsAreTheShippedFile()
    {
        final QtsConfig config = QtsConfig.load(null, Map.of(), Map.of());
        assertEquals("yielding", config.get("engine.waitStrategy"));
        assertEquals("chain", config.get("engine.topology"));
        assertEquals("none", config.get("engine.cpuAffinity"));
        assertEquals(Map.of("fast", "10", "slow", "30"), config.params());
        RunSettings.from(config, null, Map.of(), null);
    }

    @Test
    void environmentThenSystemPropertiesOverrideTheFile()
    {
        final QtsConfig config = QtsConfig.load(null,
            Map.of("QTS_ENGINE_WAIT_STRATEGY", "sleeping", "QTS_RUN_PARAMS_FAST", "5", "QTS_RUN_SIZE", "0.02"),
            Map.of("qts.engine.waitStrategy", "blocking"));
        assertEquals("blocking", config.get("engine.waitStrategy"));
        assertEquals("5", config.params().get("fast"));
        assertEquals("0.02", config.get("run.size"));
        assertEquals("QTS_RISK_MAX_ORDER_NOTIONAL", QtsConfig.envName("risk.maxOrderNotional"));
    }

    @Test
    void strategyParametersFromTheEnvironmentAreCamelCasedAndSystemPropertiesKeepTheirName()
    {
        final QtsConfig config = QtsConfig.load(null,
            Map.of("QTS_RUN_PARAMS_COOLDOWN_SECONDS", "60", "QTS_RUN_PARAMS_SESSION_MINUTES", "30"),
            Map.of("qts.run.params.stopPct", "0.01"));
        assertEquals(Map.of("fast", "10", "slow", "30", "cooldownSeconds", "60", "sessionMinutes", "30", "stopPct", "0.01"),
            config.params());
    }

    @Test
    void anotherStrategyOnTheCommandLineTakesOnlyTheCommandLinesParameters()
    {
        final QtsConfig config = QtsConfig.load(null, Map.of(), Map.of());
        final RunSettings settings = RunSettings.from(config, "volatility-breakout", Map.of("k", "0.4"), null);
        assertEquals("volatility-breakout", settings.engine().strategyName());
        assertEquals(Map.of("k", "0.4"), settings.engine().strategyParams());
        final UserError error = assertThrows(UserError.class, () -> RunSettings.from(config, "momentum", Map.of(), null));
        assertEquals("configuration (embedded qts-config/qts.yml): missing parameter 'lookback' for momentum " +
            "(use --param lookback=N, a whole number from 1 to 100000)", error.getMessage());
    }

    @Test
    void anUnknownKeyIsAnErrorNamingIt() throws IOException
    {
        final Path file = Files.writeString(dir.resolve("qts.yml"), "engine:\n  waitStrategey: yielding\n");
        final UserError error = assertThrows(UserError.class, () -> QtsConfig.load(file, Map.of(), Map.of()));
        assertEquals(file + ": unknown key 'engine.waitStrategey' (known: engine.cpuAffinity, engine.id, engine.ringSize, engine.topology, " +
            "engine.waitStrategy, " +
            "risk.atrBars, risk.breakerCoolDownMs, risk.breakerFailures, risk.breakerWindowMs, risk.dailyLossLimit, " +
            "risk.equityFraction, risk.haltWindows, risk.maxAtrFraction, risk.maxDrawdown, risk.maxOpenPositions, " +
            "risk.maxOrderNotional, risk.maxOrdersPerSecond, risk.maxPositionQty, risk.orderNotional, risk.orderTimeoutMs, " +
            "risk.priceBand, risk.sizing, risk.stop, risk.stopAtrMultiple, run.cash, run.commission, run.feed, run.feedFormat, run.size, " +
            "run.strategy, run.symbol, run.varDir, run.venue, venue.durationSeconds, venue.foreignActivity, venue.keyFile, venue.paper, venue.priceScale, " +
            "venue.privateWebsocketUrl, venue.qtyScale, venue.restUrl, venue.simSpeed, venue.staleAfterMs, venue.websocketUrl, " +
            "run.params.*)", error.getMessage());
    }

    @Test
    void badVenueSettingsNameTheKey()
    {
        assertEquals("config key 'run.venue' (or --venue) must be one of local, sim, upbit, got 'binance'",
            assertThrows(UserError.class, () -> RunSettings.from(
                QtsConfig.load(null, Map.of("QTS_RUN_VENUE", "binance"), Map.of()), null, Map.of(), null)).getMessage());
        assertEquals("config key 'venue.simSpeed' must be a number above 0 and at most 1000000, got '0'",
            assertThrows(UserError.class, () -> RunSettings.from(
                QtsConfig.load(null, Map.of("QTS_VENUE_SIM_SPEED", "0"), Map.of()), null, Map.of(), null)).getMessage());
        assertEquals("config key 'venue.restUrl' must be an absolute URL, got 'api.upbit.com'",
            assertThrows(UserError.class, () -> RunSettings.from(
                QtsConfig.load(null, Map.of("QTS_VENUE_REST_URL", "api.upbit.com"), Map.of()), null, Map.of(), null)).getMessage());
        assertEquals("config key 'venue.paper' must be true or false, got 'yes'",
            assertThrows(UserError.class, () -> RunSettings.from(
                QtsConfig.load(null, Map.of("QTS_VENUE_PAPER", "yes"), Map.of()), null, Map.of(), null)).getMessage());
    }

    @Test
    void badValuesNameTheKey()
    {
        assertEquals("configuration (embedded qts-config/qts.yml): unknown wait strategy 'spin' (known: busy-spin, yielding, sleeping, blocking)",
            assertThrows(UserError.class, () -> RunSettings.from(
                QtsConfig.load(null, Map.of("QTS_ENGINE_WAIT_STRATEGY", "spin"), Map.of()), null, Map.of(), null)).getMessage());
        assertEquals("configuration (embedded qts-config/qts.yml): engine.topology must be one of chain, parallel, got 'ring'",
            assertThrows(UserError.class, () -> RunSettings.from(
                QtsConfig.load(null, Map.of("QTS_ENGINE_TOPOLOGY", "ring"), Map.of()), null, Map.of(), null)).getMessage());
        assertEquals("configuration (embedded qts-config/qts.yml): engine.cpuAffinity must be 'none' or CPU ids like '1' or '0,1', " +
                "got 'all'",
            assertThrows(UserError.class, () -> RunSettings.from(
                QtsConfig.load(null, Map.of("QTS_ENGINE_CPU_AFFINITY", "all"), Map.of()), null, Map.of(), null)).getMessage());
        assertEquals("run.cash: not a number: 'lots'",
            assertThrows(UserError.class, () -> RunSettings.from(
                QtsConfig.load(null, Map.of("QTS_RUN_CASH", "lots"), Map.of()), null, Map.of(), null)).getMessage());
        assertEquals("config key 'engine.ringSize' must be a whole number, got 'big'",
            assertThrows(UserError.class, () -> RunSettings.from(
                QtsConfig.load(null, Map.of("QTS_ENGINE_RING_SIZE", "big"), Map.of()), null, Map.of(), null)).getMessage());
    }
}
