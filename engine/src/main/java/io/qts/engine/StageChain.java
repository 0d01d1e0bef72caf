package io.qts.engine;

import com.lmax.disruptor.EventHandler;
import io.qts.journal.Sources;

/**
 * The pipeline written down in one place: journal, decode, signal, risk, execution, in that order,
 * on one thread. Live it is the ring's consumer; a backtest calls {@link #process} directly.
 */
final class StageChain implements EventHandler<InboundSlot>
{
    /** -Dqts.checkThread=true asserts the single-writer rule on every event (debug runs). */
    private static final boolean CHECK_THREAD = Boolean.getBoolean("qts.checkThread");

    private final JournalStage journal;
    private final DecodeStage decode;
    private final SignalStage signal;
    private final RiskStage risk;
    private final ExecutionStage execution;
    private final Counters counters;
    private Thread owner;
    private volatile long consumerThreadId = -1;

    StageChain(
        final JournalStage journal, final DecodeStage decode, final SignalStage signal, final RiskStage risk,
        final ExecutionStage execution, final Counters counters)
    {
        this.journal = journal;
        this.decode = decode;
        this.signal = signal;
        this.risk = risk;
        this.execution = execution;
        this.counters = counters;
    }

    @Override
    public void onStart()
    {
        consumerThreadId = Thread.currentThread().getId();
        if (journal != null)
        {
            journal.open();
        }
    }

    @Override
    public void onShutdown()
    {
        if (journal != null)
        {
            journal.close();
        }
    }

    @Override
    public void onEvent(final InboundSlot slot, final long sequence, final boolean endOfBatch)
    {
        process(slot);
    }

    void process(final InboundSlot slot)
    {
        if (CHECK_THREAD)
        {
            checkOwner();
        }
        if (journal != null)
        {
            journal.onEvent(slot);
        }
        decode.onEvent(slot);
        counters.events++;
        if (slot.sourceId == Sources.MARKET_DATA)
        {
            counters.marketEvents++;
        }
        else if (slot.sourceId == Sources.VENUE)
        {
            counters.venueEvents++;
        }
        signal.onEvent(slot);
        risk.onEvent(slot);
        execution.onEvent(slot);
    }

    private void checkOwner()
    {
        final Thread current = Thread.currentThread();
        if (owner == null)
        {
            owner = current;
        }
        else if (owner != current)
        {
            throw new IllegalStateException("engine state touched by " + current.getName() + ", owned by " + owner.getName());
        }
    }

    long consumerThreadId()
    {
        return consumerThreadId;
    }
}
