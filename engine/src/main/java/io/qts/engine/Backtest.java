package io.qts.engine;

import org.agrona.DirectBuffer;

/**
 * Runs the same stage chain as the live pipeline, inline on the calling thread, against the
 * simulated venue. A pure function of its inputs and context: the same inputs give the same digest.
 */
public final class Backtest
{
    private final EngineCore core;
    private final SimulatedExchange exchange;
    private final InboundSlot slot = new InboundSlot();
    private long nextSequence;

    public Backtest(final EngineContext context, final OutputListener listener)
    {
        final QueuedOrders orders = new QueuedOrders();
        core = new EngineCore(context, null, orders, listener);
        exchange = new SimulatedExchange(new SimulatedVenue(context.commissionRate()), orders, this::process);
    }

    /** Where recorded inputs go: market data, reference data, timers and admin commands, in order. */
    public InputSink input()
    {
        return exchange;
    }

    private void process(
        final long timeNs, final int sourceId, final int format, final DirectBuffer buffer, final int offset, final int length)
    {
        slot.set(timeNs, sourceId, format, buffer, offset, length);
        slot.sequence = nextSequence++;
        core.chain.process(slot);
    }

    public EngineResult finish()
    {
        exchange.finish();
        return core.result();
    }
}
