package io.qts.engine;

import io.qts.engine.book.ClientOrderIds;
import io.qts.engine.strategy.OrderStatus;
import io.qts.engine.strategy.Strategy;
import io.qts.engine.strategy.StrategyContext;
import io.qts.engine.strategy.StrategyFactory;
import io.qts.engine.strategy.StrategyParameter;
import io.qts.engine.strategy.StrategyParams;
import io.qts.journal.sbe.AdminAction;
import io.qts.journal.sbe.MessageHeaderDecoder;
import io.qts.journal.sbe.OrderCommandDecoder;
import io.qts.journal.sbe.OrderFilledDecoder;
import io.qts.journal.sbe.OrderRejectedDecoder;
import org.agrona.DirectBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Limit orders through a backtest, as a strategy sees them: the tick grid and its rounding helpers, a price off the
 * grid refused by risk before it is sent (OFF_TICK), a resting order replaced and filled, a resting sell cancelled,
 * a partly filled order whose fills reach the strategy with what is left, and resting orders at a halt and a kill
 * (cancelled by default, kept under risk.restingOrders keep or when the halt says so). Prices at scale 2 written raw.
 */
class LimitOrdersTest
{
    private static final long ONE = 100_000_000L;
    /** Below 100.00 a step of 0.05, from 100.00 a step of 1.00. */
    private static final PriceTicks TICKS = PriceTicks.of("100", "1", "0", "0.05");
    private static final List<String> SEEN = new ArrayList<>();
    /** What the scripted strategy does on each market event: (event number from 0, context). */
    private static BiConsumer<Integer, StrategyContext> script;

    public static final class Scripted implements StrategyFactory
    {
        @Override
        public String name()
        {
            return "limit-script";
        }

        @Override
        public String description()
        {
            return "a script of limit orders for the test";
        }

        @Override
        public List<StrategyParameter> parameters()
        {
            return List.of();
        }

        @Override
        public Strategy create(final StrategyParams params, final StrategyContext context)
        {
            return new Strategy()
            {
                private int event;

                @Override
                public void onBar(final long timeNs, final long durationNs, final long open, final long high, final long low, final long close)
                {
                    script.accept(event++, context);
                }

                @Override
                public void onTrade(final long timeNs, final long price, final long qty)
                {
                    script.accept(event++, context);
                }

                @Override
                public void onFill(final long timeNs, final int side, final long price, final long qty, final long leavesQty)
                {
                    SEEN.add("fill " + (side == StrategyContext.BUY ? "BUY " : "SELL ") + qty + " at " + price + ", leaves " + leavesQty);
                }

                @Override
                public void onOrderUpdate(final long timeNs, final int side, final int status)
                {
                    SEEN.add((side == StrategyContext.BUY ? "BUY " : "SELL ") + status(status));
                }
            };
        }

        private static String status(final int status)
        {
            switch (status)
            {
                case OrderStatus.ACCEPTED:
                    return "accepted";
                case OrderStatus.CANCELLED:
                    return "cancelled";
                case OrderStatus.REJECTED:
                    return "rejected";
                default:
                    return "done";
            }
        }
    }

    /**
     * The engine's output as lines: commands (action, type, side, qty, price, and the sequence of the input that decided
     * the order: inputs count from 0, the venue's answers included), fills and refusals.
     */
    private static final class Output implements OutputListener
    {
        final List<String> lines = new ArrayList<>();

        @Override
        public void onOutput(final DirectBuffer buffer, final int offset, final int length)
        {
            final MessageHeaderDecoder header = new MessageHeaderDecoder().wrap(buffer, offset);
            if (header.templateId() == OrderCommandDecoder.TEMPLATE_ID)
            {
                final OrderCommandDecoder d = new OrderCommandDecoder().wrapAndApplyHeader(buffer, offset, header);
                lines.add(d.action() + " " + d.orderType() + " " + d.side() + " " + d.qty() + " at " + d.price() +
                    " id " + ClientOrderIds.sequenceOf(d.clientOrderId()));
            }
            else if (header.templateId() == OrderFilledDecoder.TEMPLATE_ID)
            {
                final OrderFilledDecoder d = new OrderFilledDecoder().wrapAndApplyHeader(buffer, offset, header);
                lines.add("filled id " + ClientOrderIds.sequenceOf(d.clientOrderId()) + " " + d.qty() + " at " + d.price());
            }
            else if (header.templateId() == OrderRejectedDecoder.TEMPLATE_ID)
            {
                final OrderRejectedDecoder d = new OrderRejectedDecoder().wrapAndApplyHeader(buffer, offset, header);
                lines.add("refused " + d.reason() + " " + d.side() + " at " + d.price());
            }
        }
    }

