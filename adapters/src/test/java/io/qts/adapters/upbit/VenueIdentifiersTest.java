package io.qts.adapters.upbit;

import io.qts.engine.book.ClientOrderIds;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The venue identifier {@code nonce-engine id-sequence}, and its reading back: only this session's are ours. */
class VenueIdentifiersTest
{
    private static final String NONCE = "9f86d081884c7d659a2feaa0c55ad015";
    private final VenueIdentifiers ids = VenueIdentifiers.of(NONCE);

    @Test
    void anIdentifierIsTheNonceTheEngineIdAndTheSequence()
    {
        assertEquals("9f86d081884c7d659a2feaa0c55ad015-1-42", ids.identifier(ClientOrderIds.of(1, 42)));
        assertEquals("9f86d081884c7d659a2feaa0c55ad015-32767-281474976710655",
            ids.identifier(ClientOrderIds.of(ClientOrderIds.MAX_ENGINE_ID, ClientOrderIds.MAX_SEQUENCE)), "the widest: 54 characters");
    }

    @Test
    void readingBackGivesTheClientOrderIdOrMinusOneWhenNotOurs()
    {
        assertEquals(ClientOrderIds.of(1, 42), read("9f86d081884c7d659a2feaa0c55ad015-1-42"));
        assertEquals(ClientOrderIds.of(7, 1L << 32), read(NONCE + "-7-4294967296"));
        assertEquals(ClientOrderIds.of(ClientOrderIds.MAX_ENGINE_ID, ClientOrderIds.MAX_SEQUENCE),
            read(NONCE + "-32767-281474976710655"));
        assertEquals(-1, read("0123456789abcdef0123456789abcdef-1-42"), "another session's nonce");
        assertEquals(-1, read("281474976710698"), "the old bare 64-bit id");
        assertEquals(-1, read(NONCE + "-1-"), "no sequence");
        assertEquals(-1, read(NONCE + "--42"), "no engine id");
        assertEquals(-1, read(NONCE + "-32768-1"), "engine id out of range");
        assertEquals(-1, read(NONCE + "-1-281474976710656"), "sequence past 48 bits");
        assertEquals(-1, read(NONCE + "-1-42-1"));
        assertEquals(-1, read(NONCE + "-1-4x"));
        assertEquals(-1, read(NONCE.toUpperCase() + "-1-42"));
        assertEquals(-1, read(NONCE));
    }

    @Test
    void newNoncesAreFreshAnd32HexDigits()
    {
        final SecureRandom random = new SecureRandom();
        final Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1_000; i++)
        {
            final String nonce = VenueIdentifiers.newNonce(random);
            assertTrue(nonce.matches("[0-9a-f]{32}"), nonce);
            assertTrue(seen.add(nonce), "repeated: " + nonce);
            assertEquals(nonce, VenueIdentifiers.of(nonce).nonce());
        }
    }

    @Test
    void aNonceOfAnotherShapeIsRefused()
    {
        assertEquals("a session nonce is 32 lowercase hex digits, got '12'",
            assertThrows(IllegalArgumentException.class, () -> VenueIdentifiers.of("12")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> VenueIdentifiers.of(NONCE.toUpperCase()));
        assertThrows(IllegalArgumentException.class, () -> VenueIdentifiers.of(null));
    }

    private long read(final String identifier)
    {
        final byte[] bytes = ("xx" + identifier).getBytes(StandardCharsets.US_ASCII);
        return ids.clientOrderId(new UnsafeBuffer(bytes), 2, bytes.length - 2);
    }
}
