package io.qts.adapters.upbit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.qts.engine.pipeline.OrderConsumer;
import io.qts.journal.EntryHeader;
import io.qts.journal.Journal;
import io.qts.journal.JournalAppender;
import io.qts.journal.Sources;
import io.qts.journal.sbe.MessageHeaderDecoder;
import io.qts.journal.sbe.OrderAction;
import io.qts.journal.sbe.OrderCommandDecoder;
import io.qts.journal.sbe.OrderType;
import io.qts.journal.sbe.Side;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;

/**
 * Sends the engine's order commands to Upbit's REST API and puts every answer back into the engine as a VENUE input.
 * <ul>
 *   <li>NEW BUY: {@code POST /v1/orders} market buy, {@code ord_type=price} with price = the KRW amount = qty x the
 *   command's expected price, rounded down at the instrument's price scale (Upbit's market buy spends an amount, not
 *   a volume). NEW SELL: {@code ord_type=market} with volume = qty. {@code identifier} = the session's {@link VenueIdentifiers}
 *   form of the engine's client order id (nonce-engine id-sequence). NEW LIMIT (LIMIT_IOC, LIMIT_FOK):
 *   {@code ord_type=limit}, price = the limit, volume = qty ({@code time_in_force=ioc|fok}). CANCEL:
 *   {@code DELETE /v1/order?identifier=} of the order's own identifier; a replace comes as that cancel and a new order
 *   (Upbit's {@code POST /v1/orders/cancel_and_new} is not used: the simulator does not serve it).</li>
 *   <li>Every request has a timeout. A create that timed out (or got a 5xx, or "duplicate_identifier") is never sent
 *   again blindly: first {@code GET /v1/order?identifier=}; found = accepted (only if its market, side, type and size
 *   are what was sent: an identifier taken by another order is never adopted, and goes in as a 409), {@code
 *   order_not_found} = send again with the same identifier (up to {@code maxAttempts}); so an order is never placed
 *   twice, and a new identifier for the same decision never happens.</li>
 *   <li>No answer after every try: the order is in doubt, never rejected (status 0 goes in; the engine keeps it in
 *   flight and books whatever the venue later reports for it). The gateway keeps asking by identifier every
 *   {@code neverArrivedGraceMs}; an order the venue still does not know that long after its last send is resolved
 *   as never arrived (the query's 404 goes in: the engine ends it, and only then may the strategy decide again).</li>
 *   <li>Rate limits per group from {@code Remaining-Req} ({@link RateLimits}); 429 backs off with jitter and retries;
 *   418 stops all sending for the time the venue says (Retry-After, else the seconds in its message, else
 *   {@code banDefaultMs}), puts {@code {"qts":"venue","event":"blocked","until_ns":..}} in (the engine's circuit
 *   breaker opens) and rejects the orders that could not go.</li>
 *   <li>Answers go in wrapped, body as received: {@code {"qts":"rest","op":"create|query|cancel","identifier":"ID",
 *   "market":"KRW-BTC","status":201,"body":...}}, because Upbit's error bodies do not carry the identifier. Status 0:
 *   no answer after every attempt (in doubt).</li>
 *   <li>The outbound journal gets each order command (SBE, source ORDERS) and each HTTP request sent (JSON: method,
 *   path, params, identifier, attempt); never the Authorization header or a key.</li>
 * </ul>
 * All of it runs on one Netty event-loop thread, which also polls the engine's outbound path every
 * {@code pollIntervalMs}; one connection per request ({@code Connection: close}).
 */
public final class UpbitOrderGateway implements AutoCloseable
{
    /** Upbit's REST endpoint. */
    public static final URI UPBIT_URL = URI.create("https://api.upbit.com");
    static final String ORDER_GROUP = "order";
    static final String DEFAULT_GROUP = "default";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern BAN_SECONDS = Pattern.compile("(\\d+)\\s*(seconds|second|sec|s\\b|초)");

    /** An instrument the engine trades, as the venue names it. */
    public record Market(String code, int instrumentId, int priceScale, int qtyScale)
    {
    }

    /**
     * @param restUrl          https://api.upbit.com, or the simulator's http://127.0.0.1:P.
     * @param markets          by the engine's instrument id.
     * @param requestTimeoutMs each request's timeout (connect + answer).
     * @param maxAttempts      sends (and queries) of one order before giving up.
     * @param backoffInitialMs after a 429: first wait, doubling with jitter ...
     * @param backoffMaxMs     ... up to this.
     * @param banDefaultMs     a 418 that does not say how long.
     * @param rateWindowMs     Upbit's rate window (1000).
     * @param pollIntervalMs   how often the engine's outbound path is polled.
     * @param neverArrivedGraceMs how long after its last send an order in doubt that the venue does not know is
     *                         still waited for (a request can be delayed in transit); after it, the venue's 404 to a
     *                         query by identifier resolves the order as never arrived.
     */
    public record Config(
        URI restUrl, Map<Integer, Market> markets, long requestTimeoutMs, int maxAttempts, long backoffInitialMs,
        long backoffMaxMs, long banDefaultMs, long rateWindowMs, long pollIntervalMs, long neverArrivedGraceMs)
    {
        /** The default grace before an order the venue does not know is resolved as never arrived. */
        public static final long NEVER_ARRIVED_GRACE_MS = 10_000;

        /**
         * @throws IllegalArgumentException if the request timeout, attempts, poll interval, rate window or
         * never-arrived grace is not positive, or the ban default is negative.
         */
        public Config
        {
            markets = Map.copyOf(markets);
            if (requestTimeoutMs <= 0 || maxAttempts < 1 || pollIntervalMs <= 0 || rateWindowMs <= 0 || banDefaultMs < 0 ||
                neverArrivedGraceMs <= 0)
            {
                throw new IllegalArgumentException(
                    "upbit gateway: timeouts, attempts, poll interval, rate window and never-arrived grace must be positive");
            }
        }

        /** With the default never-arrived grace ({@value #NEVER_ARRIVED_GRACE_MS} ms). */
        public Config(
            final URI restUrl, final Map<Integer, Market> markets, final long requestTimeoutMs, final int maxAttempts,
            final long backoffInitialMs, final long backoffMaxMs, final long banDefaultMs, final long rateWindowMs,
            final long pollIntervalMs)
        {
            this(restUrl, markets, requestTimeoutMs, maxAttempts, backoffInitialMs, backoffMaxMs, banDefaultMs, rateWindowMs,
                pollIntervalMs, NEVER_ARRIVED_GRACE_MS);
        }

        /**
         * Upbit's endpoint with the usual settings: request timeout 3 s, 3 attempts, back-off 250 ms to 5 s, a 418
         * without a duration taken as 60 s, rate window 1 s, outbound polled every 1 ms.
         */
        public static Config upbit(final Map<Integer, Market> markets)
        {
            return new Config(UPBIT_URL, markets, 3_000, 3, 250, 5_000, 60_000, 1_000, 1);
        }
    }

