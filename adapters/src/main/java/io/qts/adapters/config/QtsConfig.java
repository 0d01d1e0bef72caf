package io.qts.adapters.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.qts.adapters.cli.UserError;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Configuration as flat dotted keys: the YAML file first, then environment variables ({@code QTS_}
 * and the key in upper snake case), then system properties ({@code qts.} and the key), then command
 * options. Every key is checked against {@link ConfigKeys}, so a typo in any layer is an error naming
 * the nearest known name, not a silently ignored setting. Each value remembers where it came from, so
 * an error about it names that place (file and line, variable, property or option).
 */
public final class QtsConfig
{
    /** The shipped config/qts.yml, embedded in the jar. */
    public static final String EMBEDDED = "/qts-config/qts.yml";
    static final String PARAMS_PREFIX = "run.params.";
    /** The registry of configuration keys (see {@link ConfigKeys}): a new key is added here and to config/qts.yml. */
    static final Set<String> KEYS = Set.of(
        "engine.id", "engine.ringSize", "engine.waitStrategy", "engine.topology", "engine.cpuAffinity",
        "run.venue", "run.feed", "run.feedFormat", "run.symbol", "run.strategy", "run.size", "run.cash",
        "run.commission", "run.varDir", "run.stopTimeoutMs", "run.strategyPath", "run.restingOrdersAtStop",
        "risk.maxPositionQty", "risk.maxOrderNotional", "risk.sizing", "risk.orderNotional", "risk.equityFraction",
        "risk.maxOpenPositions", "risk.priceBand", "risk.maxOrdersPerSecond", "risk.atrBars", "risk.stop",
        "risk.stopAtrMultiple", "risk.maxAtrFraction", "risk.dailyLossLimit", "risk.maxDrawdown", "risk.breakerFailures",
        "risk.breakerWindowMs", "risk.breakerCoolDownMs", "risk.orderTimeoutMs", "risk.haltWindows",
        "risk.restingOrders",
        "venue.paper", "venue.simSpeed", "venue.durationSeconds", "venue.priceScale", "venue.qtyScale", "venue.staleAfterMs",
        "venue.keyFile", "venue.restUrl", "venue.websocketUrl", "venue.privateWebsocketUrl", "venue.foreignActivity",
        "ops.httpPort", "ops.bindAddress", "ops.lingerSeconds", "ops.jmxPort", "ops.jmxPasswordFile", "ops.jmxAccessFile",
        "ops.logFormat",
        "alerts.slack", "alerts.telegramChatId", "alerts.telegramApiUrl", "alerts.keyFile", "alerts.streamDownSeconds",
        "alerts.dedupeSeconds", "alerts.maxPerMinute", "store.url", "store.user",
        "journal.sync");

    private static final String PARAMS_ENV_PREFIX = "QTS_RUN_PARAMS_";

    /** A command option that sets a configuration key; it wins over every other layer. */
    public record OptionValue(String option, String key, String value)
    {
    }

    private final String origin;
    private final Path folder;
    private final SortedMap<String, String> values;
    private final Map<String, String> sources;
    private final Path home;

    private QtsConfig(final String origin, final Path folder, final SortedMap<String, String> values,
        final Map<String, String> sources, final Path home)
    {
        this.origin = origin;
        this.folder = folder;
        this.values = values;
        this.sources = sources;
        this.home = home;
    }

    /** Loads the file (or the embedded defaults when {@code file} is null) and applies the overrides. */
    public static QtsConfig load(final Path file, final Map<String, String> env, final Map<String, String> systemProperties)
    {
        return load(file, env, systemProperties, List.of());
    }

    /**
     * @param file             the YAML file, or null for the embedded defaults
     * @param env              the environment; every {@code QTS_*} name must be a key or in {@link ConfigKeys}' allow-list
     * @param systemProperties likewise for every {@code qts.*} name; {@code qts.home} is where relative paths are
     *                         looked for when the config's folder lacks them
     * @param options          command options, applied last
     * @throws UserError naming the file and line, variable, property or option that is wrong
     */
    public static QtsConfig load(final Path file, final Map<String, String> env, final Map<String, String> systemProperties,
        final List<OptionValue> options)
    {
        final SortedMap<String, String> values = new TreeMap<>();
        final Map<String, String> sources = new HashMap<>();
        final String origin = file == null ? "embedded " + EMBEDDED.substring(1) : file.toString();
        if (file != null && Files.isDirectory(file))
        {
            throw new UserError("cannot read config " + file + ": it is a directory");
        }
        try (InputStream in = file == null ? QtsConfig.class.getResourceAsStream(EMBEDDED) : Files.newInputStream(file))
        {
            if (in == null)
            {
                throw new IllegalStateException("embedded configuration " + EMBEDDED + " is missing from the jar");
            }
            read(in, origin, values, sources);
        }
        catch (final NoSuchFileException ex)
        {
            throw new UserError("cannot read config " + file + ": no such file" +
                (file.isAbsolute() ? "" : " (relative to the working directory " + Path.of("").toAbsolutePath() + ")"));
        }
        catch (final AccessDeniedException ex)
        {
            throw new UserError("cannot read config " + file + ": permission denied");
        }
        catch (final IOException ex)
        {
            throw new UserError("cannot read config " + origin + ": " + ex.getMessage());
        }
        applyEnvironment(env, values, sources);
        applyProperties(systemProperties, values, sources);
        for (final OptionValue option : options)
        {
            if (option.value() != null)
            {
                values.put(option.key(), option.value());
                sources.put(option.key(), "option " + option.option());
            }
        }
        final String home = systemProperties.get("qts.home");
        return new QtsConfig(origin, file == null ? null : file.toAbsolutePath().getParent(), values, sources,
            home == null ? null : Path.of(home));
    }

