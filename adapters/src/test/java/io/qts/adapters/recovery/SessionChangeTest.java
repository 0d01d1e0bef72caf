package io.qts.adapters.recovery;

import io.qts.adapters.cli.UserError;
import io.qts.adapters.run.SessionSettings;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** What an accepted session change journals, from the session's first settings, its pins and this process's settings. */
class SessionChangeTest
{
    private static SessionSettings settings(final String strategy, final Map<String, String> params, final String size)
    {
        return new SessionSettings(1, "nonce", "KRW-BTC", strategy, new TreeMap<>(params), size, "10000000", "0.0005",
            "none", "none", new TreeMap<>());
    }

    private static final SessionSettings STARTED = settings("sma-cross", Map.of("fast", "2", "slow", "4"), "0.001");
    private static final SessionPins PINNED = SessionPins.of(STARTED);

    @Test
    void aChangedParameterOfTheSameStrategyIsSetAlone()
    {
        final SessionChange.Accepted accepted = SessionChange.accepted(STARTED, PINNED,
            settings("sma-cross", Map.of("fast", "3", "slow", "4"), "0.001"));
        assertNull(accepted.strategy());
        assertEquals(Map.of("fast", "3"), accepted.params());
    }

    @Test
    void anotherStrategyIsSwitchedToWithEveryParameterGivenForIt()
    {
        final SessionChange.Accepted accepted = SessionChange.accepted(STARTED, PINNED,
            settings("momentum", Map.of("lookback", "1", "entry", "100", "exit", "100"), "0.001"));
        assertEquals("momentum", accepted.strategy());
        assertEquals(Map.of("entry", "100", "exit", "100", "lookback", "1"), accepted.params());
    }

    @Test
    void aSwitchWithAnotherSizeIsRefusedNamingTheSize()
    {
        final UserError error = assertThrows(UserError.class, () -> SessionChange.accepted(STARTED, PINNED,
            settings("momentum", Map.of(), "0.002")));
        assertEquals("--accept-session-change takes another strategy or changed strategy parameters only (a replay of the "
            + "session must decide as the live processes did); these cannot change within a session: run.size 0.001 -> 0.002. "
            + "Continue with the session's settings, or start a new session (--new-session)", error.getMessage());
    }

    @Test
    void theStrategyInForceIsThePinnedOneNotTheFirst()
    {
        // Switched to momentum by an earlier process: its parameters change as parameters, sma-cross's are not asked for.
        final SessionPins switched = SessionPins.of(settings("momentum", Map.of("lookback", "1"), "0.001"));
        final SessionChange.Accepted accepted = SessionChange.accepted(STARTED, switched,
            settings("momentum", Map.of("lookback", "5"), "0.001"));
        assertNull(accepted.strategy());
        assertEquals(Map.of("lookback", "5"), accepted.params());
    }

    @Test
    void aStrategyNameLongerThanAnAdminKeyIsRefused()
    {
        final String name = "a-strategy-with-a-name-of-33-char";
        final UserError error = assertThrows(UserError.class, () -> SessionChange.accepted(STARTED, PINNED,
            settings(name, Map.of(), "0.001")));
        assertEquals("--accept-session-change cannot journal a switch to strategy '" + name + "': its name is longer than the "
            + "32 characters of an admin key; start a new session (--new-session)", error.getMessage());
    }
}