    private final Config config;
    private final UpbitAuth auth;
    private final VenueIdentifiers identifiers;
    private final Consumer<OrderConsumer> orderSource;
    private final SerializedInput input;
    private final Journal outJournal;
    private final PrintStream log;
    private final Backoff backoff;
    private final RateLimits rateLimits;
    private final EventLoopGroup group;
    private final SslContext ssl;
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final OrderCommandDecoder command = new OrderCommandDecoder();
    private final OrderConsumer onOrder = this::onOrder;
    private final UnsafeBuffer scratch = new UnsafeBuffer(new byte[EntryHeader.MAX_PAYLOAD_LENGTH]);
    private final byte[] commandCopy = new byte[256];
    private final AtomicLong ordersSent = new AtomicLong();
    private final AtomicLong requestsSent = new AtomicLong();
    private final AtomicLong rejectedByVenue = new AtomicLong();
    private final AtomicLong timeouts = new AtomicLong();
    private final AtomicLong tooMany = new AtomicLong();
    private final AtomicLong bans = new AtomicLong();
    /**
     * How often an order sent while the private stream is down is asked for until the venue ends it: no stream will
     * tell. Upbit's default group allows 30 requests a second; one a second per such order stays far below.
     */
    static final long BLIND_POLL_MS = 1_000;
    /** Between tries of a reconnect's query that got no answer: the stream stays reported down meanwhile. */
    private static final long RESYNC_RETRY_MS = 500;
    /**
     * Created orders the gateway has not seen end (a myOrder or query answer with done or cancel, a refused create,
     * never arrived): what may have changed at the venue while the private stream was down. Gateway thread only.
     */
    private final LinkedHashMap<String, Order> working = new LinkedHashMap<>();
    /** Guards {@link #privateStreamDown} and {@link #streamDowns} against a loss racing a reconnect's end. */
    private final Object streamLock = new Object();
    private boolean privateStreamDown;
    private long streamDowns;
    /** Identifiers of the orders whose create has not been answered yet (in order of sending), for an orderly stop. */
    private final Set<String> unanswered = Collections.synchronizedSet(new LinkedHashSet<>());
    private JournalAppender outAppender;
    private ScheduledFuture<?> poller;
    private long bannedUntilNanos;
    private volatile boolean closed;

    /**
     * @param identifiers the session's venue identifiers (its nonce): what {@code identifier} the venue is sent.
     * @param orderSource the engine's outbound path, e.g. {@code pipeline::pollOrders}; called on the gateway's thread.
     * @param outJournal  the outbound journal (out/), appended to from the gateway's thread only; or null.
     * @param jitter      the 429 back-off's random source.
     */
    public UpbitOrderGateway(
        final Config config, final UpbitAuth auth, final VenueIdentifiers identifiers, final Consumer<OrderConsumer> orderSource,
        final SerializedInput input, final Journal outJournal, final RandomGenerator jitter, final PrintStream log)
    {
        this.config = config;
        this.auth = auth;
        this.identifiers = identifiers;
        this.orderSource = orderSource;
        this.input = input;
        this.outJournal = outJournal;
        this.log = log;
        this.backoff = new Backoff(config.backoffInitialMs(), config.backoffMaxMs(), jitter);
        this.rateLimits = new RateLimits(config.rateWindowMs());
        final String scheme = config.restUrl().getScheme();
        if (!"http".equals(scheme) && !"https".equals(scheme))
        {
            throw new IllegalArgumentException("upbit gateway: REST URL must be http:// or https://, got " + config.restUrl());
        }
        try
        {
            ssl = "https".equals(scheme) ? SslContextBuilder.forClient().build() : null;
        }
        catch (final SSLException ex)
        {
            throw new IllegalStateException("upbit gateway: cannot set up TLS", ex);
        }
        group = new NioEventLoopGroup(1, (Runnable r) ->
        {
            final Thread t = new Thread(r, "upbit-orders");
            t.setDaemon(true);
            return t;
        });
    }

    /** Opens the outbound journal's appender and starts polling the engine's orders. */
    public void start()
    {
        group.submit(() ->
        {
            if (outJournal != null)
            {
                outAppender = outJournal.appender();
            }
            poller = group.scheduleWithFixedDelay(this::poll, 0, config.pollIntervalMs(), TimeUnit.MILLISECONDS);
        }).syncUninterruptibly();
    }

