package io.qts.adapters.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qts.adapters.cli.UserError;
import io.qts.adapters.upbit.UpbitAuth;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

/**
 * Wrong keys are found at start, not as a loop of refused handshakes and rejected orders: one signed read,
 * {@code GET /v1/accounts}, before anything is journaled or traded. Each of Upbit's key errors (its REST API guide,
 * 401: {@code invalid_access_key}, {@code expired_access_key}, {@code no_authorization_i_p}, {@code out_of_scope},
 * {@code jwt_verification}) becomes one line saying what to fix. No key ever appears in a message.
 */
public final class VenueKeyCheck
{
    static final String KEYS_WHERE = "UPBIT_ACCESS_KEY/UPBIT_SECRET_KEY or venue.keyFile";

    private VenueKeyCheck()
    {
    }

    /**
     * @param rest     the venue's REST base, e.g. https://api.upbit.com.
     * @param timeoutMs for connecting and for the answer.
     * @return the accounts (balances) as the venue's JSON array text.
     * @throws UserError naming what to fix when the venue refuses the keys, answers anything else than 200, or cannot
     *                   be reached in time.
     */
    public static String verify(final URI rest, final UpbitAuth auth, final long timeoutMs)
    {
        final URI accounts = rest.resolve("/v1/accounts");
        final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(timeoutMs)).build();
        final HttpRequest request = HttpRequest.newBuilder(accounts)
            .timeout(Duration.ofMillis(timeoutMs))
            .header("Authorization", auth.authorization(null, UUID.randomUUID().toString()))
            .header("Accept", "application/json")
            .GET()
            .build();
        final HttpResponse<String> response;
        try
        {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }
        catch (final IOException ex)
        {
            throw new UserError("cannot check the Upbit keys: GET " + accounts + " failed (" + cause(ex)
                + "); check venue.restUrl and the network");
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new UserError("the start was interrupted while checking the Upbit keys");
        }
        if (response.statusCode() == 200)
        {
            return response.body();
        }
        throw new UserError(refusal(response.statusCode(), errorName(response.body())));
    }

    /** The line for a refused check: what the venue said, then what to fix. */
    static String refusal(final int status, final String errorName)
    {
        final String fix = switch (errorName)
        {
            case "invalid_access_key" -> "the venue does not know the access key: set the access key of an active "
                + "Open API key in " + KEYS_WHERE;
            case "jwt_verification" -> "the request's signature was refused: the secret key does not belong to the "
                + "access key; set the pair issued together in " + KEYS_WHERE;
            case "expired_access_key" -> "the API key has expired: issue a new key in Upbit's Open API management and set "
                + "it in " + KEYS_WHERE;
            case "no_authorization_i_p", "no_authorization_ip" -> "this machine's IP address is not allowed for the key: "
                + "add it to the key's allowed IP addresses in Upbit's Open API management";
            case "out_of_scope" -> "the key lacks a permission: allow it to view accounts, view orders and place orders "
                + "in Upbit's Open API management";
            default -> "the venue refused the start's signed read; fix what it names and start again";
        };
        return "Upbit keys refused (" + status + " " + (errorName.isEmpty() ? "without an error name" : errorName) + "): " + fix;
    }

    private static String errorName(final String body)
    {
        try
        {
            final JsonNode name = new ObjectMapper().readTree(body).path("error").path("name");
            return name.isTextual() ? name.asText() : "";
        }
        catch (final IOException ex)
        {
            return "";
        }
    }

    private static String cause(final IOException ex)
    {
        return ex.getMessage() != null ? ex.getMessage() : ex.getClass().getSimpleName();
    }
}
