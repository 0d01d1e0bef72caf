package io.qts.bench;

import io.qts.engine.Backtest;
import io.qts.engine.EngineContext;
import io.qts.engine.EngineResult;
import io.qts.engine.JournalReplay;
import io.qts.engine.OutputListener;
import io.qts.journal.Journal;

import java.nio.file.Path;

/**
 * Run 4: a backtest over the journal the pipeline wrote, on one thread. The venue's recorded answers
 * are skipped and the simulated venue gives them again, so the backtest must decide exactly as live.
 */
final class ReplayRun
{
    private ReplayRun()
    {
    }

    static Measurement run(final EngineContext context, final Path journalDir)
    {
        final long start;
        final long end;
        final long entries;
        final EngineResult result;
        try (Journal journal = Journal.openForRead(journalDir))
        {
            final Backtest backtest = new Backtest(context, OutputListener.NONE);
            start = System.nanoTime();
            entries = JournalReplay.replay(journal, backtest.input());
            result = backtest.finish();
            end = System.nanoTime();
        }
        return new Measurement(entries, end - start, result, result.orders());
    }
}