    private void poll()
    {
        try
        {
            orderSource.accept(onOrder);
        }
        catch (final RuntimeException ex)
        {
            log.println("upbit orders: polling the engine failed: " + ex);
        }
    }

    // ---------------------------------------------------------------- orders from the engine

    /** One order's life at the gateway. */
    private final class Order
    {
        final long clientOrderId;
        final String identifier;
        final Market market;
        final boolean cancel;
        final LinkedHashMap<String, Object> params;
        int sends;
        int queries;
        /** When the last create left (System.nanoTime), for the never-arrived grace. */
        long lastSendNanos;
        /** Given up on: reported in doubt to the engine; from then on only asked about, never sent again. */
        boolean inDoubt;
        /** Sent while the private stream was down: asked for every {@link #BLIND_POLL_MS} until the venue ends it. */
        boolean blind;
        /** The reconnect whose query for this order is out, or null. */
        Resync resyncing;

        Order(final long clientOrderId, final Market market, final boolean cancel, final LinkedHashMap<String, Object> params)
        {
            this.clientOrderId = clientOrderId;
            this.identifier = identifiers.identifier(clientOrderId);
            this.market = market;
            this.cancel = cancel;
            this.params = params;
        }
    }

    private void onOrder(final DirectBuffer buffer, final int offset, final int length)
    {
        header.wrap(buffer, offset);
        if (length > commandCopy.length || header.templateId() != OrderCommandDecoder.TEMPLATE_ID)
        {
            log.println("upbit orders: not an order command (" + length + " bytes), skipped");
            return;
        }
        command.wrapAndApplyHeader(buffer, offset, header);
        if (outAppender != null)
        {
            buffer.getBytes(offset, commandCopy, 0, length);
            outAppender.append(command.timeNs(), Sources.ORDERS, EntryHeader.FORMAT_SBE, commandCopy, 0, length);
        }
        final long clientOrderId = command.clientOrderId();
        final Market market = config.markets().get(command.instrumentId());
        if (market == null)
        {
            log.println("upbit orders: order " + clientOrderId + " is for instrument " + command.instrumentId() +
                ", which has no Upbit market configured; not sent, reported rejected");
            if (command.action() != OrderAction.CANCEL)
            {
                publishNoMarket(clientOrderId, command.instrumentId());
            }
            return;
        }
        final boolean cancel = command.action() == OrderAction.CANCEL;
        final LinkedHashMap<String, Object> params = new LinkedHashMap<>();
        params.put("market", market.code());
        if (!cancel && command.orderType() != OrderType.MARKET)
        {
            // A limit order: Upbit's ord_type=limit with its price and volume; the time in force rides in the order type.
            params.put("side", command.side() == Side.BUY ? "bid" : "ask");
            params.put("volume", plain(BigDecimal.valueOf(command.qty(), market.qtyScale())));
            params.put("price", plain(BigDecimal.valueOf(command.price(), market.priceScale())));
            params.put("ord_type", "limit");
            if (command.orderType() == OrderType.LIMIT_IOC)
            {
                params.put("time_in_force", "ioc");
            }
            else if (command.orderType() == OrderType.LIMIT_FOK)
            {
                params.put("time_in_force", "fok");
            }
        }
        else if (!cancel)
        {
            final BigDecimal qty = BigDecimal.valueOf(command.qty(), market.qtyScale());
            if (command.side() == Side.BUY)
            {
                final BigDecimal amount = qty.multiply(BigDecimal.valueOf(command.price(), market.priceScale()))
                    .setScale(market.priceScale(), RoundingMode.FLOOR);
                params.put("side", "bid");
                params.put("ord_type", "price");
                params.put("price", plain(amount));
            }
            else
            {
                params.put("side", "ask");
                params.put("ord_type", "market");
                params.put("volume", plain(qty));
            }
        }
        final Order order = new Order(clientOrderId, market, cancel, params);
        params.put("identifier", order.identifier);
        if (cancel)
        {
            send(order, "DELETE", "/v1/order", identifierOnly(order), "cancel");
        }
        else
        {
            unanswered.add(order.identifier);
            working.put(order.identifier, order);
            if (privateStreamDown())
            {
                sendBlind(order, command.side());
            }
            create(order);
        }
    }

    private boolean privateStreamDown()
    {
        synchronized (streamLock)
        {
            return privateStreamDown;
        }
    }

    // ---------------------------------------------------------------- the private stream's gaps

    /**
     * The gate the private stream's up note waits on ({@link UpbitMyOrders#gateUpNote}): while the stream is down, an
     * order sent is polled over REST ({@link #sendBlind}); once it is subscribed again, every order this gateway has
     * not seen end is asked for by identifier ({@code GET /v1/order}), each answer goes in as a journaled input
     * ({@code "op":"resync"}, booked like reconciliation's: once, against the order's cumulative tallies), and only
     * then the up note, so risk refuses entries until the venue has told what happened while nobody listened.
     */
    public UpbitWebSocketClient.UpGate privateStreamGate()
    {
        return new UpbitWebSocketClient.UpGate()
        {
            @Override
            public void down()
            {
                synchronized (streamLock)
                {
                    privateStreamDown = true;
                    streamDowns++;
                }
            }

            @Override
            public void subscribed(final Runnable up)
            {
                final long downs;
                synchronized (streamLock)
                {
                    downs = streamDowns;
                }
                group.execute(() -> resync(new Resync(downs, up)));
            }

            @Override
            public void heard(final byte[] bytes, final int length)
            {
                final String ended = endedIdentifier(bytes, length);
                if (ended != null)
                {
                    group.execute(() -> working.remove(ended));
                }
            }
        };
    }

