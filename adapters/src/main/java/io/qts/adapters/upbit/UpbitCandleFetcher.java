package io.qts.adapters.upbit;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Downloads Upbit candles over its public REST API ({@code GET /v1/candles/minutes/{unit}} or {@code /days}, no key)
 * into the OHLCV CSV layout {@code qts import} and {@code backtest --data} read
 * ({@code timestamp,open,high,low,close,volume}, UTC {@code yyyy-MM-dd HH:mm:ss}, oldest first).
 *
 * <p>It pages backwards from {@code to} with Upbit's {@code to} (exclusive) and {@code count} (at most 200), waits
 * for the next second when {@code Remaining-Req} says {@code sec=0}, waits and asks again on a 429, retries a 5xx or
 * a lost connection a few times, and stops at {@code from}. Every page is appended to {@code OUT.part} as it
 * arrives, so an interrupted download resumes where it stopped; overlapping candles are kept once (by time).
 * Periods without a candle (Upbit makes none for a period without trades) are reported as gaps; with
 * {@code fillGaps} each one after the first candle gets the last close carried forward with zero volume.
 */
public final class UpbitCandleFetcher
{
    /** Most candles Upbit returns per request ({@code count} at most 200). */
    public static final int MAX_PAGE = 200;

    private static final DateTimeFormatter CSV_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter UPBIT_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
    private static final String HEADER = "timestamp,open,high,low,close,volume";

    private final PublicRest rest;
    private final int pageSize;

    /**
     * @param baseUrl     Upbit's API ({@code https://api.upbit.com}) or a simulator's {@code http://127.0.0.1:P}.
     * @param pageSize    candles per request, 1..200.
     * @param retryWaitMs wait before asking again after a 429 (doubled after a 5xx, per attempt).
     */
    public UpbitCandleFetcher(final URI baseUrl, final int pageSize, final long retryWaitMs)
    {
        if (pageSize < 1 || pageSize > MAX_PAGE)
        {
            throw new IllegalArgumentException("page size must be 1.." + MAX_PAGE + ": " + pageSize);
        }
        this.rest = new PublicRest(baseUrl, retryWaitMs);
        this.pageSize = pageSize;
    }

    /** One page as it was stored: how many candles, and the oldest candle's start (epoch ms). */
    public record Page(int candles, long oldestMs, int totalCandles)
    {
    }

    /** A run of missing periods {@code [fromMs, toMs)}. */
    public record Gap(long fromMs, long toMs, long periods)
    {
    }

    /** What a download did. */
    public record Result(int candles, int pages, int retries, boolean resumed, List<Gap> gaps, int filled)
    {
    }

