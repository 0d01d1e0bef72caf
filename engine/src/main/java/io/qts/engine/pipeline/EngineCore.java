package io.qts.engine.pipeline;

import io.qts.engine.EngineContext;
import io.qts.engine.EngineFigures;
import io.qts.engine.EngineResult;
import io.qts.engine.OutputListener;
import io.qts.engine.book.Instruments;
import io.qts.engine.book.Portfolio;
import io.qts.journal.Journal;

/** One engine's state and stage chain, wired the same way for live runs and backtests. */
public final class EngineCore
{
    /** Engine-internal. What this engine has done, counted on the engine thread. */
    public final Counters counters = new Counters();
    /** Engine-internal. The instruments defined so far and their scales. */
    public final Instruments instruments = new Instruments();
    /** Engine-internal. Cash, positions and position states, starting at the context's initial cash. */
    public final Portfolio portfolio;
    /** Engine-internal. The output stream (orders, fills, rejects, state changes) and its digest. */
    public final OutputRecorder output;
    /** Engine-internal. The signal stage: runs the strategies and puts their order intents in the slot. */
    public final SignalStage signal;
    /** Engine-internal. The execution stage: sends orders, books fills, holds the orders in flight. */
    public final ExecutionStage execution;
    /** Engine-internal. The stages in their order, as the ring's consumer (or the inline driver) calls them. */
    public final StageChain chain;

    /**
     * @param journal where inputs are written ahead, or null when the inputs already come from one.
     */
    public EngineCore(final EngineContext context, final Journal journal, final OrderSender sender, final OutputListener listener)
    {
        portfolio = new Portfolio(context.initialCash());
        output = new OutputRecorder(listener);
        signal = new SignalStage(context.builtStrategies(), context.cooldownNs(), context.orderQty(), instruments, portfolio, counters,
            context.priceTicks());
        execution = new ExecutionStage(context.orderIdBase(), sender, instruments, portfolio, output, counters);
        chain = new StageChain(
            journal == null ? null : new JournalStage(journal, counters),
            new DecodeStage(context.symbols().toArray(new String[0]), counters, signal.paramKeys(), context.inputDecoders()),
            signal,
            new RiskStage(context, instruments, portfolio, output, counters),
            execution,
            counters, context.stageProbe());
    }

    /** Engine-internal. A live, read-only view of this engine's counts and books for other threads. */
    public EngineFigures figures()
    {
        return new EngineFigures(this);
    }

    /**
     * Engine-internal. A copy of what this engine counts and holds now; call it on the engine thread or after it
     * stopped.
     */
    public EngineResult result()
    {
        return new EngineResult(this);
    }
}
