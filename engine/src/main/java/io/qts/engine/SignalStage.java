package io.qts.engine;

/**
 * Keeps last prices, learns instruments, asks the strategy for a signal on each price of the traded
 * instrument and turns it into an order intent: long only, one position at a time. An up-cross while
 * long or entering, and a down-cross while flat or exiting, do nothing.
 */
final class SignalStage
{
    private final Strategy strategy;
    private final long orderQty8;
    private final Instruments instruments;
    private final Portfolio portfolio;
    private int tradedInstrument = -1;
    private long orderQty;

    /**
     * @param orderQty8 size of each entry at 10^-8 units, rescaled to the instrument's scale once it is defined.
     */
    SignalStage(final Strategy strategy, final long orderQty8, final Instruments instruments, final Portfolio portfolio)
    {
        this.strategy = strategy;
        this.orderQty8 = orderQty8;
        this.instruments = instruments;
        this.portfolio = portfolio;
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
            case EventType.TRADE:
                if (!Instruments.validId(slot.instrumentId))
                {
                    break;
                }
                portfolio.lastPrice[slot.instrumentId] = slot.price;
                if (slot.instrumentId == tradedInstrument)
                {
                    onSignal(slot, strategy.onPrice(slot.timeNs, slot.price));
                }
                break;

            default:
                break;
        }
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

    int tradedInstrument()
    {
        return tradedInstrument;
    }
}
