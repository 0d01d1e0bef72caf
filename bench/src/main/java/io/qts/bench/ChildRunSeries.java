package io.qts.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The runs of one program in {@code bench backtest}: wall times (ms), peak RSS (KiB) and what each printed. */
final class ChildRunSeries
{
    private final String name;
    private final List<PeakRssMeter.ChildRun> runs = new ArrayList<>();

    ChildRunSeries(final String name)
    {
        this.name = name;
    }

    void add(final PeakRssMeter.ChildRun run)
    {
        runs.add(run);
    }

    String name()
    {
        return name;
    }

    int size()
    {
        return runs.size();
    }

    List<String> stdouts()
    {
        return runs.stream().map(PeakRssMeter.ChildRun::stdout).toList();
    }

    Spread wallMs()
    {
        return Spread.of(runs.stream().mapToLong(run -> run.wallNs() / 1_000_000).toArray());
    }

    Spread rssKib()
    {
        return Spread.of(runs.stream().mapToLong(PeakRssMeter.ChildRun::peakRssKib).toArray());
    }

    /** Median (the lower middle of an even count, so it is always a measured value), min and max. */
    record Spread(long median, long min, long max)
    {
        static Spread of(final long[] values)
        {
            final long[] sorted = values.clone();
            Arrays.sort(sorted);
            return new Spread(sorted[(sorted.length - 1) / 2], sorted[0], sorted[sorted.length - 1]);
        }
    }
}
