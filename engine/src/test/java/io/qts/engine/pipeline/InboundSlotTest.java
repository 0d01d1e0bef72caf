package io.qts.engine.pipeline;

import io.qts.journal.EntryHeader;
import io.qts.journal.Sources;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A slot starts small and grows, once, for a larger input: binary inputs keep the ring small, venue JSON still fits,
 * and the grown area is kept so the ring allocates nothing after it has gone round.
 */
class InboundSlotTest
{
    @Test
    void aBinaryInputFitsTheInlineArea()
    {
        final InboundSlot slot = new InboundSlot();
        final byte[] input = bytes(68);
        slot.set(7, Sources.MARKET_DATA, EntryHeader.FORMAT_SBE, new UnsafeBuffer(input), 0, input.length);
        assertEquals(InboundSlot.INLINE_CAPACITY, slot.rawCapacity());
        assertContents(slot, input);
    }

    @Test
    void aLargerInputGrowsTheAreaToTheNextPowerOfTwoAndTheSlotKeepsIt()
    {
        final InboundSlot slot = new InboundSlot();
        final byte[] json = bytes(700);
        slot.set(1, Sources.VENUE, EntryHeader.FORMAT_JSON, new UnsafeBuffer(json), 0, json.length);
        assertEquals(1024, slot.rawCapacity());
        assertContents(slot, json);

        final byte[] grown = slot.raw;
        final byte[] small = bytes(40);
        slot.set(2, Sources.MARKET_DATA, EntryHeader.FORMAT_SBE, new UnsafeBuffer(small), 0, small.length);
        slot.set(3, Sources.VENUE, EntryHeader.FORMAT_JSON, new UnsafeBuffer(json), 0, json.length);
        assertSame(grown, slot.raw, "no new area for inputs that fit");
        assertContents(slot, json);
    }

    @Test
    void theLargestJournalEntryFitsAndOneByteMoreIsRefused()
    {
        final InboundSlot slot = new InboundSlot();
        final byte[] largest = bytes(EntryHeader.MAX_PAYLOAD_LENGTH);
        slot.set(1, Sources.VENUE, EntryHeader.FORMAT_JSON, new UnsafeBuffer(largest), 0, largest.length);
        assertEquals(EntryHeader.MAX_PAYLOAD_LENGTH, slot.rawCapacity());
        assertContents(slot, largest);

        final byte[] tooLarge = bytes(EntryHeader.MAX_PAYLOAD_LENGTH + 1);
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
            () -> slot.set(2, Sources.VENUE, EntryHeader.FORMAT_JSON, new UnsafeBuffer(tooLarge), 0, tooLarge.length));
        assertEquals("input of 4097 bytes is larger than the largest journal entry, 4096", ex.getMessage());
        assertContents(slot, largest);
    }

    private static void assertContents(final InboundSlot slot, final byte[] expected)
    {
        assertEquals(expected.length, slot.length);
        final byte[] actual = new byte[slot.length];
        slot.rawBuffer.getBytes(0, actual);
        assertArrayEquals(expected, actual, "the decoders read the input through rawBuffer");
    }

    private static byte[] bytes(final int length)
    {
        final byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++)
        {
            bytes[i] = (byte)(31 * i + 7);
        }
        return bytes;
    }
}
