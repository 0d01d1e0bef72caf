package io.qts.adapters.run;

import io.qts.adapters.cli.UserError;
import io.qts.adapters.config.QtsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The session nonce lives in session.json: where a replay, and a process continuing the session, read it. */
class SessionNonceFileTest
{
    @TempDir
    Path dir;

    private static SessionSettings fresh()
    {
        return RunSettings.from(QtsConfig.load(null, Map.of(), Map.of()), null, Map.of(), null).session();
    }

    @Test
    void eachRunDrawsANonceAndSessionJsonKeepsIt()
    {
        final SessionSettings session = fresh();
        assertTrue(session.nonce().matches("[0-9a-f]{32}"), session.nonce());
        assertNotEquals(session.nonce(), fresh().nonce(), "a new session, a new nonce");
        session.writeTo(dir);
        final SessionSettings read = SessionSettings.readFrom(dir);
        assertEquals(session.nonce(), read.nonce());
        assertEquals(session.identifiers().identifier((1L << 48) | 7), read.identifiers().identifier((1L << 48) | 7));
        assertEquals(session, read);
    }

    @Test
    void aSessionJsonWithoutANonceOrWithABadOneIsOneClearError() throws IOException
    {
        fresh().writeTo(dir);
        final Path file = dir.resolve(SessionSettings.FILE_NAME);
        final String json = Files.readString(file, StandardCharsets.UTF_8);

        Files.writeString(file, json.replaceFirst("\"nonce\" : \"[0-9a-f]+\"", "\"session\" : 3"), StandardCharsets.UTF_8);
        assertEquals(file + ": written before session nonces (it has 'session', not 'nonce'); decide it again with the QTS "
            + "version that recorded it", assertThrows(UserError.class, () -> SessionSettings.readFrom(dir)).getMessage());

        Files.writeString(file, json.replaceFirst("\"nonce\" : \"[0-9a-f]+\"", "\"nonce\" : \"12\""), StandardCharsets.UTF_8);
        assertEquals(file + ": 'nonce': a session nonce is 32 lowercase hex digits, got '12'",
            assertThrows(UserError.class, () -> SessionSettings.readFrom(dir)).getMessage());
    }
}
