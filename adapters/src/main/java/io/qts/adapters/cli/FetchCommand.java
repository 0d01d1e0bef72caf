package io.qts.adapters.cli;

import io.qts.adapters.data.DataFormat;
import io.qts.adapters.data.JournalImport;
import io.qts.adapters.data.MarketDataFile;
import io.qts.adapters.data.MarketSeries;
import io.qts.adapters.upbit.UpbitCandleFetcher;
import io.qts.adapters.upbit.UpbitTradeFetcher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;

/**
 * {@code qts fetch}: downloads candles (or, with {@code --trades}, trade ticks) from Upbit's public REST API (no keys)
 * into the CSV that {@code import} and {@code backtest --data} read. See {@link UpbitCandleFetcher},
 * {@link UpbitTradeFetcher} and docs/sim-exchange.md.
 */
@Command(
    name = "fetch",
    description = "Download market history (candles) from the venue into an OHLCV CSV file.")
public final class FetchCommand implements Callable<Integer>
{
    @Spec
    CommandSpec spec;

    @Option(names = "--venue", defaultValue = "upbit", paramLabel = "upbit", description = "The venue (only upbit).")
    String venue;

    @Option(names = "--symbol", required = true, paramLabel = "MARKET", description = "Upbit market code, e.g. KRW-BTC.")
    String symbol;

    @Option(names = "--interval", defaultValue = "1m", paramLabel = "I",
        description = "Candle length: 1m, 3m, 5m, 10m, 15m, 30m, 60m, 240m or 1d (default: ${DEFAULT-VALUE}).")
    String interval;

    @Option(names = "--from", required = true, paramLabel = "T",
        description = "First candle's start, UTC: 2024-06-01T00:00:00Z or '2024-06-01 00:00:00' (inclusive).")
    String from;

    @Option(names = "--to", required = true, paramLabel = "T", description = "End of the range, UTC (exclusive).")
    String to;

    @Option(names = "--out", paramLabel = "FILE.csv",
        description = "The CSV file to write (default with --journal: DIR.csv beside the journal).")
    Path out;

    @Option(names = "--journal", paramLabel = "DIR",
        description = "Also import the candles into this new journal (must not exist or be empty), as qts import does.")
    Path journal;

    @Option(names = "--fill-gaps",
        description = "Fill periods without trades with the last close and zero volume (default: report them only).")
    boolean fillGaps;

    @Option(names = "--base-url", defaultValue = "https://api.upbit.com", paramLabel = "URL",
        description = "The venue's REST API (default: ${DEFAULT-VALUE}; e.g. http://127.0.0.1:P for sim-exchange).")
    String baseUrl;

    @Option(names = "--trades",
        description = "Download trade ticks (Upbit keeps the last 7 days) instead of candles, in the trades CSV layout.")
    boolean trades;

    @Option(names = "--page-size", defaultValue = "200", paramLabel = "N",
        description = "Candles per request, 1..200 (default: ${DEFAULT-VALUE}).")
    int pageSize;

