package io.qts.bench;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs the throughput measurements (the pipeline in each topology asked for, raw append one entry to a document and
 * in batches, ABQ, replay) on the same
 * pre-encoded inputs: a smaller warm-up round
 * first, whose numbers are thrown away, then the measured rounds. Each run that writes a journal gets
 * a fresh directory, deleted as soon as it is no longer needed.
 */
final class ThroughputBenchmark
{
    static final int MAX_WARM_UP_EVENTS = 1_000_000;

    private final ThroughputSettings settings;
    private final PrintWriter progress;

    ThroughputBenchmark(final ThroughputSettings settings, final PrintWriter progress)
    {
        this.settings = settings;
        this.progress = progress;
    }

    /**
     * The measurements of one round, and what the pipeline's engine threads allocated in it; {@code otherPipelines} are
     * the pipeline in the other topologies asked for, in their order.
     */
    record Round(
        Measurement pipeline, Measurement rawAppend, Measurement rawBatchedAppend, Measurement abq, Measurement replay,
        long allocatedBytes, long allocationEvents, List<Measurement> otherPipelines)
    {
        double allocBytesPerEvent()
        {
            return allocatedBytes < 0 || allocationEvents <= 0 ? -1 : (double)allocatedBytes / allocationEvents;
        }
    }

    ThroughputReport run() throws InterruptedException
    {
        progress("encoding %,d inputs (recording the session inline)", settings.events());
        final SyntheticTrades.Recording recording = SyntheticTrades.record(settings.events(), settings.engineContext());
        final EncodedInputs inputs = recording.inputs();
        try (WorkDir work = WorkDir.create(settings.dir()))
        {
            final int warmUp = Math.min(inputs.count(), MAX_WARM_UP_EVENTS);
            progress("warm-up round: %,d inputs in %s", warmUp, work.root());
            round(work, inputs, warmUp);
            final List<Round> measured = new ArrayList<>();
            for (int i = 1; i <= settings.iterations(); i++)
            {
                progress("measured round %d of %d: %,d inputs", i, settings.iterations(), inputs.count());
                measured.add(round(work, inputs, inputs.count()));
            }
            return new ThroughputReport(settings, recording, measured);
        }
    }

    /** Raw append first and the ABQ run last, so no run starts while another run's journal is still being written back. */
    private Round round(final WorkDir work, final EncodedInputs inputs, final int count) throws InterruptedException
    {
        final Path rawDir = work.fresh("raw-append");
        settle();
        final Measurement rawAppend = RawAppendRun.run(inputs, count, rawDir, settings.journalSync(), 1);
        WorkDir.delete(rawDir);

        final Path batchedDir = work.fresh("raw-batched-append");
        settle();
        final Measurement rawBatchedAppend =
            RawAppendRun.run(inputs, count, batchedDir, settings.journalSync(), RawAppendRun.ENGINE_BATCH);
        WorkDir.delete(batchedDir);

        final Path pipelineDir = work.fresh("pipeline");
        final PipelineRun pipelineRun = new PipelineRun();
        settle();
        final Measurement pipeline = pipelineRun.run(settings, settings.topologies().get(0), inputs, count, pipelineDir);

        settle();
        final Measurement replay = ReplayRun.run(settings.engineContext(), pipelineDir);
        WorkDir.delete(pipelineDir);

        final Path abqDir = work.fresh("abq");
        settle();
        final Measurement abq = AbqPipeline.run(settings.engineContext(), inputs, count, abqDir, settings.journalSync());
        WorkDir.delete(abqDir);

        final List<Measurement> otherPipelines = new ArrayList<>();
        for (final String topology : settings.topologies().subList(1, settings.topologies().size()))
        {
            final Path otherDir = work.fresh("pipeline-" + topology);
            settle();
            otherPipelines.add(new PipelineRun().run(settings, topology, inputs, count, otherDir));
            WorkDir.delete(otherDir);
        }
        return new Round(
            pipeline, rawAppend, rawBatchedAppend, abq, replay, pipelineRun.allocatedBytes(), pipelineRun.allocationEvents(),
            otherPipelines);
    }

    /** Starts each run with an empty young generation, so no run pays for the garbage of the one before. */
    private static void settle()
    {
        System.gc();
    }

    private void progress(final String format, final Object... args)
    {
        progress.println(String.format(Locale.ROOT, format, args));
        progress.flush();
    }
}
