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

    /**
     * A backtest of the context's strategy against a {@link SimulatedVenue} charging the context's commission rate; the
     * output stream (orders, fills, rejects, state changes) goes to the listener on the calling thread. Nothing is
     * journaled.
     *
     * @throws IllegalStateException if {@link EngineContext#conclude()} was not called.
     */
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

    /**
     * Delivers the orders decided on the last input (accepted, never filled), stops the engine and returns what it
     * ended with. Call once, after the last input.
     */
    public EngineResult finish()
    {
        exchange.finish();
        engine.close();
        return engine.result();
    }
}
