package io.qts.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.qts.engine.pipeline.StageProbe;
import org.HdrHistogram.Histogram;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The three series of one latency run as a table for people and as files: summary.json, one .hgrm
 * percentile distribution per histogram (in microseconds) and latency.svg.
 */
final class LatencyReport
{
    private static final double NS_PER_US = 1000.0;
    private static final double[] PERCENTILES = {50, 90, 99, 99.9, 99.99};

    private final LatencySettings settings;
    private final EngineLatencyRun.Result engine;
    private final AbqLatencyRun.Result abq;
    private final FloorLatencyRun.Result floor;
    private final FloorLatencyRun.Result journalFloor;
    private final JournalDisk journalDisk;

    LatencyReport(
        final LatencySettings settings, final EngineLatencyRun.Result engine, final AbqLatencyRun.Result abq,
        final FloorLatencyRun.Result floor, final FloorLatencyRun.Result journalFloor, final JournalDisk journalDisk)
    {
        this.settings = settings;
        this.engine = engine;
        this.abq = abq;
        this.floor = floor;
        this.journalFloor = journalFloor;
        this.journalDisk = journalDisk;
    }

    private static double us(final Histogram histogram, final double percentile)
    {
        return histogram.getValueAtPercentile(percentile) / NS_PER_US;
    }

    private static double maxUs(final Histogram histogram)
    {
        return histogram.getMaxValue() / NS_PER_US;
    }

    private static double ratio(final double numerator, final double denominator)
    {
        return denominator <= 0 ? 0 : numerator / denominator;
    }

    double orderFraction()
    {
        return ratio(engine.probe().tickToOrder.getTotalCount(), engine.window().events());
    }

