package io.qts.adapters.ops;

import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.qts.adapters.cli.UserError;
import io.qts.adapters.run.LiveView;
import io.qts.adapters.run.SessionObserver;
import io.qts.engine.EngineResult;
import io.qts.engine.pipeline.StageProbe;

import io.qts.engine.EngineContext;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The operations side of one live session: the HTTP endpoint with its readiness conditions and metrics, fed from the
 * session's {@link LiveView} and the per-stage latency probe, and the JMX console ({@link EngineMXBean} and its siblings). Everything runs off the engine thread. The readiness
 * conditions wired here are {@value #ENGINE}, {@value #MARKET_DATA}, {@value #PRIVATE_STREAM}, {@value #JOURNAL},
 * {@value #NOT_HALTED} and {@value #RECOVERED}; other parts of the service (recovery, reconciliation) set theirs through
 * {@link #readiness()}.
 */
public final class OpsService implements SessionObserver, AutoCloseable
{
    /** Readiness condition: the engine thread is running. */
    public static final String ENGINE = "engine";
    /** Readiness condition: the market-data stream is connected and fresh. */
    public static final String MARKET_DATA = "marketData";
    /** Readiness condition: the private order stream is connected (always met by a paper session, which has none). */
    public static final String PRIVATE_STREAM = "privateStream";
    /**
     * Readiness condition: the engine has not stopped on an error and the journal directory is writable, with room to
     * spare.
     */
    public static final String JOURNAL = "journal";
    /** Readiness condition: the engine takes new entries (not halted). */
    public static final String NOT_HALTED = "notHalted";
    /** Readiness condition: the session's recovery and reconciliation finished (met at once by a new session). */
    public static final String RECOVERED = "recovered";
    /** Below this much free space the journal does not count as writable. */
    static final long MIN_FREE_BYTES = 64L << 20;

    private final OpsSettings settings;
    private final Readiness readiness = new Readiness();
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final StageLatency latency = new StageLatency();
    private final OpsHttpServer http;
    private final OpsBeans beans;
    private final JmxRemote remote;
    private final AlertSettings alertSettings;
    private final Alerts alerts;
    private AlertWatch watch;
    private volatile LiveView session;
    private volatile boolean ended;

    private OpsService(final OpsPorts ports, final AlertSettings alertSettings, final EngineContext engine, final Path journalDir)
    {
        this.settings = ports.settings;
        this.alertSettings = alertSettings;
        alerts = new Alerts(alertSettings, "QTS " + journalDir.getParent().getFileName() + " engine " + engine.engineId(),
            System::currentTimeMillis);
        registerAlertCounters();
        JvmMetrics.builder().register(registry);
        new EngineMetrics(() -> session, engine.initialCash()).register(registry);
        latency.register(registry);
        wireReadiness(journalDir);
        beans = new OpsBeans(ManagementFactory.getPlatformMBeanServer(), () -> session, engine, journalDir);
        remote = ports.jmx;
        http = ports.http;
        ports.handOver();
        if (http != null)
        {
            http.serve(registry, readiness, this::engineRunning);
        }
    }

    /**
     * Binds the ports ({@link OpsPorts#bind}), then starts the service on them.
     *
     * @throws UserError when the endpoint cannot listen (the port is taken): a service must not run unwatched.
     */
    public static OpsService start(
        final OpsSettings settings, final AlertSettings alerts, final EngineContext engine, final Path journalDir, final PrintWriter out)
    {
        return start(OpsPorts.bind(settings), alerts, engine, journalDir, out);
    }

    /**
     * Starts the HTTP endpoint (when {@code ops.httpPort} is not none) on ports already bound and prints where it listens.
     *
     * @param ports       the bound ports; the service closes them when it closes.
     * @param alerts      where alerts go (AlertSettings.NONE for nowhere).
     * @param engine      the session's engine settings (engine id, strategy and its parameters, starting cash).
     * @param journalDir  the session's journal directory, watched for being writable.
     */
    public static OpsService start(
        final OpsPorts ports, final AlertSettings alerts, final EngineContext engine, final Path journalDir, final PrintWriter out)
    {
        final OpsService service = new OpsService(ports, alerts, engine, journalDir);
        if (service.http != null)
        {
            out.printf("  ops         http://%s:%d/health, /ready, /metrics%n", service.settings.bindAddress().getHostAddress(),
                service.httpPort());
        }
        out.printf("  jmx         %s%n", service.settings.jmxPort() == OpsSettings.OFF
            ? "io.qts:type=Engine,name=" + engine.engineId() + " for local tools (jconsole, by process)"
            : "service:jmx:rmi:///jndi/rmi://" + service.settings.bindAddress().getHostAddress() + ":" + service.settings.jmxPort()
                + "/jmxrmi (password)");
        return service;
    }

    /** The probe to install in the engine context before the engine is built. */
    public StageProbe stageProbe()
    {
        return latency;
    }

    /** Where other parts of the service set their conditions (e.g. {@value #RECOVERED} after recovery and reconciliation). */
    public Readiness readiness()
    {
        return readiness;
    }

    /** The HTTP port, or -1 when there is no endpoint. */
    public int httpPort()
    {
        return http != null ? http.port() : OpsSettings.OFF;
    }

    PrometheusRegistry registry()
    {
        return registry;
    }

    @Override
    public void started(final LiveView view)
    {
        session = view;
        if (alertSettings.enabled())
        {
            watch = new AlertWatch(view, readiness, alerts, alertSettings.streamDownMs(), System::currentTimeMillis);
        }
    }

    @Override
    public void ended(final EngineResult result)
    {
        ended = true;
        if (watch != null)
        {
            try
            {
                watch.close();
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
            }
            // The last moments of the session (a halt just before the end) are told too.
            watch.check();
        }
    }

    /** The alert sender, e.g. for other parts of the service to raise their own (recovery mismatch). */
    public Alerts alerts()
    {
        return alerts;
    }

    private void registerAlertCounters()
    {
        io.prometheus.metrics.core.metrics.GaugeWithCallback.builder().name("qts_ready")
            .help("Now: 1 when every readiness condition holds (what /ready answers 200 for), else 0")
            .callback((c) -> c.call(readiness.ready() ? 1 : 0)).register(registry);
        io.prometheus.metrics.core.metrics.CounterWithCallback.builder().name("qts_alerts_sent_total")
            .help("Since this process started: alerts delivered to Slack/Telegram").callback((c) -> c.call(alerts.sent())).register(registry);
        io.prometheus.metrics.core.metrics.CounterWithCallback.builder().name("qts_alerts_failed_total")
            .help("Since this process started: alert deliveries that failed").callback((c) -> c.call(alerts.failed())).register(registry);
        io.prometheus.metrics.core.metrics.CounterWithCallback.builder().name("qts_alerts_dropped_total")
            .help("Since this process started: alerts not sent (repeated, over the rate limit, queue full)")
            .callback((c) -> c.call(alerts.dropped())).register(registry);
    }

    private boolean engineRunning()
    {
        final LiveView view = session;
        return view != null && !ended && !view.engineFailed();
    }

    private void wireReadiness(final Path journalDir)
    {
        readiness.set(RECOVERED, true, "a new session: nothing to recover");
        readiness.watch(ENGINE, "engine thread running", () ->
        {
            final LiveView view = session;
            if (view == null)
            {
                return "engine not started yet";
            }
            if (view.engineFailed())
            {
                return "engine stopped on an error";
            }
            return ended ? "session ended" : null;
        });
        readiness.watch(MARKET_DATA, "market-data stream connected and fresh", () ->
        {
            final LiveView view = session;
            if (view == null || !view.marketDataConnected())
            {
                return "market-data stream not connected";
            }
            return view.figures().feedStale() ? "market data stale: no message within venue.staleAfterMs" : null;
        });
        readiness.watch(PRIVATE_STREAM, "private order stream connected (or a paper session, which has none)", () ->
        {
            final LiveView view = session;
            if (view == null)
            {
                return "private order stream not connected";
            }
            return !view.hasPrivateStream() || view.privateStreamConnected() ? null : "private order stream not connected";
        });
        readiness.watch(JOURNAL, "journal directory writable", () -> journalProblem(journalDir));
        readiness.watch(NOT_HALTED, "taking new entries", () ->
        {
            final LiveView view = session;
            return view != null && view.figures().halted()
                ? "halted by " + HaltReasons.describe(view.figures().haltReason()) + ": no new entries; resume to go on"
                : null;
        });
    }

    private String journalProblem(final Path journalDir)
    {
        final LiveView view = session;
        if (view != null && view.engineFailed())
        {
            return "the engine stopped on an error (a journal that cannot be written stops it)";
        }
        if (!Files.isDirectory(journalDir) || !Files.isWritable(journalDir))
        {
            return "journal directory " + journalDir.getFileName() + " missing or not writable";
        }
        try
        {
            final long free = Files.getFileStore(journalDir).getUsableSpace();
            return free < MIN_FREE_BYTES ? "journal disk nearly full: " + (free >> 20) + " MiB free" : null;
        }
        catch (final IOException ex)
        {
            return "journal disk unreadable: " + ex.getMessage();
        }
    }

    /** Keeps serving for {@code ops.lingerSeconds} (so the final figures get scraped), then stops the endpoint. */
    @Override
    public void close() throws InterruptedException
    {
        try
        {
            if (http != null)
            {
                Thread.sleep(settings.lingerMs());
            }
        }
        finally
        {
            if (http != null)
            {
                http.close();
            }
            closeJmx();
            alerts.close();
        }
    }

    private void closeJmx()
    {
        if (remote != null)
        {
            remote.close();
        }
        beans.close();
    }
}