    @AfterEach
    void loadNone()
    {
        Strategies.useLoaded(List.of(), "");
        SEEN.clear();
        script = null;
    }

    private static EngineContext context()
    {
        return context(EngineContext.CANCEL_RESTING);
    }

    private static EngineContext context(final String restingOrders)
    {
        Strategies.useLoaded(List.of(new Scripted()), "the test");
        return new EngineContext().symbol("TEST").strategy("limit-script", Map.of())
            .orderQty(ONE).initialCash(1_000 * ONE).priceTicks(TICKS).restingOrders(restingOrders).conclude();
    }

    @Test
    void theTickGridAndItsRoundingFollowTheConfiguredBands()
    {
        script = (event, c) -> SEEN.add("tick " + c.tickSize() + ", 100.50 down " + c.roundPriceDown(10050) + " up " + c.roundPriceUp(10050) +
            ", 99.93 down " + c.roundPriceDown(9993) + " up " + c.roundPriceUp(9993) + ", 99.97 up " + c.roundPriceUp(9997) +
            ", 0.03 down " + c.roundPriceDown(3));
        final Backtest backtest = new Backtest(context(), OutputListener.NONE);
        final TestEvents events = new TestEvents(backtest.input());
        events.instrument("TEST", 2, 0);
        events.bar(0, 10000, 10000);
        events.bar(1, 9000, 9000);
        backtest.finish();
        assertEquals(List.of(
            "tick 100, 100.50 down 10000 up 10100, 99.93 down 9990 up 9995, 99.97 up 10000, 0.03 down 0",
            "tick 5, 100.50 down 10000 up 10100, 99.93 down 9990 up 9995, 99.97 up 10000, 0.03 down 0"), SEEN);
    }

    @Test
    void aRestingBuyIsReplacedAndFillsAtItsNewLimitThenARestingSellIsCancelled()
    {
        script = (event, c) ->
        {
            switch (event)
            {
                case 0:
                    SEEN.add("off the grid " + c.buyLimit(3, 10050, StrategyContext.GTC));
                    break;
                case 1:
                    SEEN.add("buy 3 at 98.00 " + c.buyLimit(3, 9800, StrategyContext.GTC));
                    break;
                case 2:
                    SEEN.add("open orders " + c.openOrders() + ", replace by 3 at 99.00 " + c.replace(3, 9900) +
                        ", cancel in the same event " + c.cancel());
                    break;
                case 3:
                    SEEN.add("position " + c.position() + ", open orders " + c.openOrders() + ", sell 3 at 105.00 " +
                        c.sellLimit(3, 10500, StrategyContext.GTC));
                    break;
                case 4:
                    SEEN.add("cancel " + c.cancel());
                    break;
                case 5:
                    SEEN.add("cancel again " + c.cancel());
                    break;
                default:
                    SEEN.add("position " + c.position() + ", open orders " + c.openOrders() + ", cash " + c.cash() / ONE);
            }
        };
        final Output output = new Output();
        final Backtest backtest = new Backtest(context(), output);
        final TestEvents events = new TestEvents(backtest.input());
        events.instrument("TEST", 2, 0);
        events.bar(0, 10000, 10000);                         // 0: 100.50 is off the 1.00 grid: refused by risk
        events.bar(1, 10000, 10000);                         // 1: buy 3 at 98.00
        events.bar(2, 9900, 10000, 9850, 9950);              // 2: low 98.50 does not reach 98.00; replace by 99.00
        events.bar(3, 10000, 10000, 9800, 9900);             // 3: low 98.00 < 99.00: fills 3 at 99.00; sell at 105.00
        events.bar(4, 10000, 10400, 9900, 10100);            // 4: high 104.00 < 105.00: rests; cancel
        events.bar(5, 10100, 10800, 10000, 10500);           // 5: cancelled before this bar, which would have filled it
        events.bar(6, 10500, 10500);
        final EngineResult result = backtest.finish();
        assertEquals(List.of(
            "off the grid true",
            "buy 3 at 98.00 true",
            "BUY accepted",
            "open orders 1, replace by 3 at 99.00 true, cancel in the same event false",
            "BUY accepted",
            "fill BUY 3 at 9900, leaves 0",
            "position 3, open orders 0, sell 3 at 105.00 true",
            "SELL accepted",
            "cancel true",
            "SELL cancelled",
            "cancel again false",
            "position 3, open orders 0, cash 703"), SEEN);
        assertEquals(List.of(
            "refused OFF_TICK BUY at 10050",
            "NEW LIMIT BUY 3 at 9800 id 2",
            "CANCEL LIMIT BUY 3 at 9800 id 2",
            "NEW LIMIT BUY 3 at 9900 id 4",
            "filled id 4 3 at 9900",
            "NEW LIMIT SELL 3 at 10500 id 8",
            "CANCEL LIMIT SELL 3 at 10500 id 8"), output.lines);
        assertEquals(1, result.rejectedOrders());
        assertEquals(3, result.orders());
        assertEquals(0, result.unknownOrderEvents());
    }

