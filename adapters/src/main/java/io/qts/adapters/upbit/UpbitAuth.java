package io.qts.adapters.upbit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Upbit's request authentication: a JWT signed HS512 with the secret key, sent as
 * {@code Authorization: Bearer <JWT>}. The payload holds {@code access_key} and {@code nonce} (a fresh UUID per
 * request), and for a request with parameters {@code query_hash} (SHA-512, lowercase hex, of the
 * {@link #queryString(Map) query string}) and {@code query_hash_alg = "SHA512"}.
 *
 * <p>The header and the payload are written by Jackson, never by string concatenation. Neither the keys nor a
 * token is ever logged or put into an exception message.
 */
public final class UpbitAuth
{
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64URL_DECODER = Base64.getUrlDecoder();
    private static final String BEARER = "Bearer ";

    private final String accessKey;
    private final byte[] secretKey;

    /**
     * Signs requests with these keys; the secret is copied, so the caller may clear its array.
     *
     * @throws IllegalArgumentException if either key is null or empty (the message names no key).
     */
    public UpbitAuth(final String accessKey, final byte[] secretKey)
    {
        if (accessKey == null || accessKey.isEmpty())
        {
            throw new IllegalArgumentException("access key is empty");
        }
        if (secretKey == null || secretKey.length == 0)
        {
            throw new IllegalArgumentException("secret key is empty");
        }
        this.accessKey = accessKey;
        this.secretKey = secretKey.clone();
    }

    /** The access key (it goes into every token's payload). Never log it. */
    public String accessKey()
    {
        return accessKey;
    }

    /**
     * "Bearer &lt;JWT&gt;": HS512; payload access_key, nonce, and when queryString is non-empty query_hash
     * (SHA-512 hex of it) + query_hash_alg "SHA512".
     *
     * @param queryString the request's parameters as {@link #queryString(Map)} writes them; null or empty for none.
     * @param nonce       unique per request (a UUID).
     */
    public String authorization(final String queryString, final String nonce)
    {
        Objects.requireNonNull(nonce, "nonce");
        final ObjectNode header = JSON.createObjectNode().put("alg", "HS512").put("typ", "JWT");
        final ObjectNode payload = JSON.createObjectNode().put("access_key", accessKey).put("nonce", nonce);
        if (queryString != null && !queryString.isEmpty())
        {
            payload.put("query_hash", queryHash(queryString)).put("query_hash_alg", "SHA512");
        }
        final String signingInput = b64(bytes(header)) + "." + b64(bytes(payload));
        return BEARER + signingInput + "." + b64(hmac("HmacSHA512", secretKey, signingInput));
    }

    /**
     * Upbit's query string of request parameters in the given order, as the venue hashes it: {@code key=value}
     * pairs joined by {@code &}, not percent-encoded (Upbit's own examples hash {@code unquote(urlencode(params))});
     * a collection or array value becomes {@code key[]=v1&key[]=v2} (a key that already ends in {@code []} is
     * not suffixed again). Null values are left out; a {@link BigDecimal} is written in plain notation.
     * To put the parameters on a URL, use {@link #urlQueryString(Map)}: the server decodes it back to this string.
     */
    public static String queryString(final Map<String, ?> params)
    {
        return build(params, false);
    }

    /** The same parameters percent-encoded (UTF-8) for a URL; it decodes to {@link #queryString(Map)}. */
    public static String urlQueryString(final Map<String, ?> params)
    {
        return build(params, true);
    }

    /** SHA-512 of the UTF-8 bytes of the query string, lowercase hex (128 characters). */
    public static String queryHash(final String queryString)
    {
        try
        {
            return HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-512").digest(queryString.getBytes(StandardCharsets.UTF_8)));
        }
        catch (final NoSuchAlgorithmException ex)
        {
            throw new IllegalStateException("SHA-512 unavailable", ex);
        }
    }

    /**
     * Checks a header the way the venue does; returns the access key; throws UpbitAuthException (with Upbit's
     * error name, e.g. "invalid_access_key", "jwt_verification", "invalid_query_payload") if anything is wrong.
     */
    public static String verify(
        final String authorizationHeader, final Function<String, byte[]> secretForAccessKey, final String queryString)
    {
        return verifyToken(authorizationHeader, secretForAccessKey, queryString).accessKey();
    }

    /** What a verified token says: its access key and nonce. */
    public record Verified(String accessKey, String nonce)
    {
    }

    /** {@link #verify} that also returns the nonce (a server checks it is not reused: {@code nonce_used}). */
    public static Verified verifyToken(
        final String authorizationHeader, final Function<String, byte[]> secretForAccessKey, final String queryString)
    {
        if (authorizationHeader == null || !authorizationHeader.startsWith(BEARER))
        {
            throw new UpbitAuthException("jwt_verification", "missing or non-Bearer Authorization header");
        }
        final String token = authorizationHeader.substring(BEARER.length()).trim();
        final String[] parts = token.split("\\.", -1);
        if (parts.length != 3)
        {
            throw new UpbitAuthException("jwt_verification", "the token is not a JWT (header.payload.signature)");
        }
        final JsonNode header = decodeJson(parts[0], "header");
        final JsonNode payload = decodeJson(parts[1], "payload");
        final String alg = header.path("alg").asText("");
        final String macAlgorithm = switch (alg)
        {
            case "HS512" -> "HmacSHA512";
            case "HS256" -> "HmacSHA256";
            default -> throw new UpbitAuthException("jwt_verification", "unsupported JWT alg '" + alg + "'");
        };
        final JsonNode accessKeyNode = payload.get("access_key");
        if (accessKeyNode == null || !accessKeyNode.isTextual() || accessKeyNode.asText().isEmpty())
        {
            throw new UpbitAuthException("invalid_access_key", "the token has no access_key");
        }
        final String accessKey = accessKeyNode.asText();
        final byte[] secret = secretForAccessKey.apply(accessKey);
        if (secret == null || secret.length == 0)
        {
            throw new UpbitAuthException("invalid_access_key", "unknown access key");
        }
        final byte[] expected = hmac(macAlgorithm, secret, parts[0] + "." + parts[1]);
        final byte[] actual;
        try
        {
            actual = B64URL_DECODER.decode(parts[2]);
        }
        catch (final IllegalArgumentException ex)
        {
            throw new UpbitAuthException("jwt_verification", "the signature is not base64url");
        }
        if (!MessageDigest.isEqual(expected, actual))
        {
            throw new UpbitAuthException("jwt_verification", "bad signature");
        }
        final JsonNode nonce = payload.get("nonce");
        if (nonce == null || !nonce.isTextual() || nonce.asText().isEmpty())
        {
            throw new UpbitAuthException("jwt_verification", "the token has no nonce");
        }
        checkQuery(payload, queryString == null ? "" : queryString);
        return new Verified(accessKey, nonce.asText());
    }

    private static void checkQuery(final JsonNode payload, final String queryString)
    {
        final JsonNode hash = payload.get("query_hash");
        if (queryString.isEmpty())
        {
            if (hash != null && !hash.asText().equalsIgnoreCase(queryHash("")))
            {
                throw new UpbitAuthException("invalid_query_payload", "query_hash given for a request without parameters");
            }
            return;
        }
        if (hash == null || !hash.isTextual())
        {
            throw new UpbitAuthException("invalid_query_payload", "the request has parameters but the token no query_hash");
        }
        final String alg = payload.path("query_hash_alg").asText("SHA512");
        if (!"SHA512".equals(alg))
        {
            throw new UpbitAuthException("invalid_query_payload", "unsupported query_hash_alg '" + alg + "'");
        }
        if (!hash.asText().equalsIgnoreCase(queryHash(queryString)))
        {
            throw new UpbitAuthException("invalid_query_payload", "query_hash does not match the request's parameters");
        }
    }

    private static JsonNode decodeJson(final String part, final String what)
    {
        try
        {
            final JsonNode node = JSON.readTree(B64URL_DECODER.decode(part));
            if (node == null || !node.isObject())
            {
                throw new UpbitAuthException("jwt_verification", "the JWT " + what + " is not a JSON object");
            }
            return node;
        }
        catch (final IllegalArgumentException | java.io.IOException ex)
        {
            throw new UpbitAuthException("jwt_verification", "the JWT " + what + " cannot be decoded");
        }
    }

    private static String build(final Map<String, ?> params, final boolean urlEncode)
    {
        final StringBuilder out = new StringBuilder();
        for (final Map.Entry<String, ?> e : params.entrySet())
        {
            final Object value = e.getValue();
            if (value == null)
            {
                continue;
            }
            if (value instanceof Collection<?> || value instanceof Object[])
            {
                final Collection<?> values = value instanceof Collection<?> c ? c : Arrays.asList((Object[])value);
                final String key = e.getKey().endsWith("[]") ? e.getKey() : e.getKey() + "[]";
                for (final Object v : values)
                {
                    append(out, key, v, urlEncode);
                }
            }
            else
            {
                append(out, e.getKey(), value, urlEncode);
            }
        }
        return out.toString();
    }

    private static void append(final StringBuilder out, final String key, final Object value, final boolean urlEncode)
    {
        if (out.length() > 0)
        {
            out.append('&');
        }
        final String text = value instanceof BigDecimal d ? d.toPlainString() : String.valueOf(value);
        if (urlEncode)
        {
            out.append(encode(key)).append('=').append(encode(text));
        }
        else
        {
            out.append(key).append('=').append(text);
        }
    }

    private static String encode(final String s)
    {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static byte[] bytes(final ObjectNode node)
    {
        try
        {
            return JSON.writeValueAsBytes(node);
        }
        catch (final JsonProcessingException ex)
        {
            throw new IllegalStateException(ex);
        }
    }

    private static String b64(final byte[] bytes)
    {
        return B64URL.encodeToString(bytes);
    }

    private static byte[] hmac(final String algorithm, final byte[] key, final String input)
    {
        try
        {
            final Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key, algorithm));
            return mac.doFinal(input.getBytes(StandardCharsets.US_ASCII));
        }
        catch (final GeneralSecurityException ex)
        {
            throw new IllegalStateException(algorithm + " unavailable", ex);
        }
    }
}
