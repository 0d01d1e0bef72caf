package io.qts.engine.pipeline;

import io.qts.engine.FixedPoint;
import io.qts.engine.PriceTicks;
import io.qts.engine.Strategies;
import io.qts.engine.book.Instruments;
import io.qts.engine.book.Portfolio;
import io.qts.engine.book.Sides;
import io.qts.engine.risk.RiskParams;
import io.qts.engine.strategy.OrderStatus;
import io.qts.engine.strategy.Strategy;
import io.qts.engine.strategy.StrategyParameter;
import io.qts.journal.sbe.AdminAction;
import io.qts.journal.sbe.AdminCommandDecoder;
import io.qts.journal.sbe.MessageHeaderDecoder;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Keeps last prices, learns instruments, and calls the strategies (the public {@link Strategy} API), one
 * instance per traded instrument, each with its own instrument's bars and trades, its own fills and order
 * updates, and timers; the orders it sends through its {@link StrategyView} become the event's order intent:
 * long only, one position at a time per instrument, following the {@link Portfolio} state machine. A buy is
 * taken only when flat (not while an order is in flight, long, or cooling down), a sell only when long. One
 * input carries at most one order: on a timer the strategies are called in the traded symbols' order, and
 * once one has ordered, the later ones' order calls return false. Also applies admin SET_PARAM commands that
 * name a strategy parameter, to every instance; an invalid one changes nothing and is counted.
 *
 * <p>A strategy switch (an accepted session change, docs/recovery.md) is two admin actions: STRATEGY_PARAM inputs
 * stage the new strategy's parameters (key, value at 10^-8), and SET_STRATEGY, whose key names the strategy, builds
 * it from them (defaults for those not staged) and replaces every instance with one bound to the same instrument, so
 * it sees the engine's position, cash and open order from its first event; admin parameter keys are then the new
 * strategy's. Building allocates: it is an admin event, not the steady state. A strategy this engine does not know,
 * or staged parameters it refuses, change nothing and are counted with the ignored parameter changes (the CLI checks
 * both before it journals a switch).
 */
public final class SignalStage
{
    private final Strategy[] strategies;
    private final StrategyView[] views;
    private List<StrategyParameter> params;
    private final long orderQty8;
    private final Instruments instruments;
    private final Portfolio portfolio;
    private final Counters counters;
    private String[] paramKeys;
    /** Set by the first strategy switch: from then on admin keys are resolved here, against the new strategy's. */
    private boolean switched;
    private final Map<String, String> stagedParams = new TreeMap<>();
    private final MessageHeaderDecoder adminHeader = new MessageHeaderDecoder();
    private final AdminCommandDecoder admin = new AdminCommandDecoder();
    /** By strategy index: its instrument's id once defined, else -1. */
    private final int[] tradedIds;
    /** By instrument id: the index of the strategy trading it, else -1. */
    private final int[] strategyOf = new int[Instruments.MAX_INSTRUMENTS];
    private final PriceTicks priceTicks;
    /** By instrument id, the last order reported ACCEPTED: a venue that answers on two channels (REST, private stream) is heard once. */
    private final long[] acceptedOrderId = new long[Instruments.MAX_INSTRUMENTS];

    /**
     * @param cooldownNs event time after a position is closed before the next entry.
     * @param orderQty8  size of each entry at 10^-8 units, rescaled to the instrument's scale once it is defined.
     * @param priceTicks the traded instruments' price grid for limit orders.
     */
    public SignalStage(
        final ConfiguredStrategy strategy, final long cooldownNs, final long orderQty8, final Instruments instruments,
        final Portfolio portfolio, final Counters counters, final PriceTicks priceTicks)
    {
        this(new ConfiguredStrategy[] {strategy}, cooldownNs, orderQty8, instruments, portfolio, counters, priceTicks);
    }

    /**
     * @param strategies one per traded symbol, in the order of the symbols the decode stage indexes; all made by
     *                   one factory.
     */
    SignalStage(
        final ConfiguredStrategy[] strategies, final long cooldownNs, final long orderQty8, final Instruments instruments,
        final Portfolio portfolio, final Counters counters, final PriceTicks priceTicks)
    {
        this.priceTicks = priceTicks;
        this.strategies = new Strategy[strategies.length];
        this.views = new StrategyView[strategies.length];
        this.tradedIds = new int[strategies.length];
        for (int i = 0; i < strategies.length; i++)
        {
            this.strategies[i] = strategies[i].strategy();
            this.views[i] = strategies[i].view();
            this.views[i].bind(portfolio, instruments);
            this.tradedIds[i] = -1;
        }
        Arrays.fill(strategyOf, -1);
        this.params = strategies[0].factory().parameters();
        this.orderQty8 = orderQty8;
        this.instruments = instruments;
        this.portfolio = portfolio;
        this.counters = counters;
        portfolio.cooldownNs = cooldownNs;
        paramKeys = keysOf(params);
    }

