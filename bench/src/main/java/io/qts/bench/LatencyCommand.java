package io.qts.bench;

import io.qts.engine.EngineContext;
import io.qts.engine.pipeline.WaitStrategies;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code latency}: tick-to-order latency at a fixed offered rate, against an ABQ baseline and a no-op Disruptor floor. */
@Command(
    name = "latency",
    description = "Tick-to-order latency from each trade's planned send time (no coordinated omission), at a fixed "
        + "offered rate; the same feed through an ArrayBlockingQueue baseline and a no-op Disruptor consumer (the floor).")
final class LatencyCommand implements Callable<Integer>
{
    static final long MAX_RATE_HZ = 10_000_000L;
    static final int MAX_SECONDS = 3_600;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT);

    @Spec
    CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Option(names = "--rate", defaultValue = "100000", paramLabel = "EVENTS_PER_S",
        description = "Offered rate of trades per second (default: ${DEFAULT-VALUE}).")
    long rateHz;

    @Option(names = "--seconds", defaultValue = "20", paramLabel = "S",
        description = "Measured seconds per series (default: ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--warm-up", defaultValue = "1000000", paramLabel = "TRADES",
        description = "Trades sent at the offered rate before each series is measured, enough for the order path to be "
            + "compiled; then the harness waits until the JIT has been quiet for 1 s. 0 measures cold, at once (default: ${DEFAULT-VALUE}).")
    long warmUpTrades;

    @Option(names = "--wait-strategy", defaultValue = "yielding", paramLabel = "busy-spin|yielding|sleeping|blocking",
        description = "How the engine thread waits for inputs (default: ${DEFAULT-VALUE}, the engine's).")
    String waitStrategy;

    @Option(names = "--topology", defaultValue = EngineContext.CHAIN, paramLabel = "chain|parallel",
        description = "The engine's thread layout (default: ${DEFAULT-VALUE}).")
    String topology;

    @Option(names = "--cpu-affinity", defaultValue = EngineContext.NO_AFFINITY, paramLabel = "none|ID[,ID...]",
        description = "CPU ids for the engine threads (default: ${DEFAULT-VALUE}).")
    String cpuAffinity;

    @Option(names = "--ring-size", defaultValue = "4096", paramLabel = "N",
        description = "Slots of the inbound ring, a power of two from 64 to 262144 (default: ${DEFAULT-VALUE}).")
    int ringSize;

    @Option(names = "--out", paramLabel = "DIR",
        description = "Where the results go (default: bench/results/latency-<UTC time>/ under the QTS home).")
    Path out;

    @Option(names = "--dir", paramLabel = "DIR",
        description = "Where the journals are written: a fresh subdirectory of DIR, deleted at the end (default: the system temp dir).")
    Path dir;

    @Override
    public Integer call() throws Exception
    {
        final LatencySettings settings = validated();
        final PrintWriter stdout = spec.commandLine().getOut();
        final LatencyReport report = new LatencyBenchmark(settings, spec.commandLine().getErr()).run();
        report.write(settings.out());
        stdout.print(report.table());
        stdout.println("results: " + settings.out());
        stdout.flush();
        return 0;
    }

    private LatencySettings validated()
    {
        if (rateHz < 1 || rateHz > MAX_RATE_HZ)
        {
            throw bad(String.format(Locale.ROOT, "--rate must be 1 to %,d, got %d", MAX_RATE_HZ, rateHz));
        }
        if (seconds < 1 || seconds > MAX_SECONDS)
        {
            throw bad("--seconds must be 1 to " + MAX_SECONDS + ", got " + seconds);
        }
        if (warmUpTrades < 0 || warmUpTrades > MAX_RATE_HZ * MAX_SECONDS)
        {
            throw bad(String.format(Locale.ROOT, "--warm-up must be 0 to %,d trades, got %d", MAX_RATE_HZ * MAX_SECONDS, warmUpTrades));
        }
        if (!WaitStrategies.NAMES.contains(waitStrategy))
        {
            throw bad("--wait-strategy must be one of " + String.join(", ", WaitStrategies.NAMES) + ", got '" + waitStrategy + "'");
        }
        if (ringSize < 64 || ringSize > ThroughputCommand.MAX_RING_SIZE || Integer.bitCount(ringSize) != 1)
        {
            throw bad("--ring-size must be a power of two from 64 to " + ThroughputCommand.MAX_RING_SIZE + ", got " + ringSize);
        }
        final LatencySettings settings = new LatencySettings(
            rateHz, seconds, warmUpTrades, waitStrategy, topology, cpuAffinity, ringSize, out != null ? out : defaultOut(), dir);
        try
        {
            settings.engineContext(new LatencyProbe());
        }
        catch (final IllegalArgumentException ex)
        {
            throw bad(ex.getMessage().replace("engine.topology", "--topology").replace("engine.cpuAffinity", "--cpu-affinity"));
        }
        return settings;
    }

    /** bench/results/latency-<UTC time>/ under the repository root (bin/qts passes it as qts.home). */
    private static Path defaultOut()
    {
        final Path home = Path.of(System.getProperty("qts.home", "."));
        return home.resolve("bench").resolve("results").resolve("latency-" + STAMP.format(ZonedDateTime.now(ZoneOffset.UTC)));
    }

    private ParameterException bad(final String message)
    {
        return new ParameterException(spec.commandLine(), message);
    }
}
