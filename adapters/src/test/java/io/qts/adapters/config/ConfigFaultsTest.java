package io.qts.adapters.config;

import io.qts.adapters.cli.UserError;
import io.qts.adapters.run.RunSettings;
import io.qts.engine.EngineContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Nothing in the configuration is ignored silently: each kind of fault stops the start with one line naming it. */
class ConfigFaultsTest
{
    @TempDir
    Path dir;

    private static String envError(final Map<String, String> env)
    {
        return assertThrows(UserError.class, () -> QtsConfig.load(null, env, Map.of())).getMessage();
    }

    private static RunSettings settings(final Map<String, String> env)
    {
        return RunSettings.from(QtsConfig.load(null, env, Map.of()), null, Map.of(), null);
    }

    private static String settingsError(final Map<String, String> env)
    {
        return assertThrows(UserError.class, () -> settings(env)).getMessage();
    }

    @Test
    void aMisspeltEnvironmentVariableNamesTheNearestKnownOne()
    {
        assertEquals("environment variable QTS_RISK_MAXDRAWDOWN is not a QTS setting; nearest known: QTS_RISK_MAX_DRAWDOWN " +
            "(risk.maxDrawdown)", envError(Map.of("QTS_RISK_MAXDRAWDOWN", "0.2")));
        assertEquals("environment variable QTS_VENUE_PAPR is not a QTS setting; nearest known: QTS_VENUE_PAPER (venue.paper)",
            envError(Map.of("QTS_VENUE_PAPR", "true")));
        assertEquals("environment variable QTS_ENGINE_RINGSIZE is not a QTS setting; nearest known: QTS_ENGINE_RING_SIZE " +
            "(engine.ringSize)", envError(Map.of("QTS_ENGINE_RINGSIZE", "abc")));
    }

    @Test
    void aMisspeltSystemPropertyNamesTheNearestKnownOne()
    {
        assertEquals("system property qts.risk.maxDrawdwn is not a QTS setting; nearest known: qts.risk.maxDrawdown",
            assertThrows(UserError.class, () -> QtsConfig.load(null, Map.of(), Map.of("qts.risk.maxDrawdwn", "0.2"))).getMessage());
    }

    @Test
    void theAllowListedVariablesAndPropertiesAreNotConfiguration()
    {
        final Map<String, String> env = Map.of("QTS_JAVA_OPTS", "-Xmx1g", "QTS_HOME", "/opt/qts", "QTS_DEBUG", "true",
            "QTS_ALERT_WEBHOOK_TOKEN", "secret-token", "UPBIT_ACCESS_KEY", "a", "UPBIT_SECRET_KEY", "s", "PATH", "/bin");
        final Map<String, String> properties = Map.of("qts.home", "/opt/qts", "qts.sharedData", "/data",
            "qts.requireSharedData", "false", "qts.test.seed", "1", "qts.bench.events", "5", "java.version", "17");
        final QtsConfig config = QtsConfig.load(null, env, properties);
        assertEquals("yielding", config.get("engine.waitStrategy"));
        assertEquals("none", config.get("venue.keyFile"));
    }

    @Test
    void aKnownVariableTakesEffectAndIsNamedAsTheSourceOfItsValue()
    {
        final QtsConfig config = QtsConfig.load(null, Map.of("QTS_RISK_MAX_DRAWDOWN", "0.2"), Map.of("qts.risk.maxDrawdown", "0.3"));
        assertEquals("0.3", config.get("risk.maxDrawdown"));
        assertEquals("system property qts.risk.maxDrawdown", config.source("risk.maxDrawdown"));
        assertEquals("embedded qts-config/qts.yml line 6", config.source("engine.ringSize"));
    }

    @Test
    void aRepeatedSectionOrKeyIsAnErrorNamingBothLines() throws IOException
    {
        final Path file = Files.writeString(dir.resolve("qts.yml"),
            "venue:\n  paper: true\nrun:\n  symbol: KRW-BTC\nvenue:\n  simSpeed: 100\n");
        assertEquals(file + ": 'venue' is given twice, on line 1 and line 5",
            assertThrows(UserError.class, () -> QtsConfig.load(file, Map.of(), Map.of())).getMessage());
        final Path keys = Files.writeString(dir.resolve("keys.yml"), "risk:\n  maxDrawdown: \"0.2\"\n  stop: none\n  maxDrawdown: none\n");
        assertEquals(keys + ": 'risk.maxDrawdown' is given twice, on line 2 and line 4",
            assertThrows(UserError.class, () -> QtsConfig.load(keys, Map.of(), Map.of())).getMessage());
    }

