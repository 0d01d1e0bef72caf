package io.qts.engine;

import io.qts.journal.sbe.AdminAction;

import java.util.List;

/**
 * Keeps last prices, learns instruments, and calls the strategy with the traded instrument's bars and
 * trades, its own fills and timers; turns what it wants into an order intent: long only, one position
 * at a time, following the {@link Portfolio} state machine. A BUY is acted on only when flat (not while
 * an order is in flight, long, or cooling down), a SELL only when long. Also applies admin SET_PARAM
 * commands that name a strategy parameter; an invalid one changes nothing and is counted.
 */
final class SignalStage
{
    private final Strategy strategy;
    private final long orderQty8;
    private final Instruments instruments;
    private final Portfolio portfolio;
    private final Counters counters;
    private final String[] paramKeys;
    private int tradedInstrument = -1;
    private long orderQty;

    /**
     * @param cooldownNs event time after a position is closed before the next entry.
     * @param orderQty8  size of each entry at 10^-8 units, rescaled to the instrument's scale once it is defined.
     */
    SignalStage(
        final Strategy strategy, final long cooldownNs, final long orderQty8, final Instruments instruments,
        final Portfolio portfolio, final Counters counters)
    {
        this.strategy = strategy;
        this.orderQty8 = orderQty8;
        this.instruments = instruments;
        this.portfolio = portfolio;
        this.counters = counters;
        portfolio.cooldownNs = cooldownNs;
        final List<String> names = strategy.paramNames();
        paramKeys = new String[names.size() + 1];
        paramKeys[0] = Strategies.COOLDOWN_SECONDS;
        for (int i = 0; i < names.size(); i++)
        {
            paramKeys[i + 1] = names.get(i);
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
                    orderQty = FixedPoint.rescale(orderQty8, 8, slot.qtyScale);
                }
                break;

            case EventType.BAR:
                if (onMarket(slot))
                {
                    onSignal(slot, strategy.onBar(
                        slot.timeNs, slot.durationNs, slot.openPrice, slot.highPrice, slot.lowPrice, slot.price));
                }
                break;

            case EventType.TRADE:
                if (onMarket(slot))
                {
                    onSignal(slot, strategy.onTrade(slot.timeNs, slot.price));
                }
                break;

            case EventType.ORDER_FILLED:
                if (isOwnFill(slot))
                {
                    strategy.onFill(slot.timeNs, slot.side, slot.price, slot.qty, slot.leavesQty);
                }
                break;

            case EventType.TIMER:
                if (tradedInstrument >= 0)
                {
                    slot.instrumentId = tradedInstrument;
                    slot.price = portfolio.lastPrice[tradedInstrument];
                    portfolio.advanceTime(tradedInstrument, slot.timeNs);
                    onSignal(slot, strategy.onTimer(slot.timeNs));
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

    /** A fill on the side of the order in flight: execution books it, and it is the only order we have. */
    private boolean isOwnFill(final InboundSlot slot)
    {
        if (slot.instrumentId != tradedInstrument)
        {
            return false;
        }
        final int state = portfolio.state[tradedInstrument];
        return (state == Portfolio.ENTERING && slot.side == Sides.BUY) || (state == Portfolio.EXITING && slot.side == Sides.SELL);
    }

    private void onSignal(final InboundSlot slot, final int signal)
    {
        final int instrumentId = slot.instrumentId;
        final int state = portfolio.state[instrumentId];
        if (signal == Strategy.BUY && state == Portfolio.FLAT && orderQty > 0)
        {
            slot.intentSide = Sides.BUY;
            slot.intentQty = orderQty;
            slot.intentPrice = slot.price;
        }
        else if (signal == Strategy.SELL && state == Portfolio.LONG)
        {
            slot.intentSide = Sides.SELL;
            slot.intentQty = portfolio.position[instrumentId];
            slot.intentPrice = slot.price;
        }
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
                portfolio.cooldownNs = slot.paramValue / StrategyParam.ONE * 1_000_000_000L;
            }
            else
            {
                counters.ignoredParamChanges++;
            }
        }
        else if (!strategy.setParam(id - 1, slot.paramValue))
        {
            counters.ignoredParamChanges++;
        }
    }

    int tradedInstrument()
    {
        return tradedInstrument;
    }
}
