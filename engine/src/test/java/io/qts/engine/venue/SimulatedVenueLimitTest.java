package io.qts.engine.venue;

import io.qts.engine.InputSink;
import io.qts.engine.TestEvents;
import io.qts.engine.book.ClientOrderIds;

import io.qts.journal.sbe.MessageHeaderDecoder;
import io.qts.journal.sbe.MessageHeaderEncoder;
import io.qts.journal.sbe.OrderAcceptedDecoder;
import io.qts.journal.sbe.OrderAction;
import io.qts.journal.sbe.OrderCancelledDecoder;
import io.qts.journal.sbe.OrderCommandEncoder;
import io.qts.journal.sbe.OrderFilledDecoder;
import io.qts.journal.sbe.OrderRejectedDecoder;
import io.qts.journal.sbe.OrderType;
import io.qts.journal.sbe.Side;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The simulated venue's fill rule for limit orders, case by case (prices at scale 2 written raw: 10000 is 100.00).
 * A limit order takes on the first market event after it arrives if that event opens at or better than its limit
 * (at the opening price); else IOC and FOK are cancelled and GTC rests, filling at its limit when the market trades
 * through it (touching is not enough). A trade with a quantity fills at most that quantity.
 */
class SimulatedVenueLimitTest
{
    private final SimulatedVenue venue = new SimulatedVenue(0);
    private final List<String> answers = new ArrayList<>();
    private final InputSink sink = (timeNs, sourceId, format, buffer, offset, length) ->
    {
        final MessageHeaderDecoder header = new MessageHeaderDecoder().wrap(buffer, offset);
        switch (header.templateId())
        {
            case OrderAcceptedDecoder.TEMPLATE_ID:
                answers.add("accepted " + new OrderAcceptedDecoder().wrapAndApplyHeader(buffer, offset, header).clientOrderId());
                break;
            case OrderFilledDecoder.TEMPLATE_ID:
                final OrderFilledDecoder fill = new OrderFilledDecoder().wrapAndApplyHeader(buffer, offset, header);
                answers.add("fill " + fill.clientOrderId() + " " + fill.side() + " " + fill.qty() + " at " + fill.price() +
                    ", leaves " + fill.leavesQty());
                break;
            case OrderCancelledDecoder.TEMPLATE_ID:
                answers.add("cancelled " + new OrderCancelledDecoder().wrapAndApplyHeader(buffer, offset, header).clientOrderId());
                break;
            case OrderRejectedDecoder.TEMPLATE_ID:
                answers.add("rejected " + new OrderRejectedDecoder().wrapAndApplyHeader(buffer, offset, header).reason());
                break;
            default:
                answers.add("template " + header.templateId());
        }
    };
    private final TestEvents market = new TestEvents((t, s, f, b, o, l) -> venue.onMarket(t, b, o, l, sink));
    private long sequence;

    @BeforeEach
    void defineInstrument()
    {
        new TestEvents((t, s, f, b, o, l) -> venue.onReference(b, o, l)).instrument("TEST", 2, 0);
    }

    /** Sends a new order; returns its sequence (the client order id is ClientOrderIds.of(1, sequence)). */
    private long order(final Side side, final OrderType type, final long price, final long qty)
    {
        sequence++;
        command(ClientOrderIds.of(1, sequence), OrderAction.NEW, side, type, price, qty);
        return ClientOrderIds.of(1, sequence);
    }

