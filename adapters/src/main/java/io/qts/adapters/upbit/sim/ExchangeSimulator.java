package io.qts.adapters.upbit.sim;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.qts.adapters.data.MarketSeries;
import io.qts.adapters.upbit.UpbitAuth;
import io.qts.adapters.upbit.UpbitAuthException;

import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * An Upbit-compatible exchange on loopback, in-process: public WebSocket ({@code /websocket/v1}), private
 * WebSocket ({@code /websocket/v1/private}, JWT at the handshake), REST ({@code POST /v1/orders},
 * {@code GET|DELETE /v1/order}, {@code GET /v1/orders/open|closed|uuids|chance}, {@code GET /v1/accounts}), the
 * public quotation API ({@link Quotation}: markets, ticker, order book, trades, candles from the played tape) and
 * an admin endpoint ({@code POST /sim/faults}, {@code GET /sim/status}, loopback only). It plays one
 * {@link MarketTape} per market, merged in time (trades at the same millisecond in the order of the sorted market
 * codes, each market's own trades in tape order), at {@link SimSettings#speed} trades per second, matches each
 * market's orders against that market's trades ({@link SimExchange}) and injects {@link Fault}s on command.
 * See docs/sim-exchange.md.
 */
public final class ExchangeSimulator implements AutoCloseable
{
    /** The path of the public WebSocket (trades, order books), as Upbit's. */
    public static final String PUBLIC_PATH = "/websocket/v1";
    /** The path of the private WebSocket (myOrder), as Upbit's. */
    public static final String PRIVATE_PATH = "/websocket/v1/private";

    private static final ObjectMapper JSON = new ObjectMapper()
        .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final byte[] MALFORMED = "{\"type\":\"trade\",\"code\":\"KRW-BTC\",\"trade_price\":1149".getBytes(StandardCharsets.UTF_8);
    private static final int MAX_NONCES = 100_000;
    private static final Set<String> PRIVATE_ROUTES = Set.of("POST /v1/orders", "GET /v1/order", "DELETE /v1/order",
        "GET /v1/accounts", "GET /v1/orders/open", "GET /v1/orders/closed", "GET /v1/orders/uuids",
        "GET /v1/orders/chance");

    private final List<Played> tape;
    private final SimSettings settings;
    private final Consumer<String> log;
    private final SimExchange exchange;
    private final Map<String, PublicFeed> feeds = new TreeMap<>();
    private final Map<String, Quotation> quotations = new TreeMap<>();
    private final Object playLock = new Object();

    private final ChannelGroup allChannels = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private final Map<Channel, Subscription> publicSubs = new ConcurrentHashMap<>();
    private final Map<Channel, Subscription> privateSubs = new ConcurrentHashMap<>();
    private final Map<String, Deque<String>> nonces = new HashMap<>();
    private final Map<String, long[]> rateWindows = new HashMap<>();

    private final AtomicLong delayAcksMs = new AtomicLong();
    private final AtomicInteger malformedRemaining = new AtomicInteger();
    private volatile boolean privateStreamDown;
    private final AtomicInteger ordersToLose = new AtomicInteger();
    private final AtomicInteger answersToDrop = new AtomicInteger();
    private final Deque<Fault.HttpError> httpErrors = new ArrayDeque<>();
    private final AtomicInteger httpErrorRemaining = new AtomicInteger();

    private EventLoopGroup boss;
    private EventLoopGroup workers;
    private Channel server;
    private ScheduledExecutorService player;
    private ScheduledFuture<?> playing;
    private int next;
    private long loops;
    private long played;
    private volatile boolean finished;

    /**
     * A simulator that plays one tape as {@link SimSettings#market}; nothing listens until {@link #start(int)}.
     *
     * @throws IllegalArgumentException if the tape is empty.
     */
    public ExchangeSimulator(final List<SimTrade> tape, final SimSettings settings)
    {
        this(Map.of(settings.market, tape), settings);
    }

    /**
     * One tape per market code (QUOTE-BASE, e.g. KRW-BTC), merged in time; {@link SimSettings#market} is not used.
     *
     * @throws IllegalArgumentException if no market is given or a tape is empty
     */
    public ExchangeSimulator(final Map<String, List<SimTrade>> tapes, final SimSettings settings)
    {
        if (tapes.isEmpty())
        {
            throw new IllegalArgumentException("no market to play");
        }
        final List<Played> merged = new ArrayList<>();
        for (final String market : new TreeSet<>(tapes.keySet()))
        {
            if (tapes.get(market).isEmpty())
            {
                throw new IllegalArgumentException("no trades to play for " + market);
            }
            for (final SimTrade t : tapes.get(market))
            {
                merged.add(new Played(market, t));
            }
            final PublicFeed feed = new PublicFeed(market, settings.orderbookUnits);
            feeds.put(market, feed);
            quotations.put(market, new Quotation(market, feed));
        }
        // A stable sort: ties keep the sorted-market order they were added in, and each tape its own order.
        merged.sort(Comparator.comparingLong(p -> p.trade().tradeTimestampMs()));
        this.tape = List.copyOf(merged);
        this.settings = settings;
        this.log = settings.log;
        this.exchange = new SimExchange(List.copyOf(feeds.keySet()), settings.feeRate, settings.initialBalances,
            System::currentTimeMillis, new PrivateFanout(),
            settings.uuidSeed != null ? settings.uuidSeed : new java.security.SecureRandom().nextLong());
    }

    /**
     * A simulator playing the trades {@link MarketTape#of} makes from a recorded series.
     *
     * @throws IllegalArgumentException if the series yields no trade.
     */
    public static ExchangeSimulator of(final MarketSeries series, final SimSettings settings)
    {
        return new ExchangeSimulator(MarketTape.of(series), settings);
    }

    /** One series per market code, e.g. {@code {KRW-BTC: btc, KRW-ETH: eth}}; see the map constructor. */
    public static ExchangeSimulator of(final Map<String, MarketSeries> series, final SimSettings settings)
    {
        final Map<String, List<SimTrade>> tapes = new TreeMap<>();
        series.forEach((market, s) -> tapes.put(market, MarketTape.of(s)));
        return new ExchangeSimulator(tapes, settings);
    }

    /** The played market codes, sorted. */
    public List<String> markets()
    {
        return List.copyOf(feeds.keySet());
    }

    /** A trade of the merged tape and the market it belongs to. */
    private record Played(String market, SimTrade trade)
    {
    }

    private static final class Subscription
    {
        final Set<String> types = new HashSet<>();
        final Set<String> codes = new HashSet<>();
        String accessKey;
        boolean realtime = true;
        boolean snapshot = true;
    }

    // ================================================================= lifecycle

    /** Binds 127.0.0.1:port (0 = an ephemeral port), starts playback unless autoPlay is off; returns the port. */
    public synchronized int start(final int port)
    {
        if (server != null)
        {
            throw new IllegalStateException("already started");
        }
        if (port < 0 || port > 65535)
        {
            throw new IllegalArgumentException("port must be 0..65535: " + port);
        }
        boss = new NioEventLoopGroup(1, new DefaultThreadFactory("sim-boss", true));
        workers = new NioEventLoopGroup(2, new DefaultThreadFactory("sim-io", true));
        try
        {
            server = new ServerBootstrap()
                .group(boss, workers)
                .channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>()
                {
                    @Override
                    protected void initChannel(final SocketChannel ch)
                    {
                        allChannels.add(ch);
                        ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(1 << 20), new Handler());
                    }
                })
                .bind(InetAddress.getLoopbackAddress(), port).syncUninterruptibly().channel();
        }
        catch (final Exception ex)
        {
            // Netty rethrows the bind's checked BindException (port in use) undeclared: catch it too, to name the port.
            shutdownLoops();
            server = null;
            throw new IllegalStateException("cannot listen on 127.0.0.1:" + port + ": " + ex.getMessage(), ex);
        }
        player = Executors.newSingleThreadScheduledExecutor(new DefaultThreadFactory("sim-playback", true));
        final int bound = port();
        log.accept("listening on 127.0.0.1:" + bound + " (" + String.join(", ", feeds.keySet()) + ", " + tape.size() + " trades, "
            + (settings.speed > 0 ? settings.speed + " trades/s" : "manual playback") + ", "
            + settings.keys.size() + " API key(s))");
        if (settings.autoPlay)
        {
            play();
        }
        return bound;
    }

    /** The port the server listens on (127.0.0.1); call after {@link #start(int)}. */
    public int port()
    {
        return ((InetSocketAddress)server.localAddress()).getPort();
    }

    /** Starts timed playback (at {@link SimSettings#speed} trades per second); no-op if playing or speed is 0. */
    public synchronized void play()
    {
        if (player == null || playing != null || settings.speed <= 0)
        {
            return;
        }
        final long periodNs = Math.max(1L, (long)(1_000_000_000L / settings.speed));
        playing = player.scheduleAtFixedRate(() ->
        {
            try
            {
                if (step(1) == 0)
                {
                    pause();
                }
            }
            catch (final RuntimeException ex)
            {
                log.accept("playback error: " + ex);
            }
        }, 0, periodNs, TimeUnit.NANOSECONDS);
    }

    /** Stops timed playback after the trade in progress; {@link #play()} resumes it. No-op when not playing. */
    public synchronized void pause()
    {
        if (playing != null)
        {
            playing.cancel(false);
            playing = null;
        }
    }

    /** Plays up to n trades now (any speed); returns how many were played (0 at the end of the data). */
    public int step(final int n)
    {
        int done = 0;
        for (int i = 0; i < n; i++)
        {
            synchronized (playLock)
            {
                if (next >= tape.size())
                {
                    if (!settings.loop)
                    {
                        if (!finished)
                        {
                            finished = true;
                            log.accept("playback finished: " + played + " trades played");
                        }
                        break;
                    }
                    next = 0;
                    loops++;
                }
                final Played raw = tape.get(next++);
                final SimTrade trade = loops == 0 ? raw.trade() : shifted(raw.trade());
                publish(raw.market(), trade);
                played++;
                done++;
            }
        }
        return done;
    }

    /** Connections subscribed to the public stream now. */
    public int publicSubscribers()
    {
        return publicSubs.size();
    }

    /** Trades published so far, over every loop of the tape. */
    public long tradesPlayed()
    {
        synchronized (playLock)
        {
            return played;
        }
    }

    /** True once playback reached the end of the tape without {@code loop}; never with it. */
    public boolean finished()
    {
        return finished;
    }

    /** Balance plus locked per currency of an account (for tests and the status endpoint). */
    public Map<String, BigDecimal> balances(final String accessKey)
    {
        return exchange.balances(accessKey);
    }

    @Override
    public synchronized void close()
    {
        pause();
        if (player != null)
        {
            player.shutdownNow();
        }
        if (server != null)
        {
            server.close().syncUninterruptibly();
            allChannels.close().awaitUninterruptibly();
            shutdownLoops();
            log.accept("closed after " + tradesPlayed() + " trades");
        }
    }

    private void shutdownLoops()
    {
        if (boss != null)
        {
            boss.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
            workers.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    private SimTrade shifted(final SimTrade t)
    {
        final long spanMs = tape.get(tape.size() - 1).trade().tradeTimestampMs() - tape.get(0).trade().tradeTimestampMs() + 60_000L;
        final long ts = t.tradeTimestampMs() + spanMs * loops;
        return new SimTrade(ts, t.price(), t.volume(), t.askBid(), t.sequentialId() + spanMs * loops * 1000);
    }

    // ================================================================= faults

    /** Injects faults now; see {@link Fault}. */
    public void inject(final Fault... faults)
    {
        for (final Fault fault : faults)
        {
            if (fault instanceof Fault.DropConnections)
            {
                log.accept("fault: dropping all " + allChannels.size() + " connection(s)");
                allChannels.close();
            }
            else if (fault instanceof Fault.DelayAcks d)
            {
                delayAcksMs.set(d.millis());
                log.accept(d.millis() == 0 ? "fault: REST responses no longer delayed"
                    : "fault: delaying every REST response by " + d.millis() + " ms");
            }
            else if (fault instanceof Fault.HttpError e)
            {
                synchronized (httpErrors)
                {
                    httpErrors.add(e);
                    httpErrorRemaining.addAndGet(e.count());
                }
                log.accept("fault: the next " + e.count() + " REST call(s) get HTTP " + e.status()
                    + (e.status() == 418 ? " (banned " + e.banSeconds() + " s)" : ""));
            }
            else if (fault instanceof Fault.LoseOrders l)
            {
                ordersToLose.addAndGet(l.count());
                log.accept("fault: the next " + l.count() + " order create(s) lost in transit");
            }
            else if (fault instanceof Fault.DropAnswers d)
            {
                answersToDrop.addAndGet(d.count());
                log.accept("fault: the answers of the next " + d.count() + " signed REST call(s) dropped");
            }
            else if (fault instanceof Fault.PrivateStream p)
            {
                privateStreamDown = p.down();
                if (p.down())
                {
                    log.accept("fault: private stream down, closing " + privateSubs.size() + " private connection(s)");
                    privateSubs.keySet().forEach(Channel::close);
                }
                else
                {
                    log.accept("fault: private stream up again");
                }
            }
            else if (fault instanceof Fault.MalformedJson m)
            {
                malformedRemaining.addAndGet(m.count());
                log.accept("fault: " + m.count() + " malformed JSON frame(s) on the public stream");
            }
        }
    }

    private Fault.HttpError takeHttpError()
    {
        synchronized (httpErrors)
        {
            final Fault.HttpError head = httpErrors.peek();
            if (head == null)
            {
                return null;
            }
            httpErrorRemaining.decrementAndGet();
            // one count used: keep the fault with one fewer, or drop it
            httpErrors.poll();
            if (head.count() > 1)
            {
                httpErrors.addFirst(new Fault.HttpError(head.status(), head.count() - 1, head.banSeconds()));
            }
            return head;
        }
    }

    // ================================================================= public stream

    private void publish(final String market, final SimTrade trade)
    {
        final PublicFeed feed = feeds.get(market);
        feed.onTrade(trade);
        quotations.get(market).onTrade(trade);
        final long now = System.currentTimeMillis();
        if (!publicSubs.isEmpty())
        {
            byte[] tradeMsg = null;
            byte[] tickerMsg = null;
            byte[] bookMsg = null;
            if (malformedRemaining.get() > 0 && malformedRemaining.getAndDecrement() > 0)
            {
                log.accept("fault: sending a malformed JSON frame to " + publicSubs.size() + " subscriber(s)");
                for (final Channel ch : publicSubs.keySet())
                {
                    send(ch, MALFORMED);
                }
            }
            for (final Map.Entry<Channel, Subscription> e : publicSubs.entrySet())
            {
                final Subscription s = e.getValue();
                if (!s.realtime || !s.codes.contains(market))
                {
                    continue;
                }
                if (s.types.contains("trade"))
                {
                    tradeMsg = tradeMsg != null ? tradeMsg : bytes(feed.trade(now, "REALTIME"));
                    send(e.getKey(), tradeMsg);
                }
                if (s.types.contains("ticker"))
                {
                    tickerMsg = tickerMsg != null ? tickerMsg : bytes(feed.ticker(now, "REALTIME"));
                    send(e.getKey(), tickerMsg);
                }
                if (s.types.contains("orderbook"))
                {
                    bookMsg = bookMsg != null ? bookMsg : bytes(feed.orderbook(now, "REALTIME"));
                    send(e.getKey(), bookMsg);
                }
            }
        }
        exchange.onTrade(market, trade);
    }

    /** Upbit sends binary frames of UTF-8 JSON. */
    private static void send(final Channel ch, final byte[] message)
    {
        if (ch.isActive())
        {
            ch.writeAndFlush(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(message)));
        }
    }

    private final class PrivateFanout implements SimExchange.Listener
    {
        @Override
        public void onMyOrder(final String accessKey, final String code, final ObjectNode message)
        {
            fanout(accessKey, "myOrder", code, message);
            log.accept("order " + message.get("uuid").asText() + " " + message.get("state").asText()
                + ("trade".equals(message.get("state").asText())
                    ? " " + message.get("volume").asText() + " @ " + message.get("price").asText() : "")
                // Which market, where there are several to tell apart.
                + (feeds.size() > 1 ? " in " + code : ""));
        }

        @Override
        public void onMyAsset(final String accessKey, final ObjectNode message)
        {
            fanout(accessKey, "myAsset", null, message);
        }

        private void fanout(final String accessKey, final String type, final String code, final ObjectNode message)
        {
            byte[] bytes = null;
            for (final Map.Entry<Channel, Subscription> e : privateSubs.entrySet())
            {
                final Subscription s = e.getValue();
                if (accessKey.equals(s.accessKey) && s.types.contains(type)
                    && (code == null || s.codes.isEmpty() || s.codes.contains(code)))
                {
                    bytes = bytes != null ? bytes : bytes(message);
                    send(e.getKey(), bytes);
                }
            }
        }
    }

    // ================================================================= the connection handler

    private final class Handler extends SimpleChannelInboundHandler<Object>
    {
        private WebSocketServerHandshaker handshaker;
        private boolean privateStream;
        private String accessKey;

        @Override
        protected void channelRead0(final ChannelHandlerContext ctx, final Object msg)
        {
            if (msg instanceof FullHttpRequest req)
            {
                onHttp(ctx, req);
            }
            else if (msg instanceof WebSocketFrame frame)
            {
                onFrame(ctx, frame);
            }
        }

        @Override
        public void channelInactive(final ChannelHandlerContext ctx)
        {
            if (publicSubs.remove(ctx.channel()) != null || privateSubs.remove(ctx.channel()) != null)
            {
                log.accept("subscriber disconnected");
            }
            ctx.fireChannelInactive();
        }

        /** Upbit's server closes a WebSocket idle for about 120 s (SimSettings.wsIdleTimeoutMs). */
        @Override
        public void userEventTriggered(final ChannelHandlerContext ctx, final Object event)
        {
            if (event instanceof IdleStateEvent && handshaker != null)
            {
                log.accept((privateStream ? "private" : "public") + " WebSocket idle for "
                    + settings.wsIdleTimeoutMs + " ms: closing it");
                handshaker.close(ctx.channel(), new CloseWebSocketFrame(1000, "idle timeout"));
                return;
            }
            ctx.fireUserEventTriggered(event);
        }

        @Override
        public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause)
        {
            log.accept("connection error: " + cause.getClass().getSimpleName() + ": " + cause.getMessage());
            ctx.close();
        }

        private void onHttp(final ChannelHandlerContext ctx, final FullHttpRequest req)
        {
            final QueryStringDecoder uri = new QueryStringDecoder(req.uri());
            final String path = uri.path();
            if ("websocket".equalsIgnoreCase(req.headers().get(HttpHeaderNames.UPGRADE)))
            {
                upgrade(ctx, req, path);
                return;
            }
            if (path.startsWith("/sim/"))
            {
                admin(ctx, req, path);
                return;
            }
            rest(ctx, req, uri);
        }

        // ------------------------------------------------------------- WebSocket

        private void upgrade(final ChannelHandlerContext ctx, final FullHttpRequest req, final String path)
        {
            if (!PUBLIC_PATH.equals(path) && !PRIVATE_PATH.equals(path))
            {
                respond(ctx, req, 404, error("not_found", "no WebSocket at " + path), null, 0);
                return;
            }
            privateStream = PRIVATE_PATH.equals(path);
            if (privateStream && privateStreamDown)
            {
                log.accept("private stream refused: down (fault)");
                respond(ctx, req, 503, error("server_error", "private stream unavailable"), null, 0);
                return;
            }
            if (privateStream)
            {
                try
                {
                    accessKey = UpbitAuth.verify(req.headers().get(HttpHeaderNames.AUTHORIZATION),
                        settings.keys::get, "");
                }
                catch (final UpbitAuthException ex)
                {
                    log.accept("private stream refused: " + ex.errorName());
                    respond(ctx, req, 401, error(ex.errorName(), ex.getMessage()), null, 0);
                    return;
                }
            }
            final WebSocketServerHandshakerFactory factory =
                new WebSocketServerHandshakerFactory("ws://127.0.0.1" + path, null, true, 1 << 20);
            handshaker = factory.newHandshaker(req);
            if (handshaker == null)
            {
                WebSocketServerHandshakerFactory.sendUnsupportedVersionResponse(ctx.channel());
                return;
            }
            handshaker.handshake(ctx.channel(), req);
            ctx.pipeline().addBefore(ctx.name(), "idle",
                new IdleStateHandler(0, 0, settings.wsIdleTimeoutMs, TimeUnit.MILLISECONDS));
            log.accept((privateStream ? "private" : "public") + " WebSocket connected");
        }

        private void onFrame(final ChannelHandlerContext ctx, final WebSocketFrame frame)
        {
            if (frame instanceof PingWebSocketFrame)
            {
                ctx.writeAndFlush(new PongWebSocketFrame(frame.content().retain()));
                return;
            }
            if (frame instanceof CloseWebSocketFrame)
            {
                handshaker.close(ctx.channel(), (CloseWebSocketFrame)frame.retain());
                return;
            }
            if (!(frame instanceof TextWebSocketFrame) && !(frame instanceof BinaryWebSocketFrame))
            {
                return;
            }
            final String text = frame.content().toString(StandardCharsets.UTF_8).trim();
            if ("PING".equals(text))
            {
                send(ctx.channel(), "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8));
                return;
            }
            final Subscription sub;
            try
            {
                sub = subscription(text);
            }
            catch (final SimError ex)
            {
                final ObjectNode err = JSON.createObjectNode();
                err.putObject("error").put("name", ex.name).put("message", ex.getMessage());
                send(ctx.channel(), bytes(err));
                return;
            }
            if (privateStream)
            {
                sub.accessKey = accessKey;
                sub.types.retainAll(Set.of("myOrder", "myAsset"));
                privateSubs.put(ctx.channel(), sub);
                log.accept("private subscription " + sub.types);
                return;
            }
            sub.types.retainAll(Set.of("trade", "ticker", "orderbook"));
            log.accept("public subscription " + sub.types + " " + sub.codes);
            // A snapshot of what is known, then realtime messages (Upbit's default).
            synchronized (playLock)
            {
                for (final Map.Entry<String, PublicFeed> f : feeds.entrySet())
                {
                    final PublicFeed feed = f.getValue();
                    if (!feed.hasTrade() || !sub.codes.contains(f.getKey()) || !sub.snapshot)
                    {
                        continue;
                    }
                    final long now = System.currentTimeMillis();
                    if (sub.types.contains("trade"))
                    {
                        send(ctx.channel(), bytes(feed.trade(now, "SNAPSHOT")));
                    }
                    if (sub.types.contains("ticker"))
                    {
                        send(ctx.channel(), bytes(feed.ticker(now, "SNAPSHOT")));
                    }
                    if (sub.types.contains("orderbook"))
                    {
                        send(ctx.channel(), bytes(feed.orderbook(now, "SNAPSHOT")));
                    }
                }
                publicSubs.put(ctx.channel(), sub);
            }
        }

        // ------------------------------------------------------------- REST

        private void rest(final ChannelHandlerContext ctx, final FullHttpRequest req, final QueryStringDecoder uri)
        {
            final String path = uri.path();
            final HttpMethod method = req.method();
            final String route = method.name() + " " + path;
            final boolean orderGroup = "POST /v1/orders".equals(route);
            final String publicGroup = method.equals(HttpMethod.GET) ? QuotationRoutes.group(path) : null;
            if (!PRIVATE_ROUTES.contains(route) && publicGroup == null)
            {
                respond(ctx, req, 404, error("not_found", "no such API: " + route), null, 0);
                return;
            }
            final long delay = delayAcksMs.get();
            if (httpErrorRemaining.get() > 0)
            {
                final Fault.HttpError fault = takeHttpError();
                if (fault != null)
                {
                    log.accept(route + " -> " + fault.status() + " (injected)");
                    final String name = switch (fault.status())
                    {
                        case 429 -> "too_many_requests";
                        case 418 -> "too_many_requests";
                        default -> "server_error";
                    };
                    final String message = switch (fault.status())
                    {
                        case 429 -> "Too many API requests.";
                        case 418 -> "Your IP is blocked for " + fault.banSeconds() + " seconds due to repeated rate limit violations.";
                        default -> "Internal server error.";
                    };
                    respond(ctx, req, fault.status(), error(name, message),
                        fault.status() == 418 ? Map.of("Retry-After", Long.toString(fault.banSeconds())) : null, delay);
                    return;
                }
            }
            if (publicGroup != null)
            {
                quotation(ctx, req, uri, publicGroup, delay);
                return;
            }
            final JsonNode body;
            final String query;
            try
            {
                if (method.equals(HttpMethod.POST))
                {
                    body = parseBody(req);
                    query = UpbitAuth.queryString(paramsOf(body));
                }
                else
                {
                    body = null;
                    final String raw = req.uri().contains("?") ? req.uri().substring(req.uri().indexOf('?') + 1) : "";
                    query = QueryStringDecoder.decodeComponent(raw, StandardCharsets.UTF_8);
                }
            }
            catch (final SimError ex)
            {
                respond(ctx, req, ex.status, error(ex.name, ex.getMessage()), null, delay);
                return;
            }
            final String key;
            try
            {
                final UpbitAuth.Verified verified =
                    UpbitAuth.verifyToken(req.headers().get(HttpHeaderNames.AUTHORIZATION), settings.keys::get, query);
                checkNonce(verified);
                key = verified.accessKey();
            }
            catch (final UpbitAuthException ex)
            {
                log.accept(route + " -> 401 " + ex.errorName());
                respond(ctx, req, 401, error(ex.errorName(), ex.getMessage()), null, delay);
                return;
            }
            final String refusal = settings.keyRefusals.get(key);
            if (refusal != null)
            {
                log.accept(route + " -> 401 " + refusal);
                respond(ctx, req, 401, error(refusal, switch (refusal)
                {
                    case "expired_access_key" -> "The API key has expired.";
                    case "no_authorization_i_p" -> "This IP address is not allowed for the API key.";
                    default -> "The API key lacks the permission for this request.";
                }), null, delay);
                return;
            }
            final String group = orderGroup ? "order" : "default";
            final int remaining = take(key, group, orderGroup ? settings.orderPerSecond : settings.defaultPerSecond);
            final Map<String, String> headers = Map.of("Remaining-Req", "group=" + group + "; min=1800; sec=" + Math.max(0, remaining));
            if (remaining < 0)
            {
                log.accept(route + " -> 429 (group " + group + " over its limit)");
                respond(ctx, req, 429, error("too_many_requests", "Too many API requests."), headers, delay);
                return;
            }
            if (orderGroup && ordersToLose.get() > 0 && ordersToLose.getAndDecrement() > 0)
            {
                log.accept(route + " lost (injected): never reaches the book");
                ctx.close();
                return;
            }
            final boolean dropAnswer = answersToDrop.get() > 0 && answersToDrop.getAndDecrement() > 0;
            try
            {
                final JsonNode result;
                int status = 200;
                switch (route)
                {
                    case "POST /v1/orders" ->
                    {
                        result = exchange.place(key, body);
                        status = 201;
                    }
                    case "GET /v1/order" -> result = exchange.get(key, param(uri, "uuid"), param(uri, "identifier"));
                    case "DELETE /v1/order" -> result = exchange.cancel(key, param(uri, "uuid"), param(uri, "identifier"));
                    case "GET /v1/orders/open" -> result = exchange.list(key, OrderQuery.open(uri.parameters()));
                    case "GET /v1/orders/closed" ->
                        result = exchange.list(key, OrderQuery.closed(uri.parameters(), System.currentTimeMillis()));
                    case "GET /v1/orders/uuids" -> result = exchange.list(key, OrderQuery.byIds(uri.parameters()));
                    case "GET /v1/orders/chance" -> result = exchange.chance(key, param(uri, "market"));
                    default -> result = exchange.accounts(key);
                }
                log.accept(route + " -> " + status + (dropAnswer ? ", answer dropped (injected)" : ""));
                if (dropAnswer)
                {
                    ctx.close();
                    return;
                }
                respond(ctx, req, status, result, headers, delay);
            }
            catch (final SimError ex)
            {
                log.accept(route + " -> " + ex.status + " " + ex.name);
                respond(ctx, req, ex.status, error(ex.name, ex.getMessage()), headers, delay);
            }
        }

        /** The public quotation API: no key; rate-limited per client IP and group (Upbit's are per IP). */
        private void quotation(final ChannelHandlerContext ctx, final FullHttpRequest req, final QueryStringDecoder uri,
            final String group, final long delay)
        {
            final InetSocketAddress remote = (InetSocketAddress)ctx.channel().remoteAddress();
            final String ip = remote == null ? "?" : remote.getAddress().getHostAddress();
            final int remaining = take("ip " + ip, group, settings.quotationPerSecond);
            final Map<String, String> headers = Map.of("Remaining-Req",
                "group=" + group + "; min=" + settings.quotationPerSecond * 60 + "; sec=" + Math.max(0, remaining));
            final String route = "GET " + uri.path();
            if (remaining < 0)
            {
                log.accept(route + " -> 429 (group " + group + " over its limit)");
                respond(ctx, req, 429, error("too_many_requests", "Too many API requests."), headers, delay);
                return;
            }
            try
            {
                final JsonNode result;
                synchronized (playLock)
                {
                    result = QuotationRoutes.answer(quotations, uri, settings.orderbookUnits, System.currentTimeMillis());
                }
                respond(ctx, req, 200, result, headers, delay);
            }
            catch (final SimError ex)
            {
                log.accept(route + " -> " + ex.status + " " + ex.name);
                respond(ctx, req, ex.status, error(ex.name, ex.getMessage()), headers, delay);
            }
        }

        // ------------------------------------------------------------- admin

        private void admin(final ChannelHandlerContext ctx, final FullHttpRequest req, final String path)
        {
            final InetSocketAddress remote = (InetSocketAddress)ctx.channel().remoteAddress();
            if (remote == null || !remote.getAddress().isLoopbackAddress())
            {
                respond(ctx, req, 403, error("forbidden", "the admin endpoint is for loopback only"), null, 0);
                return;
            }
            if ("GET".equals(req.method().name()) && "/sim/status".equals(path))
            {
                final ObjectNode status = JSON.createObjectNode()
                    .put("market", String.join(",", feeds.keySet()))
                    .put("trades_played", tradesPlayed())
                    .put("tape_size", tape.size())
                    .put("finished", finished)
                    .put("connections", allChannels.size())
                    .put("public_subscribers", publicSubs.size())
                    .put("private_subscribers", privateSubs.size());
                respond(ctx, req, 200, status, null, 0);
                return;
            }
            if (!"POST".equals(req.method().name()) || !"/sim/faults".equals(path))
            {
                respond(ctx, req, 404, error("not_found", "admin endpoints: POST /sim/faults, GET /sim/status"), null, 0);
                return;
            }
            final List<Fault> faults;
            try
            {
                faults = faults(parseJson(req));
            }
            catch (final SimError ex)
            {
                respond(ctx, req, 400, error(ex.name, ex.getMessage()), null, 0);
                return;
            }
            final ObjectNode ok = JSON.createObjectNode().put("injected", faults.size());
            final boolean drop = faults.stream().anyMatch(f -> f instanceof Fault.DropConnections);
            final List<Fault> others = faults.stream().filter(f -> !(f instanceof Fault.DropConnections)).toList();
            inject(others.toArray(new Fault[0]));
            final FullHttpResponse response = response(200, ok, Map.of());
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            ctx.writeAndFlush(response).addListener((ChannelFutureListener)f ->
            {
                f.channel().close();
                if (drop)
                {
                    inject(Fault.dropConnections());
                }
            });
        }

        private void respond(
            final ChannelHandlerContext ctx, final FullHttpRequest req, final int status, final JsonNode body,
            final Map<String, String> headers, final long delayMs)
        {
            final FullHttpResponse response = response(status, body, headers == null ? Map.of() : headers);
            final boolean keepAlive = HttpUtil.isKeepAlive(req);
            HttpUtil.setKeepAlive(response, keepAlive);
            final Runnable write = () ->
            {
                if (!ctx.channel().isActive())
                {
                    response.release();
                    return;
                }
                final var future = ctx.writeAndFlush(response);
                if (!keepAlive)
                {
                    future.addListener(ChannelFutureListener.CLOSE);
                }
            };
            if (delayMs > 0)
            {
                ctx.executor().schedule(write, delayMs, TimeUnit.MILLISECONDS);
            }
            else
            {
                write.run();
            }
        }
    }

    // ================================================================= helpers

    private static FullHttpResponse response(final int status, final JsonNode body, final Map<String, String> headers)
    {
        final ByteBuf content = Unpooled.wrappedBuffer(bytes(body));
        final FullHttpResponse response =
            new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(status), content);
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json; charset=utf-8");
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, content.readableBytes());
        headers.forEach((k, v) -> response.headers().set(k, v));
        return response;
    }

    /** Upbit's error body: {@code {"error":{"name":...,"message":...}}}. */
    static ObjectNode error(final String name, final String message)
    {
        final ObjectNode n = JSON.createObjectNode();
        n.putObject("error").put("name", name).put("message", message);
        return n;
    }

    private static byte[] bytes(final JsonNode node)
    {
        try
        {
            return JSON.writeValueAsBytes(node);
        }
        catch (final JsonProcessingException ex)
        {
            throw new IllegalStateException(ex);
        }
    }

    private static JsonNode parseJson(final FullHttpRequest req)
    {
        try
        {
            final JsonNode node = JSON.readTree(req.content().toString(StandardCharsets.UTF_8));
            if (node == null || node.isMissingNode())
            {
                throw new SimError(400, "validation_error", "the body is empty");
            }
            return node;
        }
        catch (final JsonProcessingException ex)
        {
            throw new SimError(400, "validation_error", "the body is not JSON");
        }
    }

    private static JsonNode parseBody(final FullHttpRequest req)
    {
        final JsonNode node = parseJson(req);
        if (!node.isObject())
        {
            throw new SimError(400, "validation_error", "the body must be a JSON object");
        }
        return node;
    }

    /** The body's fields in their order, as UpbitAuth.queryString takes them. */
    private static Map<String, Object> paramsOf(final JsonNode body)
    {
        final Map<String, Object> params = new java.util.LinkedHashMap<>();
        body.fields().forEachRemaining(e ->
        {
            final JsonNode v = e.getValue();
            if (v.isArray())
            {
                final List<Object> items = new java.util.ArrayList<>();
                v.forEach(item -> items.add(scalar(item)));
                params.put(e.getKey(), items);
            }
            else if (!v.isNull())
            {
                params.put(e.getKey(), scalar(v));
            }
        });
        return params;
    }

    private static Object scalar(final JsonNode v)
    {
        return v.isNumber() ? v.decimalValue() : v.asText();
    }

    private static String param(final QueryStringDecoder uri, final String name)
    {
        final List<String> values = uri.parameters().get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private void checkNonce(final UpbitAuth.Verified verified)
    {
        synchronized (nonces)
        {
            final Deque<String> seen = nonces.computeIfAbsent(verified.accessKey(), k -> new ArrayDeque<>());
            if (seen.contains(verified.nonce()))
            {
                throw new UpbitAuthException("nonce_used", "this nonce was already used");
            }
            seen.addLast(verified.nonce());
            if (seen.size() > MAX_NONCES)
            {
                seen.removeFirst();
            }
        }
    }

    /** Takes one request from the key's group budget of this second; returns what is left, -1 if none was. */
    private int take(final String key, final String group, final int limit)
    {
        final long second = System.currentTimeMillis() / 1000;
        synchronized (rateWindows)
        {
            final long[] w = rateWindows.computeIfAbsent(key + " " + group, k -> new long[2]);
            if (w[0] != second)
            {
                w[0] = second;
                w[1] = 0;
            }
            if (w[1] >= limit)
            {
                return -1;
            }
            w[1]++;
            return (int)(limit - w[1]);
        }
    }

    /** Parses a subscribe request: [{"ticket":..},{"type":..,"codes":[..]},..,{"format":..}]. */
    private static Subscription subscription(final String text)
    {
        final JsonNode root;
        try
        {
            root = JSON.readTree(text);
        }
        catch (final JsonProcessingException ex)
        {
            throw new SimError(400, "WRONG_FORMAT", "the request is not JSON");
        }
        if (root == null || !root.isArray())
        {
            throw new SimError(400, "WRONG_FORMAT", "the request must be a JSON array");
        }
        boolean ticket = false;
        final Subscription sub = new Subscription();
        for (final JsonNode item : root)
        {
            if (item.has("ticket"))
            {
                ticket = true;
            }
            else if (item.has("type"))
            {
                sub.types.add(item.get("type").asText());
                final JsonNode codes = item.get("codes");
                if (codes != null && codes.isArray())
                {
                    codes.forEach(c -> sub.codes.add(c.asText().toUpperCase(java.util.Locale.ROOT)));
                }
                if (item.path("is_only_snapshot").asBoolean(false))
                {
                    sub.realtime = false;
                }
                if (item.path("is_only_realtime").asBoolean(false))
                {
                    sub.snapshot = false;
                }
            }
        }
        if (!ticket)
        {
            throw new SimError(400, "NO_TICKET", "the request has no ticket");
        }
        if (sub.types.isEmpty())
        {
            throw new SimError(400, "NO_TYPE", "the request has no type");
        }
        return sub;
    }

    private static List<Fault> faults(final JsonNode node)
    {
        final List<Fault> out = new java.util.ArrayList<>();
        for (final JsonNode f : node.isArray() ? node : JSON.createArrayNode().add(node))
        {
            try
            {
                out.add(switch (f.path("fault").asText(""))
                {
                    case "drop_connections" -> Fault.dropConnections();
                    case "delay_acks" -> Fault.delayAcks(f.path("millis").asLong(-1));
                    case "http_error" -> new Fault.HttpError(
                        f.path("status").asInt(0), f.path("count").asInt(1), f.path("ban_seconds").asLong(60));
                    case "malformed_json" -> Fault.malformedJson(f.path("count").asInt(1));
                    case "private_stream" -> new Fault.PrivateStream(f.path("down").asBoolean(true));
                    case "lose_orders" -> Fault.loseOrders(f.path("count").asInt(1));
                    case "drop_answers" -> Fault.dropAnswers(f.path("count").asInt(1));
                    default -> throw new IllegalArgumentException("fault must be drop_connections, delay_acks, http_error, "
                        + "malformed_json, private_stream, lose_orders or drop_answers");
                });
            }
            catch (final IllegalArgumentException ex)
            {
                throw new SimError(400, "validation_error", ex.getMessage());
            }
        }
        return out;
    }
}
