package io.qts.adapters.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The configuration keys and the one allow-list of {@code QTS_*} environment variables and {@code qts.*} system
 * properties that are not configuration. The keys themselves are listed once, in {@code QtsConfig.KEYS}: a new key
 * is added there (and to config/qts.yml) and the file, the environment and the properties accept it. Anything
 * else under those prefixes stops the start with one line naming it and the nearest known name.
 */
public final class ConfigKeys
{
    /** Strategy parameters: {@code run.params.NAME}, checked against the strategy when the engine is built. */
    public static final String PARAMS_PREFIX = QtsConfig.PARAMS_PREFIX;

    /** Every configuration key, as written in the YAML file (dotted, camel case). */
    public static final Set<String> KEYS = QtsConfig.KEYS;

    /** {@code QTS_*} environment variables read by the launcher or the CLI that are not configuration keys. */
    static final Set<String> OTHER_ENV = Set.of("QTS_JAVA_OPTS", "QTS_HOME", "QTS_DEBUG");

    /**
     * Secrets are never configuration (so never printed with the settings): variables whose names end so are
     * passed over, e.g. a webhook token {@code QTS_ALERT_WEBHOOK_TOKEN}. Upbit's keys are
     * {@code UPBIT_ACCESS_KEY}/{@code UPBIT_SECRET_KEY}, outside the {@code QTS_} prefix.
     */
    static final List<String> SECRET_ENV_SUFFIXES = List.of("_TOKEN", "_SECRET", "_PASSWORD");

    /** {@code qts.*} system properties that are not configuration keys: the launcher's, tests' and benchmarks'. */
    static final Set<String> OTHER_PROPERTIES = Set.of("qts.home", "qts.sharedData", "qts.examplesDir");

    /**
     * Prefixes of {@code qts.*} system properties owned by tests and benchmarks, and CI's switches that turn a skipped
     * test into a failure when what it needs is missing ({@code qts.requireSharedData}, {@code qts.requireChromium}).
     */
    static final List<String> OTHER_PROPERTY_PREFIXES = List.of("qts.test.", "qts.bench.", "qts.require");

    private ConfigKeys()
    {
    }

    /** engine.waitStrategy -> QTS_ENGINE_WAIT_STRATEGY */
    public static String envName(final String key)
    {
        return "QTS_" + key.replaceAll("([a-z])([A-Z])", "$1_$2").replace('.', '_').toUpperCase(Locale.ROOT);
    }

    static boolean isOtherEnv(final String name)
    {
        return OTHER_ENV.contains(name) || SECRET_ENV_SUFFIXES.stream().anyMatch(name::endsWith);
    }

    static boolean isOtherProperty(final String name)
    {
        return OTHER_PROPERTIES.contains(name) || OTHER_PROPERTY_PREFIXES.stream().anyMatch(name::startsWith);
    }

    /** Every name a variable under {@code QTS_} may have that this registry knows, sorted. */
    static List<String> knownEnvNames()
    {
        final TreeSet<String> names = new TreeSet<>(OTHER_ENV);
        KEYS.forEach(key -> names.add(envName(key)));
        names.add(envName(PARAMS_PREFIX) + "<NAME>");
        return new ArrayList<>(names);
    }

    /** Every name a property under {@code qts.} may have that this registry knows, sorted. */
    static List<String> knownPropertyNames()
    {
        final TreeSet<String> names = new TreeSet<>(OTHER_PROPERTIES);
        KEYS.forEach(key -> names.add("qts." + key));
        names.add("qts." + PARAMS_PREFIX + "<name>");
        return new ArrayList<>(names);
    }

    /** The candidate closest to {@code name} by edit distance (ties: the first in order), ignoring case. */
    static String nearest(final String name, final Iterable<String> candidates)
    {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (final String candidate : candidates)
        {
            final int d = distance(name.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
            if (d < bestDistance)
            {
                best = candidate;
                bestDistance = d;
            }
        }
        return best;
    }

    /** Levenshtein distance. */
    static int distance(final String a, final String b)
    {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++)
        {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++)
            {
                final int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
            }
            final int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