    @Override
    public Integer call()
    {
        if (!"upbit".equals(venue))
        {
            throw new UserError("--venue must be upbit");
        }
        if (!symbol.matches("[A-Z0-9]{2,10}-[A-Z0-9]{1,16}"))
        {
            throw new UserError("--symbol must be an Upbit market code like KRW-BTC: '" + symbol + "'");
        }
        final URI base;
        try
        {
            base = URI.create(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
            if (!"http".equals(base.getScheme()) && !"https".equals(base.getScheme()))
            {
                throw new IllegalArgumentException("not http(s)");
            }
        }
        catch (final IllegalArgumentException ex)
        {
            throw new UserError("--base-url must be an http(s) URL: '" + baseUrl + "'");
        }
        if (out == null && journal == null)
        {
            throw new UserError("give --out FILE.csv, --journal DIR or both");
        }
        final Path csv = out != null ? out : journal.resolveSibling(journal.getFileName() + ".csv");
        final long fromMs = time("--from", from);
        final long toMs = time("--to", to);
        final PrintWriter err = spec.commandLine().getErr();
        final boolean terminal = System.console() != null;
        if (trades)
        {
            return fetchTrades(base, fromMs, toMs, csv, err, terminal);
        }
        final UpbitCandleFetcher.Result r;
        try
        {
            r = new UpbitCandleFetcher(base, pageSize, 1000).fetch(symbol, interval, fromMs, toMs, csv, fillGaps, page ->
            {
                if (terminal)
                {
                    err.print("\rfetch: " + page.totalCandles() + " candles, back to "
                        + Instant.ofEpochMilli(page.oldestMs()) + "   ");
                    err.flush();
                }
            });
        }
        catch (final IllegalStateException ex)
        {
            throw new UserError(ex.getMessage());
        }
        if (terminal)
        {
            err.println();
        }
        final PrintWriter o = spec.commandLine().getOut();
        o.println("fetched " + r.candles() + " " + interval + " candles of " + symbol + " into " + csv + " (" + r.pages()
            + " page(s), " + r.retries() + " retried request(s)" + (r.resumed() ? ", resumed" : "") + ")");
        final long missing = r.gaps().stream().mapToLong(UpbitCandleFetcher.Gap::periods).sum();
        if (r.gaps().isEmpty())
        {
            o.println("gaps: none");
        }
        else
        {
            o.println("gaps: " + missing + " period(s) without trades in " + r.gaps().size() + " run(s)"
                + (fillGaps ? ", " + r.filled() + " filled with the last close and zero volume" : " (not filled; --fill-gaps fills them)"));
            r.gaps().stream().limit(10).forEach(g -> o.println("  " + Instant.ofEpochMilli(g.fromMs()) + " .. "
                + Instant.ofEpochMilli(g.toMs()) + " (" + g.periods() + ")"));
            if (r.gaps().size() > 10)
            {
                o.println("  ... " + (r.gaps().size() - 10) + " more");
            }
        }
        if (journal != null)
        {
            if (r.candles() == 0)
            {
                throw new UserError("no candles in the range: no journal written");
            }
            final MarketSeries series = MarketDataFile.read(csv, DataFormat.OHLCV, symbol);
            o.println(ImportCommand.summary(series, JournalImport.write(series, journal), journal));
        }
        o.flush();
        return 0;
    }

    private int fetchTrades(final URI base, final long fromMs, final long toMs, final Path csv, final PrintWriter err,
        final boolean terminal)
    {
        final UpbitTradeFetcher.Result r;
        try
        {
            r = new UpbitTradeFetcher(base, 1000).fetch(symbol, fromMs, toMs, csv, stored ->
            {
                if (terminal)
                {
                    err.print("\rfetch: " + stored + " trades   ");
                    err.flush();
                }
            });
        }
        catch (final IllegalStateException ex)
        {
            throw new UserError(ex.getMessage());
        }
        if (terminal)
        {
            err.println();
        }
        final PrintWriter o = spec.commandLine().getOut();
        o.println("fetched " + r.trades() + " trades of " + symbol + " into " + csv + " (" + r.pages() + " request(s), "
            + r.retries() + " retried" + (r.resumed() ? ", resumed" : "") + ")");
        if (journal != null)
        {
            if (r.trades() == 0)
            {
                throw new UserError("no trades in the range: no journal written");
            }
            final MarketSeries series = MarketDataFile.read(csv, DataFormat.TRADES, symbol);
            o.println(ImportCommand.summary(series, JournalImport.write(series, journal), journal));
        }
        o.flush();
        return 0;
    }

    private static long time(final String option, final String text)
    {
        try
        {
            final String t = text.trim().replace(' ', 'T');
            return t.endsWith("Z") || t.matches(".*[+-]\\d\\d:\\d\\d$") ? OffsetDateTime.parse(t).toInstant().toEpochMilli()
                : LocalDateTime.parse(t).toInstant(ZoneOffset.UTC).toEpochMilli();
        }
        catch (final DateTimeParseException ex)
        {
            throw new UserError("invalid " + option + " '" + text + "': expected 2024-06-01T00:00:00Z or '2024-06-01 00:00:00' (UTC)");
        }
    }
}
