package io.qts.engine.book;

import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The duplicate-trade window: a trade id is a duplicate while it is among the last 4,096 remembered, per instrument. */
class RecentTradeIdsTest
{
    @Test
    void aTradeIdSeenAgainIsADuplicateOfItsOwnInstrumentOnly()
    {
        final RecentTradeIds ids = new RecentTradeIds();
        assertTrue(ids.firstSeen(1, 100));
        assertTrue(ids.firstSeen(1, 101));
        assertFalse(ids.firstSeen(1, 100));
        assertTrue(ids.firstSeen(2, 100));
        assertFalse(ids.firstSeen(2, 100));
        assertTrue(ids.firstSeen(1, 0), "id 0: the source has no trade ids");
        assertTrue(ids.firstSeen(1, 0));
    }

    @Test
    void anIdIsForgottenOnceCapacityNewerIdsCameAfterIt()
    {
        final RecentTradeIds ids = new RecentTradeIds();
        for (long id = 1; id <= RecentTradeIds.CAPACITY; id++)
        {
            assertTrue(ids.firstSeen(1, id));
        }
        assertFalse(ids.firstSeen(1, 1), "still among the last 4,096");
        assertTrue(ids.firstSeen(1, RecentTradeIds.CAPACITY + 1));
        assertTrue(ids.firstSeen(1, 1), "pushed out by the 4,097th");
        assertFalse(ids.firstSeen(1, RecentTradeIds.CAPACITY + 1));
    }

    @Test
    void agreesWithAPlainWindowOnRisingRepeatedAndOutOfOrderIds()
    {
        // Instrument 3's keys are the highest, so its rising ids take the path that skips the lookup.
        final Random random = new Random(20261130L);
        final RecentTradeIds ids = new RecentTradeIds();
        final ArrayDeque<Long> window = new ArrayDeque<>();
        final Set<Long> inWindow = new HashSet<>();
        final long[] lastId = new long[4];
        int duplicates = 0;
        for (int i = 0; i < 200_000; i++)
        {
            final int instrument = random.nextInt(4);
            final int shape = random.nextInt(10);
            final long id;
            if (shape < 7)
            {
                id = ++lastId[instrument];
            }
            else if (shape < 9)
            {
                id = Math.max(1, lastId[instrument] - random.nextInt(6_000));
            }
            else
            {
                // No id at all, or one a little ahead, which the rising ids reach later as a duplicate.
                id = random.nextInt(3) == 0 ? 0 : lastId[instrument] + 1 + random.nextInt(50);
            }
            final long key = id ^ ((long)instrument << 56);
            final boolean expectedNew = id <= 0 || !inWindow.contains(key);
            if (id > 0 && expectedNew)
            {
                window.addLast(key);
                inWindow.add(key);
                if (window.size() > RecentTradeIds.CAPACITY)
                {
                    inWindow.remove(window.removeFirst());
                }
            }
            duplicates += expectedNew ? 0 : 1;
            assertEquals(expectedNew, ids.firstSeen(instrument, id), "input " + i + ": instrument " + instrument + ", id " + id);
        }
        assertTrue(duplicates > 5_000, "the sequence must hold duplicates: " + duplicates);
    }
}
