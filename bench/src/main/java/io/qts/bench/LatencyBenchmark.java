package io.qts.bench;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Runs the four latency series one after the other on the same paced feed: the engine, the
 * ArrayBlockingQueue baseline, the no-op Disruptor floor and the journal floor (a consumer that only appends).
 * Journals go to a work directory deleted at the end.
 */
final class LatencyBenchmark
{
    private final LatencySettings settings;
    private final PrintWriter progress;

    LatencyBenchmark(final LatencySettings settings, final PrintWriter progress)
    {
        this.settings = settings;
        this.progress = progress;
    }

    LatencyReport run() throws Exception
    {
        try (WorkDir work = WorkDir.create(settings.dir()))
        {
            progress("engine: %,d Hz for %d s after a %,d-trade warm-up (%s, %s)", settings.rateHz(), settings.seconds(),
                settings.warmUpEvents(), settings.waitStrategy(), settings.topology());
            settle();
            final Path engineDir = work.fresh("engine");
            final EngineLatencyRun.Result engine = EngineLatencyRun.run(settings, engineDir);
            WorkDir.delete(engineDir);

            progress("abq baseline");
            settle();
            final Path abqDir = work.fresh("abq");
            final AbqLatencyRun.Result abq = AbqLatencyRun.run(settings, abqDir);
            WorkDir.delete(abqDir);

            progress("floor: no-op Disruptor consumer");
            settle();
            final FloorLatencyRun.Result floor = FloorLatencyRun.run(settings);

            progress("journal floor: Disruptor consumer that only appends to the journal");
            settle();
            final Path journalDir = work.fresh("journal");
            final JournalDisk disk = JournalDisk.of(work.root());
            final FloorLatencyRun.Result journalFloor = FloorLatencyRun.runJournal(settings, journalDir);
            WorkDir.delete(journalDir);
            return new LatencyReport(settings, engine, abq, floor, journalFloor, disk);
        }
    }

    /** Starts each series with an empty young generation, so none pays for the garbage of the one before. */
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
