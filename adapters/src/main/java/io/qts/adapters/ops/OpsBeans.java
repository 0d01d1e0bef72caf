package io.qts.adapters.ops;

import io.qts.adapters.run.LiveView;
import io.qts.engine.EngineContext;
import io.qts.engine.EngineFigures;
import io.qts.engine.FixedPoint;
import io.qts.journal.sbe.StateChangeReason;

import javax.management.InstanceAlreadyExistsException;
import javax.management.InstanceNotFoundException;
import javax.management.MBeanRegistrationException;
import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.NotCompliantMBeanException;
import javax.management.ObjectName;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The ops console's MXBeans under the {@code io.qts} domain, one set per engine: {@code type=Engine}, {@code type=Risk},
 * {@code type=Venue}, {@code type=Journal}, each with {@code name=<engine id>}. Registered in the platform MBean server,
 * so local tools (jconsole, VisualVM) see them by process; remote access is {@link JmxRemote}'s.
 */
final class OpsBeans implements AutoCloseable
{
    static final String DOMAIN = "io.qts";

    private final MBeanServer server;
    private final List<ObjectName> names = new ArrayList<>();

    OpsBeans(final MBeanServer server, final Supplier<LiveView> session, final EngineContext engine, final Path journalDir)
    {
        this.server = server;
        final OperatorCommands commands = new OperatorCommands(session, engine);
        final long initialCash = engine.initialCash();
        final String id = Integer.toString(engine.engineId());
        register("Engine", id, new Engine(session, commands, engine.strategyName(), initialCash));
        register("Risk", id, new Risk(session));
        register("Venue", id, new Venue(session));
        register("Journal", id, new Journal(journalDir));
    }

    static ObjectName name(final String type, final String id)
    {
        try
        {
            return new ObjectName(DOMAIN + ":type=" + type + ",name=" + id);
        }
        catch (final MalformedObjectNameException ex)
        {
            throw new IllegalArgumentException("bad MBean name for " + type + " " + id, ex);
        }
    }

    private void register(final String type, final String id, final Object bean)
    {
        final ObjectName name = name(type, id);
        try
        {
            server.registerMBean(bean, name);
            names.add(name);
        }
        catch (final InstanceAlreadyExistsException ex)
        {
            throw new IllegalStateException(name + " is already registered: another engine with id " + id + " runs in this process", ex);
        }
        catch (final MBeanRegistrationException | NotCompliantMBeanException ex)
        {
            throw new IllegalStateException("cannot register " + name, ex);
        }
    }

    @Override
    public void close()
    {
        for (final ObjectName name : names)
        {
            try
            {
                server.unregisterMBean(name);
            }
            catch (final InstanceNotFoundException | MBeanRegistrationException ignored)
            {
                // Already gone: nothing left to clean up.
            }
        }
        names.clear();
    }

    private static EngineFigures figures(final Supplier<LiveView> session)
    {
        final LiveView view = session.get();
        if (view == null)
        {
            throw new IllegalStateException("no session is running yet");
        }
        return view.figures();
    }

    private static LiveView view(final Supplier<LiveView> session)
    {
        final LiveView view = session.get();
        if (view == null)
        {
            throw new IllegalStateException("no session is running yet");
        }
        return view;
    }

    private static final class Engine implements EngineMXBean
    {
        private final Supplier<LiveView> session;
        private final OperatorCommands commands;
        private final String strategy;
        private final long initialCash;

        Engine(final Supplier<LiveView> session, final OperatorCommands commands, final String strategy, final long initialCash)
        {
            this.session = session;
            this.commands = commands;
            this.strategy = strategy;
            this.initialCash = initialCash;
        }

        @Override
        public String getRunId()
        {
            return view(session).runId();
        }

        @Override
        public String getStrategy()
        {
            return strategy;
        }

        @Override
        public long getEvents()
        {
            return figures(session).events();
        }

        @Override
        public long getOrders()
        {
            return figures(session).orders();
        }

