package io.qts.adapters.ops;

import io.qts.adapters.cli.UserError;
import io.qts.adapters.config.QtsConfig;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;

/**
 * The {@code ops.*} settings: where the HTTP endpoint (/health, /ready, /metrics) listens and whether JMX is open to
 * other hosts. Defaults keep everything on this host: HTTP on 127.0.0.1, JMX for local tools only.
 *
 * @param httpPort        the HTTP port; 0 for a free port chosen at start; {@link #OFF} for no HTTP endpoint.
 * @param bindAddress     the address the HTTP endpoint binds (127.0.0.1 by default).
 * @param lingerMs        how long the endpoint keeps serving after the session ended, so the last figures get scraped.
 * @param jmxPort         the remote JMX port, or {@link #OFF}: then only local tools attach (by process id).
 * @param jmxPasswordFile remote JMX passwords (required with a jmxPort); null otherwise.
 * @param jmxAccessFile   remote JMX roles (required with a jmxPort); null otherwise.
 */
public record OpsSettings(int httpPort, InetAddress bindAddress, long lingerMs, int jmxPort, Path jmxPasswordFile, Path jmxAccessFile)
{
    /** A port setting of {@code none}. */
    public static final int OFF = -1;

    /**
     * @throws UserError naming the key and the bad value.
     */
    public static OpsSettings from(final QtsConfig config)
    {
        final int httpPort = port(config, "ops.httpPort", "none", true);
        final int jmxPort = port(config, "ops.jmxPort", "none", false);
        final Path passwords = file(config, "ops.jmxPasswordFile");
        final Path access = file(config, "ops.jmxAccessFile");
        if (jmxPort != OFF && (passwords == null || access == null))
        {
            throw new UserError("config key 'ops.jmxPort' opens JMX to other hosts: 'ops.jmxPasswordFile' and 'ops.jmxAccessFile' "
                + "are required with it (remote JMX is never unauthenticated)");
        }
        final String linger = config.get("ops.lingerSeconds", "0").trim();
        final long lingerSeconds;
        try
        {
            lingerSeconds = Long.parseLong(linger);
        }
        catch (final NumberFormatException ex)
        {
            throw new UserError("config key 'ops.lingerSeconds' must be a whole number from 0 to 3600, got '" + linger + "'");
        }
        if (lingerSeconds < 0 || lingerSeconds > 3600)
        {
            throw new UserError("config key 'ops.lingerSeconds' must be a whole number from 0 to 3600, got '" + linger + "'");
        }
        return new OpsSettings(httpPort, address(config), lingerSeconds * 1000, jmxPort, passwords, access);
    }

    /** Whether the HTTP endpoint is served (its port is not {@link #OFF}). */
    public boolean httpEnabled()
    {
        return httpPort != OFF;
    }

    private static int port(final QtsConfig config, final String key, final String defaultValue, final boolean zeroAllowed)
    {
        final String value = config.get(key, defaultValue).trim();
        if (value.equals("none"))
        {
            return OFF;
        }
        try
        {
            final int port = Integer.parseInt(value);
            if (port >= (zeroAllowed ? 0 : 1) && port <= 65535)
            {
                return port;
            }
        }
        catch (final NumberFormatException ignored)
        {
            // Reported below with the key's name.
        }
        throw new UserError("config key '" + key + "' must be none or a port " + (zeroAllowed ? "0" : "1") + "..65535, got '" + value + "'");
    }

    private static InetAddress address(final QtsConfig config)
    {
        final String value = config.get("ops.bindAddress", "127.0.0.1").trim();
        if (!value.matches("[0-9.]+|[0-9a-fA-F:]+"))
        {
            throw new UserError("config key 'ops.bindAddress' must be an IP address such as 127.0.0.1 or 0.0.0.0, got '" + value + "'");
        }
        try
        {
            return InetAddress.getByName(value);
        }
        catch (final UnknownHostException ex)
        {
            throw new UserError("config key 'ops.bindAddress' must be an IP address such as 127.0.0.1 or 0.0.0.0, got '" + value + "'");
        }
    }

    private static Path file(final QtsConfig config, final String key)
    {
        final String value = config.get(key, "none").trim();
        return value.equals("none") ? null : Path.of(value);
    }
}
