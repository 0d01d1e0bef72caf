package io.qts.adapters.run;

import io.qts.adapters.data.MarketSeries;
import io.qts.engine.EngineResult;
import io.qts.engine.InputSink;
import io.qts.engine.LivePipeline;
import io.qts.engine.OutputListener;
import io.qts.engine.pipeline.JournaledOrderFeed;
import io.qts.engine.venue.SimulatedExchange;
import io.qts.engine.venue.SimulatedVenue;
import io.qts.journal.Journal;
import io.qts.journal.JournalAppender;
import io.qts.journal.JournalKind;

import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * Paper trading on a recorded feed: the feed thread plays the series through the simulated venue
 * into the live pipeline (Disruptor, journal on disk), and the venue's answers come back as inputs.
 * The venue, as the gateway, journals every order it receives to out/.
 */
public final class PaperSession
{
    private PaperSession()
    {
    }

    /** Result of one session; the wall-clock time from first input to engine stop is for events/s only. */
    public record Outcome(EngineResult result, long elapsedNs)
    {
    }

    /**
     * @param admin operator commands put into the feed at their times, journaled like every input.
     */
    public static Outcome run(
        final RunSettings settings, final MarketSeries feed, final AdminSchedule admin, final Path inDir, final Path outDir,
        final PrintWriter progress)
    {
        final long startNs;
        final EngineResult result;
        try (Journal in = Journal.openForAppend(inDir, JournalKind.IN, settings.journalSync());
            Journal out = Journal.openForAppend(outDir, JournalKind.OUT, settings.journalSync());
            JournalAppender outAppender = out.appender();
            LivePipeline pipeline = new LivePipeline(settings.engine(), in, OutputListener.NONE))
        {
            pipeline.start();
            final SimulatedExchange exchange = new SimulatedExchange(
                new SimulatedVenue(settings.engine().commissionRate()),
                new JournaledOrderFeed(pipeline.orders(), outAppender),
                pipeline.input());
            final AdminSchedule.Merged withAdmin = admin.into(exchange);
            final long total = feed.size() + 1L;
            final long step = Math.max(1, total / 10);
            final long[] published = new long[1];
            final InputSink withProgress = (timeNs, sourceId, format, buffer, offset, length) ->
            {
                withAdmin.accept(timeNs, sourceId, format, buffer, offset, length);
                if (++published[0] % step == 0 || published[0] == total)
                {
                    progress.printf("  [%3d%%] %d/%d feed events, %d inputs processed by the engine%n",
                        published[0] * 100 / total, published[0], total, pipeline.processed());
                }
            };
            startNs = System.nanoTime();
            feed.replay(withProgress);
            withAdmin.finish();
            exchange.finish();
            result = pipeline.stop();
        }
        return new Outcome(result, System.nanoTime() - startNs);
    }
}
