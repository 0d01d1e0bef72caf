package io.qts.adapters.cli;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qts.adapters.config.QtsConfig;
import io.qts.adapters.data.MarketDataFile;
import io.qts.adapters.data.MarketSeries;
import io.qts.adapters.ops.AlertSettings;
import io.qts.adapters.ops.LogLines;
import io.qts.adapters.ops.LogSetup;
import io.qts.adapters.ops.OpsPorts;
import io.qts.adapters.ops.OpsService;
import io.qts.adapters.ops.OpsSettings;
import io.qts.adapters.ops.SummaryEvent;
import io.qts.adapters.store.LiveProjection;
import io.qts.adapters.store.StoreSettings;
import io.qts.adapters.run.AdminSchedule;
import io.qts.adapters.run.PaperSession;
import io.qts.adapters.run.LiveSession;
import io.qts.adapters.run.RunMarkets;
import io.qts.adapters.run.RunSettings;
import io.qts.adapters.run.VenueSettings;
import io.qts.adapters.recovery.CurrentSession;
import io.qts.adapters.recovery.SessionChange;
import io.qts.adapters.recovery.SessionPins;
import io.qts.adapters.recovery.SessionRecovery;
import io.qts.adapters.recovery.VenueAccount;
import io.qts.adapters.upbit.UpbitAuth;
import io.qts.adapters.upbit.UpbitKeys;
import io.qts.adapters.upbit.sim.ExchangeSimulator;
import io.qts.adapters.upbit.sim.SimSettings;
import io.qts.adapters.run.SessionSettings;
import io.qts.adapters.run.VarDirLock;
import io.qts.adapters.run.VenueKeyCheck;
import io.qts.engine.EngineContext;
import io.qts.engine.EngineResult;
import io.qts.engine.FixedPoint;
import org.slf4j.LoggerFactory;
import io.qts.adapters.strategies.StrategyJars;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.concurrent.locks.LockSupport;
import java.nio.file.StandardCopyOption;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.SortedMap;
import java.util.concurrent.Callable;

