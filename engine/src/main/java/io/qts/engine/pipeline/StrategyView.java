package io.qts.engine.pipeline;

import io.qts.engine.book.OrderIntent;
import io.qts.engine.FixedPoint;
import io.qts.engine.book.Instruments;
import io.qts.engine.book.Portfolio;
import io.qts.engine.book.Sides;
import io.qts.engine.strategy.StrategyContext;

/**
 * The engine's side of {@link StrategyContext}: reads the portfolio and instruments of the engine thread and
 * turns an order call into the current event's order intent, under the position rules the context states.
 * Unbound (no instrument yet) it reads as empty and sends nothing.
 */
public final class StrategyView implements StrategyContext
{
    private final long[] params8;
    private Portfolio portfolio;
    private Instruments instruments;
    private int traded = -1;
    private long entryQty;
    private InboundSlot current;

    /** @param params8 the strategy's parameter values at 10^-8, in its declared order (copied). */
    public StrategyView(final long[] params8)
    {
        this.params8 = params8.clone();
    }

    void bind(final Portfolio portfolio, final Instruments instruments)
    {
        this.portfolio = portfolio;
        this.instruments = instruments;
    }

    void trade(final int instrumentId, final long entryQty)
    {
        this.traded = instrumentId;
        this.entryQty = entryQty;
    }

    /** The event orders go into until {@link #end}. */
    void begin(final InboundSlot slot)
    {
        current = slot;
    }

    void end()
    {
        current = null;
    }

    void setParam(final int index, final long value8)
    {
        params8[index] = value8;
    }

    @Override
    public long position()
    {
        return traded < 0 ? 0 : portfolio.position[traded];
    }

    @Override
    public long cash()
    {
        return portfolio == null ? 0 : portfolio.cash;
    }

    @Override
    public long equity()
    {
        return portfolio == null ? 0 : portfolio.equity(instruments);
    }

    @Override
    public int openOrders()
    {
        if (traded < 0)
        {
            return 0;
        }
        final int state = portfolio.state[traded];
        return state == Portfolio.ENTERING || state == Portfolio.EXITING ? 1 : 0;
    }

    @Override
    public int priceScale()
    {
        return traded < 0 ? -1 : instruments.priceScale(traded);
    }

    @Override
    public int qtyScale()
    {
        return traded < 0 ? -1 : instruments.qtyScale(traded);
    }

    @Override
    public long tickSize()
    {
        if (traded < 0)
        {
            return 1;
        }
        return instruments.priceTicks(traded).tick(portfolio.lastPrice[traded], instruments.priceScale(traded));
    }

    @Override
    public long roundPriceDown(final long price)
    {
        return traded < 0 ? price : instruments.priceTicks(traded).floor(price, instruments.priceScale(traded));
    }

    @Override
    public long roundPriceUp(final long price)
    {
        return traded < 0 || price <= 0 ? price : instruments.priceTicks(traded).ceil(price, instruments.priceScale(traded));
    }

    @Override
    public long lastPrice()
    {
        return traded < 0 ? 0 : portfolio.lastPrice[traded];
    }

    @Override
    public long entryQty()
    {
        return entryQty;
    }

    @Override
    public long param(final int index)
    {
        return params8[index];
    }

    @Override
    public boolean buyMarket(final long qty)
    {
        if (!canSend() || qty <= 0 || portfolio.state[traded] != Portfolio.FLAT)
        {
            return false;
        }
        send(Sides.BUY, qty);
        return true;
    }

    @Override
    public boolean buyNotional(final long notional8)
    {
        final long price = lastPrice();
        if (price <= 0 || notional8 <= 0)
        {
            return false;
        }
        // qty = notional / price, at the qty scale, rounded down so the order never costs more than asked.
        final int shift = priceScale() + qtyScale() - FixedPoint.MONEY_SCALE;
        final long b = shift >= 0 ? FixedPoint.pow10(shift) : 1;
        final long divisor = shift >= 0 ? price : Math.multiplyExact(price, FixedPoint.pow10(-shift));
        long qty = FixedPoint.mulDiv(notional8, b, divisor);
        if (FixedPoint.compareProducts(qty, divisor, notional8, b) > 0)
        {
            qty--;
        }
        return buyMarket(qty);
    }

