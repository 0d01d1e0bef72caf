package io.qts.engine;

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
    private Strategy strategy;

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
        strategy = Strategies.create(strategyName, strategyParams);
        return this;
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

    Strategy builtStrategy()
    {
        if (strategy == null)
        {
            throw new IllegalStateException("EngineContext.conclude() was not called");
        }
        return strategy;
    }
}
