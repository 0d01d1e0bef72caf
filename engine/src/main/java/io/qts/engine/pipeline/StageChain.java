package io.qts.engine.pipeline;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.RingBuffer;
import io.qts.journal.Sources;

/**
 * The pipeline written down in one place: journal, decode, signal, risk, execution, in that order,
 * on one thread. Live it is the ring's consumer; a backtest calls {@link #process} directly. The
 * parallel topology ({@link ParallelStages}) runs the same three steps on three threads.
 */
public final class StageChain implements EventHandler<InboundSlot>
{
    /** -Dqts.checkThread=true asserts the single-writer rule on every event (debug runs). */
    private static final boolean CHECK_THREAD = Boolean.getBoolean("qts.checkThread");
    /** The ring sequence given for an input handed to {@link #process}: the journal step writes it alone. */
    private static final long NOT_FROM_RING = -1;

    private final JournalStage journal;
    private final DecodeStage decode;
    private final SignalStage signal;
    private final RiskStage risk;
    private final ExecutionStage execution;
    private final Counters counters;
    private final StageProbe probe;
    private Thread owner;
    private volatile long consumerThreadId = -1;

    StageChain(
        final JournalStage journal, final DecodeStage decode, final SignalStage signal, final RiskStage risk,
        final ExecutionStage execution, final Counters counters, final StageProbe probe)
    {
        this.probe = probe;
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
        openJournal();
    }

    @Override
    public void onShutdown()
    {
        closeJournal();
    }

    @Override
    public void onBatchStart(final long batchSize, final long queueDepth)
    {
        journalBatchStart(batchSize);
    }

    @Override
    public void onEvent(final InboundSlot slot, final long sequence, final boolean endOfBatch)
    {
        run(slot, sequence);
    }

    /**
     * Engine-internal. Lets the journal step write ahead in batches over the inputs already published on
     * {@code ring}, the ring this chain consumes; without it every input is journaled on its own.
     */
    public void journalAheadOn(final RingBuffer<InboundSlot> ring)
    {
        if (journal != null)
        {
            journal.readAheadOn(ring);
        }
    }

    /** Runs every stage on one input, in order, on the caller's thread (backtests and inline drivers, no ring). */
    public void process(final InboundSlot slot)
    {
        run(slot, NOT_FROM_RING);
    }

    private void run(final InboundSlot slot, final long sequence)
    {
        if (CHECK_THREAD)
        {
            checkOwner();
        }
        if (journal != null)
        {
            journal(slot, sequence);
        }
        decodeAndSignal(slot);
        riskAndExecution(slot);
    }

    /**
     * Write-ahead, the only step that gives a slot its sequence: of the input at ring {@code sequence}, with the rest
     * of its batch when the stage reads ahead on the ring; of {@code slot} alone otherwise.
     */
    void journal(final InboundSlot slot, final long sequence)
    {
        journal.onEvent(slot, sequence, probe);
    }

    /** The ring sequence up to which inputs are journaled (the parallel topology publishes it to risk/execution). */
    long journaledTo()
    {
        return journal.journaledTo();
    }

    /** The ring's next batch, as the ring reports it to the consumer that runs the journal step. */
    void journalBatchStart(final long batchSize)
    {
        if (journal != null)
        {
            journal.onBatchStart(batchSize);
        }
    }

    /** Decode and signal read neither the sequence nor anything the journal step writes. */
    public void decodeAndSignal(final InboundSlot slot)
    {
        decode.onEvent(slot);
        execution.screen(slot);
        counters.events++;
        if (slot.sourceId == Sources.MARKET_DATA)
        {
            counters.marketEvents++;
        }
        else if (slot.sourceId == Sources.VENUE)
        {
            counters.venueEvents++;
        }
        probe.afterStage(StageProbe.DECODE, slot);
        signal.onEvent(slot);
        probe.afterStage(StageProbe.SIGNAL, slot);
    }

    /** Risk and execution derive client order ids from the sequence, so they run after the journal step. */
    public void riskAndExecution(final InboundSlot slot)
    {
        risk.onEvent(slot);
        probe.afterStage(StageProbe.RISK, slot);
        execution.onEvent(slot);
        if (slot.orderSent)
        {
            risk.onOrderSent(slot);
        }
        probe.afterStage(StageProbe.EXECUTION, slot);
    }

    boolean journaled()
    {
        return journal != null;
    }

    void openJournal()
    {
        if (journal != null)
        {
            journal.open();
        }
    }

    void closeJournal()
    {
        if (journal != null)
        {
            journal.close();
        }
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

    /** The id of the thread that started the chain (the live consumer), or -1 before it started. */
    public long consumerThreadId()
    {
        return consumerThreadId;
    }

    /** The risk stage, for the live figures (halt, breaker, loss limits). */
    public RiskStage risk()
    {
        return risk;
    }
}
