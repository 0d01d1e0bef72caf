package io.qts.engine;

import io.qts.journal.Journal;

/** One engine's state and stage chain, wired the same way for live runs and backtests. */
final class EngineCore
{
    final Counters counters = new Counters();
    final Instruments instruments = new Instruments();
    final Portfolio portfolio;
    final OutputRecorder output;
    final SignalStage signal;
    final ExecutionStage execution;
    final StageChain chain;

    /**
     * @param journal where inputs are written ahead, or null when the inputs already come from one.
     */
    EngineCore(final EngineContext context, final Journal journal, final OrderSender sender, final OutputListener listener)
    {
        portfolio = new Portfolio(context.initialCash());
        output = new OutputRecorder(listener);
        signal = new SignalStage(context.builtStrategy(), context.cooldownNs(), context.orderQty(), instruments, portfolio, counters,
            context.priceTicks());
        execution = new ExecutionStage(context.orderIdBase(), sender, instruments, portfolio, output, counters);
        chain = new StageChain(
            journal == null ? null : new JournalStage(journal, counters),
            new DecodeStage(context.symbol(), counters, signal.paramKeys(), context.inputDecoders()),
            signal,
            new RiskStage(context, instruments, portfolio, output, counters),
            execution,
            counters, context.stageProbe());
    }

    EngineFigures figures()
    {
        return new EngineFigures(this);
    }

    EngineResult result()
    {
        return new EngineResult(this);
    }
}