    /**
     * Downloads {@code [fromMs, toMs)} of {@code market} in candles of {@code interval} (e.g. {@code 1m}, {@code 240m},
     * {@code 1d}) into {@code out}.
     *
     * @throws IllegalArgumentException on a bad interval or range, or a partial download of another request.
     * @throws IllegalStateException    when the venue refuses (an error body, a ban) or keeps failing; what was
     *                                  downloaded stays in {@code out.part} for the next run.
     */
    public Result fetch(
        final String market, final String interval, final long fromMs, final long toMs, final Path out,
        final boolean fillGaps, final Consumer<Page> onPage)
    {
        final long periodMs = periodMs(interval);
        if (fromMs >= toMs)
        {
            throw new IllegalArgumentException("--from must be before --to");
        }
        if (Math.floorMod(fromMs, periodMs) != 0 || Math.floorMod(toMs, periodMs) != 0)
        {
            throw new IllegalArgumentException("--from and --to must fall on " + interval + " candle boundaries (UTC)");
        }
        final String path = "/v1/candles/" + (interval.endsWith("d") ? "days" : "minutes/" + interval.substring(0, interval.length() - 1));
        final Path part = out.resolveSibling(out.getFileName() + ".part");
        final String request = "# qts fetch " + market + " " + interval + " " + fromMs + " " + toMs;
        final TreeMap<Long, String> candles = new TreeMap<>();
        final boolean resumed = readPart(part, request, candles);
        long cursor = resumed && !candles.isEmpty() ? candles.firstKey() : toMs;
        int pages = 0;
        final int[] retries = {0};
        try (Writer w = Files.newBufferedWriter(part, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND))
        {
            if (!resumed)
            {
                w.write(request + "\n");
                w.flush();
            }
            while (cursor > fromMs)
            {
                final JsonNode page = page(path, market, cursor, retries);
                final StringBuilder lines = new StringBuilder();
                long oldest = cursor;
                int kept = 0;
                for (final JsonNode c : page)
                {
                    final long start = LocalDateTime.parse(c.get("candle_date_time_utc").asText(), UPBIT_TIME)
                        .toInstant(ZoneOffset.UTC).toEpochMilli();
                    oldest = Math.min(oldest, start);
                    if (start >= fromMs && start < toMs)
                    {
                        final String line = row(start, c);
                        candles.put(start, line);
                        lines.append(line).append('\n');
                        kept++;
                    }
                }
                w.write(lines.toString());
                w.flush();
                pages++;
                onPage.accept(new Page(kept, oldest, candles.size()));
                if (page.size() < pageSize || oldest >= cursor)
                {
                    break;   // Upbit has nothing older
                }
                cursor = oldest;
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot write " + part, ex);
        }
        final List<Gap> gaps = gaps(candles, fromMs, toMs, periodMs);
        final int filled = fillGaps ? fill(candles, gaps, periodMs) : 0;
        write(out, candles);
        try
        {
            Files.delete(part);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot remove " + part, ex);
        }
        return new Result(candles.size(), pages, retries[0], resumed, gaps, filled);
    }

    /** Candle length of an interval: {@code Nm} for Upbit's minute units (1, 3, 5, 10, 15, 30, 60, 240) or {@code 1d}. */
    public static long periodMs(final String interval)
    {
        if ("1d".equals(interval))
        {
            return 86_400_000L;
        }
        if (interval.matches("(1|3|5|10|15|30|60|240)m"))
        {
            return Long.parseLong(interval.substring(0, interval.length() - 1)) * 60_000L;
        }
        throw new IllegalArgumentException("--interval must be 1m, 3m, 5m, 10m, 15m, 30m, 60m, 240m or 1d: " + interval);
    }

    private JsonNode page(final String path, final String market, final long cursorMs, final int[] retries)
    {
        final String to = UPBIT_TIME.format(Instant.ofEpochMilli(cursorMs).atOffset(ZoneOffset.UTC)) + "Z";
        return rest.get(path + "?market=" + URLEncoder.encode(market, StandardCharsets.UTF_8)
            + "&to=" + URLEncoder.encode(to, StandardCharsets.UTF_8) + "&count=" + pageSize, retries);
    }

    private static String row(final long startMs, final JsonNode c)
    {
        return CSV_TIME.format(Instant.ofEpochMilli(startMs).atOffset(ZoneOffset.UTC)) + "," + plain(c.get("opening_price"))
            + "," + plain(c.get("high_price")) + "," + plain(c.get("low_price")) + "," + plain(c.get("trade_price"))
            + "," + plain(c.get("candle_acc_trade_volume"));
    }

    private static String plain(final JsonNode n)
    {
        final BigDecimal v = n.decimalValue().stripTrailingZeros();
        return (v.scale() < 0 ? v.setScale(0) : v).toPlainString();
    }

    /** Reads a partial download of the same request; false if there is none. Only whole lines count. */
    private static boolean readPart(final Path part, final String request, final Map<Long, String> candles)
    {
        final List<String> rows = PartialDownload.rows(part, request);
        if (rows == null)
        {
            return false;
        }
        for (final String line : rows)
        {
            candles.put(LocalDateTime.parse(line.substring(0, 19), CSV_TIME).toInstant(ZoneOffset.UTC).toEpochMilli(), line);
        }
        return true;
    }

    private static List<Gap> gaps(final TreeMap<Long, String> candles, final long fromMs, final long toMs, final long periodMs)
    {
        final List<Gap> out = new ArrayList<>();
        long expected = fromMs;
        for (final long start : candles.keySet())
        {
            if (start > expected)
            {
                out.add(new Gap(expected, start, (start - expected) / periodMs));
            }
            expected = start + periodMs;
        }
        if (expected < toMs)
        {
            out.add(new Gap(expected, toMs, (toMs - expected) / periodMs));
        }
        return out;
    }

    /** Carries the last close forward, volume 0, into every missing period after the first candle. */
    private static int fill(final TreeMap<Long, String> candles, final List<Gap> gaps, final long periodMs)
    {
        int filled = 0;
        for (final Gap gap : gaps)
        {
            final Map.Entry<Long, String> before = candles.lowerEntry(gap.fromMs());
            if (before == null)
            {
                continue;   // nothing to carry forward before the first candle
            }
            final String[] f = before.getValue().split(",");
            final String close = f[4];
            for (long t = gap.fromMs(); t < gap.toMs(); t += periodMs)
            {
                candles.put(t, CSV_TIME.format(Instant.ofEpochMilli(t).atOffset(ZoneOffset.UTC)) + "," + close + "," + close
                    + "," + close + "," + close + ",0");
                filled++;
            }
        }
        return filled;
    }

    private static void write(final Path out, final TreeMap<Long, String> candles)
    {
        final Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
        final StringBuilder text = new StringBuilder(HEADER).append('\n');
        candles.values().forEach(line -> text.append(line).append('\n'));
        try
        {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot write " + out, ex);
        }
    }
}