    /** The identifier of a myOrder message that ends its order (done, cancel, prevented), else null. */
    private static String endedIdentifier(final byte[] bytes, final int length)
    {
        try
        {
            final JsonNode message = JSON.readTree(bytes, 0, length);
            final String state = message.path("state").asText("");
            final boolean ended = "done".equals(state) || "cancel".equals(state) || "prevented".equals(state);
            return ended && "myOrder".equals(message.path("type").asText()) ? message.path("identifier").asText(null) : null;
        }
        catch (final IOException ex)
        {
            return null;
        }
    }

    /**
     * An order a continued session recovered in flight and found still working at the venue (reconciliation's answer):
     * asked for after each private-stream reconnect like the orders this gateway sent. Later answers must show the
     * market, side, type and size of {@code venueOrder}, its {@code GET /v1/order} answer.
     *
     * @param clientOrderId the engine's id of the order.
     * @param venueOrder    the venue's answer for it (a JSON object with market, side, ord_type, price, volume).
     */
    public void track(final long clientOrderId, final byte[] venueOrder)
    {
        group.execute(() ->
        {
            try
            {
                final JsonNode venue = JSON.readTree(venueOrder);
                final Market market = config.markets().values().stream()
                    .filter((m) -> m.code().equals(venue.path("market").asText())).findFirst().orElse(null);
                if (market == null)
                {
                    return;
                }
                final LinkedHashMap<String, Object> params = new LinkedHashMap<>();
                params.put("market", market.code());
                params.put("side", venue.path("side").asText());
                params.put("ord_type", venue.path("ord_type").asText());
                final String sizeKey = "price".equals(venue.path("ord_type").asText()) ? "price" : "volume";
                params.put(sizeKey, venue.path(sizeKey).asText());
                final Order order = new Order(clientOrderId, market, false, params);
                working.put(order.identifier, order);
            }
            catch (final IOException ex)
            {
                log.println("upbit orders: the venue's answer for recovered order " + clientOrderId + " is not JSON; not tracked");
            }
        });
    }

    /** One reconnect's queries: the up note goes in when each has an answer. */
    private final class Resync
    {
        final long downs;
        final Runnable up;
        int pending;

        Resync(final long downs, final Runnable up)
        {
            this.downs = downs;
            this.up = up;
        }

        void answered(final Order order)
        {
            if (order.resyncing == this)
            {
                order.resyncing = null;
                if (--pending == 0)
                {
                    done();
                }
            }
        }

        void done()
        {
            synchronized (streamLock)
            {
                // A loss since this reconnect keeps the stream down (and its own reconnect asks again).
                if (streamDowns == downs)
                {
                    privateStreamDown = false;
                }
            }
            up.run();
        }
    }

    private void resync(final Resync resync)
    {
        if (closed)
        {
            return;
        }
        final List<Order> orders = List.copyOf(working.values());
        if (orders.isEmpty())
        {
            resync.done();
            return;
        }
        log.println("upbit orders: private stream subscribed again; asking the venue for " + orders.size()
            + " order(s) that may have changed while it was down before new entries are allowed");
        resync.pending = orders.size();
        for (final Order order : orders)
        {
            order.resyncing = resync;
            send(order, "GET", "/v1/order", identifierOnly(order), "resync");
        }
    }

    /**
     * An order goes out while the private stream is down (risk lets only exits through then, as waiting could cost
     * more; an entry decided just before the loss reached the engine goes too): the choice and its reason go in as a
     * journaled note, and the order is asked for over REST until the venue ends it.
     */
    private void sendBlind(final Order order, final Side side)
    {
        order.blind = true;
        final byte[] note = ("{\"qts\":\"blind\",\"identifier\":\"" + order.identifier + "\",\"market\":\"" + order.market.code()
            + "\",\"side\":\"" + (side == Side.BUY ? "bid" : "ask") + "\",\"poll_ms\":" + BLIND_POLL_MS
            + ",\"reason\":\"sent while the private order stream is down: asked for over REST until the venue ends it\"}")
            .getBytes(StandardCharsets.US_ASCII);
        scratch.putBytes(0, note);
        input.publish(Sources.VENUE, EntryHeader.FORMAT_JSON, scratch, 0, note.length);
        log.println("upbit orders: order " + order.identifier + " goes out while the private stream is down; polled every "
            + BLIND_POLL_MS + " ms until the venue ends it");
        schedulePoll(order);
    }

    private void schedulePoll(final Order order)
    {
        group.schedule(() ->
        {
            if (!closed && working.containsKey(order.identifier))
            {
                send(order, "GET", "/v1/order", identifierOnly(order), "poll");
            }
        }, BLIND_POLL_MS, TimeUnit.MILLISECONDS);
    }

    /** A reconnect's or a blind order's query answered: journaled, booked if it is the order's account, and followed up. */
    private void onFollowUp(final Exchange e, final int status, final byte[] body)
    {
        if (status == 200 && !isSameOrder(e.order, body))
        {
            log.println("upbit orders: identifier " + e.order.identifier + " belongs to another order at the venue; not adopted");
            publishRest(e.op, e.order, 409, body);
        }
        else
        {
            publishRest(e.op, e.order, status, body);
        }
        afterFollowUp(e);
    }

    private void afterFollowUp(final Exchange e)
    {
        if ("resync".equals(e.op) && e.resync != null)
        {
            e.resync.answered(e.order);
        }
        else if ("poll".equals(e.op) && working.containsKey(e.order.identifier))
        {
            schedulePoll(e.order);
        }
    }

