package io.qts.adapters.research;

import java.io.PrintWriter;

/**
 * "12/40 done" on stderr as backtests finish, from any thread. At most about a hundred lines, so a
 * large sweep does not flood the terminal; the last count is always shown.
 */
final class Progress
{
    private final PrintWriter err;
    private final int total;
    private int done;
    private int lastPercent = -1;

    Progress(final PrintWriter err, final int total)
    {
        this.err = err;
        this.total = total;
    }

    synchronized void done()
    {
        done++;
        final int percent = (int)(100L * done / total);
        if (percent != lastPercent || done == total)
        {
            lastPercent = percent;
            err.println(done + "/" + total + " done");
        }
    }
}
