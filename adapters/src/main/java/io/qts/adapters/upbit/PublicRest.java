package io.qts.adapters.upbit;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GET requests to Upbit's public REST API (no key) as a polite client makes them: it waits for the next second when
 * {@code Remaining-Req} says {@code sec=0}, waits and asks again on a 429 (at most 20 times in a row), retries a
 * 5xx or a lost connection 3 times with a doubling wait, and stops with one message on a 418 (a ban) or any other
 * error.
 */
final class PublicRest
{
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final Pattern SEC = Pattern.compile("sec=(\\d+)");
    private static final int MAX_429 = 20;
    private static final int MAX_FAILURES = 3;

    private final URI baseUrl;
    private final long retryWaitMs;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** @param retryWaitMs wait before asking again after a 429 (doubled per attempt after a 5xx). */
    PublicRest(final URI baseUrl, final long retryWaitMs)
    {
        this.baseUrl = baseUrl;
        this.retryWaitMs = retryWaitMs;
    }

    /**
     * GET {@code pathAndQuery} (already URL-encoded), retried as the class says; {@code retries[0]} counts the
     * requests asked again.
     */
    JsonNode get(final String pathAndQuery, final int[] retries)
    {
        final URI uri = baseUrl.resolve(pathAndQuery);
        int tooMany = 0;
        int failures = 0;
        while (true)
        {
            final HttpResponse<String> r;
            try
            {
                r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).header("Accept", "application/json")
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            }
            catch (final IOException ex)
            {
                failures = failed(uri, "no answer (" + ex.getMessage() + ")", failures, retries);
                continue;
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted");
            }
            final int status = r.statusCode();
            if (status == 200)
            {
                waitIfSpent(r);
                try
                {
                    return JSON.readTree(r.body());
                }
                catch (final IOException ex)
                {
                    throw new IllegalStateException(uri + ": the answer is not JSON");
                }
            }
            if (status == 429)
            {
                if (++tooMany > MAX_429)
                {
                    throw new IllegalStateException(uri + ": still 429 Too Many Requests after " + MAX_429 + " tries");
                }
                retries[0]++;
                sleep(retryWaitMs);
                continue;
            }
            if (status == 418)
            {
                throw new IllegalStateException("Upbit blocked this IP (418): " + errorMessage(r)
                    + r.headers().firstValue("Retry-After").map(s -> " (retry after " + s + " s)").orElse(""));
            }
            if (status >= 500)
            {
                failures = failed(uri, "HTTP " + status, failures, retries);
                continue;
            }
            throw new IllegalStateException(uri + ": HTTP " + status + " " + errorMessage(r));
        }
    }

    private int failed(final URI uri, final String what, final int failures, final int[] retries)
    {
        if (failures + 1 > MAX_FAILURES)
        {
            throw new IllegalStateException(uri + ": " + what + " after " + (MAX_FAILURES + 1)
                + " tries; run the same command again to resume");
        }
        retries[0]++;
        sleep(retryWaitMs << failures);
        return failures + 1;
    }

    /** Remaining-Req: group=candle; min=..; sec=N. With nothing left this second, wait for the next one. */
    private static void waitIfSpent(final HttpResponse<String> r)
    {
        final Matcher m = SEC.matcher(r.headers().firstValue("Remaining-Req").orElse(""));
        if (m.find() && Long.parseLong(m.group(1)) == 0)
        {
            sleep(1000 - Math.floorMod(System.currentTimeMillis(), 1000L) + 5);
        }
    }

    private static String errorMessage(final HttpResponse<String> r)
    {
        try
        {
            final JsonNode e = JSON.readTree(r.body()).path("error");
            return e.path("name").asText("?") + ": " + e.path("message").asText("");
        }
        catch (final IOException ex)
        {
            return "(no error body)";
        }
    }

    private static void sleep(final long ms)
    {
        try
        {
            Thread.sleep(Math.max(0, ms));
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
    }

}