    String table()
    {
        final StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "latency (us) from the planned send time; %,d Hz offered for %d s after a %,d-trade warm-up%n",
            settings.rateHz(), settings.seconds(), settings.warmUpEvents()));
        out.append(String.format(Locale.ROOT, "%-34s %10s %9s %9s %9s %9s %9s %10s%n",
            "series", "count", "p50", "p90", "p99", "p99.9", "p99.99", "max"));
        row(out, "engine tick-to-order", engine.probe().tickToOrder);
        row(out, "abq tick-to-order", abq.probe().tickToOrder);
        row(out, "floor (no-op Disruptor consumer)", floor.histogram());
        row(out, "journal floor (consumer appends)", journalFloor.histogram());
        row(out, "journal floor, the append itself", journalFloor.appendHistogram());
        for (int stage = 0; stage < StageProbe.STAGE_COUNT; stage++)
        {
            row(out, "engine, end of " + StageProbe.name(stage), engine.probe().stages[stage]);
        }
        final Histogram engineOrders = engine.probe().tickToOrder;
        final Histogram abqOrders = abq.probe().tickToOrder;
        out.append(String.format(Locale.ROOT, "abq / engine: p50 %.1fx, p99 %.1fx; engine / floor: p50 %.1fx, p99 %.1fx%n",
            ratio(us(abqOrders, 50), us(engineOrders, 50)), ratio(us(abqOrders, 99), us(engineOrders, 99)),
            ratio(us(engineOrders, 50), us(floor.histogram(), 50)), ratio(us(engineOrders, 99), us(floor.histogram(), 99))));
        out.append(String.format(Locale.ROOT, "engine / floor: p99.9 %.1fx, p99.99 %.1fx; journal floor / floor: p99.9 %.1fx, p99.99 %.1fx%n",
            ratio(us(engineOrders, 99.9), us(floor.histogram(), 99.9)), ratio(us(engineOrders, 99.99), us(floor.histogram(), 99.99)),
            ratio(us(journalFloor.histogram(), 99.9), us(floor.histogram(), 99.9)),
            ratio(us(journalFloor.histogram(), 99.99), us(floor.histogram(), 99.99))));
        out.append(String.format(Locale.ROOT, "rate: offered %,d Hz; achieved engine %,.0f Hz, abq %,.0f Hz, floor %,.0f Hz, "
            + "journal floor %,.0f Hz%n", settings.rateHz(), engine.window().achievedRateHz(), abq.window().achievedRateHz(),
            floor.window().achievedRateHz(), journalFloor.window().achievedRateHz()));
        out.append(String.format(Locale.ROOT, "trades measured %,d; orders %,d (%.2f %% of trades); engine inputs %,d in all%n",
            engine.window().events(), engineOrders.getTotalCount(), 100 * orderFraction(), engine.engine().events()));
        out.append(String.format(Locale.ROOT, "GC during the engine's measured part: %d collections, %d ms%n",
            engine.gc().count(), engine.gc().pauseMs()));
        if (!jitQuiet())
        {
            out.append(String.format(Locale.ROOT, "note: the JIT was still compiling %d s after a warm-up; try a longer --warm-up%n",
                JitQuiet.MAX_WAIT_NS / 1_000_000_000L));
        }
        out.append(String.format(Locale.ROOT, "JDK %s; wait strategy %s; topology %s; CPU affinity %s; %d CPUs%n",
            Runtime.version(), settings.waitStrategy(), settings.topology(), settings.cpuAffinity(),
            Runtime.getRuntime().availableProcessors()));
        out.append(String.format(Locale.ROOT, "journals: %s%n", journalDisk.describe()));
        return out.toString();
    }

    private static void row(final StringBuilder out, final String name, final Histogram histogram)
    {
        out.append(String.format(Locale.ROOT, "%-34s %,10d", name, histogram.getTotalCount()));
        for (final double percentile : PERCENTILES)
        {
            out.append(String.format(Locale.ROOT, " %9.1f", us(histogram, percentile)));
        }
        out.append(String.format(Locale.ROOT, " %10.1f%n", maxUs(histogram)));
    }

    private boolean jitQuiet()
    {
        return engine.window().jitQuiet() && abq.window().jitQuiet() && floor.window().jitQuiet()
            && journalFloor.window().jitQuiet();
    }

    Map<String, Object> summary()
    {
        final Histogram orders = engine.probe().tickToOrder;
        final Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("offeredRate", settings.rateHz());
        summary.put("achievedRate", Math.round(engine.window().achievedRateHz()));
        summary.put("seconds", settings.seconds());
        summary.put("events", engine.window().events());
        summary.put("orders", orders.getTotalCount());
        summary.put("orderFraction", orderFraction());
        summary.put("p50Us", us(orders, 50));
        summary.put("p90Us", us(orders, 90));
        summary.put("p99Us", us(orders, 99));
        summary.put("p999Us", us(orders, 99.9));
        summary.put("p9999Us", us(orders, 99.99));
        summary.put("maxUs", maxUs(orders));
        summary.put("gcCount", engine.gc().count());
        summary.put("gcPauseMs", engine.gc().pauseMs());
        summary.put("warmUpTrades", settings.warmUpEvents());
        summary.put("jitQuietBeforeMeasuring", jitQuiet());
        summary.put("abqP50Us", us(abq.probe().tickToOrder, 50));
        summary.put("abqP99Us", us(abq.probe().tickToOrder, 99));
        summary.put("abqMaxUs", maxUs(abq.probe().tickToOrder));
        summary.put("abqAchievedRate", Math.round(abq.window().achievedRateHz()));
        summary.put("abqOverEngineP50", ratio(us(abq.probe().tickToOrder, 50), us(orders, 50)));
        summary.put("abqOverEngineP99", ratio(us(abq.probe().tickToOrder, 99), us(orders, 99)));
        summary.put("floorP50Us", us(floor.histogram(), 50));
        summary.put("floorP99Us", us(floor.histogram(), 99));
        summary.put("floorP999Us", us(floor.histogram(), 99.9));
        summary.put("floorP9999Us", us(floor.histogram(), 99.99));
        summary.put("floorMaxUs", maxUs(floor.histogram()));
        summary.put("floorAchievedRate", Math.round(floor.window().achievedRateHz()));
        summary.put("engineOverFloorP999", ratio(us(orders, 99.9), us(floor.histogram(), 99.9)));
        summary.put("engineOverFloorP9999", ratio(us(orders, 99.99), us(floor.histogram(), 99.99)));
        summary.put("journalFloorP50Us", us(journalFloor.histogram(), 50));
        summary.put("journalFloorP99Us", us(journalFloor.histogram(), 99));
        summary.put("journalFloorP999Us", us(journalFloor.histogram(), 99.9));
        summary.put("journalFloorP9999Us", us(journalFloor.histogram(), 99.99));
        summary.put("journalFloorMaxUs", maxUs(journalFloor.histogram()));
        summary.put("journalFloorAchievedRate", Math.round(journalFloor.window().achievedRateHz()));
        summary.put("journalAppendP50Us", us(journalFloor.appendHistogram(), 50));
        summary.put("journalAppendP99Us", us(journalFloor.appendHistogram(), 99));
        summary.put("journalAppendP999Us", us(journalFloor.appendHistogram(), 99.9));
        summary.put("journalAppendP9999Us", us(journalFloor.appendHistogram(), 99.99));
        summary.put("journalAppendMaxUs", maxUs(journalFloor.appendHistogram()));
        final Map<String, Object> stages = new LinkedHashMap<>();
        for (int stage = 0; stage < StageProbe.STAGE_COUNT; stage++)
        {
            final Histogram histogram = engine.probe().stages[stage];
            final Map<String, Object> percentiles = new LinkedHashMap<>();
            percentiles.put("p50Us", us(histogram, 50));
            percentiles.put("p99Us", us(histogram, 99));
            percentiles.put("p999Us", us(histogram, 99.9));
            percentiles.put("p9999Us", us(histogram, 99.99));
            percentiles.put("maxUs", maxUs(histogram));
            stages.put(StageProbe.name(stage), percentiles);
        }
        summary.put("stages", stages);
        summary.put("waitStrategy", settings.waitStrategy());
        summary.put("topology", settings.topology());
        summary.put("cpuAffinity", settings.cpuAffinity());
        summary.put("cpus", Runtime.getRuntime().availableProcessors());
        summary.put("jdk", Runtime.version().toString());
        summary.put("journalDevice", journalDisk.device());
        summary.put("journalReadAheadKb", journalDisk.readAheadKb());
        return summary;
    }

    /** Writes every file of the run into {@code dir}, creating it. */
    void write(final Path dir)
    {
        try
        {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("summary.json"),
                new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(summary()) + "\n");
            hgrm(dir.resolve("engine.hgrm"), engine.probe().tickToOrder);
            hgrm(dir.resolve("abq.hgrm"), abq.probe().tickToOrder);
            hgrm(dir.resolve("floor.hgrm"), floor.histogram());
            hgrm(dir.resolve("journal-floor.hgrm"), journalFloor.histogram());
            hgrm(dir.resolve("journal-append.hgrm"), journalFloor.appendHistogram());
            for (int stage = 0; stage < StageProbe.STAGE_COUNT; stage++)
            {
                hgrm(dir.resolve("stage-" + StageProbe.name(stage) + ".hgrm"), engine.probe().stages[stage]);
            }
            Files.writeString(dir.resolve("latency.svg"), PercentilePlot.svg(
                String.format(Locale.ROOT, "tick-to-order at %,d Hz (%s, %s)", settings.rateHz(), settings.waitStrategy(), settings.topology()),
                List.of(new PercentilePlot.Series("engine", engine.probe().tickToOrder),
                    new PercentilePlot.Series("abq", abq.probe().tickToOrder),
                    new PercentilePlot.Series("floor", floor.histogram()),
                    new PercentilePlot.Series("journal floor", journalFloor.histogram()))));
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot write the results to " + dir, ex);
        }
    }

    /** HdrHistogram's own percentile distribution format, values in microseconds. */
    private static void hgrm(final Path file, final Histogram histogram) throws IOException
    {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream print = new PrintStream(bytes, true, StandardCharsets.UTF_8))
        {
            histogram.outputPercentileDistribution(print, NS_PER_US);
        }
        Files.write(file, bytes.toByteArray());
    }
}
