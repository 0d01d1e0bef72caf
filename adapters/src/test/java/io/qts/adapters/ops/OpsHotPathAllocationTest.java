package io.qts.adapters.ops;

import io.qts.adapters.upbit.SerializedInput;
import io.qts.adapters.upbit.UpbitDecoder;
import io.qts.adapters.upbit.UpbitInstruments;
import io.qts.adapters.upbit.UpbitOrderGateway;
import io.qts.adapters.upbit.VenueIdentifiers;
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
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Being watched costs the engine thread nothing per input: the live JSON path (Upbit trades and the private stream's
 * order states through decode, sma-cross, risk and execution) with the ops HTTP endpoint running, its stage-latency
 * probe installed in the engine, and another thread scraping /metrics and /ready the whole time. Measured around each
 * call into the engine with {@code ThreadMXBean#getThreadAllocatedBytes}: less than 0.01 bytes per input, as without
 * the endpoint (one object per input would be 16 bytes or more).
 */
class OpsHotPathAllocationTest
{
    private static final int WARM_UP_TRADES = 200_000;
    private static final VenueIdentifiers IDS = VenueIdentifiers.of("9f86d081884c7d659a2feaa0c55ad015");

    private static final int MEASURED_TRADES = 500_000;

    private final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
    private final long thread = Thread.currentThread().getId();
    private final UnsafeBuffer message = new UnsafeBuffer(new byte[0]);
    private long engineBytes;
    private long inputs;

    @TempDir
    Path dir;

    @Test
    void theEngineAllocatesNothingPerInputWhileItsMetricsAreScraped() throws Exception
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
        final OpsService ops = OpsService.start(new OpsSettings(0, InetAddress.getLoopbackAddress(), 0, OpsSettings.OFF, null, null), AlertSettings.NONE,
            context, dir, new PrintWriter(new StringWriter()));
        context.stageProbe(ops.stageProbe());
        final AtomicBoolean scraping = new AtomicBoolean(true);
        final AtomicLong scrapes = new AtomicLong();
        final EngineResult result;
        final Thread scraper;
        try (ops; InlineEngine engine = new InlineEngine(context, null, orders, OutputListener.NONE))
        {
            ops.started(new WatchedEngine(engine.figures()));
            final OpsClient client = new OpsClient(ops.httpPort());
            scraper = new Thread(() ->
            {
                while (scraping.get())
                {
                    if (client.get("/metrics").status() == 200 && client.get("/ready").status() > 0)
                    {
                        scrapes.incrementAndGet();
                    }
                }
            }, "scraper");
            scraper.start();
            final long[] clock = {System.currentTimeMillis() * 1_000_000L};
            final InputSink measured = (timeNs, sourceId, format, buffer, offset, length) ->
            {
                final long before = threads.getThreadAllocatedBytes(thread);
                engine.accept(timeNs, sourceId, format, buffer, offset, length);
                engineBytes += threads.getThreadAllocatedBytes(thread) - before;
                inputs++;
            };
            final SerializedInput input = new SerializedInput(measured, () -> clock[0] += 1_000L);
            UpbitInstruments.define(List.of(new UpbitOrderGateway.Market("KRW-BTC", 1, 0, 8)), input);
            final List<byte[]> answers = new ArrayList<>();
            final MessageHeaderDecoder header = new MessageHeaderDecoder();
            final OrderCommandDecoder command = new OrderCommandDecoder();
            long scrapesAtStart = 0;
            for (int i = 0; i < WARM_UP_TRADES + MEASURED_TRADES; i++)
            {
                if (i == WARM_UP_TRADES)
                {
                    engineBytes = 0;
                    inputs = 0;
                    scrapesAtStart = scrapes.get();
                }
                final long price = 10_000_000L + 1_000L * Math.abs(i % 100 - 50);
                publish(input, Sources.MARKET_DATA, "{\"type\":\"trade\",\"code\":\"KRW-BTC\",\"trade_price\":" + price +
                    ",\"trade_volume\":0.01,\"ask_bid\":\"BID\",\"trade_timestamp\":" + (1_700_000_000_000L + i) +
                    ",\"sequential_id\":" + (1_700_000_000_000_000L + i) + ",\"stream_type\":\"REALTIME\"}");
                orders.drainAfterIdle((buffer, offset, length) ->
                {
                    header.wrap(buffer, offset);
                    command.wrapAndApplyHeader(buffer, offset, header);
                    final boolean buy = command.side() == Side.BUY;
                    final String head = "{\"type\":\"myOrder\",\"code\":\"KRW-BTC\",\"uuid\":\"u" + command.clientOrderId() +
                        "\",\"ask_bid\":\"" + (buy ? "BID" : "ASK") + "\",\"order_type\":\"" + (buy ? "price" : "market") +
                        "\",\"identifier\":\"" + IDS.identifier(command.clientOrderId()) + "\"";
                    answers.add(bytes(head + ",\"state\":\"wait\"}"));
                    answers.add(bytes(head + ",\"state\":\"trade\",\"price\":" + price + ",\"volume\":0.01,\"remaining_volume\":" +
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
            final long measuredScrapes = scrapes.get() - scrapesAtStart;
            scraping.set(false);
            scraper.join(30_000);
            result = engine.result();
            assertTrue(measuredScrapes > 0, "metrics were scraped while the allocation was measured");
            System.out.printf("scrapes while measured: %d%n", measuredScrapes);
        }
        assertTrue(result.fills() > 5_000, "orders and fills over JSON are part of the measured path: " + result.fills());
        assertEquals(0, result.malformed(), "every message decoded");
        final double bytesPerInput = (double)engineBytes / inputs;
        System.out.printf("upbit JSON through the engine, watched: %d bytes over %d inputs = %.4f bytes/input%n", engineBytes, inputs,
            bytesPerInput);
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
