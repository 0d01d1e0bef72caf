package io.qts.engine;

import io.qts.engine.strategy.OrderStatus;
import io.qts.engine.strategy.Strategy;
import io.qts.engine.strategy.StrategyParameter;
import io.qts.journal.sbe.AdminAction;

import java.util.List;

/**
 * Keeps last prices, learns instruments, and calls the strategy (the public {@link Strategy} API) with the
 * traded instrument's bars and trades, its own fills and order updates and timers; the orders it sends
 * through its {@link StrategyView} become the event's order intent: long only, one position at a time,
 * following the {@link Portfolio} state machine. A buy is taken only when flat (not while an order is in
 * flight, long, or cooling down), a sell only when long. Also applies admin SET_PARAM commands that name a
 * strategy parameter; an invalid one changes nothing and is counted.
 */
final class SignalStage
{
    private final Strategy strategy;
    private final StrategyView view;
    private final List<StrategyParameter> params;
    private final long orderQty8;
    private final Instruments instruments;
    private final Portfolio portfolio;
    private final Counters counters;
    private final String[] paramKeys;
    private final PriceTicks priceTicks;
    private int tradedInstrument = -1;
    /** The last order reported ACCEPTED: a venue that answers on two channels (REST, private stream) is heard once. */
    private long acceptedOrderId;

    /**
     * @param cooldownNs event time after a position is closed before the next entry.
     * @param orderQty8  size of each entry at 10^-8 units, rescaled to the instrument's scale once it is defined.
     * @param priceTicks the traded instrument's price grid for limit orders.
     */
    SignalStage(
        final ConfiguredStrategy strategy, final long cooldownNs, final long orderQty8, final Instruments instruments,
        final Portfolio portfolio, final Counters counters, final PriceTicks priceTicks)
    {
        this.priceTicks = priceTicks;
        this.strategy = strategy.strategy();
        this.view = strategy.view();
        this.params = strategy.factory().parameters();
        this.orderQty8 = orderQty8;
        this.instruments = instruments;
        this.portfolio = portfolio;
        this.counters = counters;
        portfolio.cooldownNs = cooldownNs;
        view.bind(portfolio, instruments);
        paramKeys = new String[params.size() + 1];
        paramKeys[0] = Strategies.COOLDOWN_SECONDS;
        for (int i = 0; i < params.size(); i++)
        {
            paramKeys[i + 1] = params.get(i).name();
        }
    }

    /** Admin keys this stage applies, by the id the decode stage gives them. */
    String[] paramKeys()
    {
        return paramKeys.clone();
    }

    void onEvent(final InboundSlot slot)
    {
        switch (slot.type)
        {
            case EventType.INSTRUMENT:
                instruments.define(slot.instrumentId, slot.priceScale, slot.qtyScale);
                if (slot.symbolMatches)
                {
                    tradedInstrument = slot.instrumentId;
                    instruments.priceTicks(tradedInstrument, priceTicks);
                    view.trade(tradedInstrument, FixedPoint.rescale(orderQty8, 8, slot.qtyScale));
                }
                break;

            case EventType.BAR:
                if (onMarket(slot))
                {
                    view.begin(slot);
                    strategy.onBar(slot.timeNs, slot.durationNs, slot.openPrice, slot.highPrice, slot.lowPrice, slot.price);
                    view.end();
                }
                break;

            case EventType.TRADE:
                if (onMarket(slot))
                {
                    view.begin(slot);
                    strategy.onTrade(slot.timeNs, slot.price, slot.qty);
                    view.end();
                }
                break;

            case EventType.ORDER_FILLED:
                if (isOwnOrder(slot))
                {
                    strategy.onFill(slot.timeNs, slot.side, slot.price, slot.qty, slot.leavesQty);
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
                if (tradedInstrument >= 0)
                {
                    slot.instrumentId = tradedInstrument;
                    slot.price = portfolio.lastPrice[tradedInstrument];
                    portfolio.advanceTime(tradedInstrument, slot.timeNs);
                    view.begin(slot);
                    strategy.onTimer(slot.timeNs);
                    view.end();
                }
                break;

            case EventType.ADMIN:
                if (slot.adminAction == AdminAction.SET_PARAM.value())
                {
                    setParam(slot);
                }
                break;

            default:
                break;
        }
    }

    /** Records the price; true if it is the traded instrument's, whose cool-down it may end. */
    private boolean onMarket(final InboundSlot slot)
    {
        if (!Instruments.validId(slot.instrumentId))
        {
            return false;
        }
        portfolio.lastPrice[slot.instrumentId] = slot.price;
        if (slot.instrumentId != tradedInstrument)
        {
            return false;
        }
        portfolio.advanceTime(tradedInstrument, slot.timeNs);
        return true;
    }

    /**
     * An answer about the current order: one order at a time, and its side is what the position state says (venue
     * answers other than fills carry no side). ACCEPTED is told once per order.
     */
    private void onOrderUpdate(final InboundSlot slot, final int status)
    {
        if (tradedInstrument < 0 || slot.instrumentId != tradedInstrument)
        {
            return;
        }
        final int state = portfolio.state[tradedInstrument];
        // Only the current order: what ends an order a replace left behind is not news to the strategy.
        if ((state == Portfolio.ENTERING || state == Portfolio.EXITING) && slot.clientOrderId == portfolio.openOrderId[tradedInstrument])
        {
            if (status == OrderStatus.ACCEPTED)
            {
                if (slot.clientOrderId == acceptedOrderId)
                {
                    return;
                }
                acceptedOrderId = slot.clientOrderId;
            }
            strategy.onOrderUpdate(slot.timeNs, state == Portfolio.ENTERING ? Sides.BUY : Sides.SELL, status);
        }
    }

    /** An event on the side of the order in flight: execution books it, and it is the only order we have. */
    private boolean isOwnOrder(final InboundSlot slot)
    {
        if (slot.instrumentId != tradedInstrument)
        {
            return false;
        }
        final int state = portfolio.state[tradedInstrument];
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
        else if (params.get(id - 1).accepts(slot.paramValue) && strategy.onParamChange(id - 1, slot.paramValue))
        {
            view.setParam(id - 1, slot.paramValue);
        }
        else
        {
            counters.ignoredParamChanges++;
        }
    }

    int tradedInstrument()
    {
        return tradedInstrument;
    }
}
