package io.qts.bench;

import io.qts.engine.EngineResult;
import io.qts.journal.Sources;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The measured rounds as a table for people and one JSON line for tools, plus the check that all
 * engines decided the same. With several rounds each rate is their median, and the allocation their
 * largest.
 */
final class ThroughputReport
{
    private final ThroughputSettings settings;
    private final SyntheticTrades.Recording recording;
    private final List<ThroughputBenchmark.Round> rounds;
    private final List<String> mismatches = new ArrayList<>();

    ThroughputReport(
        final ThroughputSettings settings, final SyntheticTrades.Recording recording, final List<ThroughputBenchmark.Round> rounds)
    {
        this.settings = settings;
        this.recording = recording;
        this.rounds = List.copyOf(rounds);
        for (final ThroughputBenchmark.Round round : rounds)
        {
            check(round);
        }
    }

    private void check(final ThroughputBenchmark.Round round)
    {
        final EngineResult pipeline = round.pipeline().result();
        compare("pipeline", pipeline, "ABQ pipeline", round.abq().result());
        compare("pipeline", pipeline, "replay", round.replay().result());
        compare("pipeline", pipeline, "recording run", recording.result());
        for (int i = 0; i < round.otherPipelines().size(); i++)
        {
            compare("pipeline", pipeline, "pipeline (" + otherTopology(i) + ")", round.otherPipelines().get(i).result());
        }
        if (round.pipeline().ordersTaken() != pipeline.orders())
        {
            mismatches.add("pipeline sent " + pipeline.orders() + " orders but the outbound ring gave " + round.pipeline().ordersTaken());
        }
        if (pipeline.rejectedOrders() != 0)
        {
            mismatches.add("pipeline rejected " + pipeline.rejectedOrders() +
                " orders (OUTBOUND_FULL: the outbound ring was not drained in time)");
        }
    }

    private void compare(final String name, final EngineResult result, final String otherName, final EngineResult other)
    {
        if (!result.digest().equals(other.digest()) || result.orders() != other.orders())
        {
            mismatches.add(String.format(Locale.ROOT, "%s and %s decided differently: digest %s with %d orders vs %s with %d orders",
                name, otherName, result.digest(), result.orders(), other.digest(), other.orders()));
        }
    }

    boolean digestsMatch()
    {
        return mismatches.isEmpty();
    }

    /** One line per disagreement; empty when all runs decided the same. */
    List<String> mismatches()
    {
        return mismatches;
    }

    double pipelineEventsPerSec()
    {
        return median(ThroughputBenchmark.Round::pipeline);
    }

    double rawAppendEventsPerSec()
    {
        return median(ThroughputBenchmark.Round::rawAppend);
    }

    double rawBatchedAppendEventsPerSec()
    {
        return median(ThroughputBenchmark.Round::rawBatchedAppend);
    }

    double abqPipelineEventsPerSec()
    {
        return median(ThroughputBenchmark.Round::abq);
    }

    double replayEventsPerSec()
    {
        return median(ThroughputBenchmark.Round::replay);
    }

    /** The largest over the rounds; -1 if the JVM cannot measure it. */
    double allocBytesPerEvent()
    {
        return mostAllocating().allocBytesPerEvent();
    }

    private ThroughputBenchmark.Round mostAllocating()
    {
        ThroughputBenchmark.Round most = rounds.get(0);
        for (final ThroughputBenchmark.Round round : rounds)
        {
            if (round.allocBytesPerEvent() > most.allocBytesPerEvent())
            {
                most = round;
            }
        }
        return most;
    }

    double pipelineVsRawAppendPct()
    {
        return 100.0 * pipelineEventsPerSec() / rawAppendEventsPerSec();
    }

    /** Against the ceiling of a journal written in batches as the engine's journal stage writes a backlog. */
    double pipelineVsRawBatchedAppendPct()
    {
        return 100.0 * pipelineEventsPerSec() / rawBatchedAppendEventsPerSec();
    }

    private String otherTopology(final int index)
    {
        return settings.topologies().get(index + 1);
    }

    private double otherPipelineEventsPerSec(final int index)
    {
        return median(round -> round.otherPipelines().get(index));
    }

