package io.qts.engine.book;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Engine id (15 bits) above the deciding input's sequence (48 bits): a sequence never spills into the engine id. */
class ClientOrderIdsTest
{
    @Test
    void theLayoutIsEngineIdAboveA48BitSequence()
    {
        assertEquals(0x0001_0000_0000_002AL, ClientOrderIds.of(1, 42));
        assertEquals(1, ClientOrderIds.engineIdOf(ClientOrderIds.of(1, 42)));
        assertEquals(42, ClientOrderIds.sequenceOf(ClientOrderIds.of(1, 42)));
        assertEquals(0x7FFF_FFFF_FFFF_FFFFL, ClientOrderIds.of(ClientOrderIds.MAX_ENGINE_ID, ClientOrderIds.MAX_SEQUENCE));
    }

    /** The old layout kept 32 bits for the sequence: input 2^32 of engine 1 got the id of another session's input 0. */
    @Test
    void aSequencePast32BitsStaysASequence()
    {
        final long id = ClientOrderIds.of(1, 1L << 32);
        assertEquals(1, ClientOrderIds.engineIdOf(id));
        assertEquals(1L << 32, ClientOrderIds.sequenceOf(id));
        assertTrue(id != ClientOrderIds.of(1, 0) && id != ClientOrderIds.of(1, (1L << 32) - 1));
        assertEquals(ClientOrderIds.of(1, 0) | (1L << 32), ClientOrderIds.withSequence(ClientOrderIds.of(1, 0), 1L << 32));
    }

    @Test
    void aSequenceOrEngineIdThatDoesNotFitIsRefusedNotWrapped()
    {
        final IllegalStateException tooMany = assertThrows(IllegalStateException.class,
            () -> ClientOrderIds.withSequence(ClientOrderIds.of(1, 0), 1L << 48));
        assertEquals("input sequence 281474976710656 does not fit a client order id (0..281474976710655): start a new session",
            tooMany.getMessage());
        assertThrows(IllegalStateException.class, () -> ClientOrderIds.of(1, -1));
        assertThrows(IllegalStateException.class, () -> ClientOrderIds.of(ClientOrderIds.MAX_ENGINE_ID, 1L << 48),
            "the engine id's bits are not the sequence's overflow");
        assertThrows(IllegalArgumentException.class, () -> ClientOrderIds.of(ClientOrderIds.MAX_ENGINE_ID + 1, 0));
    }
}
