package io.qts.adapters.upbit;

import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UpbitAuthTest
{
    private static final String ACCESS = "test-access-key";
    private static final byte[] SECRET = "test-secret-key-not-real".getBytes(StandardCharsets.UTF_8);
    private static final String NONCE = "0b8f4a36-6f0e-4c1e-9d2a-3c5b7e1f2a4d";
    private static final String ORDER_QUERY = "market=KRW-BTC&side=bid&volume=0.01&price=100&ord_type=limit";
    /** printf '%s' 'market=KRW-BTC&side=bid&volume=0.01&price=100&ord_type=limit' | sha512sum */
    private static final String ORDER_QUERY_HASH =
        "da670bea980ba35ed6a354a1580ae42e2e44b7feb2524b1477e5087ecbd233cf41de9598218c7d5582488e5a6b78f8931f1df9db9ce2fc68cd90496d9c90fe74";
    /** The same token computed on the command line with base64 and openssl dgst -sha512 -hmac. */
    private static final String OPENSSL_TOKEN =
        "eyJhbGciOiJIUzUxMiIsInR5cCI6IkpXVCJ9."
            + "eyJhY2Nlc3Nfa2V5IjoidGVzdC1hY2Nlc3Mta2V5Iiwibm9uY2UiOiIwYjhmNGEzNi02ZjBlLTRjMWUtOWQyYS0zYzViN2UxZjJhNGQiLCJx"
            + "dWVyeV9oYXNoIjoiZGE2NzBiZWE5ODBiYTM1ZWQ2YTM1NGExNTgwYWU0MmUyZTQ0YjdmZWIyNTI0YjE0NzdlNTA4N2VjYmQyMzNjZjQxZGU5"
            + "NTk4MjE4YzdkNTU4MjQ4OGU1YTZiNzhmODkzMWYxZGY5ZGI5Y2UyZmM2OGNkOTA0OTZkOWM5MGZlNzQiLCJxdWVyeV9oYXNoX2FsZyI6IlNI"
            + "QTUxMiJ9."
            + "iV37qz9GFaqfKsJ38pB-IgYJzH_o7QMVmoJ2DVOgd9OjOG76uLB7vLIGbZuLY_-op3pu4SjvEGnztLo94XN6bA";

    @Test
    void queryHashOfAKnownStringMatchesSha512sum()
    {
        assertEquals(ORDER_QUERY_HASH, UpbitAuth.queryHash(ORDER_QUERY));
        // printf '%s' '' | sha512sum
        assertEquals(
            "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e",
            UpbitAuth.queryHash(""));
    }

    @Test
    void queryStringKeepsOrderAndWritesArraysWithBrackets()
    {
        final Map<String, Object> params = new LinkedHashMap<>();
        params.put("market", "KRW-BTC");
        params.put("side", "bid");
        params.put("volume", new java.math.BigDecimal("0.01"));
        params.put("price", 100);
        params.put("ord_type", "limit");
        params.put("identifier", null);
        assertEquals(ORDER_QUERY, UpbitAuth.queryString(params));

        final Map<String, Object> states = new LinkedHashMap<>();
        states.put("states", List.of("wait", "watch"));
        assertEquals("states[]=wait&states[]=watch", UpbitAuth.queryString(states));
        // printf '%s' 'states[]=wait&states[]=watch' | sha512sum
        assertEquals(
            "ee4ff24f6e4f55cf0b17149ee355ef953d0ffac5219d4763748e49c91d44e063ec5336f8e1c9e80c42bee7a902745eb5410a09c793486b2b06845accd6765d14",
            UpbitAuth.queryHash(UpbitAuth.queryString(states)));
        assertEquals("states%5B%5D=wait&states%5B%5D=watch", UpbitAuth.urlQueryString(states));
    }

    @Test
    void tokenEqualsOneComputedIndependentlyFromTheDocumentedAlgorithm() throws Exception
    {
        final String header = "{\"alg\":\"HS512\",\"typ\":\"JWT\"}";
        final String payload = "{\"access_key\":\"" + ACCESS + "\",\"nonce\":\"" + NONCE + "\",\"query_hash\":\""
            + ORDER_QUERY_HASH + "\",\"query_hash_alg\":\"SHA512\"}";
        final String signingInput = base64Url(header.getBytes(StandardCharsets.UTF_8)) + "."
            + base64Url(payload.getBytes(StandardCharsets.UTF_8));
        final Mac mac = Mac.getInstance("HmacSHA512");
        mac.init(new SecretKeySpec(SECRET, "HmacSHA512"));
        final String expected = signingInput + "." + base64Url(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));

        final String authorization = new UpbitAuth(ACCESS, SECRET).authorization(ORDER_QUERY, NONCE);
        assertEquals("Bearer " + expected, authorization);
        assertEquals("Bearer " + OPENSSL_TOKEN, authorization);
    }

    @Test
    void withoutParametersThePayloadHasNoQueryHash() throws Exception
    {
        final String header = "{\"alg\":\"HS512\",\"typ\":\"JWT\"}";
        final String payload = "{\"access_key\":\"" + ACCESS + "\",\"nonce\":\"" + NONCE + "\"}";
        final String signingInput = base64Url(header.getBytes(StandardCharsets.UTF_8)) + "."
            + base64Url(payload.getBytes(StandardCharsets.UTF_8));
        final Mac mac = Mac.getInstance("HmacSHA512");
        mac.init(new SecretKeySpec(SECRET, "HmacSHA512"));
        final String expected = signingInput + "." + base64Url(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
        assertEquals("Bearer " + expected, new UpbitAuth(ACCESS, SECRET).authorization("", NONCE));
        assertEquals("Bearer " + expected, new UpbitAuth(ACCESS, SECRET).authorization(null, NONCE));
    }

    @Test
    void verifyAcceptsAGoodTokenAndNamesEachFailureAsTheVenueDoes()
    {
        final UpbitAuth auth = new UpbitAuth(ACCESS, SECRET);
        final java.util.function.Function<String, byte[]> keys = k -> ACCESS.equals(k) ? SECRET : null;
        assertEquals(ACCESS, UpbitAuth.verify(auth.authorization(ORDER_QUERY, NONCE), keys, ORDER_QUERY));
        assertEquals(ACCESS, UpbitAuth.verify(auth.authorization("", NONCE), keys, ""));

        assertEquals("jwt_verification", failure(
            new UpbitAuth(ACCESS, "another-secret".getBytes(StandardCharsets.UTF_8)).authorization(ORDER_QUERY, NONCE),
            keys, ORDER_QUERY));
        assertEquals("invalid_access_key", failure(
            new UpbitAuth("someone-else", SECRET).authorization(ORDER_QUERY, NONCE), keys, ORDER_QUERY));
        assertEquals("invalid_query_payload", failure(
            auth.authorization(ORDER_QUERY, NONCE), keys, ORDER_QUERY.replace("0.01", "0.02")));
        assertEquals("invalid_query_payload", failure(auth.authorization("", NONCE), keys, ORDER_QUERY));
        assertEquals("jwt_verification", failure(null, keys, ""));
        assertEquals("jwt_verification", failure("Bearer not-a-jwt", keys, ""));
        assertEquals("jwt_verification", failure("Basic abc", keys, ""));
        final String good = auth.authorization(ORDER_QUERY, NONCE);
        assertEquals("jwt_verification", failure(good.substring(0, good.length() - 2) + "AA", keys, ORDER_QUERY));
    }

    @Test
    void failureMessagesNeverCarryTheTokenOrTheSecret()
    {
        final String token = new UpbitAuth(ACCESS, "wrong".getBytes(StandardCharsets.UTF_8)).authorization(ORDER_QUERY, NONCE);
        final UpbitAuthException ex = assertThrows(UpbitAuthException.class,
            () -> UpbitAuth.verify(token, k -> SECRET, ORDER_QUERY));
        assertTrue(!ex.getMessage().contains(token.substring(7, 30)) && !ex.getMessage().contains("test-secret"));
    }

    private static String failure(
        final String header, final java.util.function.Function<String, byte[]> keys, final String query)
    {
        return assertThrows(UpbitAuthException.class, () -> UpbitAuth.verify(header, keys, query)).errorName();
    }

    /** RFC 4648 section 5 (base64url), no padding, written out here rather than taken from java.util.Base64. */
    private static String base64Url(final byte[] data)
    {
        final String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        final StringBuilder out = new StringBuilder();
        int i = 0;
        for (; i + 2 < data.length; i += 3)
        {
            final int n = (data[i] & 0xff) << 16 | (data[i + 1] & 0xff) << 8 | (data[i + 2] & 0xff);
            out.append(alphabet.charAt(n >>> 18 & 63)).append(alphabet.charAt(n >>> 12 & 63))
                .append(alphabet.charAt(n >>> 6 & 63)).append(alphabet.charAt(n & 63));
        }
        final int rest = data.length - i;
        if (rest == 1)
        {
            final int n = (data[i] & 0xff) << 16;
            out.append(alphabet.charAt(n >>> 18 & 63)).append(alphabet.charAt(n >>> 12 & 63));
        }
        else if (rest == 2)
        {
            final int n = (data[i] & 0xff) << 16 | (data[i + 1] & 0xff) << 8;
            out.append(alphabet.charAt(n >>> 18 & 63)).append(alphabet.charAt(n >>> 12 & 63))
                .append(alphabet.charAt(n >>> 6 & 63));
        }
        return out.toString();
    }
}