    @Test
    void switchingTheStrategyByAnyLayerLeavesTheOtherStrategysParametersOut()
    {
        final Map<String, String> env = Map.of("QTS_RUN_STRATEGY", "momentum", "QTS_RUN_PARAMS_LOOKBACK", "20",
            "QTS_RUN_PARAMS_ENTRY", "0.01");
        final QtsConfig config = QtsConfig.load(null, env, Map.of());
        final RunSettings settings = RunSettings.from(config, null, Map.of(), null);
        assertEquals("momentum", settings.engine().strategyName());
        assertEquals(Map.of("lookback", "20", "entry", "0.01"), settings.engine().strategyParams());
        assertEquals(Map.of("fast", "10", "slow", "30"), RunSettings.ignoredParams(config, null));

        final QtsConfig byProperty = QtsConfig.load(null, Map.of(), Map.of("qts.run.strategy", "ema-cross"));
        assertEquals(Map.of("fast", "10", "slow", "30"), RunSettings.from(byProperty, null, Map.of(), null).engine().strategyParams());
        assertEquals(Map.of(), RunSettings.ignoredParams(byProperty, null));
    }

    @Test
    void noneSwitchesEveryOptionalLimitOff() throws IOException
    {
        final Path file = dir.resolve("qts.yml");
        try (InputStream shipped = QtsConfig.class.getResourceAsStream(QtsConfig.EMBEDDED))
        {
            Files.writeString(file, new String(shipped.readAllBytes(), StandardCharsets.UTF_8)
                .replace("  maxOrderNotional: \"5000000\" ", "  maxOrderNotional: none "));
        }
        assertEquals(EngineContext.UNLIMITED,
            RunSettings.from(QtsConfig.load(file, Map.of(), Map.of()), null, Map.of(), null).engine().maxOrderNotional());

        final Map<String, String> env = new HashMap<>();
        env.put("QTS_RISK_MAX_ORDER_NOTIONAL", "none");
        env.put("QTS_RISK_MAX_POSITION_QTY", "none");
        for (final String key : List.of("maxOpenPositions", "priceBand", "maxOrdersPerSecond", "maxAtrFraction", "dailyLossLimit",
            "maxDrawdown", "orderTimeoutMs", "haltWindows", "orderNotional", "equityFraction"))
        {
            env.put(ConfigKeys.envName("risk." + key), "none");
        }
        final EngineContext engine = settings(env).engine();
        assertEquals(EngineContext.UNLIMITED, engine.maxOrderNotional());
        assertEquals(EngineContext.UNLIMITED, engine.maxPositionQty());
    }

    @Test
    void anOrderNotionalOrEquityFractionInTheConfigSelectsItsSizingModeAndConflictingOnesAreAnError() throws IOException
    {
        final EngineContext byNotional = settings(Map.of("QTS_RISK_ORDER_NOTIONAL", "5000")).engine();
        assertEquals("fixed-notional", byNotional.sizing());
        assertEquals(5000_00000000L, byNotional.orderNotional());
        final EngineContext byFraction = RunSettings.from(
            QtsConfig.load(null, Map.of(), Map.of("qts.risk.equityFraction", "0.25")), null, Map.of(), null).engine();
        assertEquals("equity-fraction", byFraction.sizing());
        assertEquals(25_000000L, byFraction.equityFraction());
        assertEquals("fixed-qty", settings(Map.of()).engine().sizing());
        assertEquals("fixed-notional", settings(Map.of("QTS_RISK_SIZING", "fixed-notional", "QTS_RISK_ORDER_NOTIONAL", "5000"))
            .engine().sizing());

        assertEquals("risk.orderNotional (from environment variable QTS_RISK_ORDER_NOTIONAL) (fixed-notional sizing) and " +
            "risk.equityFraction (from environment variable QTS_RISK_EQUITY_FRACTION) (equity-fraction sizing) conflict: give one",
            settingsError(Map.of("QTS_RISK_ORDER_NOTIONAL", "5000", "QTS_RISK_EQUITY_FRACTION", "0.25")));
        assertEquals("risk.sizing equity-fraction (from environment variable QTS_RISK_SIZING) conflicts with risk.orderNotional " +
            "(from environment variable QTS_RISK_ORDER_NOTIONAL), which sizes entries by fixed-notional",
            settingsError(Map.of("QTS_RISK_SIZING", "equity-fraction", "QTS_RISK_ORDER_NOTIONAL", "5000")));

        final Path file = dir.resolve("qts.yml");
        try (InputStream shipped = QtsConfig.class.getResourceAsStream(QtsConfig.EMBEDDED))
        {
            Files.writeString(file, new String(shipped.readAllBytes(), StandardCharsets.UTF_8)
                .replace("  sizing: auto ", "  sizing: fixed-qty ").replace("  orderNotional: none ", "  orderNotional: \"5000\" "));
        }
        final int sizingLine = lineOf(file, "  sizing: fixed-qty ");
        assertEquals("risk.sizing fixed-qty (from " + file + " line " + sizingLine + ") conflicts with risk.orderNotional (from " +
            file + " line " + (sizingLine + 1) + "), which sizes entries by fixed-notional",
            assertThrows(UserError.class, () -> RunSettings.from(QtsConfig.load(file, Map.of(), Map.of()), null, Map.of(), null))
                .getMessage());
    }

