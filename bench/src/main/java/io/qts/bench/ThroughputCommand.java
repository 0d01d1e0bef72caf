package io.qts.bench;

import io.qts.engine.EngineContext;
import io.qts.engine.pipeline.WaitStrategies;
import io.qts.journal.JournalSync;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code throughput}: events per second through the live pipeline, against raw journal append, a naive ABQ pipeline and replay. */
@Command(
    name = "throughput",
    description = "Pipeline throughput on synthetic trades: live pipeline with journal, raw journal append, "
        + "ArrayBlockingQueue baseline, replay; plus engine-thread allocation per event.")
final class ThroughputCommand implements Callable<Integer>
{
    static final int MIN_EVENTS = 1_000;
    /** The inputs are held in one byte array (about 45 bytes each). */
    static final int MAX_EVENTS = 40_000_000;
    static final int MAX_ITERATIONS = 99;
    /** Both topologies by default from this many CPUs: the parallel one runs three engine threads beside the producer. */
    static final int BOTH_MIN_CPUS = 4;
    static final String BOTH = "both";
    /** A slot of the inbound ring can grow to a 4 KB raw area: 2^18 such slots are a 1 GB ring. */
    static final int MAX_RING_SIZE = 1 << 18;

    @Spec
    CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Option(names = "--events", defaultValue = "5000000", paramLabel = "N",
        description = "Inputs per measured run (default: ${DEFAULT-VALUE}).")
    int events;

    @Option(names = "--wait-strategy", defaultValue = "yielding", paramLabel = "busy-spin|yielding|sleeping|blocking",
        description = "How the engine thread waits for inputs (default: ${DEFAULT-VALUE}).")
    String waitStrategy;

    @Option(names = "--topology", paramLabel = "chain|parallel|both",
        description = "The pipeline's thread layout: chain (one engine thread), parallel (journal beside decode/signal, "
            + "a core per thread) or both, side by side in every round (default: both with 4 or more CPUs, else chain).")
    String topology;

    @Option(names = "--ring-size", defaultValue = "4096", paramLabel = "N",
        description = "Slots of the inbound ring, a power of two from 64 to 262144 (default: ${DEFAULT-VALUE}).")
    int ringSize;

    @Option(names = "--dir", paramLabel = "DIR",
        description = "Where the journals are written: a fresh subdirectory of DIR, deleted at the end "
            + "(default: the system temp dir).")
    Path dir;

    @Option(names = "--iterations", defaultValue = "1", paramLabel = "N",
        description = "Measured rounds after the warm-up; with more than one, rates are medians (default: ${DEFAULT-VALUE}).")
    int iterations;

    @Option(names = "--journal-sync", defaultValue = "none", paramLabel = "none|every-<N>ms|every-entry",
        description = "When the journals are forced to disk, as the journal.sync setting of run (default: ${DEFAULT-VALUE}).")
    String journalSync;

    @Option(names = "--json", description = "Print the results as one JSON object on the last line as well.")
    boolean json;

    @Override
    public Integer call() throws InterruptedException
    {
        final ThroughputSettings settings = validated();
        final PrintWriter out = spec.commandLine().getOut();
        final PrintWriter err = spec.commandLine().getErr();
        final ThroughputReport report = new ThroughputBenchmark(settings, err).run();
        out.print(report.table());
        if (json)
        {
            out.println(report.json());
        }
        out.flush();
        if (!report.digestsMatch())
        {
            for (final String mismatch : report.mismatches())
            {
                err.println("qts: error: " + mismatch);
            }
            err.flush();
            return 1;
        }
        return 0;
    }

    private ThroughputSettings validated()
    {
        if (events < MIN_EVENTS || events > MAX_EVENTS)
        {
            throw bad(String.format(Locale.ROOT, "--events must be %,d to %,d, got %d", MIN_EVENTS, MAX_EVENTS, events));
        }
        if (!WaitStrategies.NAMES.contains(waitStrategy))
        {
            throw bad("--wait-strategy must be one of " + String.join(", ", WaitStrategies.NAMES) + ", got '" + waitStrategy + "'");
        }
        if (ringSize < 64 || ringSize > MAX_RING_SIZE || Integer.bitCount(ringSize) != 1)
        {
            throw bad("--ring-size must be a power of two from 64 to " + MAX_RING_SIZE + ", got " + ringSize);
        }
        if (iterations < 1 || iterations > MAX_ITERATIONS)
        {
            throw bad("--iterations must be 1 to " + MAX_ITERATIONS + ", got " + iterations);
        }
        final JournalSync sync;
        try
        {
            sync = JournalSync.parse(journalSync);
        }
        catch (final IllegalArgumentException ex)
        {
            throw bad("--journal-sync: " + ex.getMessage());
        }
        return new ThroughputSettings(events, waitStrategy, topologies(), ringSize, dir, iterations, sync);
    }

    private List<String> topologies()
    {
        if (topology == null)
        {
            return Runtime.getRuntime().availableProcessors() >= BOTH_MIN_CPUS ? EngineContext.TOPOLOGIES : List.of(EngineContext.CHAIN);
        }
        if (BOTH.equals(topology))
        {
            return EngineContext.TOPOLOGIES;
        }
        if (!EngineContext.TOPOLOGIES.contains(topology))
        {
            throw bad("--topology must be one of " + String.join(", ", EngineContext.TOPOLOGIES) + ", " + BOTH + ", got '" + topology + "'");
        }
        return List.of(topology);
    }

    private ParameterException bad(final String message)
    {
        return new ParameterException(spec.commandLine(), message);
    }
}
