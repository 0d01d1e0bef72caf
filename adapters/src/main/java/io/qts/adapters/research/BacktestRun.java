package io.qts.adapters.research;

import io.qts.adapters.report.BacktestReport;
import io.qts.adapters.report.DataSource;
import io.qts.adapters.report.EquityCurve;
import io.qts.adapters.report.RunNarrative;
import io.qts.adapters.report.TradeLedger;
import io.qts.engine.Backtest;
import io.qts.engine.EngineContext;
import io.qts.engine.EngineResult;
import io.qts.engine.InputSink;

import java.util.List;
import java.util.function.Consumer;

/**
 * One backtest: the engine over some inputs, with the listeners every report needs (round trips and the
 * equity curve). The one place backtest, sweep and walk-forward run the engine, so a combination in a sweep
 * is exactly the standalone backtest with those parameters.
 */
public final class BacktestRun
{
    private BacktestRun()
    {
    }

    /**
     * @param context concluded engine context: symbol, strategy, sizing and risk.
     * @param inputs  feeds the recorded inputs, in order, to the sink it is given.
     */
    public static BacktestReport run(final EngineContext context, final Consumer<InputSink> inputs)
    {
        return run(context, List.of(), inputs);
    }

    /** @param source where the inputs came from, recorded in the report (null: not from a file). */
    public static BacktestReport run(final EngineContext context, final DataSource source, final Consumer<InputSink> inputs)
    {
        return run(context, source == null ? List.of() : List.of(source), inputs);
    }

    /**
     * @param context concluded engine context; several symbols make a portfolio (one strategy instance each).
     * @param sources where the inputs came from: one per data file in the symbols' order, or one journal.
     */
    public static BacktestReport run(final EngineContext context, final List<DataSource> sources, final Consumer<InputSink> inputs)
    {
        final TradeLedger ledger = new TradeLedger();
        final EquityCurve curve = new EquityCurve(context.symbols(), context.initialCash());
        final RunNarrative narrative = new RunNarrative();
        final Backtest backtest = new Backtest(context, (buffer, offset, length) ->
        {
            ledger.onOutput(buffer, offset, length);
            curve.onOutput(buffer, offset, length);
            narrative.onOutput(buffer, offset, length);
        });
        inputs.accept(curve.observe(backtest.input()));
        final EngineResult result = backtest.finish();
        return new BacktestReport(context, sources, result, ledger, curve, narrative);
    }
}
