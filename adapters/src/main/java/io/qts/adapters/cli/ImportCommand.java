package io.qts.adapters.cli;

import io.qts.adapters.data.BadRowPolicy;
import io.qts.adapters.data.DataFormat;
import io.qts.adapters.data.JournalImport;
import io.qts.adapters.data.MarketDataFile;
import io.qts.adapters.data.MarketSeries;
import io.qts.adapters.data.MergedSeries;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code qts import}: reads a market-data file, checks all of it, and writes it into a new journal. */
@Command(
    name = "import",
    description = "Import a market-data file (yahoo, ohlcv, binance-klines or upbit-candles bars, or trades) into a new journal.")
public final class ImportCommand implements Callable<Integer>
{
    /** Files from this size on show progress while they are read and written. */
    static final long PROGRESS_FROM_BYTES = 8L << 20;

    @Spec
    CommandSpec spec;

    @Option(names = "--format", required = true, paramLabel = "FORMAT",
        description = "Layout of the input: yahoo (daily bars), ohlcv (bars; columns found by header name), "
            + "binance-klines (Binance kline CSV), upbit-candles (Upbit REST candle JSON) or trades (trade ticks; "
            + "the layout is told by the header). Once for every --in, or once per --in in the same order.")
    List<String> formats = new ArrayList<>();

    @Option(names = "--on-bad-row", paramLabel = "fail|skip", defaultValue = "fail",
        description = "A bad data row fails the import with FILE:LINE: reason (fail, the default) or is left out "
            + "and counted (skip).")
    String onBadRow;

    @Option(names = "--symbol", required = true, paramLabel = "SYM",
        description = "Symbol of the instrument: 1 to 24 characters of A-Z a-z 0-9 . _ / -; the i-th --symbol names the i-th --in.")
    List<String> symbols = new ArrayList<>();

    @Option(names = "--in", required = true, paramLabel = "FILE",
        description = "The file to import; repeat, each with its --symbol, for a journal of several instruments (merged in event time).")
    List<Path> ins = new ArrayList<>();

    @Option(names = "--journal", required = true, paramLabel = "DIR",
        description = "Directory of the new journal; must not exist or be empty.")
    Path journal;

    @Override
    public Integer call()
    {
        if (ins.size() > 1 || symbols.size() > 1)
        {
            return importSeveral();
        }
        final Path in = ins.get(0);
        final String symbol = symbols.get(0);
        if (formats.size() != 1)
        {
            throw new UserError("give --format once for every --in file or once per --in: got " + formats.size() + " --format for 1 --in");
        }
        final DataFormat dataFormat = DataFormat.fromName(formats.get(0));
        final BadRowPolicy badRows = BadRowPolicy.fromName(onBadRow);
        final long bytes = fileSize(in);
        // Small files import in a blink: progress lines only for files that take a while.
        final boolean showProgress = bytes >= PROGRESS_FROM_BYTES;
        final PrintWriter err = spec.commandLine().getErr();
        final ProgressLine reading = new ProgressLine(err, "import: bytes read", bytes, ProgressLine.onTerminal());
        final MarketSeries series;
        try
        {
            series = MarketDataFile.read(in, dataFormat, symbol, badRows, showProgress ? reading::advanceTo : count -> { });
        }
        finally
        {
            reading.end();
        }
        final ProgressLine writing = new ProgressLine(err, "import: events written", series.size() + 1L, ProgressLine.onTerminal());
        final long[] written = new long[1];
        final RepeatedTradeIds repeats = new RepeatedTradeIds();
        final long entries;
        try
        {
            entries = JournalImport.write(journal, sink -> series.replay(
                (timeNs, sourceId, eventFormat, buffer, offset, length) ->
                {
                    sink.accept(timeNs, sourceId, eventFormat, buffer, offset, length);
                    repeats.accept(buffer, offset, length);
                    if (showProgress)
                    {
                        writing.advanceTo(++written[0]);
                    }
                }));
        }
        finally
        {
            writing.end();
        }
        final PrintWriter out = spec.commandLine().getOut();
        final String skipped = series.skipped().describe();
        out.println(summary(series, entries, journal) + (skipped.isEmpty() ? "" : "; " + skipped) + (repeats.count() == 0 ? "" : "; " + repeats.count() +
            " repeated trade id" + (repeats.count() == 1 ? "" : "s") + " kept as received, dropped when replayed (the live decoder's rule)"));
        out.flush();
        return 0;
    }

