package io.qts.adapters.cli;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qts.adapters.config.QtsConfig;
import io.qts.adapters.data.MarketDataFile;
import io.qts.adapters.data.MarketSeries;
import io.qts.adapters.run.AdminSchedule;
import io.qts.adapters.run.PaperSession;
import io.qts.adapters.run.RunSettings;
import io.qts.adapters.run.SessionSettings;
import io.qts.engine.EngineContext;
import io.qts.engine.EngineResult;
import io.qts.engine.FixedPoint;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code qts run}: the main job. With no arguments it paper-trades the bundled sample on embedded defaults. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Paper-trade a recorded feed through the live pipeline against the simulated venue.")
final class RunCommand implements Callable<Integer>
{
    private static final DateTimeFormatter RUN_ID = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    @Option(names = "--config", paramLabel = "FILE", description = "Configuration file (default: the embedded config/qts.yml).")
    private Path config;

    @Option(names = "--strategy", paramLabel = "NAME", completionCandidates = StrategyNames.class,
        description = "Overrides run.strategy: ${COMPLETION-CANDIDATES}. Another strategy than the configured one takes only --param.")
    private String strategy;

    @Option(names = "--param", paramLabel = "KEY=VALUE", description = "Override a strategy parameter (see docs/strategies.md).")
    private Map<String, String> params = new LinkedHashMap<>();

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

    @picocli.CommandLine.Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call()
    {
        final PrintWriter out = spec.commandLine().getOut();
        final QtsConfig loaded = QtsConfig.load(config, System.getenv(), overrides());
        final RunSettings settings = RunSettings.from(loaded, strategy, params, varDir);
        final EngineContext engine = settings.engine();
        final AdminSchedule adminSchedule = AdminSchedule.parse(admin, engine.strategyName());
        final String runId = "run-" + ZonedDateTime.now(ZoneOffset.UTC).format(RUN_ID);
        final Path runDir = uniqueDir(settings.varDir().resolve("journal"), runId);
        final Path inDir = runDir.resolve("in");
        final Path outDir = runDir.resolve("out");
        final MarketSeries feed = readFeed(settings);
        settings.session().writeTo(runDir);

        out.printf("QTS paper run %s: %s %s on %s, %d feed events from %s, simulated venue, wait strategy %s%n",
            runDir.getFileName(), engine.strategyName(), engine.strategyParams(), engine.symbol(), feed.size(),
            settings.feed(), engine.waitStrategy());
        final PaperSession.Outcome outcome = PaperSession.run(settings, feed, adminSchedule, inDir, outDir, out);
        final EngineResult result = outcome.result();
        final double seconds = outcome.elapsedNs() / 1e9;
        final long eventsPerSec = Math.round(result.events() / Math.max(seconds, 1e-9));
        final String finalValue = FixedPoint.format(result.finalValue(), FixedPoint.MONEY_SCALE);
        final String pnl = FixedPoint.format(result.finalValue() - engine.initialCash(), FixedPoint.MONEY_SCALE);
        final String backtest = backtestCommand(settings.session(), inDir, settings.varDir().resolve("backtest").resolve(runDir.getFileName()));

        out.println();
        out.printf("  events      %d (%d market)%n", result.events(), result.marketEvents());
        out.printf("  orders      %d, fills %d, rejected %d%n", result.orders(), result.fills(), result.rejectedOrders());
        out.printf("  final value %s (PnL %s)%n", finalValue, pnl);
        out.printf("  events/s    %d (%.3f s, paced by the simulated venue's lockstep)%n", eventsPerSec, seconds);
        out.printf("  digest      %s%n", result.digest());
        out.printf("  journal     %s (orders sent: %s)%n", inDir, outDir);
        out.printf("  reproduce   %s%n", backtest);

        final ObjectNode summary = new ObjectMapper().createObjectNode();
        summary.put("runId", runDir.getFileName().toString());
        summary.put("venue", settings.venue());
        summary.put("symbol", engine.symbol());
        summary.put("strategy", engine.strategyName());
        final ObjectNode paramsNode = summary.putObject("params");
        engine.strategyParams().forEach(paramsNode::put);
        summary.put("events", result.events());
        summary.put("orders", result.orders());
        summary.put("fills", result.fills());
        summary.put("rejectedOrders", result.rejectedOrders());
        summary.put("ordersRejectedByVenue", result.venueRejects());
        summary.put("unknownOrderEvents", result.unknownOrderEvents());
        summary.put("malformedInputs", result.malformed());
        summary.put("stateChanges", result.stateChanges());
        summary.put("ignoredParamChanges", result.ignoredParamChanges());
        summary.put("finalValue", finalValue);
        summary.put("pnl", pnl);
        summary.put("digest", result.digest());
        summary.put("journal", inDir.toString());
        summary.put("outJournal", outDir.toString());
        summary.put("eventsPerSec", eventsPerSec);
        summary.put("backtestCommand", backtest);
        summary.put("replayCommand", "bin/qts replay --journal " + inDir);
        writeAtomically(settings.varDir().resolve("last-run.json"), summary);
        out.println("  summary     " + settings.varDir().resolve("last-run.json"));
        return 0;
    }

    /** System properties, then this command's own options, which win. */
    private Map<String, String> overrides()
    {
        final Map<String, String> overrides = new LinkedHashMap<>(System.getProperties().stringPropertyNames().stream()
            .filter((k) -> k.startsWith("qts."))
            .collect(Collectors.toMap((k) -> k, System::getProperty)));
        putIfGiven(overrides, "qts.engine.waitStrategy", waitStrategy);
        putIfGiven(overrides, "qts.engine.topology", topology);
        putIfGiven(overrides, "qts.engine.cpuAffinity", cpuAffinity);
        return overrides;
    }

    private static void putIfGiven(final Map<String, String> overrides, final String key, final String value)
    {
        if (value != null)
        {
            overrides.put(key, value);
        }
    }

    /** The feed is a file next to the config, or the sample inside the jar for the embedded config. */
    private MarketSeries readFeed(final RunSettings settings)
    {
        if (config != null)
        {
            final Path base = config.toAbsolutePath().getParent();
            return MarketDataFile.read(base.resolve(settings.feed()), settings.feedFormat(), settings.engine().symbol());
        }
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

    private static Path uniqueDir(final Path parent, final String name)
    {
        Path dir = parent.resolve(name);
        for (int n = 2; Files.exists(dir); n++)
        {
            dir = parent.resolve(name + "-" + n);
        }
        return dir;
    }

    private static String backtestCommand(final SessionSettings session, final Path inDir, final Path outDir)
    {
        final StringBuilder command = new StringBuilder("bin/qts backtest --journal ").append(inDir)
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
