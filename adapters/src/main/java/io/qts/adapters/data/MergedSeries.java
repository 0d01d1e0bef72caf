package io.qts.adapters.data;

import io.qts.engine.InputSink;
import io.qts.journal.EntryHeader;
import io.qts.journal.Sources;
import io.qts.journal.sbe.MessageHeaderEncoder;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Several instruments' market data (one {@link MarketSeries} each) as one stream in event time: a portfolio's
 * inputs. The order depends on the data only, never on the order the files were given in:
 * <ol>
 * <li>the instruments are numbered 1, 2, ... by symbol name (Java's {@code String} order: by character code, so
 * {@code B} before {@code a});</li>
 * <li>all instrument definitions come first, in that order, at the earliest event's time;</li>
 * <li>then every bar or trade by time; events of several instruments at the same time go by symbol name;
 * one instrument's events keep their file order.</li>
 * </ol>
 * One series replays exactly as {@link MarketSeries#replay} does (id 1, the definition at its first event).
 */
public final class MergedSeries
{
    private final List<MarketSeries> series;

    private MergedSeries(final List<MarketSeries> series)
    {
        this.series = series;
    }

    /**
     * @param series at least one, with distinct symbols, in any order
     * @throws IllegalArgumentException for no series or a symbol given twice
     */
    public static MergedSeries of(final List<MarketSeries> series)
    {
        if (series.isEmpty())
        {
            throw new IllegalArgumentException("no market data");
        }
        final List<MarketSeries> sorted = new ArrayList<>(series);
        sorted.sort(Comparator.comparing(MarketSeries::symbol));
        for (int i = 1; i < sorted.size(); i++)
        {
            if (sorted.get(i).symbol().equals(sorted.get(i - 1).symbol()))
            {
                throw new IllegalArgumentException("symbol " + sorted.get(i).symbol() + " is given twice");
            }
        }
        return new MergedSeries(List.copyOf(sorted));
    }

    /** The symbols in instrument-id order (id = index + 1). */
    public List<String> symbols()
    {
        return series.stream().map(MarketSeries::symbol).toList();
    }

    /** The series in instrument-id order. */
    public List<MarketSeries> series()
    {
        return series;
    }

    /** Emits the definitions, then every event, in the order the class describes, through one reused buffer. */
    public void replay(final InputSink sink)
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[MarketSeries.bufferLength()]);
        final MessageHeaderEncoder header = new MessageHeaderEncoder();
        final long startNs = series.stream().mapToLong(MarketSeries::firstTimeNs).min().orElseThrow();
        for (int s = 0; s < series.size(); s++)
        {
            sink.accept(startNs, Sources.REFERENCE, EntryHeader.FORMAT_SBE, buffer, 0,
                series.get(s).encodeDefinition(s + 1, startNs, buffer, header));
        }
        final int[] next = new int[series.size()];
        while (true)
        {
            int earliest = -1;
            for (int s = 0; s < series.size(); s++)
            {
                // Strictly earlier only: on equal times the lower index, the earlier symbol, goes first.
                if (next[s] < series.get(s).size() &&
                    (earliest < 0 || series.get(s).timesNs[next[s]] < series.get(earliest).timesNs[next[earliest]]))
                {
                    earliest = s;
                }
            }
            if (earliest < 0)
            {
                return;
            }
            final MarketSeries chosen = series.get(earliest);
            final int index = next[earliest]++;
            sink.accept(chosen.timesNs[index], Sources.MARKET_DATA, EntryHeader.FORMAT_SBE, buffer, 0,
                chosen.encode(index, earliest + 1, buffer, header));
        }
    }
}