    private void command(final long id, final OrderAction action, final Side side, final OrderType type, final long price, final long qty)
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[128]);
        final OrderCommandEncoder command = new OrderCommandEncoder().wrapAndApplyHeader(buffer, 0, new MessageHeaderEncoder())
            .timeNs(1).clientOrderId(id).instrumentId(TestEvents.INSTRUMENT).action(action)
            .side(side).orderType(type).price(price).qty(qty);
        venue.onOrder(buffer, 0, MessageHeaderEncoder.ENCODED_LENGTH + command.encodedLength(), sink);
    }

    @Test
    void aGtcBuyRestsThroughATouchAndFillsAtItsLimitWhenALowGoesBelowIt()
    {
        final long id = order(Side.BUY, OrderType.LIMIT, 10000, 3);
        market.bar(1, 10500, 11000, 10000, 10400);   // opens above 100.00, low touches it: no fill
        market.bar(2, 10300, 10400, 9900, 10100);    // low 99.00 < 100.00: fills at 100.00, not at the low or the open
        market.bar(3, 9000, 9000, 8000, 8500);       // nothing left
        assertEquals(List.of("accepted " + id, "fill " + id + " BUY 3 at 10000, leaves 0"), answers);
    }

    @Test
    void aGtcSellRestsAndFillsAtItsLimitWhenAHighGoesAboveIt()
    {
        final long id = order(Side.SELL, OrderType.LIMIT, 10000, 2);
        market.bar(1, 9500, 10000, 9400, 9600);      // high touches 100.00: no fill
        market.bar(2, 9700, 10100, 9600, 9800);      // high 101.00 > 100.00: fills at 100.00
        assertEquals(List.of("accepted " + id, "fill " + id + " SELL 2 at 10000, leaves 0"), answers);
    }

    @Test
    void aLimitOrderMarketableWhenItArrivesTakesAtTheOpen()
    {
        final long buy = order(Side.BUY, OrderType.LIMIT, 10000, 1);
        market.bar(1, 9800, 9900, 9700, 9800);       // opens at 98.00, better than its 100.00: fills at the open
        final long atLimit = order(Side.BUY, OrderType.LIMIT, 9800, 1);
        market.bar(2, 9800, 9900, 9800, 9900);       // opens exactly at the limit: an arriving order takes there
        assertEquals(List.of(
            "accepted " + buy, "fill " + buy + " BUY 1 at 9800, leaves 0",
            "accepted " + atLimit, "fill " + atLimit + " BUY 1 at 9800, leaves 0"), answers);
    }

    @Test
    void anIocOrFokOrderThatCannotTakeAtOnceIsCancelledEvenIfTheBarLaterGoesThrough()
    {
        final long ioc = order(Side.BUY, OrderType.LIMIT_IOC, 10000, 1);
        final long fok = order(Side.BUY, OrderType.LIMIT_FOK, 10000, 1);
        market.bar(1, 10100, 10200, 9000, 9500);     // opens above the limit; the low below it does not count
        market.bar(2, 9000, 9000, 9000, 9000);
        assertEquals(List.of("accepted " + ioc, "accepted " + fok, "cancelled " + ioc, "cancelled " + fok), answers);
    }

    @Test
    void onATradeIocFillsWhatTheTradeHadAndCancelsTheRestWhileFokFillsAllOrNothing()
    {
        final long ioc = order(Side.BUY, OrderType.LIMIT_IOC, 10000, 5);
        market.trade(TestEvents.DAY_NS, 9900, 2);
        final long fokShort = order(Side.BUY, OrderType.LIMIT_FOK, 10000, 5);
        market.trade(2 * TestEvents.DAY_NS, 9900, 4);
        final long fokWhole = order(Side.BUY, OrderType.LIMIT_FOK, 10000, 5);
        market.trade(3 * TestEvents.DAY_NS, 10000, 5);
        assertEquals(List.of(
            "accepted " + ioc, "fill " + ioc + " BUY 2 at 9900, leaves 3", "cancelled " + ioc,
            "accepted " + fokShort, "cancelled " + fokShort,
            "accepted " + fokWhole, "fill " + fokWhole + " BUY 5 at 10000, leaves 0"), answers);
    }

    @Test
    void aRestingGtcOrderFillsInPiecesOnTradesAndItsRestCanBeCancelled()
    {
        final long id = order(Side.BUY, OrderType.LIMIT, 10000, 5);
        market.trade(TestEvents.DAY_NS, 10100, 7);          // above the limit: rests
        market.trade(TestEvents.DAY_NS + 1, 9900, 2);       // through it: 2 at its limit
        market.trade(TestEvents.DAY_NS + 2, 10000, 9);      // a touch: nothing
        market.trade(TestEvents.DAY_NS + 3, 9950, 1);       // through it again: 1 more
        command(id, OrderAction.CANCEL, Side.BUY, OrderType.LIMIT, 10000, 5);
        market.trade(TestEvents.DAY_NS + 4, 9000, 9);       // cancelled: nothing
        command(id, OrderAction.CANCEL, Side.BUY, OrderType.LIMIT, 10000, 5);
        assertEquals(List.of(
            "accepted " + id,
            "fill " + id + " BUY 2 at 10000, leaves 3",
            "fill " + id + " BUY 1 at 10000, leaves 2",
            "cancelled " + id,
            "rejected UNKNOWN_ORDER"), answers);
    }

    @Test
    void aMarketOrderStillFillsWholeAtTheNextOpenWhateverTheTradesQuantity()
    {
        final long id = order(Side.BUY, OrderType.MARKET, 10000, 5);
        market.trade(TestEvents.DAY_NS, 10300, 1);
        assertEquals(List.of("accepted " + id, "fill " + id + " BUY 5 at 10300, leaves 0"), answers);
    }

    @Test
    void aLimitOrderWithoutAPositivePriceIsRefused()
    {
        order(Side.BUY, OrderType.LIMIT, 0, 1);
        assertEquals(List.of("rejected VENUE_REJECTED"), answers);
    }
}