/** {@code qts run}: the main job. With no arguments it paper-trades the bundled sample on embedded defaults. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Trade through the live pipeline: against the Upbit-compatible simulator over loopback sockets (default), "
        + "the real Upbit, or the in-process simulated venue.")
final class RunCommand implements Callable<Integer>
{
    private static final DateTimeFormatter RUN_ID = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final long KEY_CHECK_TIMEOUT_MS = 10_000;
    /** The venue clients' status lines, as log events in the configured format. */
    private static final PrintStream VENUE_LOG = LogLines.to(LoggerFactory.getLogger("io.qts.venue"));

    @Option(names = "--config", paramLabel = "FILE", description = "Configuration file (default: the embedded config/qts.yml).")
    private Path config;

    @Option(names = "--strategy-path", paramLabel = "PATH",
        description = "Overrides run.strategyPath: a jar, or a directory of jars, of user strategies (docs/strategy-api.md).")
    private String strategyPath;

    @Option(names = "--strategy", paramLabel = "NAME", completionCandidates = StrategyNames.class,
        description = "Overrides run.strategy: ${COMPLETION-CANDIDATES}. The configured run.params it does not take are "
            + "reported and left out.")
    private String strategy;

    @Option(names = "--param", paramLabel = "KEY=VALUE", description = "Override a strategy parameter (see docs/strategies.md).")
    private Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--venue", paramLabel = "V",
        description = "Overrides run.venue: sim (the exchange simulator in-process, over real sockets), upbit (the real venue; "
            + "keys from UPBIT_ACCESS_KEY/UPBIT_SECRET_KEY or venue.keyFile) or local (in-process simulated venue, lockstep, no sockets).")
    private String venue;

    @Option(names = "--paper", description = "Send no order to the venue: orders are filled in-process at the next live trade's price.")
    private boolean paper;

    @Option(names = "--admin", paramLabel = "COMMAND",
        description = "Operator command put into the feed at its time and journaled (repeatable): " + AdminSchedule.SYNTAX + ".")
    private List<String> admin = new ArrayList<>();

    @Option(names = "--var-dir", paramLabel = "DIR", description = "Where journals and last-run.json go (default: run.varDir).")
    private Path varDir;

    @Option(names = "--wait-strategy", paramLabel = "S", description = "Overrides engine.waitStrategy: busy-spin, yielding, sleeping, blocking.")
    private String waitStrategy;

    @Option(names = "--topology", paramLabel = "T", description = "Overrides engine.topology: chain or parallel.")
    private String topology;

    @Option(names = "--cpu-affinity", paramLabel = "IDS", description = "Overrides engine.cpuAffinity: none, or CPU ids such as 1 or 0,1.")
    private String cpuAffinity;

    @Option(names = "--log-format", paramLabel = "F",
        description = "Overrides ops.logFormat: text (progress and summary on stdout, log lines on stderr) or json (stdout "
            + "carries only log events, one JSON object per line: the progress and the summary included).")
    private String logFormat;

    @Option(names = "--new-session",
        description = "upbit: start a new session even if the last one on this var dir did not end flat and in order "
            + "(refused while the venue account holds a position, locked funds or open orders, unless --force).")
    private boolean newSession;

    @Option(names = "--force", description = "With a new session: start it even though the venue account holds a position or open orders.")
    private boolean force;

    @Option(names = "--accept-session-change",
        description = "upbit: continue the session although this build or its strategy parameters differ from the ones in force "
            + "(journaled as parameter changes, so a replay follows them; other settings need --new-session; see docs/recovery.md).")
    private boolean acceptSessionChange;

    @picocli.CommandLine.Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    /** Held from the settings' check to the summary: one engine per var dir. */
    private VarDirLock varDirLock;
    /** Bound before the var dir is touched; the ops service owns them once started. */
    private OpsPorts opsPorts;

    @Override
    public Integer call() throws InterruptedException
    {
        try (StopSignal stop = new StopSignal())
        {
            return run(stop);
        }
        finally
        {
            if (varDirLock != null)
            {
                varDirLock.close();
            }
            if (opsPorts != null)
            {
                opsPorts.close();
            }
        }
    }

    /** @param stop Ctrl-C ends a live session early, in order: the engine stops and last-run.json is written first. */
    private int run(final StopSignal stop) throws InterruptedException
    {
        final QtsConfig loaded = QtsConfig.load(config, System.getenv(), QtsConfig.qtsProperties(), List.of(
            new QtsConfig.OptionValue("--wait-strategy", "engine.waitStrategy", waitStrategy),
            new QtsConfig.OptionValue("--topology", "engine.topology", topology),
            new QtsConfig.OptionValue("--cpu-affinity", "engine.cpuAffinity", cpuAffinity),
            new QtsConfig.OptionValue("--strategy-path", "run.strategyPath", strategyPath),
            new QtsConfig.OptionValue("--log-format", "ops.logFormat", logFormat)));
        StrategyJars.use(loaded.get("run.strategyPath", null) == null ? null : loaded.path("run.strategyPath").toString());
        final RunSettings configured = RunSettings.from(loaded, strategy, params, varDir, venue, paper);
        final SortedMap<String, String> ignoredParams = RunSettings.ignoredParams(loaded, strategy);
        // The pid keeps two engines started in the same second on other var dirs apart (logs carry the run id).
        final String runId = "run-" + ZonedDateTime.now(ZoneOffset.UTC).format(RUN_ID) + "-" + ProcessHandle.current().pid();
        // Before the first line is written: in the JSON format stdout carries log events only, the progress lines included.
        final String chosenLogFormat = LogSetup.format(loaded);
        LogSetup.configure(chosenLogFormat, runId, configured.engine().engineId(), spec.commandLine().getOut());
        final boolean jsonLog = LogSetup.JSON.equals(chosenLogFormat);
        final PrintWriter out = jsonLog ? LogSetup.lines(LogSetup.PROGRESS) : spec.commandLine().getOut();
        if (!ignoredParams.isEmpty())
        {
            out.printf("qts: note: run.params %s are not parameters of %s: ignored%n", ignoredParams, configured.engine().strategyName());
        }
        final VenueSettings venueSettings = configured.venue();
        final UpbitAuth upbitKeys = VenueSettings.UPBIT.equals(venueSettings.name()) && !venueSettings.paper()
            ? UpbitKeys.load(venueSettings.keyFile(), System.getenv())
            : null;
        if (upbitKeys != null)
        {
            // Wrong keys stop the start here, with one line, before anything is written or traded.
            VenueKeyCheck.verify(venueSettings.rest(), upbitKeys, KEY_CHECK_TIMEOUT_MS);
        }
        final AdminSchedule adminSchedule = AdminSchedule.parse(admin, configured.engine().strategyName());
        // Every setting is checked before the var dir is touched: a refused start leaves nothing behind.
        final OpsSettings opsSettings = OpsSettings.from(loaded);
        final AlertSettings alertSettings = AlertSettings.from(loaded, System.getenv());
        final StoreSettings storeSettings = StoreSettings.from(loaded, configured.varDir(), System.getenv());
        final String foreignActivity = foreignActivity(loaded);
        // Another engine on this var dir is named before its ports are found taken (the probe creates nothing).
        VarDirLock.refuseIfHeld(configured.varDir());
        // The ops ports are taken before the var dir is touched: a port in use stops the run with nothing created. The
        // lockstep local venue is a test harness, not a service: no ops endpoint.
        opsPorts = VenueSettings.LOCAL.equals(venueSettings.name()) ? null : OpsPorts.bind(opsSettings);
        varDirLock = VarDirLock.acquire(configured.varDir());
        // A session on a venue account outlives its processes: the one in progress on this var dir is continued.
        final boolean venueAccount = VenueSettings.UPBIT.equals(venueSettings.name()) && !venueSettings.paper();
        final VenueAccount account = venueAccount ? new VenueAccount(venueSettings.rest(), upbitKeys, 5_000) : null;
        final Path continued = venueAccount && !newSession ? CurrentSession.find(configured.varDir()).orElse(null) : null;
        if (continued == null && venueAccount && !force)
        {
            // Before anything of the new session is written: a refused start leaves nothing behind.
            SessionRecovery.requireNothingOpen(account, RunMarkets.sorted(configured.session().symbol()));
        }
        // Absolute, so the printed follow-up commands work from any working directory.
        final Path runDir = continued != null ? continued : uniqueDir(configured.varDir().toAbsolutePath().normalize().resolve("journal"), runId);
        final Path inDir = runDir.resolve("in");
        final Path outDir = runDir.resolve("out");
        final Map<String, MarketSeries> feeds = VenueSettings.UPBIT.equals(venueSettings.name()) ? null : readFeeds(configured, loaded);
        // A continued session keeps its nonce, so the identifiers this process sends continue the session's.
        final SessionSettings started = continued != null ? SessionSettings.readFrom(runDir) : null;
        final RunSettings requested = continued != null
            ? RunSettings.from(loaded, strategy, params, varDir, venue, paper, started.nonce())
            : configured;
        String acceptedChanges = null;
        SessionChange.Accepted accepted = SessionChange.Accepted.NONE;
        if (continued != null)
        {
            final SessionPins pinned = SessionPins.readFrom(runDir);
            final List<String> changes = SessionPins.of(requested.session()).differencesFrom(pinned);
            if (!changes.isEmpty())
            {
                if (!acceptSessionChange)
                {
                    throw new UserError("the session in progress (" + runDir.getFileName() + ") was started with other settings: "
                        + String.join("; ", changes) + ". Continue it with the settings it pins, or pass --accept-session-change "
                        + "(journaled), or --new-session");
                }
                acceptedChanges = String.join("; ", changes);
                accepted = SessionChange.accepted(started, pinned, requested.session());
            }
        }
        // A continued session's engine is built from the settings the session started with (session.json, never
        // replaced); an accepted change of parameters or strategy goes in as journaled admin inputs at this process's
        // start, so the recovery decides the earlier processes' inputs as they were decided, and a replay of the whole
        // session too.
        final RunSettings settings = continued != null ? requested.decidedBy(started) : configured;
        final EngineContext engine = settings.engine();
        // What decides from here: this process's strategy and parameters (the pins', or what it was accepted to change).
        final EngineContext inForce = continued != null ? requested.engine() : engine;
        out.printf("QTS run %s: %s %s on %s, venue %s%s, wait strategy %s%n", runDir.getFileName(), inForce.strategyName(),
            inForce.strategyParams(), settings.session().symbol(), venueSettings.name(), venueSettings.paper() ? " (paper: no orders sent)" : "",
            engine.waitStrategy());
        final OpsService ops = opsPorts == null ? null : OpsService.start(opsPorts, alertSettings, engine, inDir, out);
        try
        {
            final SessionRecovery recovery = venueAccount
                ? new SessionRecovery(continued != null, account, RunMarkets.sorted(settings.session().symbol()), engine.initialCash(),
                    venueSettings.qtyScale(), foreignActivity, acceptedChanges, accepted, settings.session().identifiers(),
                    ops != null ? ops.readiness() : null, out)
                : null;
            if (continued == null)
            {
                // An accepted change is journaled (the process note) and the settings now in force replace the pinned ones.
                settings.session().writeTo(runDir);
            }
            if (venueAccount && (continued == null || acceptedChanges != null))
            {
                SessionPins.of(requested.session()).writeInto(runDir);
            }
            if (venueAccount && continued == null)
            {
                CurrentSession.mark(settings.varDir(), runDir);
            }
            final EngineResult result;
            final long elapsedNs;
            final long ordersSent;
            final long reconnects;
            final String stoppedBy;
            final List<String> unresolvedOrders;
            if (VenueSettings.LOCAL.equals(venueSettings.name()))
            {
                final MarketSeries feed = feeds.values().iterator().next();
                out.printf("  %d feed events from %s through the in-process simulated venue, in lockstep%n", feed.size(), settings.feed());
                final PaperSession.Outcome outcome = PaperSession.run(settings, feed, adminSchedule, inDir, outDir, out);
                result = outcome.result();
                elapsedNs = outcome.elapsedNs();
                ordersSent = result.orders();
                reconnects = 0;
                stoppedBy = "end";
                unresolvedOrders = List.of();
            }
            else
            {
                final LiveProjection projection = storeSettings.enabled() ? LiveProjection.start(storeSettings, inDir) : null;
                final LiveSession.Outcome outcome = VenueSettings.SIM.equals(venueSettings.name())
                    ? runOnSimulator(settings, feeds, adminSchedule, stop, inDir, outDir, out, ops)
                    : runOnUpbit(settings, upbitKeys, adminSchedule, stop, inDir, outDir, out, ops,
                        recovery != null ? recovery : LiveSession.StartUp.NONE);
                if (projection != null)
                {
                    out.printf("  store       %s%n", projection.finish());
                }
                result = outcome.result();
                elapsedNs = outcome.elapsedNs();
                ordersSent = outcome.ordersSent();
                reconnects = outcome.reconnects();
                stoppedBy = outcome.stoppedBy();
                unresolvedOrders = outcome.unresolvedOrders();
            }
            final double seconds = elapsedNs / 1e9;
            final long eventsPerSec = Math.round(result.events() / Math.max(seconds, 1e-9));
            final String finalValue = FixedPoint.format(result.finalValue(), FixedPoint.MONEY_SCALE);
            final String pnl = FixedPoint.format(result.finalValue() - engine.initialCash(), FixedPoint.MONEY_SCALE);
            final String backtest = backtestCommand(settings.session(), inDir, settings.varDir().toAbsolutePath().normalize().resolve("backtest").resolve(runDir.getFileName()));

            // In the JSON format the summary is one event with the figures of last-run.json, logged once it is written.
            final PrintWriter report = jsonLog ? new PrintWriter(Writer.nullWriter()) : out;
            report.println();
            report.printf("  events      %d (%d market)%n", result.events(), result.marketEvents());
            report.printf("  orders      %d, fills %d, rejected %d%n", result.orders(), result.fills(), result.rejectedOrders());
            report.printf("  final value %s (PnL %s)%n", finalValue, pnl);
            report.printf("  events/s    %d (%.3f s, paced by the %s)%n", eventsPerSec, seconds,
                VenueSettings.LOCAL.equals(venueSettings.name()) ? "simulated venue's lockstep" : "venue's market data");
            report.printf("  digest      %s%n", result.digest());
            if (!unresolvedOrders.isEmpty())
            {
                report.printf("  in doubt    %d order(s) sent but not answered when the run stopped: %s (ask the venue by identifier)%n",
                    unresolvedOrders.size(), String.join(", ", unresolvedOrders));
            }
            report.printf("  journal     %s (orders sent: %s)%n", inDir, outDir);
            report.printf("  replay      %s replay --journal %s%n", Launcher.command(), inDir);
            if (VenueSettings.LOCAL.equals(venueSettings.name()))
            {
                report.printf("  reproduce   %s%n", backtest);
            }

            final ObjectNode summary = new ObjectMapper().createObjectNode();
            summary.put("runId", runDir.getFileName().toString());
            summary.put("venue", venueSettings.name());
            summary.put("nonce", settings.session().nonce());
            summary.put("paper", venueSettings.paper());
            summary.put("symbol", settings.session().symbol());
            // The strategy and parameters in force: those the session started with, as changed by what was accepted since.
            summary.put("strategy", inForce.strategyName());
            final ObjectNode paramsNode = summary.putObject("params");
            inForce.strategyParams().forEach(paramsNode::put);
            summary.put("events", result.events());
            summary.put("orders", result.orders());
            summary.put("fills", result.fills());
            summary.put("rejectedOrders", result.rejectedOrders());
            summary.put("ordersSent", ordersSent);
            summary.put("ordersRejectedByVenue", result.venueRejects());
            summary.put("reconnects", reconnects);
            summary.put("duplicateTradesDropped", result.duplicateTradesDropped());
            summary.put("unknownOrderEvents", result.unknownOrderEvents());
            summary.put("lateAcceptances", result.lateAcceptances());
            summary.put("duplicateFillsDropped", result.duplicateFillsDropped());
            summary.put("ordersInDoubt", result.ordersInDoubt());
            summary.put("malformedInputs", result.malformed());
            summary.put("stateChanges", result.stateChanges());
            summary.put("ignoredParamChanges", result.ignoredParamChanges());
            summary.put("finalValue", finalValue);
            summary.put("pnl", pnl);
            summary.put("digest", result.digest());
            summary.put("journal", inDir.toString());
            summary.put("outJournal", outDir.toString());
            summary.put("eventsPerSec", eventsPerSec);
            if (VenueSettings.LOCAL.equals(venueSettings.name()))
            {
                summary.put("backtestCommand", backtest);
            }
            summary.put("replayCommand", Launcher.command() + " replay --journal " + inDir);
            summary.put("positionQty", FixedPoint.format(result.position(), result.qtyScale()));
            // One entry per traded market, in instrument-id order (the top-level positionQty is the first one's).
            final ArrayNode instruments = summary.putArray("instruments");
            boolean flat = true;
            for (int i = 0; i < engine.symbols().size(); i++)
            {
                instruments.addObject().put("symbol", engine.symbols().get(i))
                    .put("positionQty", FixedPoint.format(result.position(i), result.qtyScale(i)));
                flat &= result.position(i) == 0;
            }
            summary.put("cash", FixedPoint.format(result.finalCash(), FixedPoint.MONEY_SCALE));
            summary.put("ordersInFlight", result.ordersInFlight().length);
            summary.put("recovered", recovery != null && recovery.recovered());
            final ObjectNode reconciliation = summary.putObject("reconciliation");
            reconciliation.put("ordersQueried", recovery != null ? recovery.ordersQueried() : 0);
            reconciliation.put("fillsRecovered", recovery != null ? recovery.fillsRecovered() : 0);
            reconciliation.put("mismatches", recovery != null ? recovery.mismatches() : 0);
            // Written only on the orderly way out: a killed engine leaves the previous run's file (or none) behind.
            summary.put("endedCleanly", true);
            summary.put("stoppedBy", stoppedBy);
            // What the orderly stop did with resting limit orders (the same choice is in the journaled HALT).
            summary.put("restingOrdersAtStop", settings.cancelRestingAtStop() ? EngineContext.CANCEL_RESTING : EngineContext.KEEP_RESTING);
            unresolvedOrders.forEach(summary.putArray("unresolvedOrders")::add);
            // A session ends when a process leaves it flat with nothing in flight, unless its reconciliation halted it:
            // then it stays in progress, halted, until an operator resumes it.
            if (venueAccount && flat && result.ordersInFlight().length == 0 && !recovery.halted())
            {
                CurrentSession.clear(settings.varDir());
            }
            writeAtomically(settings.varDir().resolve("last-run.json"), summary);
            report.println("  summary     " + settings.varDir().resolve("last-run.json"));
            if (jsonLog)
            {
                SummaryEvent.log(String.format("run ended: %d events, %d orders, %d fills, PnL %s, digest %s", result.events(),
                    result.orders(), result.fills(), pnl, result.digest()), summary);
            }
            return 0;
        }
        finally
        {
            if (ops != null)
            {
                ops.close();
            }
        }
    }

    /** The exchange simulator in-process on loopback, playing the configured feed; traded over real sockets with a one-run key. */
    private static LiveSession.Outcome runOnSimulator(
        final RunSettings settings, final Map<String, MarketSeries> feeds, final AdminSchedule admin, final StopSignal stop,
        final Path inDir, final Path outDir, final PrintWriter out, final OpsService ops) throws InterruptedException
    {
        // The simulator's own log goes beside the journals, not between the progress lines.
        final Path simLogFile = inDir.getParent().resolve("sim-exchange.log");
        try (PrintStream simLog = new PrintStream(Files.newOutputStream(simLogFile), true, StandardCharsets.UTF_8))
        {
            out.printf("  sim log     %s%n", simLogFile);
            return runOnSimulator(settings, feeds, admin, stop, inDir, outDir, out, ops, simLog);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot write the simulator's log " + simLogFile, ex);
        }
    }

    private static LiveSession.Outcome runOnSimulator(
        final RunSettings settings, final Map<String, MarketSeries> feeds, final AdminSchedule admin, final StopSignal stop,
        final Path inDir, final Path outDir, final PrintWriter out, final OpsService ops, final PrintStream simLog)
        throws InterruptedException
    {
        final VenueSettings venue = settings.venue();
        settings.engine().stageProbe(ops.stageProbe());
        final SecureRandom random = new SecureRandom();
        final String accessKey = "qts-run-" + Long.toHexString(random.nextLong());
        final byte[] secretKey = new byte[32];
        random.nextBytes(secretKey);
        final SimSettings simSettings = new SimSettings()
            .speed(venue.simSpeed())
            .autoPlay(false)
            .feeRate(new BigDecimal(settings.session().commission()))
            .key(accessKey, secretKey)
            .initialBalance("KRW", new BigDecimal(settings.session().cash()))
            .log(SimSettings.stderr(simLog));
        try (ExchangeSimulator simulator = ExchangeSimulator.of(feeds, simSettings))
        {
            final int port = simulator.start(0);
            final long bars = feeds.values().stream().mapToLong(MarketSeries::size).sum();
            out.printf("  exchange simulator on 127.0.0.1:%d: %d trades from %s at %s trades/s%n", port, bars * 4L,
                settings.feed(), venue.simSpeed());
            final LiveSession.Venue endpoints = new LiveSession.Venue("the simulator",
                URI.create("ws://127.0.0.1:" + port + ExchangeSimulator.PUBLIC_PATH),
                URI.create("ws://127.0.0.1:" + port + ExchangeSimulator.PRIVATE_PATH),
                URI.create("http://127.0.0.1:" + port),
                venue.paper() ? null : new UpbitAuth(accessKey, secretKey), venue.staleAfterMs());
            final long deadlineNs = deadline(venue);
            return LiveSession.run(settings, endpoints, venue.paper(), venue.markets(settings.session().symbol()), admin,
                () -> playOnceSubscribed(simulator), () -> simulator.finished() || System.nanoTime() >= deadlineNs, stop, inDir, outDir,
                out, VENUE_LOG, ops, LiveSession.StartUp.NONE);
        }
    }

    /** Starts the tape once the session's market-data subscription has reached the simulator, so no trade is played to nobody. */
    private static void playOnceSubscribed(final ExchangeSimulator simulator)
    {
        final long deadlineNs = System.nanoTime() + 10_000_000_000L;
        while (simulator.publicSubscribers() == 0 && System.nanoTime() < deadlineNs)
        {
            LockSupport.parkNanos(1_000_000L);
        }
        simulator.play();
    }

    /** venue.foreignActivity: halt (default) or report. */
    private static String foreignActivity(final QtsConfig config)
    {
        final String value = config.get("venue.foreignActivity", SessionRecovery.HALT).trim();
        if (!SessionRecovery.HALT.equals(value) && !SessionRecovery.REPORT.equals(value))
        {
            throw new UserError("config key 'venue.foreignActivity' must be halt or report, got '" + value + "' (from "
                + config.source("venue.foreignActivity") + ")");
        }
        return value;
    }

    /** The real venue (or a standalone simulator at venue.restUrl): until the configured duration has passed or Ctrl-C. */
    private static LiveSession.Outcome runOnUpbit(
        final RunSettings settings, final UpbitAuth keys, final AdminSchedule admin, final StopSignal stop, final Path inDir,
        final Path outDir, final PrintWriter out, final OpsService ops, final LiveSession.StartUp startUp) throws InterruptedException
    {
        final VenueSettings venue = settings.venue();
        settings.engine().stageProbe(ops.stageProbe());
        out.printf("  Upbit at %s and %s, %s%n", venue.rest(), venue.websocket(),
            venue.durationSeconds() > 0 ? "for " + venue.durationSeconds() + " s" : "until Ctrl-C");
        final long deadlineNs = deadline(venue);
        return LiveSession.run(settings, new LiveSession.Venue("Upbit", venue.websocket(), venue.privateWebsocket(), venue.rest(),
            keys, venue.staleAfterMs()), venue.paper(), venue.markets(settings.session().symbol()), admin, () -> { },
            () -> System.nanoTime() >= deadlineNs, stop, inDir, outDir, out, VENUE_LOG, ops, startUp);
    }

    private static long deadline(final VenueSettings venue)
    {
        final long now = System.nanoTime();
        final long durationNs = venue.durationSeconds() * 1_000_000_000L;
        // Saturating: a deadline past the clock's range never comes, instead of wrapping to one already passed.
        return venue.durationSeconds() == 0 || now > Long.MAX_VALUE - durationNs ? Long.MAX_VALUE : now + durationNs;
    }

    /**
     * One feed per market of run.symbol: run.feed names one file per market, the i-th for the i-th market as run.symbol
     * lists them (see {@link QtsConfig#paths}), or the sample inside the jar for the embedded config's one market.
     */
    private static Map<String, MarketSeries> readFeeds(final RunSettings settings, final QtsConfig loaded)
    {
        final List<String> markets = RunMarkets.given(loaded.get("run.symbol"), loaded.source("run.symbol"));
        // As many files as markets: checked with run.symbol (RunSettings).
        final List<Path> files = loaded.paths("run.feed");
        final Map<String, MarketSeries> feeds = new TreeMap<>();
        if (files != null)
        {
            for (int i = 0; i < markets.size(); i++)
            {
                feeds.put(markets.get(i), MarketDataFile.read(files.get(i), settings.feedFormat(), markets.get(i)));
            }
            return feeds;
        }
        feeds.put(markets.get(0), readEmbeddedFeed(settings));
        return feeds;
    }

    /** The sample inside the jar that the embedded config names. */
    private static MarketSeries readEmbeddedFeed(final RunSettings settings)
    {
        final String resource = RunSettings.EMBEDDED_PREFIX + settings.feed();
        Path copy = null;
        try (InputStream in = RunCommand.class.getResourceAsStream(resource))
        {
            if (in == null)
            {
                throw new UserError("the embedded configuration names feed '" + settings.feed() + "', which is not in the jar");
            }
            copy = Files.createTempFile("qts-feed-", "-" + Path.of(settings.feed()).getFileName());
            Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            return MarketDataFile.read(copy, settings.feedFormat(), settings.engine().symbol());
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot read the embedded sample feed " + resource, ex);
        }
        finally
        {
            deleteQuietly(copy);
        }
    }

    private static void deleteQuietly(final Path file)
    {
        if (file != null)
        {
            try
            {
                Files.deleteIfExists(file);
            }
            catch (final IOException ignored)
            {
                // A temporary copy left behind is harmless; the run's outcome does not depend on it.
            }
        }
    }

    /** Creates {@code parent/name}, or {@code name-2}, {@code name-3}... when taken: atomic, so no two runs share one. */
    private static Path uniqueDir(final Path parent, final String name)
    {
        try
        {
            Files.createDirectories(parent);
            for (int n = 1; ; n++)
            {
                final Path dir = parent.resolve(n == 1 ? name : name + "-" + n);
                try
                {
                    return Files.createDirectory(dir);
                }
                catch (final FileAlreadyExistsException taken)
                {
                    // Another run of this second in this process: try the next suffix.
                }
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot create a run directory in " + parent, ex);
        }
    }

    private static String backtestCommand(final SessionSettings session, final Path inDir, final Path outDir)
    {
        final StringBuilder command = new StringBuilder(Launcher.command() + " backtest --journal ").append(inDir)
            .append(" --strategy ").append(session.strategy());
        session.params().forEach((k, v) -> command.append(" --param ").append(k).append('=').append(v));
        command.append(" --size ").append(session.size())
            .append(" --cash ").append(session.cash())
            .append(" --commission ").append(session.commission())
            .append(" --max-position ").append(session.maxPositionQty())
            .append(" --max-order-notional ").append(session.maxOrderNotional())
            .append(" --engine-id ").append(session.engineId());
        // The windows' own spaces are dropped: the command is one line of space-separated words.
        session.risk().forEach((k, v) -> command.append(" --risk ").append(k).append('=').append(v.replaceAll("\\s", "")));
        return command
            .append(" --out ").append(outDir)
            .toString();
    }

    private static void writeAtomically(final Path file, final ObjectNode json)
    {
        try
        {
            Files.createDirectories(file.getParent());
            final Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            final DefaultPrettyPrinter printer = new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"));
            Files.writeString(tmp, new ObjectMapper().writer(printer).writeValueAsString(json) + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot write " + file, ex);
        }
    }
}
