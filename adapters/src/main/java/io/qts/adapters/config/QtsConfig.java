package io.qts.adapters.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.qts.adapters.cli.UserError;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Configuration as flat dotted keys: the YAML file first, then environment variables ({@code QTS_}
 * and the key in upper snake case), then system properties ({@code qts.} and the key). Every key is
 * checked against the known ones, so a typo is an error, not a silently ignored setting.
 */
public final class QtsConfig
{
    /** The shipped config/qts.yml, embedded in the jar. */
    public static final String EMBEDDED = "/qts-config/qts.yml";
    static final String PARAMS_PREFIX = "run.params.";
    static final Set<String> KEYS = Set.of(
        "engine.id", "engine.ringSize", "engine.waitStrategy", "engine.topology", "engine.cpuAffinity",
        "run.venue", "run.feed", "run.feedFormat", "run.symbol", "run.strategy", "run.size", "run.cash",
        "run.commission", "run.varDir",
        "risk.maxPositionQty", "risk.maxOrderNotional", "risk.sizing", "risk.orderNotional", "risk.equityFraction",
        "risk.maxOpenPositions", "risk.priceBand", "risk.maxOrdersPerSecond", "risk.atrBars", "risk.stop",
        "risk.stopAtrMultiple", "risk.maxAtrFraction", "risk.dailyLossLimit", "risk.maxDrawdown", "risk.breakerFailures",
        "risk.breakerWindowMs", "risk.breakerCoolDownMs", "risk.orderTimeoutMs", "risk.haltWindows",
        "venue.paper", "venue.simSpeed", "venue.durationSeconds", "venue.priceScale", "venue.qtyScale", "venue.staleAfterMs",
        "venue.keyFile", "venue.restUrl", "venue.websocketUrl", "venue.privateWebsocketUrl", "venue.foreignActivity");

    private final String origin;
    private final SortedMap<String, String> values;

    private QtsConfig(final String origin, final SortedMap<String, String> values)
    {
        this.origin = origin;
        this.values = values;
    }

    /** Loads the file (or the embedded defaults when {@code file} is null) and applies the overrides. */
    public static QtsConfig load(final Path file, final Map<String, String> env, final Map<String, String> systemProperties)
    {
        final SortedMap<String, String> values = new TreeMap<>();
        final String origin;
        if (file == null)
        {
            origin = "embedded " + EMBEDDED.substring(1);
            try (InputStream in = QtsConfig.class.getResourceAsStream(EMBEDDED))
            {
                if (in == null)
                {
                    throw new IllegalStateException("embedded configuration " + EMBEDDED + " is missing from the jar");
                }
                flatten("", read(in, origin), values, origin);
            }
            catch (final IOException ex)
            {
                throw new UserError("cannot read " + origin + ": " + ex.getMessage());
            }
        }
        else
        {
            origin = file.toString();
            try (InputStream in = Files.newInputStream(file))
            {
                flatten("", read(in, origin), values, origin);
            }
            catch (final IOException ex)
            {
                throw new UserError("cannot read config " + file + ": " + ex.getMessage());
            }
        }
        for (final String key : KEYS)
        {
            override(values, key, env.get(envName(key)), systemProperties.get("qts." + key));
        }
        for (final Map.Entry<String, String> e : new TreeMap<>(env).entrySet())
        {
            if (e.getKey().startsWith("QTS_RUN_PARAMS_"))
            {
                values.put(PARAMS_PREFIX + camelCase(e.getKey().substring("QTS_RUN_PARAMS_".length())), e.getValue());
            }
        }
        for (final Map.Entry<String, String> e : new TreeMap<>(systemProperties).entrySet())
        {
            if (e.getKey().startsWith("qts." + PARAMS_PREFIX))
            {
                values.put(e.getKey().substring("qts.".length()), e.getValue());
            }
        }
        return new QtsConfig(origin, values);
    }

    private static JsonNode read(final InputStream in, final String origin) throws IOException
    {
        try
        {
            final JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(in);
            if (root == null || !root.isObject())
            {
                throw new UserError(origin + ": expected a YAML mapping at the top");
            }
            return root;
        }
        catch (final com.fasterxml.jackson.core.JsonProcessingException ex)
        {
            throw new UserError(origin + ": not valid YAML: " + ex.getOriginalMessage());
        }
    }

    private static void flatten(final String prefix, final JsonNode node, final Map<String, String> out, final String origin)
    {
        final Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext())
        {
            final Map.Entry<String, JsonNode> field = fields.next();
            final String key = prefix + field.getKey();
            final JsonNode value = field.getValue();
            if (value.isObject())
            {
                flatten(key + ".", value, out, origin);
            }
            else if (value.isValueNode() && !value.isNull())
            {
                if (!KEYS.contains(key) && !key.startsWith(PARAMS_PREFIX))
                {
                    throw new UserError(origin + ": unknown key '" + key + "' (known: " +
                        String.join(", ", new TreeSet<>(KEYS)) + ", run.params.*)");
                }
                out.put(key, value.asText());
            }
            else
            {
                throw new UserError(origin + ": key '" + key + "' must be a single value");
            }
        }
    }

    private static void override(final Map<String, String> values, final String key, final String env, final String property)
    {
        if (env != null)
        {
            values.put(key, env);
        }
        if (property != null)
        {
            values.put(key, property);
        }
    }

    /** engine.waitStrategy -> QTS_ENGINE_WAIT_STRATEGY */
    static String envName(final String key)
    {
        return "QTS_" + key.replaceAll("([a-z])([A-Z])", "$1_$2").replace('.', '_').toUpperCase();
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

    public String origin()
    {
        return origin;
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

    public int getInt(final String key)
    {
        final String value = get(key);
        try
        {
            return Integer.parseInt(value.trim());
        }
        catch (final NumberFormatException ex)
        {
            throw new UserError("config key '" + key + "' must be a whole number, got '" + value + "'");
        }
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
