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
    public final Counters counters = new Counters();
    public final Instruments instruments = new Instruments();
    public final Portfolio portfolio;
    public final OutputRecorder output;
    public final SignalStage signal;
    public final ExecutionStage execution;
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

    public EngineFigures figures()
    {
        return new EngineFigures(this);
    }

    public EngineResult result()
    {
        return new EngineResult(this);
    }
}
