package io.qts.engine;

import io.qts.engine.strategy.OrderStatus;
import io.qts.engine.strategy.Strategy;
import io.qts.engine.strategy.StrategyContext;
import io.qts.engine.strategy.StrategyFactory;
import io.qts.engine.strategy.StrategyParameter;
import io.qts.engine.strategy.StrategyParams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A user strategy through a backtest: what it reads in the context, the answers to its own orders and its fills,
 * and which orders the context refuses (long only, one order at a time, not above the position).
 */
class StrategyCallbacksTest
{
    private static final long ONE = 100_000_000L;
    private static final List<String> SEEN = new ArrayList<>();

    /** Buys 2 units' worth of cash on day 1, tries a second buy on day 2, sells 1 on day 3 and the rest on day 4. */
    public static final class Scripted implements StrategyFactory
    {
        @Override
        public String name()
        {
            return "scripted";
        }

        @Override
        public String description()
        {
            return "a script of orders for the test";
        }

        @Override
        public List<StrategyParameter> parameters()
        {
            return List.of(StrategyParameter.whole("day", 0, 10, "1", "day of the first order"));
        }

        @Override
        public Strategy create(final StrategyParams params, final StrategyContext context)
        {
            return new Strategy()
            {
                @Override
                public void onBar(final long timeNs, final long durationNs, final long open, final long high, final long low, final long close)
                {
                    final long day = timeNs / TestEvents.DAY_NS;
                    final String read = "day " + day + ": position " + context.position() + ", open orders " + context.openOrders() +
                        ", last " + context.lastPrice() + ", scales " + context.priceScale() + "/" + context.qtyScale() +
                        ", first day " + context.param(0) / ONE;
                    if (day == 1)
                    {
                        // 2 units at 20.00: cash 40 (at 10^-8) buys 2.00000000 units, quantity scale 8.
                        SEEN.add(read + ", buy 40 of cash " + context.buyNotional(40 * ONE) + ", second " + context.buyMarket(ONE));
                    }
                    else if (day == 2)
                    {
                        SEEN.add(read + ", buy again " + context.buyMarket(ONE) + ", sell 3 " + context.sellMarket(3 * ONE));
                    }
                    else if (day == 3)
                    {
                        SEEN.add(read + ", sell 1 " + context.sellMarket(ONE));
                    }
                    else if (day == 4)
                    {
                        SEEN.add(read + ", sell the rest " + context.sellMarket(context.position()));
                    }
                    else
                    {
                        SEEN.add(read);
                    }
                }

                @Override
                public void onFill(final long timeNs, final int side, final long price, final long qty, final long leavesQty)
                {
                    SEEN.add("fill " + (side == StrategyContext.BUY ? "BUY " : "SELL ") + qty + " at " + price + ", leaves " + leavesQty);
                }

                @Override
                public void onOrderUpdate(final long timeNs, final int side, final int status)
                {
                    SEEN.add((side == StrategyContext.BUY ? "BUY " : "SELL ") + (status == OrderStatus.ACCEPTED ? "accepted" : "status " + status));
                }
            };
        }
    }

    @AfterEach
    void loadNone()
    {
        Strategies.useLoaded(List.of(), "");
        SEEN.clear();
    }

    @Test
    void aUserStrategyReadsItsAccountAndHearsAboutItsOrders()
    {
        Strategies.useLoaded(List.of(new Scripted()), "the test");
        final EngineContext context = new EngineContext().symbol("TEST").strategy("scripted", Map.of())
            .orderQty(ONE).initialCash(1_000 * ONE).conclude();
        final Backtest backtest = new Backtest(context, OutputListener.NONE);
        final TestEvents events = new TestEvents(backtest.input());
        events.instrument("TEST", 2, 8);
        events.bar(0, 1000, 1000);
        events.bar(1, 2000, 2000);
        events.bar(2, 2000, 2100);
        events.bar(3, 2200, 2200);
        events.bar(4, 2400, 2400);
        events.bar(5, 2500, 2500);
        final EngineResult result = backtest.finish();
        assertEquals(List.of(
            "day 0: position 0, open orders 0, last 1000, scales 2/8, first day 1",
            "day 1: position 0, open orders 0, last 2000, scales 2/8, first day 1, buy 40 of cash true, second false",
            "BUY accepted",
            "fill BUY 200000000 at 2000, leaves 0",
            "day 2: position 200000000, open orders 0, last 2100, scales 2/8, first day 1, buy again false, sell 3 false",
            "day 3: position 200000000, open orders 0, last 2200, scales 2/8, first day 1, sell 1 true",
            "SELL accepted",
            "fill SELL 100000000 at 2400, leaves 0",
            "day 4: position 100000000, open orders 0, last 2400, scales 2/8, first day 1, sell the rest true",
            "SELL accepted",
            "fill SELL 100000000 at 2500, leaves 0",
            "day 5: position 0, open orders 0, last 2500, scales 2/8, first day 1"), SEEN);
        assertEquals(3, result.fills());
    }
}