    /** Admin keys this stage applies, by the id the decode stage gives them. */
    String[] paramKeys()
    {
        return paramKeys.clone();
    }

    /**
     * Engine-internal. Runs the strategies on one input: defines traded instruments, records market prices and hands
     * market data, timers, order events and parameter changes to the strategy of the instrument; an order the strategy
     * asks for is left in the slot's intent fields for risk.
     */
    public void onEvent(final InboundSlot slot)
    {
        switch (slot.type)
        {
            case EventType.INSTRUMENT:
                instruments.define(slot.instrumentId, slot.priceScale, slot.qtyScale);
                if (slot.tradedIndex >= 0)
                {
                    define(slot.tradedIndex, slot.instrumentId, slot.qtyScale);
                }
                break;

            case EventType.BAR:
            {
                final int s = onMarket(slot);
                if (s >= 0)
                {
                    views[s].begin(slot);
                    strategies[s].onBar(slot.timeNs, slot.durationNs, slot.openPrice, slot.highPrice, slot.lowPrice, slot.price);
                    views[s].end();
                }
                break;
            }

            case EventType.TRADE:
            {
                final int s = onMarket(slot);
                if (s >= 0)
                {
                    views[s].begin(slot);
                    strategies[s].onTrade(slot.timeNs, slot.price, slot.qty);
                    views[s].end();
                }
                break;
            }

            case EventType.ORDER_FILLED:
                if (isOwnOrder(slot))
                {
                    strategies[strategyOf[slot.instrumentId]].onFill(slot.timeNs, slot.side, slot.price, slot.qty, slot.leavesQty);
                }
                break;

            case EventType.ORDER_ACCEPTED:
                onOrderUpdate(slot, OrderStatus.ACCEPTED);
                break;

            case EventType.ORDER_REJECTED:
                onOrderUpdate(slot, OrderStatus.REJECTED);
                break;

            case EventType.ORDER_CANCELLED:
                onOrderUpdate(slot, OrderStatus.CANCELLED);
                break;

            case EventType.ORDER_DONE:
                onOrderUpdate(slot, OrderStatus.DONE);
                break;

            case EventType.TIMER:
                onTimer(slot);
                break;

            case EventType.ADMIN:
                if (slot.adminAction == AdminAction.SET_PARAM.value())
                {
                    if (switched)
                    {
                        slot.strategyParamId = indexOfKey(adminKey(slot));
                    }
                    setParam(slot);
                }
                else if (slot.adminAction == AdminAction.STRATEGY_PARAM.value())
                {
                    stagedParams.put(adminKey(slot), FixedPoint.format(slot.paramValue, 8));
                }
                else if (slot.adminAction == AdminAction.SET_STRATEGY.value())
                {
                    switchStrategy(adminKey(slot));
                }
                break;

            default:
                break;
        }
    }

    private void define(final int index, final int instrumentId, final int qtyScale)
    {
        if (tradedIds[index] >= 0)
        {
            strategyOf[tradedIds[index]] = -1;
        }
        tradedIds[index] = instrumentId;
        strategyOf[instrumentId] = index;
        instruments.priceTicks(instrumentId, priceTicks);
        views[index].trade(instrumentId, FixedPoint.rescale(orderQty8, 8, qtyScale));
    }

    /** Records the price; the index of the strategy trading the instrument (whose cool-down it may end), or -1. */
    private int onMarket(final InboundSlot slot)
    {
        if (!Instruments.validId(slot.instrumentId))
        {
            return -1;
        }
        portfolio.lastPrice[slot.instrumentId] = slot.price;
        final int s = strategyOf[slot.instrumentId];
        if (s >= 0)
        {
            portfolio.advanceTime(slot.instrumentId, slot.timeNs);
        }
        return s;
    }

    /**
     * Every traded instrument's strategy, in the symbols' order; the slot takes the instrument and price of each
     * in turn until one orders, after which the rest are called unbound (their order calls return false).
     */
    private void onTimer(final InboundSlot slot)
    {
        for (int s = 0; s < strategies.length; s++)
        {
            final int id = tradedIds[s];
            if (id < 0)
            {
                continue;
            }
            portfolio.advanceTime(id, slot.timeNs);
            final boolean ordered = slot.intentSide != Sides.NONE;
            if (!ordered)
            {
                slot.instrumentId = id;
                slot.price = portfolio.lastPrice[id];
                views[s].begin(slot);
            }
            strategies[s].onTimer(slot.timeNs);
            views[s].end();
        }
    }

