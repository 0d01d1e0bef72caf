package io.qts.engine;

import io.qts.engine.pipeline.QueuedOrders;
import io.qts.engine.venue.SimulatedExchange;
import io.qts.engine.venue.SimulatedVenue;

/**
 * Runs the same stage chain as the live pipeline, inline on the calling thread, against the
 * simulated venue. A pure function of its inputs and context: the same inputs give the same digest.
 */
public final class Backtest
{
    private final InlineEngine engine;
    private final SimulatedExchange exchange;

    public Backtest(final EngineContext context, final OutputListener listener)
    {
        final QueuedOrders orders = new QueuedOrders();
        engine = new InlineEngine(context, null, orders, listener);
        exchange = new SimulatedExchange(new SimulatedVenue(context.commissionRate()), orders, engine);
    }

    /** Where recorded inputs go: market data, reference data, timers and admin commands, in order. */
    public InputSink input()
    {
        return exchange;
    }

    public EngineResult finish()
    {
        exchange.finish();
        engine.close();
        return engine.result();
    }
}