    @Override
    public boolean sellMarket(final long qty)
    {
        if (!canSend() || qty <= 0 || portfolio.state[traded] != Portfolio.LONG || qty > portfolio.position[traded])
        {
            return false;
        }
        send(Sides.SELL, qty);
        return true;
    }

    @Override
    public boolean buyLimit(final long qty, final long price, final int timeInForce)
    {
        final int type = limitType(timeInForce);
        if (!canSend() || qty <= 0 || price <= 0 || type < 0 || portfolio.state[traded] != Portfolio.FLAT)
        {
            return false;
        }
        sendLimit(Sides.BUY, qty, price, type);
        return true;
    }

    @Override
    public boolean sellLimit(final long qty, final long price, final int timeInForce)
    {
        final int type = limitType(timeInForce);
        if (!canSend() || qty <= 0 || price <= 0 || type < 0 || portfolio.state[traded] != Portfolio.LONG ||
            qty > portfolio.position[traded])
        {
            return false;
        }
        sendLimit(Sides.SELL, qty, price, type);
        return true;
    }

    @Override
    public boolean cancel()
    {
        if (!canChangeOpenOrder() || !OrderIntent.isLimit(portfolio.openOrderType[traded]))
        {
            return false;
        }
        current.intentSide = openSide();
        current.intentAction = OrderIntent.CANCEL;
        current.intentOrderType = portfolio.openOrderType[traded];
        current.intentCancelId = portfolio.openOrderId[traded];
        current.intentQty = portfolio.openOrderQty[traded];
        current.intentPrice = portfolio.openOrderPrice[traded];
        return true;
    }

    @Override
    public boolean replace(final long qty, final long price)
    {
        if (!canChangeOpenOrder() || qty <= 0 || price <= 0 || !OrderIntent.isLimit(portfolio.openOrderType[traded]))
        {
            return false;
        }
        final int side = openSide();
        if (side == Sides.SELL && qty > portfolio.position[traded])
        {
            return false;
        }
        sendLimit(side, qty, price, portfolio.openOrderType[traded]);
        current.intentAction = OrderIntent.REPLACE;
        current.intentCancelId = portfolio.openOrderId[traded];
        return true;
    }

    private boolean canSend()
    {
        return current != null && traded >= 0 && current.intentSide == Sides.NONE;
    }

    /** An order of ours is current (sent, not ended) and no cancel or replace of it is out yet. */
    private boolean canChangeOpenOrder()
    {
        return canSend() && portfolio.openOrderId[traded] != 0 && !portfolio.cancelSent[traded];
    }

    private int openSide()
    {
        return portfolio.state[traded] == Portfolio.ENTERING ? Sides.BUY : Sides.SELL;
    }

    private void send(final int side, final long qty)
    {
        current.intentSide = side;
        current.intentQty = qty;
        current.intentPrice = current.price;
    }

    private void sendLimit(final int side, final long qty, final long price, final int orderType)
    {
        current.intentSide = side;
        current.intentQty = qty;
        current.intentPrice = price;
        current.intentOrderType = orderType;
    }

    /** The order type of a limit order with the API's time in force, or -1 for an unknown one. */
    private static int limitType(final int timeInForce)
    {
        switch (timeInForce)
        {
            case StrategyContext.GTC:
                return OrderIntent.LIMIT;
            case StrategyContext.IOC:
                return OrderIntent.LIMIT_IOC;
            case StrategyContext.FOK:
                return OrderIntent.LIMIT_FOK;
            default:
                return -1;
        }
    }
}