    /**
     * An answer about an instrument's current order: one order at a time per instrument, and its side is what the
     * position state says (venue answers other than fills carry no side). ACCEPTED is told once per order.
     */
    private void onOrderUpdate(final InboundSlot slot, final int status)
    {
        final int s = Instruments.validId(slot.instrumentId) ? strategyOf[slot.instrumentId] : -1;
        if (s < 0)
        {
            return;
        }
        final int id = slot.instrumentId;
        final int state = portfolio.state[id];
        // Only the current order: what ends an order a replace left behind is not news to the strategy.
        if ((state == Portfolio.ENTERING || state == Portfolio.EXITING) && slot.clientOrderId == portfolio.openOrderId[id])
        {
            if (status == OrderStatus.ACCEPTED)
            {
                if (slot.clientOrderId == acceptedOrderId[id])
                {
                    return;
                }
                acceptedOrderId[id] = slot.clientOrderId;
            }
            strategies[s].onOrderUpdate(slot.timeNs, state == Portfolio.ENTERING ? Sides.BUY : Sides.SELL, status);
        }
    }

    /** An event on the side of the instrument's order in flight: execution books it, and it is the only order it has. */
    private boolean isOwnOrder(final InboundSlot slot)
    {
        if (!Instruments.validId(slot.instrumentId) || strategyOf[slot.instrumentId] < 0)
        {
            return false;
        }
        final int state = portfolio.state[slot.instrumentId];
        return (state == Portfolio.ENTERING && slot.side == Sides.BUY) || (state == Portfolio.EXITING && slot.side == Sides.SELL);
    }

    private void setParam(final InboundSlot slot)
    {
        final int id = slot.strategyParamId;
        if (id < 0)
        {
            if (slot.paramId == RiskParams.UNKNOWN)
            {
                counters.ignoredParamChanges++;
            }
            return;
        }
        if (id == 0)
        {
            if (Strategies.COOLDOWN.accepts(slot.paramValue))
            {
                portfolio.cooldownNs = slot.paramValue / StrategyParameter.ONE * 1_000_000_000L;
            }
            else
            {
                counters.ignoredParamChanges++;
            }
        }
        else if (params.get(id - 1).accepts(slot.paramValue))
        {
            for (int s = 0; s < strategies.length; s++)
            {
                if (strategies[s].onParamChange(id - 1, slot.paramValue))
                {
                    views[s].setParam(id - 1, slot.paramValue);
                }
                else
                {
                    counters.ignoredParamChanges++;
                }
            }
        }
        else
        {
            counters.ignoredParamChanges++;
        }
    }

    /** The key of an admin command, without the padding of its fixed-length field. */
    private String adminKey(final InboundSlot slot)
    {
        adminHeader.wrap(slot.rawBuffer, 0);
        admin.wrapAndApplyHeader(slot.rawBuffer, 0, adminHeader);
        final byte[] key = new byte[AdminCommandDecoder.paramKeyLength()];
        admin.getParamKey(key, 0);
        int length = 0;
        while (length < key.length && key[length] != 0)
        {
            length++;
        }
        return new String(key, 0, length, StandardCharsets.US_ASCII).trim();
    }

    private int indexOfKey(final String key)
    {
        for (int i = 0; i < paramKeys.length; i++)
        {
            if (paramKeys[i].equals(key))
            {
                return i;
            }
        }
        return -1;
    }

    /** Replaces every instance by {@code name}'s, made from the staged parameters; the staging is emptied either way. */
    private void switchStrategy(final String name)
    {
        final ConfiguredStrategy[] built = new ConfiguredStrategy[strategies.length];
        final long cooldownNs;
        try
        {
            for (int s = 0; s < built.length; s++)
            {
                built[s] = Strategies.create(name, stagedParams);
            }
            cooldownNs = Strategies.COOLDOWN.read(name, stagedParams) / StrategyParameter.ONE * 1_000_000_000L;
        }
        catch (final IllegalArgumentException ex)
        {
            counters.ignoredParamChanges++;
            return;
        }
        finally
        {
            stagedParams.clear();
        }
        for (int s = 0; s < built.length; s++)
        {
            strategies[s] = built[s].strategy();
            views[s] = built[s].view();
            views[s].bind(portfolio, instruments);
            if (tradedIds[s] >= 0)
            {
                views[s].trade(tradedIds[s], FixedPoint.rescale(orderQty8, 8, instruments.qtyScale(tradedIds[s])));
            }
        }
        portfolio.cooldownNs = cooldownNs;
        params = built[0].factory().parameters();
        paramKeys = keysOf(params);
        switched = true;
    }

    private static String[] keysOf(final List<StrategyParameter> params)
    {
        final String[] keys = new String[params.size() + 1];
        keys[0] = Strategies.COOLDOWN_SECONDS;
        for (int i = 0; i < params.size(); i++)
        {
            keys[i + 1] = params.get(i).name();
        }
        return keys;
    }

    /** The first traded symbol's instrument id, -1 until it is defined. */
    public int tradedInstrument()
    {
        return tradedIds[0];
    }

    /** The instrument id of the {@code index}-th traded symbol (in {@link io.qts.engine.EngineContext#symbols()}' order), -1 until it is defined. */
    public int tradedInstrument(final int index)
    {
        return tradedIds[index];
    }

    /** How many symbols are traded. */
    public int tradedCount()
    {
        return tradedIds.length;
    }
}
