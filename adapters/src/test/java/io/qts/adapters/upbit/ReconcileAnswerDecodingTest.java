package io.qts.adapters.upbit;

import io.qts.engine.pipeline.DecodedInput;
import io.qts.journal.Sources;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The reconciler's wrapped {@code GET /v1/order} answers and session notes, as the decoder reads them: an order's
 * cumulative account (Upbit's order fields as the simulator writes them), an order the venue does not know, and answers
 * that decide nothing.
 */
class ReconcileAnswerDecodingTest
{
    private static final int BTC = 1;
    /** One KRW as money at 10^-8. */
    private static final long KRW = 100_000_000L;

    private static final VenueIdentifiers IDS = VenueIdentifiers.of(UpbitDecoderTest.NONCE);
    /** Engine 1, sequence 0: this session's first order. */
    private static final long ORDER = 281479271677952L;
    private static final String IDENTIFIER = IDS.identifier(ORDER);

    private final UpbitDecoder decoder = new UpbitDecoder(IDS);
    private DecodedInput out;

    @BeforeEach
    void instruments()
    {
        out = DecodedInput.standalone();
        out.define("KRW-BTC", BTC, 4, 8);
    }

    private String decode(final int source, final String json)
    {
        final byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        return out.decode(decoder, source, 1, new UnsafeBuffer(bytes), bytes.length);
    }

    private static String wrapped(final int status, final String body)
    {
        return "{\"qts\":\"rest\",\"op\":\"reconcile\",\"identifier\":\"" + IDENTIFIER + "\",\"market\":\"KRW-BTC\",\"status\":" + status
            + ",\"body\":" + body + "}";
    }

    @Test
    void aDoneMarketBuyGivesItsTotalsAndEnds()
    {
        final String body = "{\"uuid\":\"9ca023a5-851b-4fec-9f0a-48cd83c2eaae\",\"side\":\"bid\",\"ord_type\":\"price\",\"price\":\"114950\","
            + "\"state\":\"done\",\"market\":\"KRW-BTC\",\"created_at\":\"2020-02-20T17:00:00+09:00\",\"volume\":null,"
            + "\"remaining_volume\":null,\"reserved_fee\":\"57.475\",\"remaining_fee\":\"0.00004\",\"paid_fee\":\"57.47496\","
            + "\"locked\":\"0\",\"executed_volume\":\"0.01\",\"executed_funds\":\"114949.92\",\"trades_count\":1,"
            + "\"time_in_force\":null,\"identifier\":\"" + IDENTIFIER + "\",\"trades\":[{\"market\":\"KRW-BTC\",\"uuid\":\"t-1\","
            + "\"price\":\"11494992\",\"volume\":\"0.01\",\"funds\":\"114949.92\",\"trend\":\"up\",\"created_at\":\"2020-02-20T17:00:01+09:00\","
            + "\"side\":\"bid\"}]}";
        assertEquals("status", decode(Sources.VENUE, wrapped(200, body)));
        assertEquals(ORDER, out.clientOrderId());
        assertEquals(DecodedInput.BUY, out.side());
        assertEquals(1_000_000, out.qty(), "executed_volume 0.01 at qty scale 8");
        assertEquals(11_494_992 * KRW / 100, out.funds(), "executed_funds 114949.92 KRW as money");
        assertEquals(5_747_496_000L, out.commission(), "paid_fee 57.47496 KRW as money");
        assertEquals(DecodedInput.VENUE_ORDER_ENDED, out.venueOrderState());
    }

    @Test
    void aWaitingSellIsStillOpen()
    {
        final String body = "{\"side\":\"ask\",\"state\":\"wait\",\"market\":\"KRW-BTC\",\"paid_fee\":\"0\",\"executed_volume\":\"0\","
            + "\"executed_funds\":\"0\",\"identifier\":\"" + IDENTIFIER + "\"}";
        assertEquals("status", decode(Sources.VENUE, wrapped(200, body)));
        assertEquals(DecodedInput.SELL, out.side());
        assertEquals(0, out.qty());
        assertEquals(DecodedInput.VENUE_ORDER_OPEN, out.venueOrderState());
    }

    @Test
    void notFoundMeansItNeverArrived()
    {
        assertEquals("status", decode(Sources.VENUE, wrapped(404, "{\"error\":{\"name\":\"order_not_found\",\"message\":\"order not found\"}}")));
        assertEquals(DecodedInput.VENUE_ORDER_NOT_FOUND, out.venueOrderState());
        assertEquals(ORDER, out.clientOrderId());
    }

    @Test
    void anAnswerThatIsNoOrderDecidesNothingAndAnOrderWithoutItsTotalsIsMalformed()
    {
        assertEquals("ignored", decode(Sources.VENUE, wrapped(500, "{\"error\":{\"name\":\"server_error\"}}")));
        assertEquals("ignored", decode(Sources.VENUE, wrapped(0, "null")));
        assertEquals("malformed", decode(Sources.VENUE, wrapped(200, "{\"side\":\"bid\",\"state\":\"done\",\"executed_volume\":\"0.01\"}")));
        assertEquals("malformed", decode(Sources.VENUE, wrapped(200, "{\"side\":\"bid\",\"state\":\"gone\",\"executed_volume\":\"0.01\","
            + "\"executed_funds\":\"1\",\"paid_fee\":\"0\"}")));
    }

    @Test
    void anAnswerAboutAnotherSessionsIdentifierIsNotOurs()
    {
        final String other = VenueIdentifiers.of("00000000000000000000000000000001").identifier(ORDER);
        assertEquals("malformed", decode(Sources.VENUE, "{\"qts\":\"rest\",\"op\":\"reconcile\",\"identifier\":\"" + other
            + "\",\"market\":\"KRW-BTC\",\"status\":404,\"body\":null}"));
    }

    @Test
    void processAndAccountNotesAreReadAndIgnored()
    {
        assertEquals("ignored", decode(Sources.ADMIN, "{\"qts\":\"process\",\"event\":\"start\",\"continued\":true,"
            + "\"last_journaled_ns\":1,\"down_ns\":2}"));
        assertEquals("ignored", decode(Sources.VENUE, "{\"qts\":\"accounts\",\"phase\":\"start\",\"quote\":\"KRW\",\"quote_total\":\"10000000\","
            + "\"base\":\"BTC\",\"base_total\":\"0\",\"engine_cash\":1000000000000000,\"engine_position\":0,\"mismatch\":false}"));
    }
}
