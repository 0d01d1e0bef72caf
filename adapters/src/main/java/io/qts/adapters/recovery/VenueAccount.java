package io.qts.adapters.recovery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qts.adapters.upbit.UpbitAuth;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The signed reads reconciliation asks an Upbit-compatible venue, one blocking request each, off the engine thread:
 * {@code GET /v1/order?identifier=} (one order's state, cumulative executed volume, funds and fee),
 * {@code GET /v1/orders/open?market=} (the orders resting in a market) and {@code GET /v1/accounts} (balance and locked
 * per currency). Same JWT and query_hash as the order gateway
 * (Upbit's REST authentication); only the configured REST URL is ever contacted.
 */
public final class VenueAccount
{
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI rest;
    private final UpbitAuth auth;
    private final Duration timeout;
    private final HttpClient http;

    /** An answer as received: status (0 when none came) and body. */
    public record Answer(int status, byte[] body)
    {
    }

    /**
     * @param rest      https://api.upbit.com, or a simulator's http://127.0.0.1:P.
     * @param timeoutMs each request's timeout, connect and answer.
     */
    public VenueAccount(final URI rest, final UpbitAuth auth, final long timeoutMs)
    {
        this.rest = rest;
        this.auth = auth;
        this.timeout = Duration.ofMillis(timeoutMs);
        this.http = HttpClient.newBuilder().connectTimeout(timeout).version(HttpClient.Version.HTTP_1_1).build();
    }

    /** {@code GET /v1/order?identifier=}: 200 with the order, 404 when the venue does not know it; status 0 when no answer came. */
    public Answer order(final String identifier) throws InterruptedException
    {
        final Map<String, Object> params = new LinkedHashMap<>();
        params.put("identifier", identifier);
        return get("/v1/order", params);
    }

    /** {@code GET /v1/orders/open?market=}: the account's orders still working in {@code market} (Upbit's default: wait). */
    public Answer openOrders(final String market) throws InterruptedException
    {
        final Map<String, Object> params = new LinkedHashMap<>();
        params.put("market", market);
        return get("/v1/orders/open", params);
    }

    /**
     * The identifiers of the orders in an open-orders answer, in the venue's order; an order placed without one (by
     * hand, on the venue's site) is named by its uuid.
     *
     * @throws IllegalStateException if the answer is not a 200 with a JSON array of orders.
     */
    public static List<String> orderNames(final Answer answer)
    {
        if (answer.status() != 200)
        {
            throw new IllegalStateException("GET /v1/orders/open answered " + (answer.status() == 0 ? "nothing" : answer.status()));
        }
        final JsonNode list;
        try
        {
            list = JSON.readTree(answer.body());
        }
        catch (final IOException ex)
        {
            throw new IllegalStateException("GET /v1/orders/open: not JSON");
        }
        if (list == null || !list.isArray())
        {
            throw new IllegalStateException("GET /v1/orders/open: not a list of orders");
        }
        final List<String> names = new ArrayList<>();
        for (final JsonNode order : list)
        {
            final JsonNode identifier = order.path("identifier");
            names.add(identifier.isTextual() ? identifier.asText() : "uuid " + order.path("uuid").asText());
        }
        return names;
    }

    /** {@code GET /v1/accounts}. */
    public Answer accounts() throws InterruptedException
    {
        return get("/v1/accounts", Map.of());
    }

    /**
     * Balance plus locked per currency from an accounts answer, in the venue's decimals.
     *
     * @throws IllegalStateException if the answer is not a 200 with a JSON array of accounts.
     */
    public static Map<String, BigDecimal> totals(final Answer answer)
    {
        if (answer.status() != 200)
        {
            throw new IllegalStateException("GET /v1/accounts answered " + (answer.status() == 0 ? "nothing" : answer.status()));
        }
        final JsonNode list;
        try
        {
            list = JSON.readTree(answer.body());
        }
        catch (final IOException ex)
        {
            throw new IllegalStateException("GET /v1/accounts: not JSON");
        }
        if (list == null || !list.isArray())
        {
            throw new IllegalStateException("GET /v1/accounts: not a list of accounts");
        }
        final Map<String, BigDecimal> totals = new TreeMap<>();
        for (final JsonNode account : list)
        {
            totals.put(account.path("currency").asText(), new BigDecimal(account.path("balance").asText("0"))
                .add(new BigDecimal(account.path("locked").asText("0"))));
        }
        return totals;
    }

    /** Locked amounts per currency (orders resting at the venue hold them). */
    public static Map<String, BigDecimal> locked(final Answer answer)
    {
        final Map<String, BigDecimal> locked = new TreeMap<>();
        try
        {
            for (final JsonNode account : JSON.readTree(answer.body()))
            {
                locked.put(account.path("currency").asText(), new BigDecimal(account.path("locked").asText("0")));
            }
        }
        catch (final IOException | NumberFormatException ex)
        {
            throw new IllegalStateException("GET /v1/accounts: unreadable answer");
        }
        return locked;
    }

    private Answer get(final String path, final Map<String, ?> params) throws InterruptedException
    {
        final String query = UpbitAuth.queryString(params);
        final String url = rest.toString().replaceAll("/+$", "") + path + (params.isEmpty() ? "" : "?" + UpbitAuth.urlQueryString(params));
        final HttpRequest request = HttpRequest.newBuilder(URI.create(url))
            .timeout(timeout)
            .header("Accept", "application/json")
            .header("Authorization", auth.authorization(params.isEmpty() ? null : query, UUID.randomUUID().toString()))
            .GET()
            .build();
        try
        {
            final HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(response.statusCode(), response.body());
        }
        catch (final IOException ex)
        {
            return new Answer(0, new byte[0]);
        }
    }
}