    /**
     * Several files into one journal: each read whole, then merged in event time ({@link MergedSeries}: instruments
     * numbered by symbol name, definitions first, simultaneous events by symbol name).
     */
    private int importSeveral()
    {
        if (ins.size() != symbols.size())
        {
            throw new UserError("each --in FILE needs its own --symbol SYM (the i-th --symbol names the i-th --in): got " +
                ins.size() + " --in and " + symbols.size() + " --symbol");
        }
        if (formats.size() != 1 && formats.size() != ins.size())
        {
            throw new UserError("give --format once for every --in file or once per --in: got " + formats.size() +
                " --format for " + ins.size() + " --in");
        }
        for (int i = 0; i < symbols.size(); i++)
        {
            if (symbols.indexOf(symbols.get(i)) != i)
            {
                throw new UserError("--symbol " + symbols.get(i) + " is given twice: each instrument once");
            }
        }
        final BadRowPolicy badRows = BadRowPolicy.fromName(onBadRow);
        final List<MarketSeries> read = new ArrayList<>();
        for (int i = 0; i < ins.size(); i++)
        {
            final DataFormat dataFormat = DataFormat.fromName(formats.get(formats.size() == 1 ? 0 : i));
            read.add(MarketDataFile.read(ins.get(i), dataFormat, symbols.get(i), badRows, count -> { }));
        }
        final MergedSeries merged = MergedSeries.of(read);
        final RepeatedTradeIds repeats = new RepeatedTradeIds();
        final long entries = JournalImport.write(journal, sink -> merged.replay((timeNs, sourceId, eventFormat, buffer, offset, length) ->
        {
            sink.accept(timeNs, sourceId, eventFormat, buffer, offset, length);
            repeats.accept(buffer, offset, length);
        }));
        final List<String> parts = new ArrayList<>();
        for (final MarketSeries series : merged.series())
        {
            final String skipped = series.skipped().describe();
            parts.add(series.size() + " " + (series.kind() == MarketSeries.Kind.BARS ? "bar" : "trade") + (series.size() == 1 ? "" : "s") +
                " of " + series.symbol() + " (priceScale " + series.priceScale() + (skipped.isEmpty() ? "" : "; " + skipped) + ")");
        }
        final long first = merged.series().stream().mapToLong(MarketSeries::firstTimeNs).min().orElseThrow();
        final long last = merged.series().stream().mapToLong(MarketSeries::lastTimeNs).max().orElseThrow();
        final PrintWriter out = spec.commandLine().getOut();
        out.println("imported " + entries + " events (" + merged.series().size() + " instrument definitions + " + String.join(" + ", parts) +
            "), " + instant(first) + " .. " + instant(last) + ", into " + journal + (repeats.count() == 0 ? "" : "; " + repeats.count() +
            " repeated trade id" + (repeats.count() == 1 ? "" : "s") + " kept as received, dropped when replayed (the live decoder's rule)"));
        out.flush();
        return 0;
    }

    /** The file's size for the progress line; an unreadable file is reported by the reader, with its reason. */
    private static long fileSize(final Path file)
    {
        try
        {
            return Files.size(file);
        }
        catch (final IOException ex)
        {
            return 1;
        }
    }

    static String summary(final MarketSeries series, final long entries, final Path journal)
    {
        final String noun = series.kind() == MarketSeries.Kind.BARS ? "bar" : "trade";
        return "imported " + entries + " events (1 instrument definition + " + series.size() + " " + noun +
            (series.size() == 1 ? "" : "s") + ") of " + series.symbol() + ", priceScale " + series.priceScale() +
            ", " + instant(series.firstTimeNs()) + " .. " + instant(series.lastTimeNs()) + ", into " + journal;
    }

    private static Instant instant(final long timeNs)
    {
        return Instant.ofEpochSecond(Math.floorDiv(timeNs, 1_000_000_000L), Math.floorMod(timeNs, 1_000_000_000L));
    }
}
