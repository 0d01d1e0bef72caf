package io.qts.adapters.upbit.sim;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/** How an {@link ExchangeSimulator} behaves; fluent setters, sensible defaults. */
public final class SimSettings
{
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    String market = "KRW-BTC";
    double speed = 10.0;
    boolean autoPlay = true;
    boolean loop;
    BigDecimal feeRate = new BigDecimal("0.0005");
    final Map<String, byte[]> keys = new LinkedHashMap<>();
    final Map<String, String> keyRefusals = new LinkedHashMap<>();
    final Map<String, BigDecimal> initialBalances = new LinkedHashMap<>(Map.of("KRW", new BigDecimal("10000000")));
    int orderPerSecond = 8;
    int defaultPerSecond = 30;
    int orderbookUnits = 15;
    int quotationPerSecond = 10;
    Consumer<String> log = stderr(System.err);
    Long uuidSeed;
    long wsIdleTimeoutMs = 120_000;

    /** The market the data is played as, e.g. KRW-BTC (QUOTE-BASE). */
    public SimSettings market(final String market)
    {
        if (market == null || !market.matches("[A-Z0-9]{2,10}-[A-Z0-9]{1,15}"))
        {
            throw new IllegalArgumentException("market must look like KRW-BTC: '" + market + "'");
        }
        this.market = market;
        return this;
    }

    /** Trades played per second of wall time; 0 = none on their own (use {@link ExchangeSimulator#step(int)}). */
    public SimSettings speed(final double tradesPerSecond)
    {
        if (!(tradesPerSecond >= 0) || tradesPerSecond > 100_000)
        {
            throw new IllegalArgumentException("speed must be between 0 and 100000 trades per second: " + tradesPerSecond);
        }
        this.speed = tradesPerSecond;
        return this;
    }

    /** Whether playback starts with {@link ExchangeSimulator#start(int)} (default) or on {@link ExchangeSimulator#play()}. */
    public SimSettings autoPlay(final boolean autoPlay)
    {
        this.autoPlay = autoPlay;
        return this;
    }

    /** Start over at the end of the data (sequential_id keeps increasing); default: stop at the end. */
    public SimSettings loop(final boolean loop)
    {
        this.loop = loop;
        return this;
    }

    /** Fee per fill as a fraction of its funds; default 0.0005 (0.05%). */
    public SimSettings feeRate(final BigDecimal feeRate)
    {
        if (feeRate.signum() < 0 || feeRate.compareTo(BigDecimal.ONE) >= 0)
        {
            throw new IllegalArgumentException("fee rate must be in [0, 1): " + feeRate);
        }
        this.feeRate = feeRate;
        return this;
    }

    /** An API key the venue accepts. */
    public SimSettings key(final String accessKey, final byte[] secretKey)
    {
        if (accessKey == null || accessKey.isEmpty() || secretKey == null || secretKey.length == 0)
        {
            throw new IllegalArgumentException("empty access or secret key");
        }
        keys.put(accessKey, secretKey.clone());
        return this;
    }

    /**
     * A key whose signed requests the venue refuses, after checking their token, with 401 and Upbit's error
     * {@code errorName}: {@code expired_access_key} (the key's validity ended), {@code no_authorization_i_p} (the
     * caller's IP is not among the key's allowed ones) or {@code out_of_scope} (the key lacks the permission), as
     * Upbit's REST API guide lists them. The key must have been given with {@link #key}.
     */
    public SimSettings refuseKey(final String accessKey, final String errorName)
    {
        if (!keys.containsKey(accessKey))
        {
            throw new IllegalArgumentException("unknown access key: give it with key() first");
        }
        if (!Set.of("expired_access_key", "no_authorization_i_p", "out_of_scope").contains(errorName))
        {
            throw new IllegalArgumentException("a key is refused with expired_access_key, no_authorization_i_p or out_of_scope, not "
                + errorName);
        }
        keyRefusals.put(accessKey, errorName);
        return this;
    }

    /** The balance every account starts with in a currency (KRW 10,000,000 unless set). */
    public SimSettings initialBalance(final String currency, final BigDecimal amount)
    {
        initialBalances.put(currency, amount);
        return this;
    }

    /** Requests per second per access key: group "order" (POST /v1/orders; default 8) and "default" (30). */
    public SimSettings rateLimits(final int orderPerSecond, final int defaultPerSecond)
    {
        if (orderPerSecond < 1 || defaultPerSecond < 1)
        {
            throw new IllegalArgumentException("rate limits must be >= 1");
        }
        this.orderPerSecond = orderPerSecond;
        this.defaultPerSecond = defaultPerSecond;
        return this;
    }

    /**
     * Seeds the order and trade uuids, for tests that want the same uuids run after run. Unset (the default), each
     * simulator draws its seed from {@link java.security.SecureRandom}, so uuids never repeat across restarts, as
     * Upbit's do not.
     */
    public SimSettings uuidSeed(final long seed)
    {
        this.uuidSeed = seed;
        return this;
    }

    /**
     * Milliseconds a WebSocket may carry nothing in either direction (a ping or pong counts) before the server closes
     * it; default 120,000, as Upbit's WebSocket guide says of its server (about 120 s without data received or sent).
     */
    public SimSettings wsIdleTimeoutMs(final long timeoutMs)
    {
        if (timeoutMs < 1)
        {
            throw new IllegalArgumentException("WebSocket idle timeout must be >= 1 ms: " + timeoutMs);
        }
        this.wsIdleTimeoutMs = timeoutMs;
        return this;
    }

    /**
     * Requests per second per client IP in each public quotation group (market, ticker, orderbook, trade, candle);
     * default 10, Upbit's documented limit for each.
     */
    public SimSettings quotationRateLimit(final int perSecond)
    {
        if (perSecond < 1)
        {
            throw new IllegalArgumentException("quotation rate limit must be >= 1");
        }
        this.quotationPerSecond = perSecond;
        return this;
    }

    /** Where the simulator's log lines go (default: stderr). Lines never hold a key or a token. */
    public SimSettings log(final Consumer<String> log)
    {
        this.log = log;
        return this;
    }

    /** A log sink that prints each line to {@code out} as "sim-exchange HH:mm:ss.SSS line" (UTC wall-clock time). */
    public static Consumer<String> stderr(final PrintStream out)
    {
        return line -> out.println("sim-exchange " + LocalTime.now(ZoneOffset.UTC).format(TIME) + " " + line);
    }
}