    @Test
    void aPartlyFilledRestingOrderIsTheOpenOrderUntilItsRestIsCancelledAndThePositionIsWhatFilled()
    {
        script = (event, c) ->
        {
            if (event == 0)
            {
                SEEN.add("buy 5 at 100.00 " + c.buyLimit(5, 10000, StrategyContext.GTC));
            }
            else if (event == 3)
            {
                SEEN.add("position " + c.position() + ", open orders " + c.openOrders() + ", sell while entering " +
                    c.sellMarket(1) + ", cancel " + c.cancel());
            }
            else if (event == 4)
            {
                SEEN.add("position " + c.position() + ", open orders " + c.openOrders() + ", sell 2 " + c.sellMarket(2));
            }
            else
            {
                SEEN.add("position " + c.position() + ", open orders " + c.openOrders());
            }
        };
        final Backtest backtest = new Backtest(context(), OutputListener.NONE);
        final TestEvents events = new TestEvents(backtest.input());
        events.instrument("TEST", 2, 0);
        events.trade(TestEvents.DAY_NS, 10100, 1);           // 0: buy 5 at 100.00
        events.trade(TestEvents.DAY_NS + 1, 10050, 4);       // 1: above the limit: rests
        events.trade(TestEvents.DAY_NS + 2, 9990, 2);        // 2: through it: 2 at 100.00, 3 left
        events.trade(TestEvents.DAY_NS + 3, 10000, 9);       // 3: a touch; cancel the rest
        events.trade(TestEvents.DAY_NS + 4, 9900, 9);        // 4: cancelled before this trade; sell the 2 at market
        events.trade(TestEvents.DAY_NS + 5, 10100, 9);       // 5: the sell fills at 101.00
        final EngineResult result = backtest.finish();
        assertEquals(List.of(
            "buy 5 at 100.00 true",
            "BUY accepted",
            "position 0, open orders 1",
            "fill BUY 2 at 10000, leaves 3",
            "position 2, open orders 1",
            "position 2, open orders 1, sell while entering false, cancel true",
            "BUY cancelled",
            "position 2, open orders 0, sell 2 true",
            "SELL accepted",
            "fill SELL 2 at 10100, leaves 0",
            "position 0, open orders 0"), SEEN);
        assertEquals(1_000 * ONE - 2 * 100 * ONE + 2 * 101 * ONE, result.finalCash());
    }

    @Test
    void anIocBuyThatCannotTakeIsCancelledAndTheStrategyMayBuyAgain()
    {
        script = (event, c) ->
        {
            if (event == 0)
            {
                SEEN.add("ioc buy 1 at 99.00 " + c.buyLimit(1, 9900, StrategyContext.IOC));
            }
            else if (event == 1)
            {
                SEEN.add("open orders " + c.openOrders() + ", fok buy 1 at 101.00 " + c.buyLimit(1, 10100, StrategyContext.FOK) +
                    ", unknown time in force " + c.buyLimit(1, 10100, 7));
            }
            else
            {
                SEEN.add("position " + c.position());
            }
        };
        final Backtest backtest = new Backtest(context(), OutputListener.NONE);
        final TestEvents events = new TestEvents(backtest.input());
        events.instrument("TEST", 2, 0);
        events.bar(0, 10000, 10000);
        events.bar(1, 10000, 10000, 9000, 10000);            // opens at 100.00, above 99.00: cancelled though the low is 90.00
        events.bar(2, 10100, 10100);                          // opens at 101.00: the FOK takes there
        backtest.finish();
        assertEquals(List.of(
            "ioc buy 1 at 99.00 true",
            "BUY accepted",
            "BUY cancelled",
            "open orders 0, fok buy 1 at 101.00 true, unknown time in force false",
            "BUY accepted",
            "fill BUY 1 at 10100, leaves 0",
            "position 1"), SEEN);
    }

