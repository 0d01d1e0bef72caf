package io.qts.engine;

import io.qts.engine.pipeline.EngineCore;
import io.qts.engine.pipeline.InboundSlot;
import io.qts.engine.pipeline.OrderSender;
import io.qts.journal.Journal;
import org.agrona.DirectBuffer;

/**
 * The stage chain driven directly by the calling thread, with or without write-ahead journaling.
 * For drivers other than the Disruptor: benchmarks' baselines, and later a cluster service that
 * hands the engine one input at a time. Open, feed and close it from one thread.
 */
public final class InlineEngine implements InputSink, AutoCloseable
{
    private final EngineCore core;
    private final InboundSlot slot = new InboundSlot();
    private final boolean journaled;
    private long nextSequence;

    /**
     * @param journal where inputs are written ahead, or null to number them in memory instead.
     */
    public InlineEngine(final EngineContext context, final Journal journal, final OrderSender sender, final OutputListener listener)
    {
        core = new EngineCore(context, journal, sender, listener);
        journaled = journal != null;
        core.chain.onStart();
    }

    @Override
    public void accept(
        final long timeNs, final int sourceId, final int format, final DirectBuffer buffer, final int offset, final int length)
    {
        slot.set(timeNs, sourceId, format, buffer, offset, length);
        if (!journaled)
        {
            slot.sequence = nextSequence++;
        }
        core.chain.process(slot);
    }

    /** What the engine counts and holds, readable from other threads while it runs (metrics). */
    public EngineFigures figures()
    {
        return core.figures();
    }

    /**
     * What the engine counts and holds now, copied; call it from the feeding thread (usually after {@link #close()}).
     */
    public EngineResult result()
    {
        return core.result();
    }

    @Override
    public void close()
    {
        core.chain.onShutdown();
    }
}