    /** Whether a GET /v1/order answer says the venue ended the order (Upbit's done, cancel; prevented by self-trade rules). */
    private static boolean endedAtVenue(final byte[] body)
    {
        try
        {
            final String state = JSON.readTree(body).path("state").asText("");
            return "done".equals(state) || "cancel".equals(state) || "prevented".equals(state);
        }
        catch (final Exception ex)
        {
            return false;
        }
    }

    private static String plain(final BigDecimal value)
    {
        final BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }

    private static LinkedHashMap<String, Object> identifierOnly(final Order order)
    {
        final LinkedHashMap<String, Object> params = new LinkedHashMap<>();
        params.put("identifier", order.identifier);
        return params;
    }

    private void create(final Order order)
    {
        if (order.sends >= config.maxAttempts())
        {
            giveUp(order, "create");
            return;
        }
        order.sends++;
        order.lastSendNanos = System.nanoTime();
        send(order, "POST", "/v1/orders", order.params, "create");
    }

    private void query(final Order order)
    {
        if (order.queries >= config.maxAttempts() * 2)
        {
            giveUp(order, "query");
            return;
        }
        order.queries++;
        send(order, "GET", "/v1/order", identifierOnly(order), "query");
    }

    /**
     * No answer after every try: the order is in doubt, never rejected. The engine keeps it in flight (so the
     * strategy cannot decide the same again, and a later fill is booked); the gateway keeps asking the venue by
     * identifier, every {@code neverArrivedGraceMs}, until it answers for the order.
     */
    private void giveUp(final Order order, final String op)
    {
        if (!order.inDoubt)
        {
            order.inDoubt = true;
            publishRest(op, order, 0, null);
            log.println("upbit orders: order " + order.identifier + " has no answer after " + order.sends + " sends and " +
                order.queries + " queries; in doubt: kept in flight and asked for by identifier until the venue answers");
        }
        group.schedule(() ->
        {
            order.queries = 0;
            query(order);
        }, config.neverArrivedGraceMs(), TimeUnit.MILLISECONDS);
    }