    /**
     * Bids 3 at 98.00 on day 1 and reads its account after; a halt comes on day 2 with the given value; a bar on day 3
     * goes through the bid. Returns what the strategy saw, then the engine's output.
     */
    private static List<String> haltWithARestingBid(final String restingOrders, final AdminAction action, final long haltValue)
    {
        script = (event, c) ->
        {
            if (event == 0)
            {
                SEEN.add("bid " + c.buyLimit(3, 9800, StrategyContext.GTC));
            }
            else
            {
                SEEN.add("position " + c.position() + ", open orders " + c.openOrders());
            }
        };
        final Output output = new Output();
        final Backtest backtest = new Backtest(context(restingOrders), output);
        final TestEvents events = new TestEvents(backtest.input());
        events.instrument("TEST", 2, 0);
        events.bar(1, 10000, 10000);
        events.admin(2 * TestEvents.DAY_NS, action, "", haltValue);
        events.bar(3, 9900, 9900, 9700, 9800);      // low 97.00 goes through 98.00: fills if the bid still rests
        backtest.finish();
        SEEN.addAll(output.lines);
        return List.copyOf(SEEN);
    }

    @Test
    void aHaltCancelsARestingOrderByDefault()
    {
        assertEquals(List.of(
            "bid true",
            "BUY accepted",
            "BUY cancelled",
            "position 0, open orders 0",
            "NEW LIMIT BUY 3 at 9800 id 1",
            "CANCEL LIMIT BUY 3 at 9800 id 1"),
            haltWithARestingBid(EngineContext.CANCEL_RESTING, AdminAction.HALT, EngineContext.HALT_RESTING_AS_CONFIGURED));
    }

    @Test
    void underKeepARestingOrderOutlivesTheHaltAndFills()
    {
        assertEquals(KEPT, haltWithARestingBid(EngineContext.KEEP_RESTING, AdminAction.HALT, EngineContext.HALT_RESTING_AS_CONFIGURED));
    }

    @Test
    void aHaltThatSaysKeepWinsOverTheRiskSettingsCancel()
    {
        assertEquals(KEPT, haltWithARestingBid(EngineContext.CANCEL_RESTING, AdminAction.HALT, EngineContext.HALT_KEEP_RESTING));
    }

    @Test
    void aHaltThatSaysCancelWinsOverTheRiskSettingsKeep()
    {
        assertEquals(List.of("CANCEL LIMIT BUY 3 at 9800 id 1"),
            haltWithARestingBid(EngineContext.KEEP_RESTING, AdminAction.HALT, EngineContext.HALT_CANCEL_RESTING).stream()
                .filter((line) -> line.startsWith("CANCEL")).toList());
    }

    private static final List<String> KEPT = List.of(
        "bid true",
        "BUY accepted",
        "fill BUY 3 at 9800, leaves 0",
        "position 3, open orders 0",
        "NEW LIMIT BUY 3 at 9800 id 1",
        "filled id 1 3 at 9800");

    @Test
    void aKillCancelsARestingSellFirstThenSellsThePositionAtMarket()
    {
        script = (event, c) ->
        {
            if (event == 0)
            {
                SEEN.add("buy " + c.buyMarket(2));
            }
            else if (event == 1)
            {
                SEEN.add("offer " + c.sellLimit(2, 11000, StrategyContext.GTC));
            }
            else
            {
                SEEN.add("position " + c.position() + ", open orders " + c.openOrders());
            }
        };
        final Output output = new Output();
        final Backtest backtest = new Backtest(context(), output);
        final TestEvents events = new TestEvents(backtest.input());
        events.instrument("TEST", 2, 0);
        events.bar(1, 10000, 10000);
        events.bar(2, 10000, 10000);                                        // the buy fills at 100.00; offer 2 at 110.00
        events.admin(3 * TestEvents.DAY_NS, AdminAction.KILL, "", 0);       // cancel the offer
        events.bar(4, 10200, 10200);                                        // now long with nothing resting: sell at market
        events.bar(5, 10300, 10300);                                        // the sell fills at the open, 103.00
        backtest.finish();
        assertEquals(List.of(
            "NEW MARKET BUY 2 at 10000 id 1",
            "filled id 1 2 at 10000",
            "NEW LIMIT SELL 2 at 11000 id 4",
            "CANCEL LIMIT SELL 2 at 11000 id 4",
            "NEW MARKET SELL 2 at 10200 id 8",
            "filled id 8 2 at 10300"), output.lines.stream().filter((line) -> !line.startsWith("refused")).toList());
    }
}
