package io.qts.adapters.upbit;

import io.qts.engine.EngineContext;
import io.qts.engine.EngineResult;
import io.qts.engine.InlineEngine;
import io.qts.engine.OutputListener;
import io.qts.engine.pipeline.QueuedOrders;
import io.qts.journal.EntryHeader;
import io.qts.journal.Sources;
import io.qts.journal.sbe.MessageHeaderDecoder;
import io.qts.journal.sbe.OrderCommandDecoder;
import io.qts.journal.sbe.Side;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Markets whose prices have more decimals than a KRW-BTC price (a BTC-quoted market, a KRW coin priced below one
 * won) trade through the real decoder and engine at the scale Upbit's tick table needs ({@link UpbitTickSize#priceScale});
 * at the old default scale 4 the same trades are dropped as malformed, which is why the start refuses that.
 */
class UpbitPriceScaleTest
{
    private static final VenueIdentifiers IDS = VenueIdentifiers.of(UpbitDecoderTest.NONCE);
    /** One unit of the quote currency as money (10^-8) and of the base currency as a quantity (qty scale 8). */
    private static final long UNIT = 100_000_000L;

    private final QueuedOrders orders = new QueuedOrders();
    private InlineEngine engine;
    private SerializedInput input;
    private long tradeSequence = 1_700_000_000_000_000L;

    @AfterEach
    void close()
    {
        engine.close();
    }

    private void start(final String market, final int priceScale, final long orderQty, final long initialCash)
    {
        final EngineContext context = new EngineContext()
            .symbol(market)
            .strategy("sma-cross", Map.of("fast", "2", "slow", "3"))
            .orderQty(orderQty)
            .initialCash(initialCash)
            .commissionRate(0)
            .inputDecoder(EntryHeader.FORMAT_JSON, new UpbitDecoder(IDS))
            .conclude();
        engine = new InlineEngine(context, null, orders, OutputListener.NONE);
        final long[] clock = {1_700_000_000_000_000_000L};
        input = new SerializedInput(engine, () -> clock[0] += 1_000_000L);
        UpbitInstruments.define(List.of(new UpbitOrderGateway.Market(market, 1, priceScale, 8)), input);
    }

    private void publish(final int sourceId, final String json)
    {
        final byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        input.publish(sourceId, EntryHeader.FORMAT_JSON, new UnsafeBuffer(bytes), 0, bytes.length);
    }

    private void trades(final String market, final String... prices)
    {
        for (final String price : prices)
        {
            publish(Sources.MARKET_DATA, "{\"type\":\"trade\",\"code\":\"" + market + "\",\"trade_price\":" + price +
                ",\"trade_volume\":1.5,\"ask_bid\":\"BID\",\"sequential_id\":" + tradeSequence++ + "}");
        }
    }

    /** The buy orders the engine sent since the last call, by client order id. */
    private List<Long> buys()
    {
        final MessageHeaderDecoder header = new MessageHeaderDecoder();
        final OrderCommandDecoder command = new OrderCommandDecoder();
        final List<Long> sent = new ArrayList<>();
        orders.drainAfterIdle((buffer, offset, length) ->
        {
            header.wrap(buffer, offset);
            command.wrapAndApplyHeader(buffer, offset, header);
            if (command.side() == Side.BUY)
            {
                sent.add(command.clientOrderId());
            }
        });
        return sent;
    }

    private void filled(final String market, final long clientOrderId, final String price, final String volume, final String fee)
    {
        final String order = "{\"type\":\"myOrder\",\"code\":\"" + market + "\",\"uuid\":\"u-" + clientOrderId +
            "\",\"ask_bid\":\"BID\",\"order_type\":\"price\",\"identifier\":\"" + IDS.identifier(clientOrderId) + "\"";
        publish(Sources.VENUE, order + ",\"state\":\"trade\",\"price\":" + price + ",\"volume\":" + volume +
            ",\"remaining_volume\":null,\"trade_fee\":" + fee + ",\"trade_uuid\":\"t-1\",\"executed_volume\":" + volume +
            ",\"stream_type\":\"REALTIME\"}");
        publish(Sources.VENUE, order + ",\"state\":\"done\",\"executed_volume\":" + volume + ",\"stream_type\":\"REALTIME\"}");
    }

    @Test
    void aBtcQuotedMarketTradesAtTheScaleItsTickTableNeeds()
    {
        start("BTC-ETH", UpbitTickSize.priceScale("BTC-ETH"), UNIT / 2, UNIT);
        // Down, then up through the slow average on the last trade: sma-cross 2/3 buys there.
        trades("BTC-ETH", "0.03462", "0.034615", "0.03461", "0.034605", "0.03461234", "0.03463");
        final List<Long> buys = buys();
        assertEquals(1, buys.size(), "the up-cross made the engine buy");

        filled("BTC-ETH", buys.get(0), "0.03451234", "0.5", "0.00004314");

        final EngineResult result = engine.result();
        assertEquals(8, result.priceScale());
        assertEquals(0, result.malformed(), "no trade or fill dropped");
        assertEquals(6, result.marketEvents());
        assertEquals(1, result.fills());
        assertEquals(UNIT / 2, result.position(), "0.5 ETH");
        assertEquals(98_270_069L, result.finalCash(), "1 - 0.5 x 0.03451234 - 0.00004314 = 0.98270069 BTC");
    }

    @Test
    void aKrwCoinBelowOneWonTradesAtTheScaleItsTickTableNeeds()
    {
        start("KRW-SHIB", UpbitTickSize.priceScale("KRW-SHIB"), 1_000_000 * UNIT, 10_000_000 * UNIT);
        // 0.01 to 0.1 KRW: a unit of 0.00001 KRW, five decimals.
        trades("KRW-SHIB", "0.0124", "0.01238", "0.01236", "0.01234", "0.01237", "0.01245");
        final List<Long> buys = buys();
        assertEquals(1, buys.size(), "the up-cross made the engine buy");

        filled("KRW-SHIB", buys.get(0), "0.01245", "1000000", "6.225");

        final EngineResult result = engine.result();
        assertEquals(0, result.malformed(), "no trade or fill dropped");
        assertEquals(6, result.marketEvents());
        assertEquals(1, result.fills());
        assertEquals(1_000_000 * UNIT, result.position(), "1,000,000 SHIB");
        assertEquals(998_754_377_500_000L, result.finalCash(), "10,000,000 - 1,000,000 x 0.01245 - 6.225 = 9,987,543.775 KRW");
    }

    @Test
    void atTheOldDefaultScaleFourTheSameTradesWereDroppedAsMalformed()
    {
        start("KRW-SHIB", 4, 1_000_000 * UNIT, 10_000_000 * UNIT);
        trades("KRW-SHIB", "0.0124", "0.01238", "0.01236", "0.01234", "0.01237", "0.01245");
        final EngineResult result = engine.result();
        assertEquals(5, result.malformed(), "every price with a fifth decimal; 0.0124 alone fits");
        assertTrue(buys().isEmpty(), "the strategy never saw the prices");
    }
}
