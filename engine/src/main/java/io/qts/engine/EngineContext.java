package io.qts.engine;

import io.qts.engine.book.ClientOrderIds;
import io.qts.engine.book.Instruments;
import io.qts.engine.pipeline.ConfiguredStrategy;
import io.qts.engine.pipeline.EngineThreads;
import io.qts.engine.pipeline.InputDecoder;
import io.qts.engine.pipeline.StageProbe;
import io.qts.engine.pipeline.WaitStrategies;
import io.qts.engine.risk.AtrStop;
import io.qts.engine.risk.EntrySizing;
import io.qts.engine.risk.HaltSchedule;
import io.qts.engine.risk.RiskParams;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Everything the engine is told at start, validated once by {@link #conclude()}. Quantities are at
 * 10^-8 units, money at 10^-8 of the quote currency, rates at 10^-8 (see {@link FixedPoint}).
 */
public final class EngineContext
{
    /** The value of a limit or money setting that switches it off (no limit): {@link Long#MAX_VALUE}. */
    public static final long UNLIMITED = Long.MAX_VALUE;
    /**
     * {@code engine.topology} value: one engine thread runs journal, decode, signal, risk and execution in turn (the
     * default).
     */
    public static final String CHAIN = "chain";
    /**
     * {@code engine.topology} value: journal and decode/signal run on two threads side by side, then risk/execution
     * after both.
     */
    public static final String PARALLEL = "parallel";
    /** The accepted values of {@code engine.topology}, {@value #CHAIN} first. */
    public static final List<String> TOPOLOGIES = List.of(CHAIN, PARALLEL);
    /** The value of {@code engine.cpuAffinity} that pins nothing. */
    public static final String NO_AFFINITY = "none";
    /** The value of an optional risk setting that switches it off. */
    public static final String NONE = "none";
    /** The accepted values of {@code risk.sizing}, the default ({@value EntrySizing#FIXED_QTY}) first. */
    public static final List<String> SIZINGS = List.of(EntrySizing.FIXED_QTY, EntrySizing.FIXED_NOTIONAL, EntrySizing.EQUITY_FRACTION);
    /** The accepted values of {@code risk.stop}, the default ({@value AtrStop#NONE}) first. */
    public static final List<String> STOPS = List.of(AtrStop.NONE, AtrStop.INITIAL, AtrStop.TRAILING);
    /** {@code risk.restingOrders}: cancel resting limit orders at a halt or kill (the default), or keep them resting. */
    public static final String CANCEL_RESTING = "cancel";
    /** {@code risk.restingOrders}: keep resting limit orders at the venue at a halt or kill. */
    public static final String KEEP_RESTING = "keep";
    /** The accepted values of {@code risk.restingOrders}, the default ({@value #CANCEL_RESTING}) first. */
    public static final List<String> RESTING_ORDERS = List.of(CANCEL_RESTING, KEEP_RESTING);
    /**
     * An admin HALT's paramValue: what happens to resting limit orders at this halt. 0: {@code risk.restingOrders}
     * (an operator's halt); an orderly stop says which it was configured to do ({@code run.restingOrdersAtStop}), so
     * the choice is in the journal.
     */
    public static final long HALT_RESTING_AS_CONFIGURED = 0;
    /**
     * An admin HALT's paramValue: cancel resting limit orders at this halt, whatever {@code risk.restingOrders} says.
     */
    public static final long HALT_CANCEL_RESTING = 1;
    /** An admin HALT's paramValue: keep resting limit orders at this halt, whatever {@code risk.restingOrders} says. */
    public static final long HALT_KEEP_RESTING = 2;
    private static final long MAX_MS = Long.MAX_VALUE / 1_000_000L;

    private int engineId = 1;
    private List<String> symbols = List.of();
    private String strategyName;
    private final SortedMap<String, String> strategyParams = new TreeMap<>();
    private long orderQty;
    private long initialCash;
    private long commissionRate;
    private long maxPositionQty = UNLIMITED;
    private long maxOrderNotional = UNLIMITED;
    private String sizing = EntrySizing.FIXED_QTY;
    private long orderNotional = UNLIMITED;
    private long equityFraction = UNLIMITED;
    private long maxOpenPositions = UNLIMITED;
    private long priceBand = UNLIMITED;
    private int maxOrdersPerSecond;
    private int atrBars = 14;
    private String stop = AtrStop.NONE;
    private long stopAtrMultiple = 3 * FixedPoint.pow10(FixedPoint.RATE_SCALE);
    private long maxAtrFraction = UNLIMITED;
    private long dailyLossLimit = UNLIMITED;
    private long maxDrawdown = UNLIMITED;
    private int breakerFailures;
    private long breakerWindowMs = 60_000;
    private long breakerCoolDownMs = 30_000;
    private long orderTimeoutMs = UNLIMITED;
    private String haltWindows = NONE;
    private HaltSchedule haltSchedule = HaltSchedule.NONE;
    private int ringSize = 4096;
    private String waitStrategy = "yielding";
    private String topology = CHAIN;
    private String cpuAffinity = NO_AFFINITY;
    private int[] cpuIds = new int[0];
    private StageProbe stageProbe = StageProbe.NONE;
    private ConfiguredStrategy strategy;
    private ConfiguredStrategy[] strategies;
    private long cooldownNs;
    private final InputDecoder[] inputDecoders = new InputDecoder[8];
    private boolean multiProducer;
    private PriceTicks priceTicks = PriceTicks.ONE_UNIT;
    private String restingOrders = CANCEL_RESTING;

    /**
     * The traded instrument's price grid for limit orders (the venue's tick rule); {@link PriceTicks#ONE_UNIT}, one
     * unit of the instrument's price scale, unless set. A limit price off it is refused by risk (OFF_TICK).
     */
    public EngineContext priceTicks(final PriceTicks priceTicks)
    {
        this.priceTicks = java.util.Objects.requireNonNull(priceTicks, "priceTicks");
        return this;
    }

    /** The traded instrument's price grid for limit orders; {@link PriceTicks#ONE_UNIT} unless set. */
    public PriceTicks priceTicks()
    {
        return priceTicks;
    }

    /** {@value #CANCEL_RESTING} (default) or {@value #KEEP_RESTING}: resting limit orders at a halt or a kill. */
    public EngineContext restingOrders(final String restingOrders)
    {
        this.restingOrders = restingOrders;
        return this;
    }

    /** {@value #CANCEL_RESTING} or {@value #KEEP_RESTING} as set; checked by {@link #conclude()}. */
    public String restingOrders()
    {
        return restingOrders;
    }

    /**
     * This engine's id, 1 to {@link ClientOrderIds#MAX_ENGINE_ID} (default 1): the top bits of its client order ids
     * (see {@link ClientOrderIds}). Checked by {@link #conclude()}.
     */
    public EngineContext engineId(final int engineId)
    {
        this.engineId = engineId;
        return this;
    }

    /**
     * One traded instrument by its venue symbol (e.g. "KRW-BTC"); null or empty leaves none, which {@link #conclude()}
     * refuses.
     */
    public EngineContext symbol(final String symbol)
    {
        this.symbols = symbol == null ? List.of() : List.of(symbol);
        return this;
    }

    /**
     * The instruments traded, one instance of the strategy each (a portfolio): all share the cash, and
     * {@code risk.maxOpenPositions} limits how many hold a position at once. On a timer, and for anything else
     * the engine does per traded instrument in turn, they go in this order.
     */
    public EngineContext symbols(final List<String> symbols)
    {
        this.symbols = List.copyOf(symbols);
        return this;
    }

    /**
     * The strategy by its registered name (see {@link Strategies}) and its parameters as text, key to value; replaces
     * earlier ones. {@link #conclude()} checks both and builds one instance per symbol.
     */
    public EngineContext strategy(final String name, final Map<String, String> params)
    {
        this.strategyName = name;
        this.strategyParams.clear();
        this.strategyParams.putAll(params);
        return this;
    }

    /**
     * Size of each entry in units of the instrument at 10^-8 (rescaled to the instrument's quantity scale once it is
     * defined); must be positive.
     */
    public EngineContext orderQty(final long orderQty)
    {
        this.orderQty = orderQty;
        return this;
    }

    /** Starting cash in money units (10^-8 of the quote currency), 0 to {@link FixedPoint#MAX_CASH}. */
    public EngineContext initialCash(final long initialCash)
    {
        this.initialCash = initialCash;
        return this;
    }

    /** Commission per fill as a rate of its notional at 10^-8 (e.g. 50_000 for 0.05%), from 0 to below 1. */
    public EngineContext commissionRate(final long commissionRate)
    {
        this.commissionRate = commissionRate;
        return this;
    }

    /**
     * Largest position per instrument in units at 10^-8 (compared after rescaling the position); {@link #UNLIMITED}
     * (the default) for none.
     */
    public EngineContext maxPositionQty(final long maxPositionQty)
    {
        this.maxPositionQty = maxPositionQty;
        return this;
    }

    /** Largest notional of one order in money units (10^-8); {@link #UNLIMITED} (the default) for none. */
    public EngineContext maxOrderNotional(final long maxOrderNotional)
    {
        this.maxOrderNotional = maxOrderNotional;
        return this;
    }

    /** How entries are sized: {@value EntrySizing#FIXED_QTY} (the default), fixed-notional or equity-fraction. */
    public EngineContext sizing(final String sizing)
    {
        this.sizing = sizing;
        return this;
    }

    /** Money per entry at 10^-8, for fixed-notional sizing. */
    public EngineContext orderNotional(final long orderNotional)
    {
        this.orderNotional = orderNotional;
        return this;
    }

    /** Fraction of equity per entry at 10^-8, above 0 and at most 1, for equity-fraction sizing. */
    public EngineContext equityFraction(final long equityFraction)
    {
        this.equityFraction = equityFraction;
        return this;
    }

    /**
     * Most instruments that may hold a position or an order in flight at once; {@link #UNLIMITED} (the default) for
     * none.
     */
    public EngineContext maxOpenPositions(final long maxOpenPositions)
    {
        this.maxOpenPositions = maxOpenPositions;
        return this;
    }

    /** Largest deviation of an entry's price from the prior market price, a fraction at 10^-8. */
    public EngineContext priceBand(final long priceBand)
    {
        this.priceBand = priceBand;
        return this;
    }

    /** Orders per sliding second of event time; 0 for no limit. */
    public EngineContext maxOrdersPerSecond(final int maxOrdersPerSecond)
    {
        this.maxOrdersPerSecond = maxOrdersPerSecond;
        return this;
    }

    /** Bars in the average true range (Wilder's N), 1 to 10000; default 14. */
    public EngineContext atrBars(final int atrBars)
    {
        this.atrBars = atrBars;
        return this;
    }

    /** ATR stop: none (the default), initial or trailing. */
    public EngineContext stop(final String stop)
    {
        this.stop = stop;
        return this;
    }

    /** The ATR stop's distance from its reference price in ATRs, at 10^-8 (default 3); must be positive. */
    public EngineContext stopAtrMultiple(final long stopAtrMultiple)
    {
        this.stopAtrMultiple = stopAtrMultiple;
        return this;
    }

    /**
     * Volatility filter: no entries while ATR / last price is above this fraction at 10^-8; {@link #UNLIMITED} (the
     * default) for none.
     */
    public EngineContext maxAtrFraction(final long maxAtrFraction)
    {
        this.maxAtrFraction = maxAtrFraction;
        return this;
    }

    /**
     * Money (10^-8) the equity may fall below its value at the first market event of the UTC day before the engine
     * halts (DAILY_LOSS); {@link #UNLIMITED} (the default) for none.
     */
    public EngineContext dailyLossLimit(final long dailyLossLimit)
    {
        this.dailyLossLimit = dailyLossLimit;
        return this;
    }

    /**
     * Fraction at 10^-8, 0 to 1, the equity may fall below its peak before the engine halts (DRAWDOWN);
     * {@link #UNLIMITED} (the default) for none.
     */
    public EngineContext maxDrawdown(final long maxDrawdown)
    {
        this.maxDrawdown = maxDrawdown;
        return this;
    }

    /** Venue failures in a row that open the circuit breaker; 0 for no breaker. */
    public EngineContext breakerFailures(final int breakerFailures)
    {
        this.breakerFailures = breakerFailures;
        return this;
    }

    /**
     * Event-time milliseconds within which {@link #breakerFailures(int)} failures, first to last, open the breaker;
     * default 60000.
     */
    public EngineContext breakerWindowMs(final long breakerWindowMs)
    {
        this.breakerWindowMs = breakerWindowMs;
        return this;
    }

    /**
     * Event-time milliseconds the opened breaker waits before it lets one probe order through (half-open); default
     * 30000.
     */
    public EngineContext breakerCoolDownMs(final long breakerCoolDownMs)
    {
        this.breakerCoolDownMs = breakerCoolDownMs;
        return this;
    }

    /** An order with no venue answer this long after it was sent counts as a failure; UNLIMITED for never. */
    public EngineContext orderTimeoutMs(final long orderTimeoutMs)
    {
        this.orderTimeoutMs = orderTimeoutMs;
        return this;
    }

    /** Comma-separated halt windows, daily "HH:MM-HH:MM" (UTC) or "start/end" ISO instants; "none" for none. */
    public EngineContext haltWindows(final String haltWindows)
    {
        this.haltWindows = haltWindows;
        return this;
    }

    /** Slots in the engine's input ring: a power of two, at least 64; default 4096. */
    public EngineContext ringSize(final int ringSize)
    {
        this.ringSize = ringSize;
        return this;
    }

    /** How the engine thread waits for input: one of {@link WaitStrategies#NAMES}; default "yielding". */
    public EngineContext waitStrategy(final String waitStrategy)
    {
        this.waitStrategy = waitStrategy;
        return this;
    }

    /** {@value #CHAIN} (one engine thread, the default) or {@value #PARALLEL} (journal beside decode/signal). */
    public EngineContext topology(final String topology)
    {
        this.topology = topology;
        return this;
    }

    /**
     * CPU ids for the engine threads, comma-separated ("1" or "0,1"), or {@value #NO_AFFINITY}. Thread i
     * is pinned to id i modulo their count.
     */
    public EngineContext cpuAffinity(final String cpuAffinity)
    {
        this.cpuAffinity = cpuAffinity;
        return this;
    }

    /** A measurement hook called after each stage; {@link StageProbe#NONE} by default. */
    public EngineContext stageProbe(final StageProbe stageProbe)
    {
        this.stageProbe = stageProbe;
        return this;
    }

    /**
     * The decoder for inputs of a journal entry {@code format} other than SBE (e.g. EntryHeader.FORMAT_JSON for
     * venue JSON). Without one, such inputs are malformed. A replay must register the same decoder.
     */
    public EngineContext inputDecoder(final int format, final InputDecoder decoder)
    {
        require(format > io.qts.journal.EntryHeader.FORMAT_SBE && format < inputDecoders.length,
            "input decoder format must be 2.." + (inputDecoders.length - 1) + " (SBE is built in), got " + format);
        inputDecoders[format] = decoder;
        return this;
    }

    /**
     * Whether inputs are published from more than one thread (a live venue session: market data, private stream and
     * order gateway each on their own thread). The publishers must still not race for the order of inputs: wrap the
     * input in one lock (the adapters' SerializedInput); this only tells the ring it has several producer threads.
     */
    public EngineContext multiProducer(final boolean multiProducer)
    {
        this.multiProducer = multiProducer;
        return this;
    }

    /** Whether inputs are published from more than one thread; false unless set. */
    public boolean multiProducer()
    {
        return multiProducer;
    }

    /** The registered decoder for a format, or null. */
    InputDecoder inputDecoder(final int format)
    {
        return format >= 0 && format < inputDecoders.length ? inputDecoders[format] : null;
    }

    /** Engine-internal. A copy of the decoders by journal entry format (index); null where none is registered. */
    public InputDecoder[] inputDecoders()
    {
        return inputDecoders.clone();
    }

    /**
     * Checks every setting and builds the strategy.
     *
     * @throws IllegalArgumentException naming the setting and the bad value.
     */
    public EngineContext conclude()
    {
        require(engineId >= 1 && engineId <= ClientOrderIds.MAX_ENGINE_ID,
            "engine.id must be 1.." + ClientOrderIds.MAX_ENGINE_ID + ", got " + engineId);
        require(!symbols.isEmpty() && symbols.stream().noneMatch(String::isEmpty), "symbol is required");
        require(symbols.stream().distinct().count() == symbols.size(), "each symbol may be traded once, got " + symbols);
        require(symbols.size() <= Instruments.MAX_INSTRUMENTS,
            "at most " + Instruments.MAX_INSTRUMENTS + " instruments, got " + symbols.size());
        require(strategyName != null, "strategy is required");
        require(orderQty > 0, "size must be positive, got " + FixedPoint.format(orderQty, 8));
        require(initialCash >= 0, "cash must not be negative, got " + FixedPoint.format(initialCash, FixedPoint.MONEY_SCALE));
        require(initialCash <= FixedPoint.MAX_CASH, "cash must be at most " + FixedPoint.format(FixedPoint.MAX_CASH, FixedPoint.MONEY_SCALE) +
            " (money is a 64-bit count of 10^-8 units; sums from a larger cash could overflow), got " +
            FixedPoint.format(initialCash, FixedPoint.MONEY_SCALE));
        require(commissionRate >= 0 && commissionRate < FixedPoint.pow10(FixedPoint.RATE_SCALE),
            "commission must be a rate from 0 to below 1, got " + FixedPoint.format(commissionRate, FixedPoint.RATE_SCALE));
        require(maxPositionQty >= 0, "risk.maxPositionQty must not be negative");
        require(maxOrderNotional >= 0, "risk.maxOrderNotional must not be negative");
        concludeRisk();
        require(ringSize >= 64 && Integer.bitCount(ringSize) == 1, "engine.ringSize must be a power of two >= 64, got " + ringSize);
        WaitStrategies.create(waitStrategy);
        require(TOPOLOGIES.contains(topology),
            "engine.topology must be one of " + String.join(", ", TOPOLOGIES) + ", got '" + topology + "'");
        cpuIds = parseCpuIds(cpuAffinity);
        require(stageProbe != null, "stageProbe must not be null (use StageProbe.NONE)");
        strategies = new ConfiguredStrategy[symbols.size()];
        for (int i = 0; i < strategies.length; i++)
        {
            strategies[i] = Strategies.create(strategyName, strategyParams);
        }
        strategy = strategies[0];
        cooldownNs = Strategies.cooldownNs(strategyName, strategyParams);
        return this;
    }

    private void concludeRisk()
    {
        require(SIZINGS.contains(sizing), "risk.sizing must be one of " + String.join(", ", SIZINGS) + ", got '" + sizing + "'");
        if (EntrySizing.FIXED_NOTIONAL.equals(sizing))
        {
            require(orderNotional > 0 && orderNotional != UNLIMITED, "risk.orderNotional must be positive with risk.sizing " +
                EntrySizing.FIXED_NOTIONAL + ", got " + (orderNotional == UNLIMITED ? NONE : FixedPoint.format(orderNotional, 8)));
        }
        final long one = FixedPoint.pow10(FixedPoint.RATE_SCALE);
        if (EntrySizing.EQUITY_FRACTION.equals(sizing))
        {
            require(equityFraction > 0 && equityFraction <= one, "risk.equityFraction must be above 0 and at most 1 with " +
                "risk.sizing " + EntrySizing.EQUITY_FRACTION + ", got " + (equityFraction == UNLIMITED ? NONE : FixedPoint.format(equityFraction, 8)));
        }
        require(maxOpenPositions >= 0, "risk.maxOpenPositions must not be negative, got " + maxOpenPositions);
        require(priceBand >= 0, "risk.priceBand must not be negative, got " + FixedPoint.format(priceBand, 8));
        require(maxOrdersPerSecond >= 0 && maxOrdersPerSecond <= 100_000,
            "risk.maxOrdersPerSecond must be 0 to 100000, got " + maxOrdersPerSecond);
        require(atrBars >= 1 && atrBars <= 10_000, "risk.atrBars must be 1 to 10000, got " + atrBars);
        require(RESTING_ORDERS.contains(restingOrders),
            "risk.restingOrders must be one of " + String.join(", ", RESTING_ORDERS) + ", got '" + restingOrders + "'");
        require(STOPS.contains(stop), "risk.stop must be one of " + String.join(", ", STOPS) + ", got '" + stop + "'");
        require(stopAtrMultiple > 0, "risk.stopAtrMultiple must be positive, got " + FixedPoint.format(stopAtrMultiple, 8));
        require(maxAtrFraction >= 0, "risk.maxAtrFraction must not be negative, got " + FixedPoint.format(maxAtrFraction, 8));
        require(dailyLossLimit >= 0, "risk.dailyLossLimit must not be negative, got " + FixedPoint.format(dailyLossLimit, 8));
        require(maxDrawdown == UNLIMITED || (maxDrawdown >= 0 && maxDrawdown <= one),
            "risk.maxDrawdown must be a fraction from 0 to 1, got " + FixedPoint.format(maxDrawdown, 8));
        require(breakerFailures >= 0, "risk.breakerFailures must not be negative, got " + breakerFailures);
        require(breakerWindowMs > 0 && breakerWindowMs <= MAX_MS, "risk.breakerWindowMs must be positive, got " + breakerWindowMs);
        require(breakerCoolDownMs >= 0 && breakerCoolDownMs <= MAX_MS,
            "risk.breakerCoolDownMs must not be negative, got " + breakerCoolDownMs);
        require(orderTimeoutMs == UNLIMITED || (orderTimeoutMs > 0 && orderTimeoutMs <= MAX_MS),
            "risk.orderTimeoutMs must be positive, got " + orderTimeoutMs);
        haltSchedule = HaltSchedule.parse("risk.haltWindows", haltWindows);
    }

    private static int[] parseCpuIds(final String spec)
    {
        require(spec != null, "engine.cpuAffinity is required ('" + NO_AFFINITY + "' pins nothing)");
        final String trimmed = spec.trim();
        if (trimmed.equals(NO_AFFINITY))
        {
            return new int[0];
        }
        final String[] parts = trimmed.split(",", -1);
        final int cpus = Runtime.getRuntime().availableProcessors();
        final int[] ids = new int[parts.length];
        final BitSet seen = new BitSet();
        for (int i = 0; i < parts.length; i++)
        {
            final String part = parts[i].trim();
            require(part.matches("[0-9]{1,4}"),
                "engine.cpuAffinity must be '" + NO_AFFINITY + "' or CPU ids like '1' or '0,1', got '" + spec + "'");
            ids[i] = Integer.parseInt(part);
            require(ids[i] < cpus, "engine.cpuAffinity: CPU " + ids[i] + " does not exist (this machine has CPUs 0.." +
                (cpus - 1) + "), got '" + spec + "'");
            require(!seen.get(ids[i]), "engine.cpuAffinity: CPU " + ids[i] + " is listed twice in '" + spec + "'");
            seen.set(ids[i]);
        }
        require(EngineThreads.pinningAvailable(),
            "engine.cpuAffinity: CPU pinning is not available on this platform (no native affinity support); use '" +
                NO_AFFINITY + "', got '" + spec + "'");
        return ids;
    }

    private static void require(final boolean condition, final String message)
    {
        if (!condition)
        {
            throw new IllegalArgumentException(message);
        }
    }

    /** This engine's id, 1 unless set. */
    public int engineId()
    {
        return engineId;
    }

    /** The engine id bits of this engine's client order ids; the deciding input's sequence goes below. */
    public long orderIdBase()
    {
        return ClientOrderIds.of(engineId, 0);
    }

    /** The (first) traded symbol; null before one is given. */
    public String symbol()
    {
        return symbols.isEmpty() ? null : symbols.get(0);
    }

    /** Every traded symbol, in the order given. */
    public List<String> symbols()
    {
        return symbols;
    }

    /** The strategy's registered name; null before one is given. */
    public String strategyName()
    {
        return strategyName;
    }

    /** The strategy's parameters as given, as text, ordered by key (the live map, not a copy). */
    public SortedMap<String, String> strategyParams()
    {
        return strategyParams;
    }

    /** Size of each entry in units at 10^-8. */
    public long orderQty()
    {
        return orderQty;
    }

    /** Starting cash in money units (10^-8 of the quote currency). */
    public long initialCash()
    {
        return initialCash;
    }

    /** Commission rate at 10^-8. */
    public long commissionRate()
    {
        return commissionRate;
    }

    /** Largest position per instrument in units at 10^-8; {@link #UNLIMITED} for none. */
    public long maxPositionQty()
    {
        return maxPositionQty;
    }

    /** Largest order notional in money units (10^-8); {@link #UNLIMITED} for none. */
    public long maxOrderNotional()
    {
        return maxOrderNotional;
    }

    /** One of {@link #SIZINGS}, as set. */
    public String sizing()
    {
        return sizing;
    }

    /** The money (fixed-notional) or fraction (equity-fraction) the sizing uses; unused for fixed-qty. */
    public long sizingValue()
    {
        return EntrySizing.EQUITY_FRACTION.equals(sizing) ? equityFraction : orderNotional;
    }

    /** Money per entry at 10^-8 for fixed-notional sizing; {@link #UNLIMITED} unless set. */
    public long orderNotional()
    {
        return orderNotional;
    }

    /** Fraction of equity per entry at 10^-8 for equity-fraction sizing; {@link #UNLIMITED} unless set. */
    public long equityFraction()
    {
        return equityFraction;
    }

    /** Most instruments holding a position or an order in flight at once; {@link #UNLIMITED} for none. */
    public long maxOpenPositions()
    {
        return maxOpenPositions;
    }

    /**
     * Largest deviation of an entry's price from the prior market price, a fraction at 10^-8; {@link #UNLIMITED} for
     * none.
     */
    public long priceBand()
    {
        return priceBand;
    }

    /** Orders per sliding second of event time; 0 for no limit. */
    public int maxOrdersPerSecond()
    {
        return maxOrdersPerSecond;
    }

    /** Bars in the average true range. */
    public int atrBars()
    {
        return atrBars;
    }

    /** One of {@link #STOPS}, as set. */
    public String stop()
    {
        return stop;
    }

    /** The ATR stop's distance in ATRs, at 10^-8. */
    public long stopAtrMultiple()
    {
        return stopAtrMultiple;
    }

    /** Largest ATR / last price at which entries are allowed, at 10^-8; {@link #UNLIMITED} for none. */
    public long maxAtrFraction()
    {
        return maxAtrFraction;
    }

    /** Daily loss limit in money units (10^-8); {@link #UNLIMITED} for none. */
    public long dailyLossLimit()
    {
        return dailyLossLimit;
    }

    /** Largest drawdown from peak equity, a fraction at 10^-8; {@link #UNLIMITED} for none. */
    public long maxDrawdown()
    {
        return maxDrawdown;
    }

    /** Venue failures in a row that open the circuit breaker; 0 for no breaker. */
    public int breakerFailures()
    {
        return breakerFailures;
    }

    /** The breaker's failure window in event-time milliseconds. */
    public long breakerWindowMs()
    {
        return breakerWindowMs;
    }

    /** The breaker's cool-down in event-time milliseconds. */
    public long breakerCoolDownMs()
    {
        return breakerCoolDownMs;
    }

    /** Event-time milliseconds after which an unanswered order counts as a failure; {@link #UNLIMITED} for never. */
    public long orderTimeoutMs()
    {
        return orderTimeoutMs;
    }

    /** The halt windows as given (unparsed); "none" for none. See {@link #haltSchedule()} for the parsed form. */
    public String haltWindows()
    {
        return haltWindows;
    }

    /** The windows parsed by {@link #conclude()}. */
    public HaltSchedule haltSchedule()
    {
        return haltSchedule;
    }

    /** Slots in the engine's input ring. */
    public int ringSize()
    {
        return ringSize;
    }

    /** The wait strategy's name, one of {@link WaitStrategies#NAMES}. */
    public String waitStrategy()
    {
        return waitStrategy;
    }

    /** {@value #CHAIN} or {@value #PARALLEL}. */
    public String topology()
    {
        return topology;
    }

    /** The CPU ids as given, or {@value #NO_AFFINITY}. */
    public String cpuAffinity()
    {
        return cpuAffinity;
    }

    /** The CPU ids parsed by {@link #conclude()}; empty for none. */
    int[] cpuIds()
    {
        return cpuIds.clone();
    }

    /** The keys an admin SET_PARAM may name for the risk stage; values at 10^-8 like every admin value. */
    public static List<String> riskParamKeys()
    {
        return List.of(RiskParams.KEYS);
    }

    /**
     * Engine-internal. The strategy's cool-down after a position is closed, in nanoseconds of event time; 0 before
     * {@link #conclude()}.
     */
    public long cooldownNs()
    {
        return cooldownNs;
    }

    /** The measurement hook called after each stage; {@link StageProbe#NONE} unless set. */
    public StageProbe stageProbe()
    {
        return stageProbe;
    }

    /** One strategy instance per traded symbol, in {@link #symbols()}' order. */
    public ConfiguredStrategy[] builtStrategies()
    {
        builtStrategy();
        return strategies.clone();
    }

    /**
     * The strategy instance of the first traded symbol.
     *
     * @throws IllegalStateException if {@link #conclude()} was not called.
     */
    public ConfiguredStrategy builtStrategy()
    {
        if (strategy == null)
        {
            throw new IllegalStateException("EngineContext.conclude() was not called");
        }
        return strategy;
    }
}
