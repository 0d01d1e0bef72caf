package io.qts.bench;

import io.qts.engine.EngineResult;
import io.qts.engine.LivePipeline;
import io.qts.engine.OutputListener;
import io.qts.engine.pipeline.OrderFeed;
import io.qts.engine.venue.SimulatedExchange;
import io.qts.engine.venue.SimulatedVenue;
import io.qts.journal.Journal;

import java.nio.file.Path;

/**
 * The engine series: the live pipeline (journal on disk, the configured topology and wait strategy)
 * with the probe installed. The producer hands the orders it finds on the outbound ring, without waiting,
 * to the simulated venue, whose answers go back in as inputs, so the strategy keeps trading.
 */
final class EngineLatencyRun
{
    /** What the engine series measured. */
    record Result(LatencyProbe probe, PacedFeed.Window window, GcWindow gc, EngineResult engine)
    {
    }

    private EngineLatencyRun()
    {
    }

    static Result run(final LatencySettings settings, final Path journalDir)
    {
        final LatencyProbe probe = new LatencyProbe();
        final GcWindow gc = new GcWindow();
        final PacedFeed.Window window;
        final EngineResult engine;
        try (Journal journal = Journal.openForAppend(journalDir);
            LivePipeline pipeline = new LivePipeline(settings.engineContext(probe), journal, OutputListener.NONE))
        {
            pipeline.start();
            final OrderFeed gateway = pipeline::pollOrders;
            final SimulatedExchange exchange = new SimulatedExchange(new SimulatedVenue(0), gateway, pipeline.input());
            window = new PacedFeed().run(exchange, settings, (fromNs) ->
            {
                probe.measuredFrom.set(fromNs);
                gc.start();
            });
            pipeline.awaitIdle();
            gc.stop();
            engine = pipeline.stop();
        }
        return new Result(probe, window, gc, engine);
    }
}