        @Override
        public long getFills()
        {
            return figures(session).fills();
        }

        @Override
        public long getRejectedOrders()
        {
            return figures(session).rejectedOrders();
        }

        @Override
        public long getMalformedInputs()
        {
            return figures(session).malformed();
        }

        @Override
        public long getRingRemainingSlots()
        {
            return view(session).ringRemainingCapacity();
        }

        @Override
        public String getEquity()
        {
            return FixedPoint.format(figures(session).equity(), FixedPoint.MONEY_SCALE);
        }

        @Override
        public String getPnl()
        {
            return FixedPoint.format(figures(session).equity() - initialCash, FixedPoint.MONEY_SCALE);
        }

        @Override
        public String getPosition()
        {
            final EngineFigures figures = figures(session);
            return FixedPoint.format(figures.position(), figures.qtyScale());
        }

        @Override
        public void halt()
        {
            commands.halt();
        }

        @Override
        public void resume()
        {
            commands.resume();
        }

        @Override
        public void kill()
        {
            commands.kill();
        }

        @Override
        public void flatten()
        {
            commands.kill();
        }

        @Override
        public void setParameter(final String name, final String value)
        {
            commands.setParameter(name, value);
        }

        @Override
        public void resetBreaker()
        {
            commands.resetBreaker();
        }
    }

    private static final class Risk implements RiskMXBean
    {
        private final Supplier<LiveView> session;

        Risk(final Supplier<LiveView> session)
        {
            this.session = session;
        }

        @Override
        public boolean isHalted()
        {
            return figures(session).halted();
        }

        @Override
        public String getBreakerState()
        {
            switch (figures(session).breakerState())
            {
                case EngineFigures.BREAKER_OPEN:
                    return "OPEN";
                case EngineFigures.BREAKER_HALF_OPEN:
                    return "HALF_OPEN";
                default:
                    return "CLOSED";
            }
        }

        @Override
        public boolean isFeedStale()
        {
            return figures(session).feedStale();
        }

        @Override
        public long getStateChanges()
        {
            return figures(session).stateChanges();
        }

        @Override
        public long getIgnoredParamChanges()
        {
            return figures(session).ignoredParamChanges();
        }

        @Override
        public String getHaltReason()
        {
            final StateChangeReason reason = figures(session).haltReason();
            return reason == null ? "" : reason.name();
        }

        @Override
        public long getBreakerTrips()
        {
            return figures(session).breakerTrips();
        }
    }

    private static final class Venue implements VenueMXBean
    {
        private final Supplier<LiveView> session;

        Venue(final Supplier<LiveView> session)
        {
            this.session = session;
        }

        @Override
        public boolean isMarketDataConnected()
        {
            return view(session).marketDataConnected();
        }

        @Override
        public boolean isPrivateStreamConnected()
        {
            return view(session).privateStreamConnected();
        }

        @Override
        public long getOrdersSent()
        {
            return view(session).ordersSent();
        }

        @Override
        public long getVenueRejects()
        {
            return figures(session).venueRejects();
        }

        @Override
        public long getReconnects()
        {
            return view(session).reconnects();
        }

        @Override
        public long getDuplicateTradesDropped()
        {
            return figures(session).duplicateTradesDropped();
        }
    }

    private static final class Journal implements JournalMXBean
    {
        private final Path dir;

        Journal(final Path dir)
        {
            this.dir = dir;
        }

        @Override
        public String getJournal()
        {
            return dir.getParent().getFileName() + "/" + dir.getFileName();
        }

        @Override
        public boolean isWritable()
        {
            return Files.isDirectory(dir) && Files.isWritable(dir);
        }

        @Override
        public long getFreeBytes()
        {
            try
            {
                return Files.getFileStore(dir).getUsableSpace();
            }
            catch (final IOException ex)
            {
                throw new IllegalStateException("cannot read the journal's file system: " + ex.getMessage());
            }
        }
    }
}
