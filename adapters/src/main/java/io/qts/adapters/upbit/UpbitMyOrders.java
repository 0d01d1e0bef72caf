package io.qts.adapters.upbit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.qts.journal.Sources;

import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * Upbit's private WebSocket ({@code myOrder}): our orders' states and fills, each message journaled as a VENUE
 * input and decoded by {@link UpbitDecoder}. A fresh JWT (no query) is sent in the Authorization header of each
 * handshake. Reconnects like the market data; no staleness watch (orders can be quiet for hours). Its state goes in
 * as {@code {"qts":"orders","down":true}} at start and on each loss, {@code ..."down":false} once subscribed: while
 * down, risk refuses new entries (ORDER_STREAM_DOWN), exits still go. With {@link #gateUpNote} the up note waits until
 * the orders that may have changed while it was down have been asked for over REST.
 */
public final class UpbitMyOrders implements AutoCloseable
{
    /** Upbit's private WebSocket endpoint (myOrder, signed). */
    public static final URI UPBIT_URL = URI.create("wss://api.upbit.com/websocket/v1/private");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final byte[] UP = "{\"qts\":\"orders\",\"down\":false}".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DOWN = "{\"qts\":\"orders\",\"down\":true}".getBytes(StandardCharsets.US_ASCII);

    private final UpbitWebSocketClient client;

    /**
     * @param codes markets to hear about; empty for all.
     */
    public UpbitMyOrders(
        final URI url, final List<String> codes, final UpbitAuth auth, final long pingIntervalMs, final long connectTimeoutMs,
        final Backoff backoff, final SerializedInput input, final PrintStream log)
    {
        final List<String> markets = List.copyOf(codes);
        client = new UpbitWebSocketClient("my-order", url, () -> subscribeRequest(markets),
            () -> auth.authorization(null, UUID.randomUUID().toString()), Sources.VENUE, pingIntervalMs, 0,
            connectTimeoutMs, backoff, input, log);
        // Until subscribed, and whenever the stream is lost, the engine takes no new position: fills would be missed.
        client.reportLinkState(UP, DOWN);
    }

    /**
     * With Upbit's usual settings: ping every 30 s, connect timeout 5 s, reconnect back-off 0.5 s to 30 s with jitter
     * from {@code jitter}.
     *
     * @param codes markets to hear about; empty for all.
     */
    public UpbitMyOrders(final URI url, final List<String> codes, final UpbitAuth auth, final SerializedInput input,
        final RandomGenerator jitter, final PrintStream log)
    {
        this(url, codes, auth, 30_000, 5_000, new Backoff(500, 30_000, jitter), input, log);
    }

    /**
     * {@code [{"ticket":UUID},{"type":"myOrder","codes":[...]},{"format":"DEFAULT"}]} (no codes: all markets), a fresh
     * ticket each time.
     */
    public static String subscribeRequest(final List<String> codes)
    {
        final ArrayNode request = JSON.createArrayNode();
        request.addObject().put("ticket", UUID.randomUUID().toString());
        if (codes.isEmpty())
        {
            request.addObject().put("type", "myOrder");
        }
        else
        {
            UpbitMarketData.addType(request, "myOrder", codes);
        }
        request.addObject().put("format", "DEFAULT");
        return request.toString();
    }

    /**
     * After each (re)subscription, the up note waits for {@code gate} (the order gateway's REST reconciliation of the
     * orders that may have changed while the stream was down). Call before {@link #start()}.
     */
    public void gateUpNote(final UpbitWebSocketClient.UpGate gate)
    {
        client.reportLinkState(UP, DOWN, gate);
    }

    /**
     * Connects (on a Netty event loop, not this thread) with a signed handshake, subscribes, and reconnects with
     * back-off whenever the connection is lost, until {@link #close()}.
     */
    public void start()
    {
        client.start();
    }

    /** Reconnect attempts scheduled since start. */
    public long reconnects()
    {
        return client.reconnects();
    }

    /** Whether the WebSocket connection is open now. */
    public boolean connected()
    {
        return client.connected();
    }

    @Override
    public void close()
    {
        client.close();
    }
}
