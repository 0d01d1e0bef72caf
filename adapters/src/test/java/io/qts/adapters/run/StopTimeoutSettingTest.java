package io.qts.adapters.run;

import io.qts.adapters.cli.UserError;
import io.qts.adapters.config.QtsConfig;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** {@code run.stopTimeoutMs}: how long an orderly stop waits for the venue's answers; checked once at start. */
class StopTimeoutSettingTest
{
    private static RunSettings settings(final Map<String, String> env)
    {
        return RunSettings.from(QtsConfig.load(null, env, Map.of()), null, Map.of(), null);
    }

    @Test
    void fiveSecondsByDefaultAndAnyWholeNumberUpToAMinute()
    {
        assertEquals(5_000, settings(Map.of()).stopTimeoutMs());
        assertEquals(0, settings(Map.of("QTS_RUN_STOP_TIMEOUT_MS", "0")).stopTimeoutMs());
        assertEquals(60_000, settings(Map.of("QTS_RUN_STOP_TIMEOUT_MS", "60000")).stopTimeoutMs());
    }

    @Test
    void anythingElseIsOneErrorNamingTheKey()
    {
        for (final String bad : new String[] {"-1", "60001", "5s", "2.5"})
        {
            assertEquals("config key 'run.stopTimeoutMs' must be a whole number of milliseconds from 0 to 60000, got '" + bad + "'",
                assertThrows(UserError.class, () -> settings(Map.of("QTS_RUN_STOP_TIMEOUT_MS", bad))).getMessage(), bad);
        }
    }
}
