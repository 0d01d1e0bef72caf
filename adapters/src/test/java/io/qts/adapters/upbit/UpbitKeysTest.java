package io.qts.adapters.upbit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Keys from the environment or an owner-only key file; clear refusals that never show a key. */
class UpbitKeysTest
{
    @TempDir
    Path dir;

    @Test
    void fromTheEnvironment()
    {
        assertEquals("ak-1", UpbitKeys.fromEnvironment(Map.of("UPBIT_ACCESS_KEY", "ak-1", "UPBIT_SECRET_KEY", "sk-1")).accessKey());
        final IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
            () -> UpbitKeys.fromEnvironment(Map.of("UPBIT_ACCESS_KEY", "ak-1")));
        assertTrue(missing.getMessage().contains("UPBIT_SECRET_KEY"));
        assertFalse(missing.getMessage().contains("ak-1"), "never the key itself");
    }

    @Test
    void fromAnOwnerOnlyFileAndNotFromAReadableOne() throws Exception
    {
        final Path file = dir.resolve("upbit.keys");
        Files.writeString(file, "access_key=ak-2\nsecret_key=sk-2\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        assertEquals("ak-2", UpbitKeys.load(file, Map.of()).accessKey());
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        final IllegalArgumentException readable = assertThrows(IllegalArgumentException.class, () -> UpbitKeys.fromFile(file));
        assertTrue(readable.getMessage().contains("readable or writable by group or others"), readable.getMessage());
        assertFalse(readable.getMessage().contains("sk-2"));
        assertThrows(IllegalArgumentException.class, () -> UpbitKeys.fromFile(dir.resolve("none")));
    }
}
