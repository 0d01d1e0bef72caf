package io.qts.engine;

import io.qts.journal.sbe.AdminAction;
import io.qts.journal.sbe.EngineStateChangedDecoder;
import io.qts.journal.sbe.MessageHeaderDecoder;
import io.qts.journal.sbe.OrderCommandDecoder;
import io.qts.journal.sbe.OrderFilledDecoder;
import io.qts.journal.sbe.OrderRejectedDecoder;
import io.qts.journal.sbe.RejectReason;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * The backtest conventions of the README, each on bars built by hand. Prices at scale 2, quantities
 * at scale 0, money at 10^-8. sma-cross fast=2 slow=3 throughout.
 */
class BacktestConventionsTest
{
    private static final long MONEY = 100_000_000L;
    private static final long QTY = 100_000_000L;

    private final List<String> outputs = new ArrayList<>();

    private Backtest backtest(final long cash, final long commissionRate, final long size)
    {
        final EngineContext context = new EngineContext()
            .symbol("TEST")
            .strategy("sma-cross", Map.of("fast", "2", "slow", "3"))
            .orderQty(size)
            .initialCash(cash)
            .commissionRate(commissionRate)
            .conclude();
        return new Backtest(context, (buffer, offset, length) -> outputs.add(describe(buffer, offset)));
    }

    private static String describe(final org.agrona.DirectBuffer buffer, final int offset)
    {
        final MessageHeaderDecoder header = new MessageHeaderDecoder().wrap(buffer, offset);
        switch (header.templateId())
        {
            case OrderCommandDecoder.TEMPLATE_ID:
            {
                final OrderCommandDecoder d = new OrderCommandDecoder().wrapAndApplyHeader(buffer, offset, header);
                return "order " + d.side() + " " + d.qty() + " day " + d.timeNs() / TestEvents.DAY_NS;
            }
            case OrderFilledDecoder.TEMPLATE_ID:
            {
                final OrderFilledDecoder d = new OrderFilledDecoder().wrapAndApplyHeader(buffer, offset, header);
                return "fill " + d.side() + " " + d.qty() + " @" + d.price() + " day " + d.timeNs() / TestEvents.DAY_NS +
                    " commission " + d.commission();
            }
            case OrderRejectedDecoder.TEMPLATE_ID:
            {
                final OrderRejectedDecoder d = new OrderRejectedDecoder().wrapAndApplyHeader(buffer, offset, header);
                return "reject " + d.reason() + " day " + d.timeNs() / TestEvents.DAY_NS;
            }
            case EngineStateChangedDecoder.TEMPLATE_ID:
            {
                final EngineStateChangedDecoder d = new EngineStateChangedDecoder().wrapAndApplyHeader(buffer, offset, header);
                return "state " + d.state() + " " + d.reason() + " day " + d.timeNs() / TestEvents.DAY_NS;
            }
            default:
                return "template " + header.templateId();
        }
    }

    /** Closes 30 20 10 10 40 10 0 give an up-cross on day 4 and a down-cross on day 6 (see SmaCrossTest). */
    private static void crossingBars(final TestEvents events)
    {
        events.instrument("TEST", 2, 0);
        events.barsUpToTheUpCross();
        events.bar(5, 1500, 1000);
        events.bar(6, 500, 0);
        events.bar(7, 800, 900);
    }

    @Test
    void signalOnCloseFillsAtNextOpenAndFinalValueIsCashPlusPositionAtLastClose()
    {
        final Backtest backtest = backtest(1000 * MONEY, 0, QTY);
        crossingBars(new TestEvents(backtest.input()));
        final EngineResult result = backtest.finish();

        assertEquals(List.of(
            "order BUY 1 day 4",
            "fill BUY 1 @1500 day 5 commission 0",
            "order SELL 1 day 6",
            "fill SELL 1 @800 day 7 commission 0"), outputs);
        // Bought at 15.00, sold at 8.00: 1000 - 7 = 993.
        assertEquals(993 * MONEY, result.finalCash());
        assertEquals(993 * MONEY, result.finalValue());
        assertEquals(0, result.position());
    }

