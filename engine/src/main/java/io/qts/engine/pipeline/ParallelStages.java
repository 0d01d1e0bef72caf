package io.qts.engine.pipeline;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.Sequence;

/**
 * The parallel topology (DESIGN.md section 2): the journal step runs on its own thread beside decode and
 * signal, and risk and execution run after both. Decode and signal of an input also wait until risk and
 * execution have finished the input before it, because signal reads the position and orders in flight
 * that execution writes: without that wait the topology would decide differently from the chain. As
 * risk/execution in turn waits for decode/signal, decode/signal reports its progress after every input,
 * not only at the end of a batch: otherwise the two would wait for each other.
 */
public final class ParallelStages
{
    private final StageChain chain;
    private final Sequence riskExecutionDone = new Sequence();
    private volatile boolean abandoned;

    /**
     * The journal stage, as the ring consumer that runs beside decode/signal. It shows its progress after each
     * journal batch, not only at the end of a ring batch: risk/execution may act on 64 journaled inputs while the
     * next are written, rather than wait for a whole backlog.
     */
    public final EventHandler<InboundSlot> journal = new EventHandler<>()
    {
        private Sequence progress;

        @Override
        public void setSequenceCallback(final Sequence sequenceCallback)
        {
            progress = sequenceCallback;
        }

        @Override
        public void onStart()
        {
            chain.openJournal();
        }

        @Override
        public void onShutdown()
        {
            chain.closeJournal();
        }

        @Override
        public void onBatchStart(final long batchSize, final long queueDepth)
        {
            chain.journalBatchStart(batchSize);
        }

        @Override
        public void onEvent(final InboundSlot slot, final long sequence, final boolean endOfBatch)
        {
            chain.journal(slot, sequence);
            final long journaled = chain.journaledTo();
            if (journaled > progress.get())
            {
                progress.set(journaled);
            }
        }
    };

    /** Decode and signal, as a ring consumer that waits for risk/execution of the input before. */
    public final EventHandler<InboundSlot> decodeSignal = new EventHandler<>()
    {
        private Sequence progress;

        /** The ring would publish this handler's progress only at the end of a batch; it must show it per input. */
        @Override
        public void setSequenceCallback(final Sequence sequenceCallback)
        {
            progress = sequenceCallback;
        }

        @Override
        public void onEvent(final InboundSlot slot, final long sequence, final boolean endOfBatch)
        {
            awaitRiskExecution(sequence - 1);
            chain.decodeAndSignal(slot);
            progress.set(sequence);
        }
    };
    /** Risk and execution, as the ring consumer that runs after the other two. */
    public final EventHandler<InboundSlot> riskExecution = this::onRiskExecution;

    /** @throws IllegalArgumentException when the chain has no journal stage (the topology needs one). */
    public ParallelStages(final StageChain chain)
    {
        if (!chain.journaled())
        {
            throw new IllegalArgumentException("the parallel topology needs a journal");
        }
        this.chain = chain;
    }

    private void onRiskExecution(final InboundSlot slot, final long sequence, final boolean endOfBatch)
    {
        if (abandoned)
        {
            // The engine halted on an error (reported by stop()). The ring marks the failing input done after its
            // handler returns, which could let this thread see an input whose journal entry was rolled back: the
            // flag is set before that, so nothing after the failure is acted on.
            return;
        }
        chain.riskAndExecution(slot);
        riskExecutionDone.set(sequence);
    }

    private void awaitRiskExecution(final long sequence)
    {
        while (riskExecutionDone.get() < sequence)
        {
            if (abandoned)
            {
                throw new IllegalStateException("the risk/execution thread stopped");
            }
            Thread.onSpinWait();
            Thread.yield();
        }
    }

    /** Releases the decode/signal thread when the engine halts on an error. */
    public void abandon()
    {
        abandoned = true;
    }
}