    private static void applyEnvironment(final Map<String, String> env, final Map<String, String> values, final Map<String, String> sources)
    {
        final Map<String, String> keyByEnv = new HashMap<>();
        ConfigKeys.KEYS.forEach(key -> keyByEnv.put(ConfigKeys.envName(key), key));
        for (final Map.Entry<String, String> e : new TreeMap<>(env).entrySet())
        {
            final String name = e.getKey();
            if (!name.startsWith("QTS_") || ConfigKeys.isOtherEnv(name))
            {
                continue;
            }
            final String key = name.startsWith(PARAMS_ENV_PREFIX) && name.length() > PARAMS_ENV_PREFIX.length()
                ? PARAMS_PREFIX + camelCase(name.substring(PARAMS_ENV_PREFIX.length()))
                : keyByEnv.get(name);
            if (key == null)
            {
                final String nearest = ConfigKeys.nearest(name, ConfigKeys.knownEnvNames());
                throw new UserError("environment variable " + name + " is not a QTS setting; nearest known: " + nearest +
                    (keyByEnv.containsKey(nearest) ? " (" + keyByEnv.get(nearest) + ")" : ""));
            }
            values.put(key, e.getValue());
            sources.put(key, "environment variable " + name);
        }
    }

    private static void applyProperties(final Map<String, String> properties, final Map<String, String> values,
        final Map<String, String> sources)
    {
        for (final Map.Entry<String, String> e : new TreeMap<>(properties).entrySet())
        {
            final String name = e.getKey();
            if (!name.startsWith("qts.") || ConfigKeys.isOtherProperty(name))
            {
                continue;
            }
            final String key = name.substring("qts.".length());
            if (!ConfigKeys.KEYS.contains(key) && !(key.startsWith(PARAMS_PREFIX) && key.length() > PARAMS_PREFIX.length()))
            {
                throw new UserError("system property " + name + " is not a QTS setting; nearest known: " +
                    ConfigKeys.nearest(name, ConfigKeys.knownPropertyNames()));
            }
            values.put(key, e.getValue());
            sources.put(key, "system property " + name);
        }
    }

