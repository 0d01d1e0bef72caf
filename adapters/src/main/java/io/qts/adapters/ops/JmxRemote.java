package io.qts.adapters.ops;

import io.qts.adapters.cli.UserError;

import javax.management.MBeanServer;
import javax.management.remote.JMXConnectorServer;
import javax.management.remote.JMXConnectorServerFactory;
import javax.management.remote.JMXServiceURL;
import javax.management.remote.rmi.RMIConnectorServer;
import java.io.IOException;
import java.io.Serializable;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.rmi.NoSuchObjectException;
import java.rmi.registry.LocateRegistry;
import java.rmi.registry.Registry;
import java.rmi.server.RMIServerSocketFactory;
import java.rmi.server.UnicastRemoteObject;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Remote JMX, only when {@code ops.jmxPort} is set: an RMI registry and connector on that one port, bound to
 * {@code ops.bindAddress}, with password authentication and role access from the configured files (the JDK's own
 * {@code jmx.remote.x.password.file} / {@code access.file} login). The password file must be readable by its owner only.
 * Connect with {@code service:jmx:rmi:///jndi/rmi://HOST:PORT/jmxrmi}.
 */
final class JmxRemote implements AutoCloseable
{
    private static final String RMI_HOSTNAME = "java.rmi.server.hostname";

    private final Registry registry;
    private final JMXConnectorServer connector;

    JmxRemote(final OpsSettings settings, final MBeanServer server)
    {
        requireOwnerOnly(settings.jmxPasswordFile());
        if (!Files.isReadable(settings.jmxAccessFile()))
        {
            throw new UserError("config key 'ops.jmxAccessFile': cannot read " + settings.jmxAccessFile());
        }
        final BoundSockets sockets = new BoundSockets(settings.bindAddress());
        final String host = settings.bindAddress().getHostAddress();
        if (!settings.bindAddress().isAnyLocalAddress() && System.getProperty(RMI_HOSTNAME) == null)
        {
            // RMI hands clients stubs naming this host; by default that is the machine's address, which a socket bound
            // to another one (127.0.0.1) does not answer on. With 0.0.0.0, set -Djava.rmi.server.hostname yourself.
            System.setProperty(RMI_HOSTNAME, host);
        }
        final int port = settings.jmxPort();
        try
        {
            registry = LocateRegistry.createRegistry(port, null, sockets);
            final Map<String, Object> env = new HashMap<>();
            env.put(RMIConnectorServer.RMI_SERVER_SOCKET_FACTORY_ATTRIBUTE, sockets);
            env.put("jmx.remote.x.password.file", settings.jmxPasswordFile().toString());
            env.put("jmx.remote.x.access.file", settings.jmxAccessFile().toString());
            connector = JMXConnectorServerFactory.newJMXConnectorServer(
                new JMXServiceURL("service:jmx:rmi://" + host + ":" + port + "/jndi/rmi://" + host + ":" + port + "/jmxrmi"), env, server);
            connector.start();
        }
        catch (final IOException ex)
        {
            throw new UserError("config key 'ops.jmxPort': cannot open remote JMX on " + host + ":" + port + ": " + ex.getMessage());
        }
    }

    private static void requireOwnerOnly(final Path file)
    {
        if (!Files.isReadable(file))
        {
            throw new UserError("config key 'ops.jmxPasswordFile': cannot read " + file);
        }
        try
        {
            final Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            for (final PosixFilePermission permission : permissions)
            {
                if (permission.name().startsWith("GROUP") || permission.name().startsWith("OTHERS"))
                {
                    throw new UserError("config key 'ops.jmxPasswordFile': " + file + " must be readable by its owner only (chmod 600)");
                }
            }
        }
        catch (final UnsupportedOperationException | IOException ex)
        {
            throw new UserError("config key 'ops.jmxPasswordFile': cannot check the permissions of " + file + ": " + ex.getMessage());
        }
    }

    @Override
    public void close()
    {
        try
        {
            connector.stop();
        }
        catch (final IOException ignored)
        {
            // Stopping: a connector that fails to stop cleanly is gone with the process anyway.
        }
        try
        {
            UnicastRemoteObject.unexportObject(registry, true);
        }
        catch (final NoSuchObjectException ignored)
        {
            // Already unexported.
        }
    }

    /** Server sockets on the configured address only; equal instances let the registry and the connector share one port. */
    private record BoundSockets(InetAddress address) implements RMIServerSocketFactory, Serializable
    {
        @Override
        public ServerSocket createServerSocket(final int port) throws IOException
        {
            return new ServerSocket(port, 50, address);
        }
    }
}
