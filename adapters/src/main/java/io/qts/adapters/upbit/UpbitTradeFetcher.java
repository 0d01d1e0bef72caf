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
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.TreeMap;
import java.util.function.IntConsumer;

/**
 * Downloads Upbit trade ticks ({@code GET /v1/trades/ticks}, public, no key) of {@code [from, to)} into the trade CSV
 * layout {@code qts import --format trades} reads ({@code timestamp,trade_id,price,quantity,buyer_maker}: epoch ms,
 * Upbit's {@code sequential_id}, and {@code true} when the taker sold, oldest first).
 *
 * <p>Upbit serves ticks of its last 7 days only, one UTC day at a time ({@code days_ago} 1..7 before the latest
 * trade's day, none for that day), newest first, {@code to} ({@code HHmmss}, exclusive) within the day and
 * {@code cursor} (a {@code sequential_id}: older trades) for the pages, at most 500 a page. Days are fetched newest
 * first; each page is appended to {@code OUT.part}, and a rerun resumes below the oldest trade stored. Requests are
 * paced and retried by {@link PublicRest}.
 */
public final class UpbitTradeFetcher
{
    /** Most trades Upbit returns per request ({@code count} at most 500). */
    public static final int PAGE = 500;

    private static final String HEADER = "timestamp,trade_id,price,quantity,buyer_maker";
    private static final DateTimeFormatter HHMMSS = DateTimeFormatter.ofPattern("HHmmss");
    private static final long DAY_MS = 86_400_000L;

    private final PublicRest rest;

    /** @param baseUrl Upbit's API ({@code https://api.upbit.com}) or a simulator's {@code http://127.0.0.1:P}. */
    public UpbitTradeFetcher(final URI baseUrl, final long retryWaitMs)
    {
        this.rest = new PublicRest(baseUrl, retryWaitMs);
    }

    /** What a download did: trades written, requests made and asked again, whether it resumed a partial one. */
    public record Result(int trades, int pages, int retries, boolean resumed)
    {
    }

    /**
     * @param onPage told the number of trades stored so far after each page.
     * @throws IllegalArgumentException when the range is empty or starts more than 7 days before the latest trade.
     * @throws IllegalStateException    when the venue refuses or keeps failing; the pages so far stay in {@code out.part}.
     */
    public Result fetch(final String market, final long fromMs, final long toMs, final Path out, final IntConsumer onPage)
    {
        if (fromMs >= toMs)
        {
            throw new IllegalArgumentException("--from must be before --to");
        }
        final String m = URLEncoder.encode(market, StandardCharsets.UTF_8);
        final int[] retries = {0};
        final JsonNode latest = rest.get("/v1/trades/ticks?market=" + m + "&count=1", retries);
        int pages = 1;
        final Path part = out.resolveSibling(out.getFileName() + ".part");
        final String request = "# qts fetch --trades " + market + " " + fromMs + " " + toMs;
        final TreeMap<Long, String[]> trades = new TreeMap<>();
        final boolean resumed = readPart(part, request, trades);
        if (latest.isEmpty())
        {
            write(out, trades, part);
            return new Result(0, pages, retries[0], resumed);
        }
        final LocalDate today = day(latest.get(0).get("timestamp").asLong());
        final LocalDate first = day(fromMs);
        final long daysBack = ChronoUnit.DAYS.between(first, today);
        if (daysBack > 7)
        {
            throw new IllegalArgumentException("Upbit serves trade ticks of its last 7 days only: --from is " + daysBack
                + " days before its latest trade (" + today + ")");
        }
        // Resume below the oldest trade stored: the days after its day are complete.
        final long oldestStoredMs = trades.isEmpty() ? Long.MAX_VALUE : Long.parseLong(trades.firstEntry().getValue()[0]);
        final LocalDate last = day(toMs - 1).isAfter(today) ? today : day(toMs - 1);
        try (Writer w = Files.newBufferedWriter(part, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND))
        {
            if (!resumed)
            {
                w.write(request + "\n");
                w.flush();
            }
            for (LocalDate d = last; !d.isBefore(first); d = d.minusDays(1))
            {
                final long dayStart = d.atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
                if (dayStart > oldestStoredMs)
                {
                    continue;
                }
                final long daysAgo = ChronoUnit.DAYS.between(d, today);
                String cursor = oldestStoredMs >= dayStart && oldestStoredMs < dayStart + DAY_MS
                    ? Long.toString(trades.firstKey()) : null;
                final String to = toMs < dayStart + DAY_MS
                    ? HHMMSS.format(Instant.ofEpochMilli(toMs).atOffset(ZoneOffset.UTC)) : null;
                while (true)
                {
                    final JsonNode page = rest.get("/v1/trades/ticks?market=" + m + "&count=" + PAGE
                        + (daysAgo > 0 ? "&days_ago=" + daysAgo : "") + (to != null ? "&to=" + to : "")
                        + (cursor != null ? "&cursor=" + cursor : ""), retries);
                    pages++;
                    final StringBuilder lines = new StringBuilder();
                    boolean dayDone = page.size() < PAGE;
                    for (final JsonNode t : page)
                    {
                        final long ts = t.get("timestamp").asLong();
                        if (ts < Math.max(fromMs, dayStart))
                        {
                            dayDone = true;
                            break;
                        }
                        if (ts < toMs)
                        {
                            final String[] row = {Long.toString(ts), t.get("sequential_id").asText(), plain(t.get("trade_price")),
                                plain(t.get("trade_volume")), Boolean.toString("ASK".equals(t.get("ask_bid").asText()))};
                            trades.put(t.get("sequential_id").asLong(), row);
                            lines.append(String.join(",", row)).append('\n');
                        }
                        cursor = t.get("sequential_id").asText();
                    }
                    w.write(lines.toString());
                    w.flush();
                    onPage.accept(trades.size());
                    if (dayDone || page.isEmpty())
                    {
                        break;
                    }
                }
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot write " + part, ex);
        }
        write(out, trades, part);
        return new Result(trades.size(), pages, retries[0], resumed);
    }

    private static LocalDate day(final long timeMs)
    {
        return Instant.ofEpochMilli(timeMs).atOffset(ZoneOffset.UTC).toLocalDate();
    }

    private static String plain(final JsonNode n)
    {
        final BigDecimal v = n.decimalValue().stripTrailingZeros();
        return (v.scale() < 0 ? v.setScale(0) : v).toPlainString();
    }

    /** Reads a partial download of the same request, keyed by sequential_id; false if there is none. */
    private static boolean readPart(final Path part, final String request, final TreeMap<Long, String[]> trades)
    {
        final List<String> rows = PartialDownload.rows(part, request);
        if (rows == null)
        {
            return false;
        }
        for (final String line : rows)
        {
            final String[] row = line.split(",");
            trades.put(Long.parseLong(row[1]), row);
        }
        return true;
    }

    /** Oldest first (sequential_id grows with time), written whole, then the partial file removed. */
    private static void write(final Path out, final TreeMap<Long, String[]> trades, final Path part)
    {
        final Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
        final StringBuilder text = new StringBuilder(HEADER).append('\n');
        trades.values().forEach(row -> text.append(String.join(",", row)).append('\n'));
        try
        {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Files.deleteIfExists(part);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot write " + out, ex);
        }
    }
}