    @Test
    void onTickDataTheOrderFillsAtTheNextTradePrice()
    {
        final Backtest backtest = backtest(1000 * MONEY, 0, QTY);
        final TestEvents events = new TestEvents(backtest.input());
        events.instrument("TEST", 2, 0);
        final long[] prices = {3000, 2000, 1000, 1000, 4000, 4100, 4200, 1500, 1000, 900};
        for (int i = 0; i < prices.length; i++)
        {
            events.trade(TestEvents.DAY_NS * i, prices[i], 1);
        }
        backtest.finish();
        // Up-cross on trade 4 (40.00); filled at trade 5's price 41.00. fast2 vs slow3 turns down on trade 7
        // (28.5 vs 32.67 after 41.5 > 41.0): sold at trade 8's price 10.00.
        assertEquals(List.of(
            "order BUY 1 day 4",
            "fill BUY 1 @4100 day 5 commission 0",
            "order SELL 1 day 7",
            "fill SELL 1 @1000 day 8 commission 0"), outputs);
    }

    @Test
    void aSignalOnTheLastBarNeverFillsAndAnOpenPositionIsMarkedAtTheLastClose()
    {
        final Backtest backtest = backtest(1000 * MONEY, 0, QTY);
        final TestEvents events = new TestEvents(backtest.input());
        events.instrument("TEST", 2, 0);
        events.barsUpToTheUpCross();
        events.bar(5, 4100, 4200);
        final EngineResult result = backtest.finish();

        assertEquals(List.of("order BUY 1 day 4", "fill BUY 1 @4100 day 5 commission 0"), outputs);
        assertEquals(1, result.position());
        // 1000 - 41.00 + 42.00 (the last close)
        assertEquals(1001 * MONEY, result.finalValue());
        assertEquals(959 * MONEY, result.finalCash());
    }

    @Test
    void aBuySignalOnTheLastBarIsSentButNeverFills()
    {
        final Backtest backtest = backtest(1000 * MONEY, 0, QTY);
        final TestEvents events = new TestEvents(backtest.input());
        events.instrument("TEST", 2, 0);
        events.barsUpToTheUpCross();
        final EngineResult result = backtest.finish();

        assertEquals(List.of("order BUY 1 day 4"), outputs);
        assertEquals(0, result.position());
        assertEquals(1000 * MONEY, result.finalValue());
    }

    @Test
    void commissionIsRateTimesQtyTimesFillPriceOnEntryAndExit()
    {
        final Backtest backtest = backtest(1000 * MONEY, 1_000_000L, 10 * QTY);
        crossingBars(new TestEvents(backtest.input()));
        final EngineResult result = backtest.finish();

        // 1% of 10 x 15.00 = 1.50 on entry; 1% of 10 x 8.00 = 0.80 on exit.
        assertEquals("fill BUY 10 @1500 day 5 commission 150000000", outputs.get(1));
        assertEquals("fill SELL 10 @800 day 7 commission 80000000", outputs.get(3));
        // 1000 - 150 - 1.5 + 80 - 0.8
        assertEquals(92_770_000_000L, result.finalValue());
    }

    @Test
    void anOrderCostingMoreThanTheCashIsRejectedWithAReasonAndNotSent()
    {
        // 30 x 40.00 (the signal bar's close) = 1200 > 1000 cash.
        final Backtest backtest = backtest(1000 * MONEY, 0, 30 * QTY);
        crossingBars(new TestEvents(backtest.input()));
        final EngineResult result = backtest.finish();

        assertEquals(List.of("reject INSUFFICIENT_CASH day 4"), outputs);
        assertEquals(1, result.rejectedOrders());
        assertEquals(0, result.orders());
        assertEquals(1000 * MONEY, result.finalValue());
    }

