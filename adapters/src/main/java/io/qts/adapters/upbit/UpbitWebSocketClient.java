package io.qts.adapters.upbit;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.qts.journal.EntryHeader;
import io.qts.journal.Sources;
import org.agrona.concurrent.UnsafeBuffer;

import javax.net.ssl.SSLException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * One Upbit WebSocket connection kept alive: connect (no Origin header: Upbit throttles requests that carry one),
 * subscribe, ping every {@code pingIntervalMs}, and on any loss reconnect after an exponential back-off with jitter
 * and subscribe again. Every message (text or binary frame) goes, as received, into the engine's input with the
 * configured source, format JSON and the receive time. A staleness watch (if {@code staleAfterMs} &gt; 0) puts
 * {@code {"qts":"feed","stale":true}} in when no message came for that long, and {@code ..."stale":false} before the
 * next message. Logs connects, losses and staleness briefly to stderr; the auth header is never logged.
 */
public final class UpbitWebSocketClient implements AutoCloseable
{
    private static final byte[] STALE = "{\"qts\":\"feed\",\"stale\":true}".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] FRESH = "{\"qts\":\"feed\",\"stale\":false}".getBytes(StandardCharsets.US_ASCII);

    private final String name;
    private final URI uri;
    private final Supplier<String> subscribeRequest;
    private final Supplier<String> authorization;
    private final int sourceId;
    private final long pingIntervalMs;
    private final long staleAfterMs;
    private final long connectTimeoutMs;
    private final Backoff backoff;
    private final SerializedInput input;
    private final PrintStream log;
    private final EventLoopGroup group;
    private final SslContext ssl;
    private final UnsafeBuffer scratch = new UnsafeBuffer(new byte[EntryHeader.MAX_PAYLOAD_LENGTH]);
    private final AtomicLong reconnects = new AtomicLong();
    private final AtomicLong messages = new AtomicLong();
    private final AtomicLong oversized = new AtomicLong();
    private final AtomicLong pongs = new AtomicLong();
    private final AtomicLong staleEvents = new AtomicLong();
    private final AtomicLong subscriptions = new AtomicLong();
    private volatile boolean closed;
    private volatile Channel channel;
    private volatile long lastMessageNanos;
    private boolean stale;
    private ScheduledFuture<?> staleWatch;
    private byte[] upNote;
    private byte[] downNote;
    /** Null until the first note; guarded by this. */
    private Boolean linkUp;
    /** What stands between a subscription and the up note; null: nothing. */
    private UpGate upGate;
    /** Down notes asked for so far (changes or not); guarded by this. A gated up note is put in only if none came since. */
    private long downs;

    /**
     * Holds the up note back after a (re)subscription until something is done first: the private stream's orders are
     * reconciled over REST before the engine may take new positions again.
     */
    public interface UpGate
    {
        /** The link is down (at start and on each loss). Called under the client's lock: must not block. */
        void down();

        /**
         * Subscribed: call {@code up} once the up note may go in (from any thread); it does nothing if the link went
         * down again meanwhile. Called on the client's event loop: must not block.
         */
        void subscribed(Runnable up);

        /** A message the stream delivered, after it went in; {@code bytes} is reused after the call. On the event loop. */
        void heard(byte[] bytes, int length);
    }

    /**
     * @param name             for log lines ("market-data", "my-order").
     * @param subscribeRequest the JSON request sent after each handshake.
     * @param authorization    the Authorization header value for each handshake (a fresh JWT), or null for none.
     * @param sourceId         Sources.MARKET_DATA or Sources.VENUE.
     * @param staleAfterMs     0 to watch nothing.
     */
    public UpbitWebSocketClient(
        final String name, final URI uri, final Supplier<String> subscribeRequest, final Supplier<String> authorization,
        final int sourceId, final long pingIntervalMs, final long staleAfterMs, final long connectTimeoutMs,
        final Backoff backoff, final SerializedInput input, final PrintStream log)
    {
        this.name = name;
        this.uri = uri;
        this.subscribeRequest = subscribeRequest;
        this.authorization = authorization;
        this.sourceId = sourceId;
        this.pingIntervalMs = pingIntervalMs;
        this.staleAfterMs = staleAfterMs;
        this.connectTimeoutMs = connectTimeoutMs;
        this.backoff = backoff;
        this.input = input;
        this.log = log;
        final String scheme = uri.getScheme();
        if (!"ws".equals(scheme) && !"wss".equals(scheme))
        {
            throw new IllegalArgumentException(name + ": WebSocket URL must be ws:// or wss://, got " + uri);
        }
        try
        {
            ssl = "wss".equals(scheme) ? SslContextBuilder.forClient().build() : null;
        }
        catch (final SSLException ex)
        {
            throw new IllegalStateException(name + ": cannot set up TLS", ex);
        }
        group = new NioEventLoopGroup(1, (Runnable r) ->
        {
            final Thread t = new Thread(r, "upbit-" + name);
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Puts {@code downNote} in at {@link #start()} and whenever the connection is lost, {@code upNote} once subscribed
     * (each only when the state changes), on this client's source: how the private stream tells the engine that it
     * is blind. Call before {@link #start()}.
     */
    public void reportLinkState(final byte[] upNote, final byte[] downNote)
    {
        this.upNote = upNote.clone();
        this.downNote = downNote.clone();
    }

    /** As {@link #reportLinkState(byte[], byte[])}, with the up note held back by {@code gate} after each subscription. */
    public void reportLinkState(final byte[] upNote, final byte[] downNote, final UpGate gate)
    {
        reportLinkState(upNote, downNote);
        this.upGate = gate;
    }

    /** Connects (and keeps reconnecting until closed). */
    public void start()
    {
        if (downNote != null)
        {
            linkState(false);
        }
        lastMessageNanos = System.nanoTime();
        if (staleAfterMs > 0)
        {
            final long every = Math.max(10, Math.min(250, staleAfterMs / 4));
            staleWatch = group.scheduleAtFixedRate(this::checkStale, every, every, TimeUnit.MILLISECONDS);
        }
        group.execute(this::connect);
    }

    private int port()
    {
        return uri.getPort() > 0 ? uri.getPort() : ("wss".equals(uri.getScheme()) ? 443 : 80);
    }

    private void connect()
    {
        if (closed)
        {
            return;
        }
        final HttpHeaders headers = new DefaultHttpHeaders();
        if (authorization != null)
        {
            headers.set("Authorization", authorization.get());
        }
        final WebSocketClientProtocolConfig config = WebSocketClientProtocolConfig.newBuilder()
            .webSocketUri(uri)
            .customHeaders(headers)
            .generateOriginHeader(false)
            .dropPongFrames(false)
            .handshakeTimeoutMillis(connectTimeoutMs)
            .maxFramePayloadLength(1 << 20)
            .build();
        final Bootstrap bootstrap = new Bootstrap()
            .group(group)
            .channel(NioSocketChannel.class)
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int)connectTimeoutMs)
            .option(ChannelOption.TCP_NODELAY, true)
            .handler(new ChannelInitializer<SocketChannel>()
            {
                @Override
                protected void initChannel(final SocketChannel ch)
                {
                    final ChannelPipeline p = ch.pipeline();
                    if (ssl != null)
                    {
                        p.addLast(ssl.newHandler(ch.alloc(), uri.getHost(), port()));
                    }
                    p.addLast(new HttpClientCodec(), new HttpObjectAggregator(65536),
                        new WebSocketClientProtocolHandler(config), new WebSocketFrameAggregator(1 << 20), new Frames());
                }
            });
        final ChannelFuture future = bootstrap.connect(uri.getHost(), port());
        future.addListener((ChannelFuture f) ->
        {
            if (!f.isSuccess())
            {
                log.println("upbit " + name + ": cannot connect to " + uri + " (" + f.cause().getClass().getSimpleName() + ")");
                scheduleReconnect();
            }
            else
            {
                channel = f.channel();
                f.channel().closeFuture().addListener((ignored) ->
                {
                    if (!closed)
                    {
                        if (downNote != null)
                        {
                            linkState(false);
                        }
                        log.println("upbit " + name + ": connection to " + uri + " lost");
                        scheduleReconnect();
                    }
                });
            }
        });
    }

    private synchronized long downs()
    {
        return downs;
    }

    private synchronized void upUnlessDownSince(final long downsAtSubscribe)
    {
        if (downs == downsAtSubscribe && !closed)
        {
            linkState(true);
        }
    }

    /** Puts the up or down note in, if that is a change. */
    private synchronized void linkState(final boolean up)
    {
        if (!up)
        {
            downs++;
            if (upGate != null)
            {
                upGate.down();
            }
        }
        if (linkUp != null && linkUp == up)
        {
            return;
        }
        linkUp = up;
        final byte[] note = up ? upNote : downNote;
        final UnsafeBuffer buffer = new UnsafeBuffer(note);
        input.publish(sourceId, EntryHeader.FORMAT_JSON, buffer, 0, note.length);
    }

    private void scheduleReconnect()
    {
        if (closed)
        {
            return;
        }
        final long delayMs = backoff.nextDelayMs();
        reconnects.incrementAndGet();
        log.println("upbit " + name + ": reconnect #" + reconnects.get() + " in " + delayMs + " ms");
        group.schedule(this::connect, delayMs, TimeUnit.MILLISECONDS);
    }

    private void checkStale()
    {
        if (!stale && System.nanoTime() - lastMessageNanos > staleAfterMs * 1_000_000L)
        {
            stale = true;
            staleEvents.incrementAndGet();
            log.println("upbit " + name + ": feed stale (no message for " + staleAfterMs + " ms)");
            scratch.putBytes(0, STALE);
            input.publish(Sources.MARKET_DATA, EntryHeader.FORMAT_JSON, scratch, 0, STALE.length);
        }
    }

    /** On the event loop: one whole message. */
    private void onMessage(final ByteBuf content)
    {
        lastMessageNanos = System.nanoTime();
        messages.incrementAndGet();
        if (stale)
        {
            stale = false;
            log.println("upbit " + name + ": feed fresh again");
            scratch.putBytes(0, FRESH);
            input.publish(Sources.MARKET_DATA, EntryHeader.FORMAT_JSON, scratch, 0, FRESH.length);
        }
        final int length = content.readableBytes();
        if (length > EntryHeader.MAX_PAYLOAD_LENGTH)
        {
            oversized.incrementAndGet();
            log.println("upbit " + name + ": dropped a message of " + length + " bytes (journal entries hold " +
                EntryHeader.MAX_PAYLOAD_LENGTH + ")");
            return;
        }
        content.getBytes(content.readerIndex(), scratch.byteArray(), 0, length);
        input.publish(sourceId, EntryHeader.FORMAT_JSON, scratch, 0, length);
        if (upGate != null)
        {
            upGate.heard(scratch.byteArray(), length);
        }
    }

    private final class Frames extends SimpleChannelInboundHandler<WebSocketFrame>
    {
        private ScheduledFuture<?> pinger;

        @Override
        public void userEventTriggered(final ChannelHandlerContext ctx, final Object event) throws Exception
        {
            if (event == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_COMPLETE)
            {
                backoff.reset();
                ctx.writeAndFlush(new TextWebSocketFrame(subscribeRequest.get()));
                subscriptions.incrementAndGet();
                log.println("upbit " + name + ": connected to " + uri + " and subscribed");
                if (upNote != null && upGate != null)
                {
                    final long downsAtSubscribe = downs();
                    upGate.subscribed(() -> upUnlessDownSince(downsAtSubscribe));
                }
                else if (upNote != null)
                {
                    linkState(true);
                }
                if (pingIntervalMs > 0)
                {
                    pinger = ctx.executor().scheduleAtFixedRate(
                        () -> ctx.writeAndFlush(new PingWebSocketFrame()), pingIntervalMs, pingIntervalMs, TimeUnit.MILLISECONDS);
                }
            }
            else if (event == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_TIMEOUT)
            {
                log.println("upbit " + name + ": handshake with " + uri + " timed out");
                ctx.close();
            }
            super.userEventTriggered(ctx, event);
        }

        @Override
        protected void channelRead0(final ChannelHandlerContext ctx, final WebSocketFrame frame)
        {
            if (frame instanceof TextWebSocketFrame || frame instanceof BinaryWebSocketFrame)
            {
                onMessage(frame.content());
            }
            else if (frame instanceof PongWebSocketFrame)
            {
                pongs.incrementAndGet();
            }
        }

        @Override
        public void channelInactive(final ChannelHandlerContext ctx) throws Exception
        {
            if (pinger != null)
            {
                pinger.cancel(false);
            }
            super.channelInactive(ctx);
        }

        @Override
        public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause)
        {
            log.println("upbit " + name + ": " + cause.getClass().getSimpleName() + " on " + uri + "; closing");
            ctx.close();
        }
    }

    /** Reconnect attempts scheduled since start. */
    public long reconnects()
    {
        return reconnects.get();
    }

    /** Whole messages received since start (oversized ones included). */
    public long messages()
    {
        return messages.get();
    }

    /** Messages larger than a journal entry: dropped, counted, logged. */
    public long oversized()
    {
        return oversized.get();
    }

    /** Pong frames received (answers to our keep-alive pings). */
    public long pongs()
    {
        return pongs.get();
    }

    /** Times the feed went stale. */
    public long staleEvents()
    {
        return staleEvents.get();
    }

    /** Subscribe requests sent (one per successful handshake). */
    public long subscriptions()
    {
        return subscriptions.get();
    }

    /** Whether the WebSocket connection is open now. */
    public boolean connected()
    {
        final Channel c = channel;
        return c != null && c.isActive();
    }

    @Override
    public void close()
    {
        closed = true;
        if (staleWatch != null)
        {
            staleWatch.cancel(false);
        }
        final Channel c = channel;
        if (c != null)
        {
            c.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
        }
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }
}