    /**
     * The venue does not know the order. Before the grace has passed since its last send the create may still be in
     * transit: send it again if attempts are left (the same identifier, which the venue refuses twice), else ask again
     * later. After the grace: never arrived, put in as the query's 404 (the engine ends the order, the strategy may
     * decide again).
     */
    private void onNotAtVenue(final Order order, final int status, final byte[] body)
    {
        final long sinceSendMs = (System.nanoTime() - order.lastSendNanos) / 1_000_000L;
        if (sinceSendMs >= config.neverArrivedGraceMs() && (order.inDoubt || order.sends >= config.maxAttempts()))
        {
            log.println("upbit orders: order " + order.identifier + " is still not at the venue " + sinceSendMs +
                " ms after its last send; resolved as never arrived");
            publishRest("query", order, status, body);
        }
        else if (!order.inDoubt && order.sends < config.maxAttempts())
        {
            log.println("upbit orders: order " + order.identifier + " is not at the venue; sending it again");
            create(order);
        }
        else
        {
            final long waitMs = Math.max(1, config.neverArrivedGraceMs() - sinceSendMs);
            group.schedule(() -> query(order), waitMs, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Whether the venue's order (a GET /v1/order body) is the one this gateway sent under its identifier: same market,
     * side, order type and size. An identifier reused by another order (another run, a manual order) is never adopted.
     */
    private static boolean isSameOrder(final Order order, final byte[] body)
    {
        try
        {
            final JsonNode venue = JSON.readTree(body);
            final String sizeKey = "price".equals(order.params.get("ord_type")) ? "price" : "volume";
            return venue.path("market").asText().equals(order.params.get("market")) &&
                venue.path("side").asText().equals(order.params.get("side")) &&
                venue.path("ord_type").asText().equals(order.params.get("ord_type")) &&
                sameNumber(venue.path(sizeKey).asText(), String.valueOf(order.params.get(sizeKey)));
        }
        catch (final Exception ex)
        {
            return false;
        }
    }

    private static boolean sameNumber(final String a, final String b)
    {
        try
        {
            return new BigDecimal(a).compareTo(new BigDecimal(b)) == 0;
        }
        catch (final NumberFormatException ex)
        {
            return false;
        }
    }

    // ---------------------------------------------------------------- HTTP

    private void send(
        final Order order, final String method, final String path, final LinkedHashMap<String, Object> params, final String op)
    {
        if (closed)
        {
            return;
        }
        final String rateGroup = "POST".equals(method) || "DELETE".equals(method) ? ORDER_GROUP : DEFAULT_GROUP;
        final long now = System.nanoTime();
        if (now < bannedUntilNanos)
        {
            if ("create".equals(op) && order.sends <= 1)
            {
                publishRest(op, order, 418, "{\"error\":{\"name\":\"qts_banned\",\"message\":\"not sent: the venue blocked us\"}}"
                    .getBytes(StandardCharsets.US_ASCII));
            }
            else
            {
                group.schedule(() -> send(order, method, path, params, op), bannedUntilNanos - now, TimeUnit.NANOSECONDS);
            }
            return;
        }
        final long waitNs = rateLimits.waitNs(rateGroup, now);
        if (waitNs > 0)
        {
            group.schedule(() -> send(order, method, path, params, op), waitNs, TimeUnit.NANOSECONDS);
            return;
        }
        final String query = UpbitAuth.queryString(params);
        final String authorization = auth.authorization(query, UUID.randomUUID().toString());
        final FullHttpRequest request;
        final URI base = config.restUrl();
        if ("POST".equals(method))
        {
            final ObjectNode body = JSON.createObjectNode();
            params.forEach((k, v) -> body.put(k, String.valueOf(v)));
            final byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
            request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, path, Unpooled.wrappedBuffer(bytes));
            request.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json; charset=utf-8");
            request.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, bytes.length);
        }
        else
        {
            request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.valueOf(method),
                path + "?" + UpbitAuth.urlQueryString(params), Unpooled.EMPTY_BUFFER);
            request.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, 0);
        }
        request.headers().set(HttpHeaderNames.HOST, base.getHost() + (base.getPort() > 0 ? ":" + base.getPort() : ""));
        request.headers().set(HttpHeaderNames.ACCEPT, "application/json");
        request.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        request.headers().set(HttpHeaderNames.AUTHORIZATION, authorization);
        journalRequest(method, path, query, order, op);
        requestsSent.incrementAndGet();
        if ("create".equals(op))
        {
            ordersSent.incrementAndGet();
        }
        new Exchange(order, method, path, params, op, rateGroup).start(request);
    }

    /** The outbound record of one request: what was asked, never how it was signed. */
    private void journalRequest(final String method, final String path, final String query, final Order order, final String op)
    {
        if (outAppender == null)
        {
            return;
        }
        final ObjectNode entry = JSON.createObjectNode()
            .put("method", method).put("path", path).put("params", query).put("identifier", order.identifier)
            .put("op", op).put("attempt", "query".equals(op) ? order.queries : order.sends);
        final byte[] bytes = entry.toString().getBytes(StandardCharsets.UTF_8);
        outAppender.append(input.nowNs(), Sources.ORDERS, EntryHeader.FORMAT_JSON, bytes, 0, Math.min(bytes.length,
            EntryHeader.MAX_PAYLOAD_LENGTH));
    }

    /** One request and its answer, on the gateway's thread. */
    private final class Exchange extends SimpleChannelInboundHandler<FullHttpResponse>
    {
        private final Order order;
        private final String method;
        private final String path;
        private final LinkedHashMap<String, Object> params;
        private final String op;
        private final String rateGroup;
        /** For a reconnect's query: the reconnect it answers (the order's at sending). */
        private final Resync resync;
        private boolean finished;
        private ScheduledFuture<?> timeout;
        private Channel channel;

        Exchange(final Order order, final String method, final String path, final LinkedHashMap<String, Object> params,
            final String op, final String rateGroup)
        {
            this.order = order;
            this.method = method;
            this.path = path;
            this.params = params;
            this.op = op;
            this.rateGroup = rateGroup;
            this.resync = "resync".equals(op) ? order.resyncing : null;
        }

        void start(final FullHttpRequest request)
        {
            final URI base = config.restUrl();
            final int port = base.getPort() > 0 ? base.getPort() : ssl != null ? 443 : 80;
            final Bootstrap bootstrap = new Bootstrap().group(group).channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int)config.requestTimeoutMs())
                .option(ChannelOption.TCP_NODELAY, true)
                .handler(new ChannelInitializer<SocketChannel>()
                {
                    @Override
                    protected void initChannel(final SocketChannel ch)
                    {
                        if (ssl != null)
                        {
                            ch.pipeline().addLast(ssl.newHandler(ch.alloc(), base.getHost(), port));
                        }
                        ch.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(1 << 20), Exchange.this);
                    }
                });
            timeout = group.schedule(this::onTimeout, config.requestTimeoutMs(), TimeUnit.MILLISECONDS);
            final ChannelFuture connect = bootstrap.connect(base.getHost(), port);
            connect.addListener((ChannelFuture f) ->
            {
                if (!f.isSuccess())
                {
                    if (!finished)
                    {
                        finished = true;
                        timeout.cancel(false);
                        request.release();
                        onNotSent(f.cause());
                    }
                    return;
                }
                channel = f.channel();
                if (finished)
                {
                    request.release();
                    channel.close();
                    return;
                }
                channel.writeAndFlush(request);
            });
        }

        @Override
        protected void channelRead0(final ChannelHandlerContext ctx, final FullHttpResponse response)
        {
            ctx.close();
            if (finished)
            {
                return;
            }
            finished = true;
            timeout.cancel(false);
            final ByteBuf content = response.content();
            final byte[] body = new byte[content.readableBytes()];
            content.getBytes(content.readerIndex(), body);
            onResponse(this, response.status().code(), response.headers(), body);
        }

        @Override
        public void channelInactive(final ChannelHandlerContext ctx) throws Exception
        {
            super.channelInactive(ctx);
            if (!finished)
            {
                finished = true;
                timeout.cancel(false);
                onNoAnswer(this, "connection closed without an answer");
            }
        }

        @Override
        public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause)
        {
            ctx.close();
        }

        private void onTimeout()
        {
            if (!finished)
            {
                finished = true;
                timeouts.incrementAndGet();
                if (channel != null)
                {
                    channel.close();
                }
                onNoAnswer(this, "timed out after " + config.requestTimeoutMs() + " ms");
            }
        }

        /** The connection was refused: nothing left this host, so the same request may go again. */
        private void onNotSent(final Throwable cause)
        {
            log.println("upbit orders: cannot connect for " + op + " " + order.identifier + " (" +
                cause.getClass().getSimpleName() + "); retrying");
            if ("create".equals(op))
            {
                order.sends--;
            }
            else if ("query".equals(op))
            {
                order.queries--;
            }
            retryLater(this);
        }
    }

    private void retryLater(final Exchange exchange)
    {
        group.schedule(() -> again(exchange), backoff.nextDelayMs(), TimeUnit.MILLISECONDS);
    }

    private void again(final Exchange e)
    {
        switch (e.op)
        {
            case "create" -> create(e.order);
            case "query" -> query(e.order);
            default -> send(e.order, e.method, e.path, e.params, e.op);
        }
    }

    /** No answer: a create may or may not have reached the venue, so ask before sending again. */
    private void onNoAnswer(final Exchange e, final String what)
    {
        log.println("upbit orders: " + e.method + " " + e.path + " for " + e.order.identifier + " " + what);
        if (closed)
        {
            return;
        }
        switch (e.op)
        {
            case "create", "query" -> query(e.order);
            case "resync", "poll" -> group.schedule(() -> again(e), RESYNC_RETRY_MS, TimeUnit.MILLISECONDS);
            default ->
            {
                if (++e.order.sends < config.maxAttempts())
                {
                    send(e.order, e.method, e.path, e.params, e.op);
                }
            }
        }
    }

    private void onResponse(final Exchange e, final int status, final HttpHeaders headers, final byte[] body)
    {
        final long now = System.nanoTime();
        rateLimits.onHeader(headers.get("Remaining-Req"), now);
        if (status == 429)
        {
            tooMany.incrementAndGet();
            rateLimits.onTooMany(e.rateGroup, now);
            log.println("upbit orders: 429 too many requests (group " + e.rateGroup + "); backing off");
            if ("create".equals(e.op))
            {
                e.order.sends--;
            }
            else if ("query".equals(e.op))
            {
                e.order.queries--;
            }
            retryLater(e);
            return;
        }
        if (status == 418)
        {
            onBanned(e, headers, body);
            return;
        }
        backoff.reset();
        if (status >= 500)
        {
            onNoAnswer(e, "failed with " + status);
            return;
        }
        switch (e.op)
        {
            case "create" ->
            {
                if (status >= 400 && errorName(body).equals("duplicate_identifier"))
                {
                    log.println("upbit orders: identifier " + e.order.identifier + " already used at the venue; asking for it");
                    query(e.order);
                    return;
                }
                if (status >= 400)
                {
                    rejectedByVenue.incrementAndGet();
                    log.println("upbit orders: order " + e.order.identifier + " rejected: " + status + " " + errorName(body));
                }
                publishRest("create", e.order, status, body);
            }
            case "query" ->
            {
                if (status == 404)
                {
                    onNotAtVenue(e.order, status, body);
                }
                else if (status < 300 && !e.order.cancel && !isSameOrder(e.order, body))
                {
                    rejectedByVenue.incrementAndGet();
                    log.println("upbit orders: identifier " + e.order.identifier + " belongs to another order at the venue " +
                        "(market, side or size differ); not adopted: reported as a duplicate identifier");
                    publishRest("create", e.order, 409, body);
                }
                else
                {
                    publishRest("query", e.order, status, body);
                }
            }
            case "resync", "poll" -> onFollowUp(e, status, body);
            default -> publishRest(e.op, e.order, status, body);
        }
    }

    private void onBanned(final Exchange e, final HttpHeaders headers, final byte[] body)
    {
        bans.incrementAndGet();
        final long banMs = banMs(headers, body);
        bannedUntilNanos = System.nanoTime() + banMs * 1_000_000L;
        log.println("upbit orders: 418 blocked by the venue for " + banMs + " ms; nothing is sent until then");
        final byte[] note = ("{\"qts\":\"venue\",\"event\":\"blocked\",\"until_ns\":" + (input.nowNs() + banMs * 1_000_000L) + "}")
            .getBytes(StandardCharsets.US_ASCII);
        scratch.putBytes(0, note);
        input.publish(Sources.VENUE, EntryHeader.FORMAT_JSON, scratch, 0, note.length);
        if ("create".equals(e.op))
        {
            rejectedByVenue.incrementAndGet();
            publishRest("create", e.order, 418, body);
        }
        else
        {
            group.schedule(() -> again(e), banMs, TimeUnit.MILLISECONDS);
        }
    }

    private long banMs(final HttpHeaders headers, final byte[] body)
    {
        final String retryAfter = headers.get("Retry-After");
        if (retryAfter != null)
        {
            try
            {
                return Long.parseLong(retryAfter.trim()) * 1_000L;
            }
            catch (final NumberFormatException ignored)
            {
                // fall through to the message
            }
        }
        final Matcher m = BAN_SECONDS.matcher(new String(body, StandardCharsets.UTF_8));
        return m.find() ? Long.parseLong(m.group(1)) * 1_000L : config.banDefaultMs();
    }

    private static String errorName(final byte[] body)
    {
        try
        {
            return JSON.readTree(body).path("error").path("name").asText("");
        }
        catch (final Exception ex)
        {
            return "";
        }
    }

    /** {"qts":"rest","op":..,"identifier":..,"market":..,"status":..,"body":<as received>} into the engine. */
    private void publishRest(final String op, final Order order, final int status, final byte[] body)
    {
        if ("create".equals(op) || "query".equals(op))
        {
            unanswered.remove(order.identifier);
        }
        if (!order.cancel && (("create".equals(op) && status >= 400) || ("query".equals(op) && status == 404)
            || (!"create".equals(op) && status == 200 && endedAtVenue(body))))
        {
            working.remove(order.identifier);
        }
        final String head = "{\"qts\":\"rest\",\"op\":\"" + op + "\",\"identifier\":\"" + order.identifier +
            "\",\"market\":\"" + order.market.code() + "\",\"status\":" + status + ",\"body\":";
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        bytes.writeBytes(head.getBytes(StandardCharsets.US_ASCII));
        if (body == null || body.length == 0)
        {
            bytes.writeBytes("null".getBytes(StandardCharsets.US_ASCII));
        }
        else if (looksLikeJson(body) && head.length() + body.length + 1 <= EntryHeader.MAX_PAYLOAD_LENGTH)
        {
            bytes.writeBytes(body);
        }
        else
        {
            // Escaping can make a character six bytes: keep the quoted text to what fits the entry with the wrapper.
            final int room = EntryHeader.MAX_PAYLOAD_LENGTH - head.length() - 1;
            String text = new String(body, StandardCharsets.UTF_8);
            byte[] quoted = new TextNode(text.length() > 1_000 ? text.substring(0, 1_000) : text).toString().getBytes(StandardCharsets.UTF_8);
            while (quoted.length > room)
            {
                text = text.substring(0, Math.min(text.length(), 1_000) / 2);
                quoted = new TextNode(text).toString().getBytes(StandardCharsets.UTF_8);
            }
            bytes.writeBytes(quoted);
        }
        bytes.write('}');
        final byte[] wrapped = bytes.toByteArray();
        scratch.putBytes(0, wrapped);
        input.publish(Sources.VENUE, EntryHeader.FORMAT_JSON, scratch, 0, wrapped.length);
    }

    /** An order that could not go because its instrument has no venue market: the engine ends it instead of waiting. */
    private void publishNoMarket(final long clientOrderId, final int instrumentId)
    {
        final byte[] note = ("{\"qts\":\"rest\",\"op\":\"create\",\"identifier\":\"" + identifiers.identifier(clientOrderId) + "\",\"instrument_id\":" +
            instrumentId + ",\"status\":400,\"body\":{\"error\":{\"name\":\"qts_no_market\",\"message\":\"no venue market " +
            "configured for this instrument; not sent\"}}}").getBytes(StandardCharsets.US_ASCII);
        scratch.putBytes(0, note);
        input.publish(Sources.VENUE, EntryHeader.FORMAT_JSON, scratch, 0, note.length);
    }

    private static boolean looksLikeJson(final byte[] body)
    {
        for (final byte b : body)
        {
            if (b == '{' || b == '[')
            {
                return true;
            }
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t')
            {
                return false;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- accounts

    /**
     * {@code GET /v1/accounts}: balances, as the venue's raw JSON (not put into the engine: the list can be larger than
     * a journal entry). Completes with the body, or exceptionally with the status.
     */
    public CompletableFuture<String> accounts()
    {
        final CompletableFuture<String> result = new CompletableFuture<>();
        group.execute(() ->
        {
            final String authorization = auth.authorization(null, UUID.randomUUID().toString());
            final URI base = config.restUrl();
            final FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/v1/accounts");
            request.headers().set(HttpHeaderNames.HOST, base.getHost() + (base.getPort() > 0 ? ":" + base.getPort() : ""));
            request.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            request.headers().set(HttpHeaderNames.AUTHORIZATION, authorization);
            request.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, 0);
            final int port = base.getPort() > 0 ? base.getPort() : ssl != null ? 443 : 80;
            new Bootstrap().group(group).channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int)config.requestTimeoutMs())
                .handler(new ChannelInitializer<SocketChannel>()
                {
                    @Override
                    protected void initChannel(final SocketChannel ch)
                    {
                        if (ssl != null)
                        {
                            ch.pipeline().addLast(ssl.newHandler(ch.alloc(), base.getHost(), port));
                        }
                        ch.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(1 << 20),
                            new SimpleChannelInboundHandler<FullHttpResponse>()
                            {
                                @Override
                                protected void channelRead0(final ChannelHandlerContext ctx, final FullHttpResponse response)
                                {
                                    rateLimits.onHeader(response.headers().get("Remaining-Req"), System.nanoTime());
                                    final String body = response.content().toString(StandardCharsets.UTF_8);
                                    if (response.status().code() == 200)
                                    {
                                        result.complete(body);
                                    }
                                    else
                                    {
                                        result.completeExceptionally(new IllegalStateException(
                                            "GET /v1/accounts: " + response.status().code() + " " + errorName(body.getBytes(StandardCharsets.UTF_8))));
                                    }
                                    ctx.close();
                                }
                            });
                    }
                })
                .connect(base.getHost(), port).addListener((ChannelFuture f) ->
                {
                    if (f.isSuccess())
                    {
                        f.channel().writeAndFlush(request);
                    }
                    else
                    {
                        request.release();
                        result.completeExceptionally(f.cause());
                    }
                });
        });
        return result.orTimeout(config.requestTimeoutMs(), TimeUnit.MILLISECONDS);
    }

    // ---------------------------------------------------------------- counters

    /**
     * The venue identifiers of the orders sent whose create the venue has not answered yet (nor the gateway given up
     * on), oldest first: what an orderly stop waits for.
     */
    public List<String> unansweredOrders()
    {
        synchronized (unanswered)
        {
            return List.copyOf(unanswered);
        }
    }

    /** Create requests sent (retries included). */
    public long ordersSent()
    {
        return ordersSent.get();
    }

    /** HTTP requests sent to the venue, of every kind (creates, cancels, queries, accounts), retries included. */
    public long requestsSent()
    {
        return requestsSent.get();
    }

    /** Creates the venue refused (4xx other than 429, and 418). */
    public long ordersRejectedByVenue()
    {
        return rejectedByVenue.get();
    }

    /** Requests that got no answer within the request timeout. */
    public long timeouts()
    {
        return timeouts.get();
    }

    /** Answers with status 429 (too many requests). */
    public long tooManyRequests()
    {
        return tooMany.get();
    }

    /** Answers with status 418: the venue blocked us for a while. */
    public long bans()
    {
        return bans.get();
    }

    @Override
    public void close()
    {
        if (closed)
        {
            return;
        }
        closed = true;
        group.submit(() ->
        {
            if (poller != null)
            {
                poller.cancel(false);
            }
            if (outAppender != null)
            {
                outAppender.close();
                outAppender = null;
            }
        }).awaitUninterruptibly(5, TimeUnit.SECONDS);
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }
}
