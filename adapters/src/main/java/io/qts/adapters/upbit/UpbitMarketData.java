package io.qts.adapters.upbit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.qts.journal.Sources;

import java.io.PrintStream;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * Upbit's public market data over WebSocket into the engine: trades (and, if asked, order books and tickers) of the
 * configured codes, each message's raw bytes journaled with its receive time and decoded later by
 * {@link UpbitDecoder}. Keep-alive pings, reconnect with back-off and jitter, re-subscribe, staleness notes:
 * see {@link UpbitWebSocketClient}.
 */
public final class UpbitMarketData implements AutoCloseable
{
    /** Upbit's public WebSocket endpoint. */
    public static final URI UPBIT_URL = URI.create("wss://api.upbit.com/websocket/v1");
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @param url             wss://api.upbit.com/websocket/v1, or the simulator's ws://127.0.0.1:P/websocket/v1.
     * @param codes           market codes, e.g. KRW-BTC.
     * @param orderbook       also subscribe to order books (top of book becomes a quote).
     * @param ticker          also subscribe to tickers (journaled, ignored by the engine).
     * @param pingIntervalMs  keep-alive ping period (Upbit closes idle connections after about 120 s); 0 for none.
     * @param staleAfterMs    no message for this long: the feed is stale (no new positions); 0 to never.
     * @param connectTimeoutMs connect and handshake timeout.
     * @param backoffInitialMs first reconnect delay (doubling, with jitter) ...
     * @param backoffMaxMs    ... up to this.
     */
    public record Config(
        URI url, List<String> codes, boolean orderbook, boolean ticker, long pingIntervalMs, long staleAfterMs,
        long connectTimeoutMs, long backoffInitialMs, long backoffMaxMs)
    {
        /** @throws IllegalArgumentException if no market code is given, or one is not shaped like KRW-BTC. */
        public Config
        {
            codes = List.copyOf(codes);
            if (codes.isEmpty())
            {
                throw new IllegalArgumentException("upbit market data: at least one market code is required");
            }
            for (final String code : codes)
            {
                if (!code.matches("[A-Z0-9]{2,10}-[A-Z0-9]{1,16}"))
                {
                    throw new IllegalArgumentException("upbit market data: bad market code '" + code + "' (like KRW-BTC)");
                }
            }
        }

        /** Upbit's endpoint with the usual settings: trades only, ping 30 s, stale after 30 s, back-off 0.5 s to 30 s. */
        public static Config upbit(final List<String> codes)
        {
            return new Config(UPBIT_URL, codes, false, false, 30_000, 30_000, 5_000, 500, 30_000);
        }
    }

    private final UpbitWebSocketClient client;

    /**
     * @param jitter the back-off's random source (seed it in tests).
     * @param log    where reconnects and staleness are told (stderr live).
     */
    public UpbitMarketData(final Config config, final SerializedInput input, final RandomGenerator jitter, final PrintStream log)
    {
        client = new UpbitWebSocketClient("market-data", config.url(), () -> subscribeRequest(config), null,
            Sources.MARKET_DATA, config.pingIntervalMs(), config.staleAfterMs(), config.connectTimeoutMs(),
            new Backoff(config.backoffInitialMs(), config.backoffMaxMs(), jitter), input, log);
    }

    /** {@code [{"ticket":UUID},{"type":"trade","codes":[...]},...,{"format":"DEFAULT"}]}, a fresh ticket each time. */
    public static String subscribeRequest(final Config config)
    {
        final ArrayNode request = JSON.createArrayNode();
        request.addObject().put("ticket", UUID.randomUUID().toString());
        addType(request, "trade", config.codes());
        if (config.orderbook())
        {
            addType(request, "orderbook", config.codes());
        }
        if (config.ticker())
        {
            addType(request, "ticker", config.codes());
        }
        request.addObject().put("format", "DEFAULT");
        return request.toString();
    }

    static void addType(final ArrayNode request, final String type, final List<String> codes)
    {
        final ArrayNode array = request.addObject().put("type", type).putArray("codes");
        codes.forEach(array::add);
    }

    /**
     * Connects (on a Netty event loop, not this thread), subscribes, and reconnects with back-off whenever the
     * connection is lost, until {@link #close()}.
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

    /** Whole messages received since start. */
    public long messages()
    {
        return client.messages();
    }

    /** Times the feed went stale (no message for {@code staleAfterMs}). */
    public long staleEvents()
    {
        return client.staleEvents();
    }

    /** Whether the WebSocket connection is open now. */
    public boolean connected()
    {
        return client.connected();
    }

    UpbitWebSocketClient client()
    {
        return client;
    }

    @Override
    public void close()
    {
        client.close();
    }
}
