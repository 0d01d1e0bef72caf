package io.qts.examples.rsi;

import io.qts.engine.strategy.Strategy;
import io.qts.engine.strategy.StrategyContext;
import io.qts.engine.strategy.StrategyParameter;
import io.qts.engine.strategy.StrategyParams;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The RSI rule on prices written out by hand, against a context that fills every order at once. */
class RsiReversionTest
{
    /** A one-instrument account: orders fill immediately, so position follows them. */
    private static final class Account implements StrategyContext
    {
        final List<String> orders = new ArrayList<>();
        long position;

        @Override
        public long position()
        {
            return position;
        }

        @Override
        public long cash()
        {
            return 0;
        }

        @Override
        public long equity()
        {
            return 0;
        }

        @Override
        public int openOrders()
        {
            return 0;
        }

        @Override
        public int priceScale()
        {
            return 0;
        }

        @Override
        public int qtyScale()
        {
            return 0;
        }

        @Override
        public long tickSize()
        {
            return 1;
        }

        @Override
        public long lastPrice()
        {
            return 0;
        }

        @Override
        public long entryQty()
        {
            return 1;
        }

        @Override
        public long param(final int index)
        {
            return 0;
        }

        @Override
        public boolean buyMarket(final long qty)
        {
            if (position != 0)
            {
                return false;
            }
            orders.add("BUY " + qty);
            position += qty;
            return true;
        }

        @Override
        public boolean buyNotional(final long notional8)
        {
            return false;
        }

        @Override
        public boolean sellMarket(final long qty)
        {
            if (qty > position)
            {
                return false;
            }
            orders.add("SELL " + qty);
            position -= qty;
            return true;
        }

        // The strategy sends market orders only: the limit-order calls of the API refuse here.
        @Override
        public long roundPriceDown(final long price)
        {
            return price;
        }

        @Override
        public long roundPriceUp(final long price)
        {
            return price;
        }

        @Override
        public boolean buyLimit(final long qty, final long price, final int timeInForce)
        {
            return false;
        }

        @Override
        public boolean sellLimit(final long qty, final long price, final int timeInForce)
        {
            return false;
        }

        @Override
        public boolean cancel()
        {
            return false;
        }

        @Override
        public boolean replace(final long qty, final long price)
        {
            return false;
        }
    }

    private static Strategy rsi(final Account account, final int period, final int lower, final int upper)
    {
        final RsiReversionFactory factory = new RsiReversionFactory();
        final long[] values = {period * StrategyParameter.ONE, lower * StrategyParameter.ONE, upper * StrategyParameter.ONE};
        return factory.create(new StrategyParams(factory.parameters(), values), account);
    }

    @Test
    void buysBelowLowerAndSellsAboveUpper()
    {
        final Account account = new Account();
        final Strategy strategy = rsi(account, 2, 30, 70);
        final long[] closes = {100, 90, 80, 90, 100, 100, 100};
        final List<String> after = new ArrayList<>();
        for (int i = 0; i < closes.length; i++)
        {
            strategy.onBar(i, 1, closes[i], closes[i], closes[i], closes[i]);
            after.add(i + ":" + account.orders.size());
        }
        // Changes -10,-10: RSI 0 < 30, buy on the third price. -10,+10: RSI 50. +10,+10: RSI 100 > 70, sell.
        // +10,0: RSI 100 but nothing held. 0,0: no move, no RSI.
        assertEquals(List.of("BUY 1", "SELL 1"), account.orders);
        assertEquals(List.of("0:0", "1:0", "2:1", "3:1", "4:2", "5:2", "6:2"), after);
    }

    @Test
    void anRsiAtTheLevelIsNotBeyondIt()
    {
        final Account account = new Account();
        final Strategy strategy = rsi(account, 2, 50, 70);
        // Changes -10,+10: RSI exactly 50, not below 50: no buy.
        for (final long price : new long[] {100, 90, 100})
        {
            strategy.onTrade(price, price, 1);
        }
        assertTrue(account.orders.isEmpty());
    }

    @Test
    void levelsMustStayInOrder()
    {
        assertThrows(IllegalArgumentException.class, () -> rsi(new Account(), 14, 70, 30));
        final Strategy strategy = rsi(new Account(), 14, 30, 70);
        assertFalse(strategy.onParamChange(1, 80 * StrategyParameter.ONE), "lower may not rise above upper");
        assertTrue(strategy.onParamChange(2, 80 * StrategyParameter.ONE));
        assertFalse(strategy.onParamChange(0, 20 * StrategyParameter.ONE), "the window is fixed at creation");
    }
}
