package io.qts.adapters.ops;

import io.qts.adapters.cli.UserError;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;

/**
 * The ports a service listens on ({@code ops.httpPort}, and {@code ops.jmxPort} when remote JMX is configured), taken
 * before a run touches its var dir: a port that is taken stops the run with one line and nothing created. Handed to
 * {@link OpsService#start}, which serves on them and closes them; closed here only when the run stops before that.
 */
public final class OpsPorts implements AutoCloseable
{
    final OpsSettings settings;
    final OpsHttpServer http;
    final JmxRemote jmx;
    private boolean handedOver;

    private OpsPorts(final OpsSettings settings, final OpsHttpServer http, final JmxRemote jmx)
    {
        this.settings = settings;
        this.http = http;
        this.jmx = jmx;
    }

    /**
     * @throws UserError naming the key when a port cannot be listened on (taken, or an address not on this host), or
     *                   when the remote JMX files are not usable.
     */
    public static OpsPorts bind(final OpsSettings settings)
    {
        final JmxRemote jmx = settings.jmxPort() != OpsSettings.OFF
            ? new JmxRemote(settings, ManagementFactory.getPlatformMBeanServer())
            : null;
        try
        {
            final OpsHttpServer http = settings.httpEnabled()
                ? OpsHttpServer.bind(new InetSocketAddress(settings.bindAddress(), settings.httpPort()))
                : null;
            return new OpsPorts(settings, http, jmx);
        }
        catch (final IOException | RuntimeException ex)
        {
            if (jmx != null)
            {
                jmx.close();
            }
            if (ex instanceof IOException)
            {
                throw new UserError("config key 'ops.httpPort': " + ex.getMessage() + " (set another port, 0 for a free one, or none)");
            }
            throw (RuntimeException)ex;
        }
    }

    /** The service now owns the ports: {@link #close()} leaves them to it. */
    void handOver()
    {
        handedOver = true;
    }

    /** Frees the ports, unless a service was started on them (it frees them when it closes). */
    @Override
    public void close()
    {
        if (handedOver)
        {
            return;
        }
        handedOver = true;
        if (http != null)
        {
            http.close();
        }
        if (jmx != null)
        {
            jmx.close();
        }
    }
}
