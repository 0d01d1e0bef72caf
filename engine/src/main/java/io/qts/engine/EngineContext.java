package io.qts.engine;

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
    public static final long UNLIMITED = Long.MAX_VALUE;
    public static final String CHAIN = "chain";
    public static final String PARALLEL = "parallel";
    public static final List<String> TOPOLOGIES = List.of(CHAIN, PARALLEL);
    /** The value of {@code engine.cpuAffinity} that pins nothing. */
    public static final String NO_AFFINITY = "none";

    private int engineId = 1;
    private String symbol;
    private String strategyName;
    private final SortedMap<String, String> strategyParams = new TreeMap<>();
    private long orderQty;
    private long initialCash;
    private long commissionRate;
    private long maxPositionQty = UNLIMITED;
    private long maxOrderNotional = UNLIMITED;
    private int ringSize = 4096;
    private String waitStrategy = "yielding";
    private String topology = CHAIN;
    private String cpuAffinity = NO_AFFINITY;
    private int[] cpuIds = new int[0];
    private StageProbe stageProbe = StageProbe.NONE;
    private Strategy strategy;
    private long cooldownNs;

    public EngineContext engineId(final int engineId)
    {
        this.engineId = engineId;
        return this;
    }

    public EngineContext symbol(final String symbol)
    {
        this.symbol = symbol;
        return this;
    }

    public EngineContext strategy(final String name, final Map<String, String> params)
    {
        this.strategyName = name;
        this.strategyParams.clear();
        this.strategyParams.putAll(params);
        return this;
    }

    public EngineContext orderQty(final long orderQty)
    {
        this.orderQty = orderQty;
        return this;
    }

    public EngineContext initialCash(final long initialCash)
    {
        this.initialCash = initialCash;
        return this;
    }

    public EngineContext commissionRate(final long commissionRate)
    {
        this.commissionRate = commissionRate;
        return this;
    }

    public EngineContext maxPositionQty(final long maxPositionQty)
    {
        this.maxPositionQty = maxPositionQty;
        return this;
    }

    public EngineContext maxOrderNotional(final long maxOrderNotional)
    {
        this.maxOrderNotional = maxOrderNotional;
        return this;
    }

    public EngineContext ringSize(final int ringSize)
    {
        this.ringSize = ringSize;
        return this;
    }

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
     * Checks every setting and builds the strategy.
     *
     * @throws IllegalArgumentException naming the setting and the bad value.
     */
    public EngineContext conclude()
    {
        require(engineId >= 1 && engineId <= ClientOrderIds.MAX_ENGINE_ID,
            "engine.id must be 1.." + ClientOrderIds.MAX_ENGINE_ID + ", got " + engineId);
        require(symbol != null && !symbol.isEmpty(), "symbol is required");
        require(strategyName != null, "strategy is required");
        require(orderQty > 0, "size must be positive, got " + FixedPoint.format(orderQty, 8));
        require(initialCash >= 0, "cash must not be negative, got " + FixedPoint.format(initialCash, FixedPoint.MONEY_SCALE));
        require(commissionRate >= 0 && commissionRate < FixedPoint.pow10(FixedPoint.RATE_SCALE),
            "commission must be a rate from 0 to below 1, got " + FixedPoint.format(commissionRate, FixedPoint.RATE_SCALE));
        require(maxPositionQty >= 0, "risk.maxPositionQty must not be negative");
        require(maxOrderNotional >= 0, "risk.maxOrderNotional must not be negative");
        require(ringSize >= 64 && Integer.bitCount(ringSize) == 1, "engine.ringSize must be a power of two >= 64, got " + ringSize);
        WaitStrategies.create(waitStrategy);
        require(TOPOLOGIES.contains(topology),
            "engine.topology must be one of " + String.join(", ", TOPOLOGIES) + ", got '" + topology + "'");
        cpuIds = parseCpuIds(cpuAffinity);
        require(stageProbe != null, "stageProbe must not be null (use StageProbe.NONE)");
        strategy = Strategies.create(strategyName, strategyParams);
        cooldownNs = Strategies.cooldownNs(strategyName, strategyParams);
        return this;
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

    public int engineId()
    {
        return engineId;
    }

    public String symbol()
    {
        return symbol;
    }

    public String strategyName()
    {
        return strategyName;
    }

    public SortedMap<String, String> strategyParams()
    {
        return strategyParams;
    }

    public long orderQty()
    {
        return orderQty;
    }

    public long initialCash()
    {
        return initialCash;
    }

    public long commissionRate()
    {
        return commissionRate;
    }

    public long maxPositionQty()
    {
        return maxPositionQty;
    }

    public long maxOrderNotional()
    {
        return maxOrderNotional;
    }

    public int ringSize()
    {
        return ringSize;
    }

    public String waitStrategy()
    {
        return waitStrategy;
    }

    public String topology()
    {
        return topology;
    }

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

    long cooldownNs()
    {
        return cooldownNs;
    }

    StageProbe stageProbe()
    {
        return stageProbe;
    }

    Strategy builtStrategy()
    {
        if (strategy == null)
        {
            throw new IllegalStateException("EngineContext.conclude() was not called");
        }
        return strategy;
    }
}
