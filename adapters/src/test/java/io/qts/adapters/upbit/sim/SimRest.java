package io.qts.adapters.upbit.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qts.adapters.upbit.UpbitAuth;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Signed and public REST calls to a simulator on loopback, with the JDK HTTP client, for tests. */
final class SimRest
{
    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final int port;

    SimRest(final int port)
    {
        this.port = port;
    }

    HttpResponse<String> post(final Map<String, Object> params, final UpbitAuth signer) throws Exception
    {
        final ObjectNode body = JSON.createObjectNode();
        params.forEach((k, v) -> body.put(k, String.valueOf(v)));
        return send(HttpRequest.newBuilder(uri("/v1/orders"))
            .header("Authorization", signer.authorization(UpbitAuth.queryString(params), UUID.randomUUID().toString()))
            .header("Content-Type", "application/json; charset=utf-8")
            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    /** GET with the parameters on the URL, signed when {@code signer} is not null. */
    HttpResponse<String> get(final String path, final Map<String, ?> params, final UpbitAuth signer) throws Exception
    {
        final String query = UpbitAuth.urlQueryString(params);
        final HttpRequest.Builder b = HttpRequest.newBuilder(uri(path + (query.isEmpty() ? "" : "?" + query))).GET();
        if (signer != null)
        {
            b.header("Authorization", signer.authorization(UpbitAuth.queryString(params), UUID.randomUUID().toString()));
        }
        return send(b);
    }

    HttpResponse<String> delete(final Map<String, Object> params, final UpbitAuth signer) throws Exception
    {
        return send(HttpRequest.newBuilder(uri("/v1/order?" + UpbitAuth.urlQueryString(params)))
            .header("Authorization", signer.authorization(UpbitAuth.queryString(params), UUID.randomUUID().toString()))
            .DELETE());
    }

    /** The body of a 2xx answer as JSON; fails with the body when the status is another. */
    static JsonNode ok(final HttpResponse<String> r, final int status) throws Exception
    {
        assertEquals(status, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    static String errorName(final HttpResponse<String> r, final int status) throws Exception
    {
        assertEquals(status, r.statusCode(), r.body());
        return JSON.readTree(r.body()).get("error").get("name").asText();
    }

    private URI uri(final String pathAndQuery)
    {
        return URI.create("http://127.0.0.1:" + port + pathAndQuery);
    }

    private HttpResponse<String> send(final HttpRequest.Builder request) throws Exception
    {
        return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