    @Test
    void commissionCountsInTheCashCheck()
    {
        // 25 x 40.00 = 1000 exactly fits 1000 cash without commission, not with 0.1%.
        final Backtest fits = backtest(1000 * MONEY, 0, 25 * QTY);
        crossingBars(new TestEvents(fits.input()));
        fits.finish();
        assertEquals("order BUY 25 day 4", outputs.get(0));

        outputs.clear();
        final Backtest tooDear = backtest(1000 * MONEY, 100_000L, 25 * QTY);
        crossingBars(new TestEvents(tooDear.input()));
        assertEquals(0, tooDear.finish().orders());
        assertEquals("reject INSUFFICIENT_CASH day 4", outputs.get(0));
    }

    @Test
    void haltBlocksEntriesButNotExitsAndResumeLiftsIt()
    {
        final Backtest halted = backtest(1000 * MONEY, 0, QTY);
        final TestEvents events = new TestEvents(halted.input());
        events.instrument("TEST", 2, 0);
        events.admin(0, AdminAction.HALT, "", 0);
        events.barsUpToTheUpCross();
        events.bar(5, 1500, 1000);
        assertEquals(List.of("state HALTED ADMIN_HALT day 0", "reject " + RejectReason.HALTED + " day 4"), outputs);
        halted.finish();
    }

    @Test
    void maxPositionSetAtRunTimeByAnAdminCommandRejectsTheEntry()
    {
        final Backtest backtest = backtest(1000 * MONEY, 0, 2 * QTY);
        final TestEvents events = new TestEvents(backtest.input());
        events.instrument("TEST", 2, 0);
        events.admin(0, AdminAction.SET_PARAM, "maxPositionQty", QTY);
        crossingBarsWithoutDefinition(events);
        backtest.finish();
        assertEquals("reject MAX_POSITION day 4", outputs.get(0));
    }

    @Test
    void maxOrderNotionalSetAtRunTimeRejectsTheEntry()
    {
        final Backtest backtest = backtest(1000 * MONEY, 0, 2 * QTY);
        final TestEvents events = new TestEvents(backtest.input());
        events.instrument("TEST", 2, 0);
        events.admin(0, AdminAction.SET_PARAM, "maxOrderNotional", 79 * MONEY);
        crossingBarsWithoutDefinition(events);
        backtest.finish();
        assertEquals("reject MAX_ORDER_NOTIONAL day 4", outputs.get(0));
    }

    @Test
    void theSameInputsGiveTheSameDigestAndDifferentDecisionsADifferentOne()
    {
        final Backtest first = backtest(1000 * MONEY, 0, QTY);
        crossingBars(new TestEvents(first.input()));
        final Backtest second = backtest(1000 * MONEY, 0, QTY);
        crossingBars(new TestEvents(second.input()));
        final Backtest other = backtest(1000 * MONEY, 0, 2 * QTY);
        crossingBars(new TestEvents(other.input()));

        final String digest = first.finish().digest();
        assertEquals(64, digest.length());
        assertEquals(digest, second.finish().digest());
        assertNotEquals(digest, other.finish().digest());
    }

    @Test
    void anotherSymbolIsNotTraded()
    {
        final EngineContext context = new EngineContext()
            .symbol("OTHER").strategy("sma-cross", Map.of("fast", "2", "slow", "3"))
            .orderQty(QTY).initialCash(1000 * MONEY).conclude();
        final Backtest backtest = new Backtest(context, OutputListener.NONE);
        crossingBars(new TestEvents(backtest.input()));
        final EngineResult result = backtest.finish();
        assertFalse(result.instrumentSeen());
        assertEquals(0, result.orders());
    }

    private static void crossingBarsWithoutDefinition(final TestEvents events)
    {
        events.barsUpToTheUpCross();
        events.bar(5, 1500, 1000);
    }
}
