package io.qts.adapters.research;

import io.qts.adapters.report.BacktestReport;
import io.qts.engine.EngineContext;
import io.qts.engine.InputSink;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs backtests of many parameter combinations on a fixed pool of threads. Each backtest is independent
 * (its own engine, listeners and replay of the same immutable inputs) and deterministic, so results do
 * not depend on the number of threads or the order in which they finish; they are returned in
 * combination order.
 */
public final class Sweep implements AutoCloseable
{
    private final Function<Map<String, String>, EngineContext> contexts;
    private final ExecutorService pool;
    private final PrintWriter err;

    /**
     * @param contexts builds the engine context of a combination; an {@link IllegalArgumentException} from
     *                 it means the strategy (or engine) refuses the combination, which is then skipped.
     */
    public Sweep(final Function<Map<String, String>, EngineContext> contexts, final int threads, final PrintWriter err)
    {
        this.contexts = contexts;
        this.err = err;
        this.pool = Executors.newFixedThreadPool(threads, task ->
        {
            final Thread thread = new Thread(task, "qts-sweep");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** A run over the whole series: one row per combination. */
    public List<SweepRow> run(final List<Map<String, String>> combinations, final Consumer<InputSink> inputs)
    {
        return run(combinations, inputs, new Progress(err, combinations.size()));
    }

    List<SweepRow> run(final List<Map<String, String>> combinations, final Consumer<InputSink> inputs, final Progress progress)
    {
        final List<Future<SweepRow>> futures = new ArrayList<>(combinations.size());
        for (final Map<String, String> params : combinations)
        {
            futures.add(pool.submit(() ->
            {
                try
                {
                    return row(params, inputs);
                }
                finally
                {
                    progress.done();
                }
            }));
        }
        final List<SweepRow> rows = new ArrayList<>(combinations.size());
        for (final Future<SweepRow> future : futures)
        {
            rows.add(await(future));
        }
        return rows;
    }

    /** The backtest of one combination, with everything a report needs (for walk-forward test windows). */
    BacktestReport backtest(final Map<String, String> params, final Consumer<InputSink> inputs)
    {
        return BacktestRun.run(contexts.apply(params), inputs);
    }

    private SweepRow row(final Map<String, String> params, final Consumer<InputSink> inputs)
    {
        final EngineContext context;
        try
        {
            context = contexts.apply(params);
        }
        catch (final IllegalArgumentException ex)
        {
            return SweepRow.skipped(params, ex.getMessage());
        }
        final BacktestReport report = BacktestRun.run(context, inputs);
        return new SweepRow(params, report.metrics(), BacktestReport.money(report.finalValue()), report.digest(), null);
    }

    private static <T> T await(final Future<T> future)
    {
        try
        {
            return future.get();
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a backtest", ex);
        }
        catch (final ExecutionException ex)
        {
            if (ex.getCause() instanceof RuntimeException cause)
            {
                throw cause;
            }
            throw new IllegalStateException(ex.getCause());
        }
    }

    @Override
    public void close()
    {
        pool.shutdownNow();
    }
}