    /**
     * Reads the YAML mapping into flat keys, token by token, so that a key or section given twice is an
     * error naming both lines (a tree reader would keep the last silently).
     */
    private static void read(final InputStream in, final String origin, final Map<String, String> out,
        final Map<String, String> sources) throws IOException
    {
        try (JsonParser parser = new YAMLFactory().createParser(in))
        {
            if (parser.nextToken() != JsonToken.START_OBJECT)
            {
                throw new UserError(origin + ": expected a YAML mapping at the top");
            }
            final Deque<Map<String, Integer>> seen = new ArrayDeque<>();
            final Deque<String> prefixes = new ArrayDeque<>();
            seen.push(new HashMap<>());
            prefixes.push("");
            String key = null;
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken())
            {
                final int line = parser.currentTokenLocation().getLineNr();
                switch (token)
                {
                    case FIELD_NAME ->
                    {
                        final Integer first = seen.peek().putIfAbsent(parser.currentName(), line);
                        key = prefixes.peek() + parser.currentName();
                        if (first != null)
                        {
                            throw new UserError(origin + ": '" + key + "' is given twice, on line " + first + " and line " + line);
                        }
                    }
                    case START_OBJECT ->
                    {
                        seen.push(new HashMap<>());
                        prefixes.push(key + ".");
                    }
                    case END_OBJECT ->
                    {
                        seen.pop();
                        prefixes.pop();
                    }
                    case START_ARRAY -> throw new UserError(origin + ": line " + line + ": key '" + key + "' must be a single value");
                    case VALUE_NULL ->
                    {
                        // An empty value leaves the key to the next layer or to its default.
                    }
                    default ->
                    {
                        if (!ConfigKeys.KEYS.contains(key) && !key.startsWith(PARAMS_PREFIX))
                        {
                            throw new UserError(origin + ": line " + line + ": unknown key '" + key + "'; nearest known: " +
                                ConfigKeys.nearest(key, ConfigKeys.KEYS.stream().sorted().toList()));
                        }
                        out.put(key, parser.getText());
                        sources.put(key, origin + " line " + line);
                    }
                }
            }
        }
        catch (final JsonProcessingException ex)
        {
            throw new UserError(origin + ": not valid YAML: " + ex.getOriginalMessage());
        }
    }

    /** engine.waitStrategy -> QTS_ENGINE_WAIT_STRATEGY */
    static String envName(final String key)
    {
        return ConfigKeys.envName(key);
    }

    /** COOLDOWN_SECONDS -> cooldownSeconds: the inverse of {@link #envName} for parameter names. */
    static String camelCase(final String upperSnake)
    {
        final StringBuilder name = new StringBuilder();
        boolean upper = false;
        for (final char c : upperSnake.toLowerCase(Locale.ROOT).toCharArray())
        {
            if (c == '_')
            {
                upper = true;
                continue;
            }
            name.append(upper ? Character.toUpperCase(c) : c);
            upper = false;
        }
        return name.toString();
    }

    /** Where the configuration came from: the config file's path, or "embedded ..." for the built-in defaults. */
    public String origin()
    {
        return origin;
    }

    /** Where the value of {@code key} came from: "FILE line N", "environment variable X", "option --x", ... */
    public String source(final String key)
    {
        return sources.getOrDefault(key, origin);
    }

    /** The value of a key, or a clear error naming it if it is missing. */
    public String get(final String key)
    {
        final String value = values.get(key);
        if (value == null || value.isBlank())
        {
            throw new UserError("config key '" + key + "' is missing (from " + origin + ")");
        }
        return value;
    }

    /** The value of a key that configurations written before it existed may lack. */
    public String get(final String key, final String defaultValue)
    {
        final String value = values.get(key);
        return value == null || value.isBlank() ? defaultValue : value;
    }

    /**
     * The value of a key as a whole number (an int).
     *
     * @throws UserError naming the key and where its value came from if it is missing or not a whole number.
     */
    public int getInt(final String key)
    {
        final String value = get(key);
        try
        {
            return Integer.parseInt(value.trim());
        }
        catch (final NumberFormatException ex)
        {
            throw new UserError("config key '" + key + "' must be a whole number, got '" + value + "' (from " + source(key) + ")");
        }
    }

    /**
     * A file named by {@code key}. A relative path written in a config file is looked for in the file's folder,
     * then in the QTS home ({@code qts.home}); one given by a variable, property or option is relative to the
     * working directory. Null when the value is the embedded defaults' (a resource inside the jar).
     *
     * @throws UserError naming every place looked in when none has the file
     */
    public Path path(final String key)
    {
        return resolve(key, get(key));
    }

    /**
     * A list of paths separated by commas ({@code run.feed: a.csv,b.csv}), each resolved as {@link #path} does; null
     * where {@link #path} gives null.
     *
     * @throws UserError for a missing file or an empty entry, naming the key and where it was set.
     */
    public List<Path> paths(final String key)
    {
        final List<Path> paths = new ArrayList<>();
        for (final String part : get(key).split(",", -1))
        {
            if (part.isBlank())
            {
                throw new UserError(key + ": an empty path in '" + get(key) + "' (from " + source(key) + ")");
            }
            final Path p = resolve(key, part.trim());
            if (p == null)
            {
                return null;
            }
            paths.add(p);
        }
        return paths;
    }

    private Path resolve(final String key, final String text)
    {
        final Path value = Path.of(text);
        final boolean fromFile = source(key).startsWith(origin + " line ");
        if (fromFile && folder == null)
        {
            return null;
        }
        if (value.isAbsolute() || !fromFile)
        {
            if (!Files.exists(value))
            {
                throw new UserError(key + ": no file " + value.toAbsolutePath() + " (from " + source(key) + ")");
            }
            return value;
        }
        final Path besideConfig = folder.resolve(value);
        if (Files.exists(besideConfig))
        {
            return besideConfig;
        }
        final Path inHome = home == null ? null : home.resolve(value);
        if (inHome != null && Files.exists(inHome))
        {
            return inHome;
        }
        throw new UserError(key + ": no file '" + value + "' beside the config (" + besideConfig + ")" +
            (inHome == null ? "" : " or in the QTS home (" + inHome + ")") + " (from " + source(key) + ")");
    }

    /** The qts.* system properties of this JVM (-Dqts.KEY, passed in QTS_JAVA_OPTS), for {@link #load}. */
    public static Map<String, String> qtsProperties()
    {
        final Map<String, String> properties = new TreeMap<>();
        System.getProperties().stringPropertyNames().stream().filter(name -> name.startsWith("qts."))
            .forEach(name -> properties.put(name, System.getProperty(name)));
        return properties;
    }

    /** The environment variables and system properties that set a value, by the key they set (sorted). */
    public SortedMap<String, String> overrides()
    {
        final SortedMap<String, String> overrides = new TreeMap<>();
        sources.forEach((key, source) ->
        {
            if (source.startsWith("environment variable ") || source.startsWith("system property "))
            {
                overrides.put(key, source);
            }
        });
        return overrides;
    }

    /** The strategy parameters (run.params.*), sorted by name. */
    public SortedMap<String, String> params()
    {
        final SortedMap<String, String> params = new TreeMap<>();
        for (final Map.Entry<String, String> e : values.entrySet())
        {
            if (e.getKey().startsWith(PARAMS_PREFIX))
            {
                params.put(e.getKey().substring(PARAMS_PREFIX.length()), e.getValue());
            }
        }
        return params;
    }
}
