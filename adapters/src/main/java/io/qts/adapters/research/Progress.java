package io.qts.adapters.research;

import io.qts.adapters.cli.ProgressLine;

import java.io.PrintWriter;

/** "sweep: backtests 12/40 done (30%)" on stderr as backtests finish, from any thread ({@link ProgressLine}). */
final class Progress
{
    private final ProgressLine line;

    Progress(final PrintWriter err, final int total)
    {
        this.line = new ProgressLine(err, "backtests", total, ProgressLine.onTerminal());
    }

    void done()
    {
        line.step();
    }
}
