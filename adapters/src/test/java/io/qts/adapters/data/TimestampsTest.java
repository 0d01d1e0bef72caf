package io.qts.adapters.data;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Date-time cells: the common shape is read by position, everything else by the ISO parser; both give the
 * same values and the same errors.
 */
class TimestampsTest
{
    @Test
    void theCommonShapeWithAnyFractionLength()
    {
        assertEquals(1_640_991_660_000_000_000L, Timestamps.dateTimeNs("2021-12-31 23:01:00.000000"));
        assertEquals(1_640_991_660_000_000_000L, Timestamps.dateTimeNs("2021-12-31 23:01:00"));
        assertEquals(1_640_991_660_000_000_000L, Timestamps.dateTimeNs("2021-12-31T23:01:00Z"));
        assertEquals(1_709_208_000_500_000_000L, Timestamps.dateTimeNs("2024-02-29 12:00:00.5"));
        assertEquals(1_709_208_000_000_000_123L, Timestamps.dateTimeNs("2024-02-29T12:00:00.000000123Z"));
        assertEquals(-1L, Timestamps.dateTimeNs("1969-12-31 23:59:59.999999999"));
    }

    @Test
    void otherShapesTheIsoParserAcceptsStillRead()
    {
        assertEquals(1_609_502_400_000_000_000L, Timestamps.dateTimeNs("2021-01-01 12:00"));
        assertEquals(1_609_502_400_000_000_000L, Timestamps.dateTimeNs("2021-01-01 12:00:00."));
    }

    @Test
    void impossibleDatesAndTimesAreRefusedWithTheSameMessage()
    {
        for (final String text : new String[] {
            "2023-02-29 00:00:00", "2021-13-01 00:00:00", "2021-01-01 24:00:00", "2021-01-01 12:60:00",
            "2021-01-01 12:00:00.1234567890", "2021-01-01 12:00:0x", "2021/01/01 12:00:00"})
        {
            final IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Timestamps.dateTimeNs(text));
            assertEquals("timestamp '" + text + "' is not 'YYYY-MM-DD HH:MM:SS[.fraction]' (UTC, optional T and Z)",
                error.getMessage(), text);
        }
    }
}