    double pipelineVsAbq()
    {
        return pipelineEventsPerSec() / abqPipelineEventsPerSec();
    }

    String table()
    {
        final EncodedInputs inputs = recording.inputs();
        final ThroughputBenchmark.Round last = rounds.get(rounds.size() - 1);
        final EngineResult pipeline = last.pipeline().result();
        final StringBuilder out = new StringBuilder(1024);
        line(out, "QTS throughput: %,d inputs (%,d instrument, %,d trades, %,d venue answers), wait strategy %s, "
            + "topology %s, ring %,d, journal sync %s", inputs.count(), inputs.countOf(Sources.REFERENCE),
            inputs.countOf(Sources.MARKET_DATA), inputs.countOf(Sources.VENUE), settings.waitStrategy(),
            String.join(" and ", settings.topologies()),
            settings.ringSize(), settings.journalSync());
        line(out, "JDK %s (%s), %d CPUs, %d measured round%s after a warm-up round", jdk(), System.getProperty("java.vm.name"),
            cpus(), rounds.size(), rounds.size() == 1 ? "" : "s (median, and the range)");
        line(out, "");
        line(out, "%-44s %14s", "run", "events/s");
        row(out, "pipeline (" + settings.topologies().get(0) + "): ring, journal, stages", ThroughputBenchmark.Round::pipeline);
        for (int i = 0; i < settings.topologies().size() - 1; i++)
        {
            final int index = i;
            row(out, "pipeline (" + otherTopology(i) + "): ring, journal, stages", round -> round.otherPipelines().get(index));
        }
        row(out, "raw journal append, one thread", ThroughputBenchmark.Round::rawAppend);
        row(out, "raw journal append, batches of " + RawAppendRun.ENGINE_BATCH, ThroughputBenchmark.Round::rawBatchedAppend);
        row(out, "ABQ + inline stages + journal", ThroughputBenchmark.Round::abq);
        row(out, "replay: backtest over the pipeline journal", ThroughputBenchmark.Round::replay);
        line(out, "");
        line(out, "%-44s %12.1f %%", "pipeline (" + settings.topologies().get(0) + ") / raw append", pipelineVsRawAppendPct());
        for (int i = 0; i < settings.topologies().size() - 1; i++)
        {
            line(out, "%-44s %12.1f %%", "pipeline (" + otherTopology(i) + ") / raw append",
                100.0 * otherPipelineEventsPerSec(i) / rawAppendEventsPerSec());
        }
        line(out, "%-44s %12.1f %%", "pipeline (" + settings.topologies().get(0) + ") / raw batched append",
            pipelineVsRawBatchedAppendPct());
        line(out, "%-44s %12.2f x", "pipeline / ABQ", pipelineVsAbq());
        if (allocBytesPerEvent() < 0)
        {
            line(out, "%-44s %14s", "engine threads allocation", "n/a");
        }
        else
        {
            final ThroughputBenchmark.Round most = mostAllocating();
            line(out, "%-44s %14.4f bytes/event (%,d bytes over %,d events)", "engine threads allocation",
                most.allocBytesPerEvent(), most.allocatedBytes(), most.allocationEvents());
        }
        line(out, "%-44s %,14d (fills %,d, taken off the outbound ring %,d)", "orders", pipeline.orders(), pipeline.fills(),
            last.pipeline().ordersTaken());
        line(out, "%-44s %s", "decisions (digest, orders)", digestsMatch() ?
            "match: pipeline" + (settings.topologies().size() > 1 ? "s" : "") + " = ABQ = replay = recording ("
                + pipeline.digest().substring(0, 16) + "...)" : "MISMATCH");
        return out.toString();
    }

