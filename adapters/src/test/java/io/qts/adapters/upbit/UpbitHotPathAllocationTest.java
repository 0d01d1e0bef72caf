package io.qts.adapters.upbit;

import io.qts.engine.EngineContext;
import io.qts.engine.EngineResult;
import io.qts.engine.InlineEngine;
import io.qts.engine.InputSink;
import io.qts.engine.OutputListener;
import io.qts.engine.pipeline.QueuedOrders;
import io.qts.journal.EntryHeader;
import io.qts.journal.Sources;
import io.qts.journal.sbe.MessageHeaderDecoder;
import io.qts.journal.sbe.OrderCommandDecoder;
import io.qts.journal.sbe.Side;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The live path's decoding runs on the engine thread, so it is hot path too: Upbit JSON trades and the
 * private stream's order states (wait, trade, done) through the decode stage, sma-cross, risk and
 * execution. Measured around each call into the engine with {@code ThreadMXBean#getThreadAllocatedBytes},
 * once warmed up: less than 0.01 bytes per input (one object per input would be 16 bytes or more).
 */
class UpbitHotPathAllocationTest
{
    private static final int WARM_UP_TRADES = 200_000;
    private static final VenueIdentifiers IDS = VenueIdentifiers.of(UpbitDecoderTest.NONCE);
    private static final int MEASURED_TRADES = 500_000;

    private final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
    private final long thread = Thread.currentThread().getId();
    private final UnsafeBuffer message = new UnsafeBuffer(new byte[0]);
    private long engineBytes;
    private long inputs;

    @Test
    void decodingUpbitJsonAndTradingOnItAllocatesNothingPerInput()
    {
        final QueuedOrders orders = new QueuedOrders();
        final EngineContext context = new EngineContext()
            .symbol("KRW-BTC")
            .strategy("sma-cross", Map.of("fast", "10", "slow", "30"))
            .orderQty(1_000_000L)
            .initialCash(1_000_000_000L * 100_000_000L)
            .commissionRate(0)
            .inputDecoder(EntryHeader.FORMAT_JSON, new UpbitDecoder(IDS))
            .conclude();
        final EngineResult result;
        try (InlineEngine engine = new InlineEngine(context, null, orders, OutputListener.NONE))
        {
            final long[] clock = {1_700_000_000_000_000_000L};
            final InputSink measured = (timeNs, sourceId, format, buffer, offset, length) ->
            {
                final long before = threads.getThreadAllocatedBytes(thread);
                engine.accept(timeNs, sourceId, format, buffer, offset, length);
                engineBytes += threads.getThreadAllocatedBytes(thread) - before;
                inputs++;
            };
            final SerializedInput input = new SerializedInput(measured, () -> clock[0] += 1_000_000L);
            UpbitInstruments.define(List.of(new UpbitOrderGateway.Market("KRW-BTC", 1, 0, 8)), input);
            final List<byte[]> answers = new ArrayList<>();
            final MessageHeaderDecoder header = new MessageHeaderDecoder();
            final OrderCommandDecoder command = new OrderCommandDecoder();
            long lastPrice = 0;
            for (int i = 0; i < WARM_UP_TRADES + MEASURED_TRADES; i++)
            {
                if (i == WARM_UP_TRADES)
                {
                    engineBytes = 0;
                    inputs = 0;
                }
                lastPrice = 10_000_000L + 1_000L * Math.abs(i % 100 - 50);
                publish(input, Sources.MARKET_DATA, "{\"type\":\"trade\",\"code\":\"KRW-BTC\",\"trade_price\":" + lastPrice +
                    ",\"trade_volume\":0.01,\"ask_bid\":\"BID\",\"trade_timestamp\":" + (1_700_000_000_000L + i) +
                    ",\"sequential_id\":" + (1_700_000_000_000_000L + i) + ",\"stream_type\":\"REALTIME\"}");
                final long fillPrice = lastPrice;
                orders.drainAfterIdle((buffer, offset, length) ->
                {
                    header.wrap(buffer, offset);
                    command.wrapAndApplyHeader(buffer, offset, header);
                    final boolean buy = command.side() == Side.BUY;
                    final String head = "{\"type\":\"myOrder\",\"code\":\"KRW-BTC\",\"uuid\":\"u" + command.clientOrderId() +
                        "\",\"ask_bid\":\"" + (buy ? "BID" : "ASK") + "\",\"order_type\":\"" + (buy ? "price" : "market") +
                        "\",\"identifier\":\"" + IDS.identifier(command.clientOrderId()) + "\"";
                    answers.add(bytes(head + ",\"state\":\"wait\"}"));
                    answers.add(bytes(head + ",\"state\":\"trade\",\"price\":" + fillPrice + ",\"volume\":0.01,\"remaining_volume\":" +
                        (buy ? "null" : "0") + ",\"trade_fee\":5}"));
                    answers.add(bytes(head + ",\"state\":\"done\"}"));
                });
                for (final byte[] answer : answers)
                {
                    message.wrap(answer);
                    input.publish(Sources.VENUE, EntryHeader.FORMAT_JSON, message, 0, answer.length);
                }
                answers.clear();
            }
            result = engine.result();
        }
        assertTrue(result.fills() > 5_000, "orders and fills over JSON are part of the measured path: " + result.fills());
        assertEquals(0, result.malformed(), "every message decoded");
        assertEquals(0, result.unknownOrderEvents());
        final double bytesPerInput = (double)engineBytes / inputs;
        System.out.printf("upbit JSON through the engine: %d bytes over %d inputs = %.4f bytes/input%n", engineBytes, inputs, bytesPerInput);
        assertTrue(bytesPerInput < 0.01, bytesPerInput + " bytes per input (" + engineBytes + " bytes in all)");
    }

    private void publish(final SerializedInput input, final int sourceId, final String json)
    {
        final byte[] bytes = bytes(json);
        message.wrap(bytes);
        input.publish(sourceId, EntryHeader.FORMAT_JSON, message, 0, bytes.length);
    }

    private static byte[] bytes(final String json)
    {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
