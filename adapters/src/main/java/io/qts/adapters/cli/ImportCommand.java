package io.qts.adapters.cli;

import io.qts.adapters.data.DataFormat;
import io.qts.adapters.data.JournalImport;
import io.qts.adapters.data.MarketDataFile;
import io.qts.adapters.data.MarketSeries;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;

/** {@code qts import}: reads a market-data CSV file, checks all of it, and writes it into a new journal. */
@Command(
    name = "import",
    description = "Import a market-data CSV file (yahoo or ohlcv bars, or trades) into a new journal.")
public final class ImportCommand implements Callable<Integer>
{
    @Spec
    CommandSpec spec;

    @Option(names = "--format", required = true, paramLabel = "yahoo|ohlcv|trades",
        description = "Layout of the input: yahoo (daily bars), ohlcv (bars) or trades (trade ticks; the layout "
            + "is told by the header).")
    String format;

    @Option(names = "--symbol", required = true, paramLabel = "SYM",
        description = "Symbol of the instrument: 1 to 24 characters of A-Z a-z 0-9 . _ / -")
    String symbol;

    @Option(names = "--in", required = true, paramLabel = "FILE", description = "The CSV file to import.")
    Path in;

    @Option(names = "--journal", required = true, paramLabel = "DIR",
        description = "Directory of the new journal; must not exist or be empty.")
    Path journal;

    @Override
    public Integer call()
    {
        final DataFormat dataFormat = DataFormat.fromName(format);
        final MarketSeries series = MarketDataFile.read(in, dataFormat, symbol);
        final ProgressLine progress = new ProgressLine(spec.commandLine().getErr(), "import: events written", series.size() + 1L,
            ProgressLine.onTerminal());
        final long[] written = new long[1];
        final RepeatedTradeIds repeats = new RepeatedTradeIds();
        final long entries = JournalImport.write(journal, sink -> series.replay(
            (timeNs, sourceId, eventFormat, buffer, offset, length) ->
            {
                sink.accept(timeNs, sourceId, eventFormat, buffer, offset, length);
                repeats.accept(buffer, offset, length);
                progress.advanceTo(++written[0]);
            }));
        final PrintWriter out = spec.commandLine().getOut();
        out.println(summary(series, entries, journal) + (repeats.count() == 0 ? "" : "; " + repeats.count() +
            " repeated trade id" + (repeats.count() == 1 ? "" : "s") + " kept as received, dropped when replayed (the live decoder's rule)"));
        out.flush();
        return 0;
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