    /** One JSON object on one line; written by hand, the values are numbers, booleans and plain strings. */
    String json()
    {
        final StringBuilder out = new StringBuilder(512);
        out.append('{');
        field(out, "pipelineEventsPerSec", Math.round(pipelineEventsPerSec()));
        field(out, "rawAppendEventsPerSec", Math.round(rawAppendEventsPerSec()));
        field(out, "rawBatchedAppendEventsPerSec", Math.round(rawBatchedAppendEventsPerSec()));
        field(out, "abqPipelineEventsPerSec", Math.round(abqPipelineEventsPerSec()));
        field(out, "replayEventsPerSec", Math.round(replayEventsPerSec()));
        field(out, "allocBytesPerEvent", String.format(Locale.ROOT, "%.4f", allocBytesPerEvent()), false);
        field(out, "pipelineVsRawAppendPct", String.format(Locale.ROOT, "%.1f", pipelineVsRawAppendPct()), false);
        field(out, "pipelineVsRawBatchedAppendPct", String.format(Locale.ROOT, "%.1f", pipelineVsRawBatchedAppendPct()), false);
        field(out, "pipelineVsAbq", String.format(Locale.ROOT, "%.2f", pipelineVsAbq()), false);
        for (int i = 0; i < settings.topologies().size() - 1; i++)
        {
            final String name = otherTopology(i);
            field(out, name + "PipelineEventsPerSec", Math.round(otherPipelineEventsPerSec(i)));
            field(out, name + "PipelineVsRawAppendPct",
                String.format(Locale.ROOT, "%.1f", 100.0 * otherPipelineEventsPerSec(i) / rawAppendEventsPerSec()), false);
        }
        field(out, "events", recording.inputs().count());
        field(out, "orders", rounds.get(rounds.size() - 1).pipeline().result().orders());
        field(out, "digestsMatch", Boolean.toString(digestsMatch()), false);
        field(out, "waitStrategy", settings.waitStrategy(), true);
        field(out, "topology", String.join(",", settings.topologies()), true);
        field(out, "ringSize", settings.ringSize());
        field(out, "journalSync", settings.journalSync().toString(), true);
        field(out, "iterations", rounds.size());
        field(out, "jdk", jdk(), true);
        field(out, "cpus", cpus());
        out.setLength(out.length() - 1);
        out.append('}');
        return out.toString();
    }

    private double median(final Function<ThroughputBenchmark.Round, Measurement> run)
    {
        final double[] rates = rates(run);
        Arrays.sort(rates);
        final int middle = rates.length / 2;
        return rates.length % 2 == 1 ? rates[middle] : (rates[middle - 1] + rates[middle]) / 2;
    }

    private double[] rates(final Function<ThroughputBenchmark.Round, Measurement> run)
    {
        final double[] rates = new double[rounds.size()];
        for (int i = 0; i < rates.length; i++)
        {
            rates[i] = run.apply(rounds.get(i)).eventsPerSec();
        }
        return rates;
    }

    private void row(final StringBuilder out, final String name, final Function<ThroughputBenchmark.Round, Measurement> run)
    {
        if (rounds.size() == 1)
        {
            final Measurement measurement = run.apply(rounds.get(0));
            line(out, "%-44s %,14d   (%,d in %.2f s)", name, Math.round(measurement.eventsPerSec()), measurement.events(),
                measurement.elapsedNs() / 1e9);
        }
        else
        {
            final double[] rates = rates(run);
            Arrays.sort(rates);
            line(out, "%-44s %,14d   (%,d .. %,d)", name, Math.round(median(run)), Math.round(rates[0]),
                Math.round(rates[rates.length - 1]));
        }
    }

    private static String jdk()
    {
        return Runtime.version().toString();
    }

    private static int cpus()
    {
        return Runtime.getRuntime().availableProcessors();
    }

    private static void line(final StringBuilder out, final String format, final Object... args)
    {
        out.append(String.format(Locale.ROOT, format, args)).append(System.lineSeparator());
    }

    private static void field(final StringBuilder out, final String name, final long value)
    {
        field(out, name, Long.toString(value), false);
    }

    /** Appends {@code "name":value,}; a quoted value is escaped as JSON requires. */
    private static void field(final StringBuilder out, final String name, final String value, final boolean quoted)
    {
        out.append('"').append(name).append("\":");
        if (!quoted)
        {
            out.append(value).append(',');
            return;
        }
        out.append('"');
        for (int i = 0; i < value.length(); i++)
        {
            final char c = value.charAt(i);
            if (c == '"' || c == '\\')
            {
                out.append('\\').append(c);
            }
            else if (c < 0x20)
            {
                out.append(String.format(Locale.ROOT, "\\u%04x", (int)c));
            }
            else
            {
                out.append(c);
            }
        }
        out.append("\",");
    }
}
