package io.qts.engine.risk;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Halt windows: start included, end excluded; bad or overlapping windows are errors naming the key. */
class HaltScheduleTest
{
    private static final long MINUTE = 60_000_000_000L;
    private static final long DAY = LossLimits.DAY_NS;
    /** 2024-03-20T00:00:00Z */
    private static final long MARCH_20 = 1_710_892_800_000_000_000L;

    @Test
    void dailyWindowsRecurEveryUtcDayAndMayRunOverMidnight()
    {
        final HaltSchedule schedule = HaltSchedule.parse("risk.haltWindows", "09:30-10:00, 23:00-01:00");
        assertFalse(schedule.halted(9 * 60 * MINUTE + 30 * MINUTE - 1));
        assertTrue(schedule.halted(9 * 60 * MINUTE + 30 * MINUTE));
        assertFalse(schedule.halted(10 * 60 * MINUTE));
        assertTrue(schedule.halted(5 * DAY + 9 * 60 * MINUTE + 45 * MINUTE), "any day");
        assertTrue(schedule.halted(23 * 60 * MINUTE + 30 * MINUTE));
        assertTrue(schedule.halted(DAY + 30 * MINUTE));
        assertFalse(schedule.halted(DAY + 60 * MINUTE));
    }

    @Test
    void absoluteWindowsAreIsoInstants()
    {
        final HaltSchedule schedule = HaltSchedule.parse("risk.haltWindows", "2024-03-20T18:00:00Z/2024-03-20T19:00:00Z");
        assertFalse(schedule.halted(MARCH_20 + 18 * 60 * MINUTE - 1));
        assertTrue(schedule.halted(MARCH_20 + 18 * 60 * MINUTE));
        assertFalse(schedule.halted(MARCH_20 + 19 * 60 * MINUTE));
        assertFalse(schedule.halted(MARCH_20 + DAY + 18 * 60 * MINUTE + MINUTE), "not the next day");
    }

    @Test
    void adjacentWindowsDoNotOverlap()
    {
        final HaltSchedule schedule = HaltSchedule.parse("risk.haltWindows", "09:00-10:00,10:00-11:00");
        assertTrue(schedule.halted(10 * 60 * MINUTE));
        assertFalse(HaltSchedule.parse("risk.haltWindows", "none").halted(0));
    }

    @Test
    void malformedWindowsAreErrorsNamingTheKey()
    {
        assertError("risk.haltWindows: '9:30-10:00' is neither a daily UTC window HH:MM-HH:MM nor an ISO instant range " +
            "such as 2024-03-20T18:00:00Z/2024-03-20T19:00:00Z", "9:30-10:00");
        assertError("risk.haltWindows: '25:00-26:00' is neither a daily UTC window HH:MM-HH:MM nor an ISO instant range " +
            "such as 2024-03-20T18:00:00Z/2024-03-20T19:00:00Z", "25:00-26:00");
        assertError("risk.haltWindows: '10:00-10:00' is empty; a daily window is HH:MM-HH:MM (UTC) with two different times",
            "10:00-10:00");
        assertError("risk.haltWindows: window '2024-03-20T19:00:00Z/2024-03-20T18:00:00Z' ends before it starts",
            "2024-03-20T19:00:00Z/2024-03-20T18:00:00Z");
        assertError("risk.haltWindows: '2024-03-20 18:00/2024-03-20 19:00' is neither a daily UTC window HH:MM-HH:MM nor an " +
            "ISO instant range such as 2024-03-20T18:00:00Z/2024-03-20T19:00:00Z", "2024-03-20 18:00/2024-03-20 19:00");
    }

    @Test
    void overlappingWindowsAreErrorsNamingBoth()
    {
        assertError("risk.haltWindows: windows '09:00-10:00' and '09:30-11:00' overlap", "09:00-10:00,09:30-11:00");
        assertError("risk.haltWindows: windows '23:00-01:00' and '00:30-00:45' overlap", "23:00-01:00,00:30-00:45");
        assertError("risk.haltWindows: windows '09:00-10:00' and '09:00-10:00' overlap", "09:00-10:00,09:00-10:00");
        assertError("risk.haltWindows: windows '2024-03-20T18:00:00Z/2024-03-20T19:00:00Z' and " +
            "'2024-03-20T18:30:00Z/2024-03-21T00:00:00Z' overlap",
            "2024-03-20T18:00:00Z/2024-03-20T19:00:00Z,2024-03-20T18:30:00Z/2024-03-21T00:00:00Z");
        assertError("risk.haltWindows: windows '2024-03-20T18:00:00Z/2024-03-20T19:00:00Z' and '18:59-20:00' overlap",
            "18:59-20:00,2024-03-20T18:00:00Z/2024-03-20T19:00:00Z");
    }

    private static void assertError(final String message, final String spec)
    {
        assertEquals(message, assertThrows(IllegalArgumentException.class, () -> HaltSchedule.parse("risk.haltWindows", spec)).getMessage());
    }
}