    private static int lineOf(final Path file, final String prefix) throws IOException
    {
        final List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++)
        {
            if (lines.get(i).startsWith(prefix))
            {
                return i + 1;
            }
        }
        throw new AssertionError(prefix + " not in " + file);
    }

    @Test
    void valuesThatOverflowOrMakeNoSenseAreRefusedWithTheKeyNamed()
    {
        assertEquals("config key 'venue.durationSeconds' must be a whole number from 0 to 9223372036, got '9223372037'",
            settingsError(Map.of("QTS_VENUE_DURATION_SECONDS", "9223372037")));
        assertEquals(9_223_372_036L, settings(Map.of("QTS_VENUE_DURATION_SECONDS", "9223372036")).venue().durationSeconds());
        final String ring = settingsError(Map.of("QTS_ENGINE_RING_SIZE", "1073741824"));
        assertEquals(true, ring.startsWith("engine.ringSize 1073741824 can need 4194304 MiB"), ring);
        assertEquals(true, ring.endsWith("(from environment variable QTS_ENGINE_RING_SIZE)"), ring);
        assertEquals("run.cash must be above 0, got 0", settingsError(Map.of("QTS_RUN_CASH", "0")));
    }

    @Test
    void aCopiedConfigFindsItsRelativeFeedBesideItselfThenInTheQtsHome() throws IOException
    {
        final Path copy = dir.resolve("elsewhere/qts.yml");
        Files.createDirectories(copy.getParent());
        try (InputStream in = QtsConfig.class.getResourceAsStream(QtsConfig.EMBEDDED))
        {
            Files.copy(in, copy);
        }
        final Path home = dir.resolve("home");
        final Path homeFeed = home.resolve("samples/upbit-krw-btc-1m.csv");
        final UserError neither = assertThrows(UserError.class,
            () -> QtsConfig.load(copy, Map.of(), Map.of("qts.home", home.toString())).path("run.feed"));
        assertEquals("run.feed: no file 'samples/upbit-krw-btc-1m.csv' beside the config (" +
            copy.getParent().resolve("samples/upbit-krw-btc-1m.csv") + ") or in the QTS home (" + homeFeed + ") (from " + copy +
            " line 14)", neither.getMessage());

        Files.createDirectories(homeFeed.getParent());
        Files.writeString(homeFeed, "timestamp,open,high,low,close,volume\n");
        assertEquals(homeFeed, QtsConfig.load(copy, Map.of(), Map.of("qts.home", home.toString())).path("run.feed"));

        final Path beside = copy.getParent().resolve("samples/upbit-krw-btc-1m.csv");
        Files.createDirectories(beside.getParent());
        Files.writeString(beside, "timestamp,open,high,low,close,volume\n");
        assertEquals(beside, QtsConfig.load(copy, Map.of(), Map.of("qts.home", home.toString())).path("run.feed"));
    }

    @Test
    void aMissingConfigFileSaysWhyItCannotBeRead()
    {
        final Path missing = dir.resolve("nope.yml");
        assertEquals("cannot read config " + missing + ": no such file",
            assertThrows(UserError.class, () -> QtsConfig.load(missing, Map.of(), Map.of())).getMessage());
        assertEquals("cannot read config " + dir + ": it is a directory",
            assertThrows(UserError.class, () -> QtsConfig.load(dir, Map.of(), Map.of())).getMessage());
    }
}
