package io.qts.engine;

import io.qts.engine.book.Sides;
import io.qts.engine.pipeline.OrderSender;
import io.qts.engine.risk.AtrStop;
import io.qts.engine.risk.AverageTrueRange;
import io.qts.engine.strategy.StrategyParameter;
import io.qts.journal.EntryHeader;
import io.qts.journal.Sources;
import io.qts.journal.sbe.AdminAction;
import io.qts.journal.sbe.AdminCommandEncoder;
import io.qts.journal.sbe.Aggressor;
import io.qts.journal.sbe.BarEncoder;
import io.qts.journal.sbe.InstrumentDefinitionEncoder;
import io.qts.journal.sbe.MessageHeaderDecoder;
import io.qts.journal.sbe.MessageHeaderEncoder;
import io.qts.journal.sbe.OrderCommandDecoder;
import io.qts.journal.sbe.OrderFilledEncoder;
import io.qts.journal.sbe.OrderRejectedDecoder;
import io.qts.journal.sbe.Side;
import io.qts.journal.sbe.TradeTickEncoder;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Stops and bands when an entry fills in pieces and when the kill switch flattens on another instrument's event:
 * a stop is taken from the average entry price, and an instrument's price-band reference is its own last price.
 */
class FilledInPiecesTest
{
    private static final long MINUTE_NS = 60_000_000_000L;
    private static final long ONE = StrategyParameter.ONE;

    @Test
    void theAtrStopIsTakenFromTheAverageEntryPrice()
    {
        final AverageTrueRange atr = new AverageTrueRange(1);
        atr.onBar(1, 1010, 990, 1000);
        final AtrStop stop = new AtrStop(AtrStop.INITIAL);
        stop.onEntryFill(1, 1000, 1);
        stop.onEntryFill(1, 1100, 3);
        // Entry 1075, one ATR of 20 below: 1055 (from the first piece: 980).
        assertFalse(stop.crossed(1, 1060, 1060, atr, ONE));
        assertEquals(1055, stop.stop(1));
        assertTrue(stop.crossed(1, 1050, 1050, atr, ONE));
    }

    @Test
    void aFlattenOnAnotherInstrumentsEventLeavesEachPriceBandItsOwnPrice()
    {
        final List<long[]> sent = new ArrayList<>();
        final List<String> rejects = new ArrayList<>();
        final EngineContext context = new EngineContext().symbol("T").strategy("momentum", Map.of("lookback", "1", "entry", "0"))
            .orderQty(100_000_000L).initialCash(1_000_000 * 100_000_000L).priceBand(ONE / 10).conclude();
        final OutputListener listener = (buffer, offset, length) ->
        {
            final MessageHeaderDecoder header = new MessageHeaderDecoder().wrap(buffer, offset);
            if (header.templateId() == OrderRejectedDecoder.TEMPLATE_ID)
            {
                rejects.add(new OrderRejectedDecoder().wrapAndApplyHeader(buffer, offset, header).reason().name());
            }
        };
        final OrderSender venue = (buffer, offset, length) ->
        {
            final OrderCommandDecoder command = new OrderCommandDecoder().wrapAndApplyHeader(buffer, offset,
                new MessageHeaderDecoder().wrap(buffer, offset));
            sent.add(new long[] {command.clientOrderId(), command.side() == Side.BUY ? Sides.BUY : Sides.SELL, command.qty()});
            return true;
        };
        try (InlineEngine engine = new InlineEngine(context, null, venue, listener))
        {
            final Inputs in = new Inputs(engine);
            in.instrument(1, "T");
            in.instrument(2, "O");
            in.trade(1, 1, 100);
            in.trade(2, 1, 101);
            assertEquals(1, sent.size(), "a rise: the buy of T is in flight");
            in.admin(3, AdminAction.KILL);
            in.fill(4, sent.get(0), 101);
            in.trade(5, 2, 5);
            assertEquals(2, sent.size(), "the kill's flatten sells T on O's trade");
            assertEquals(Sides.SELL, sent.get(1)[1]);
            in.fill(6, sent.get(1), 101);
            in.admin(7, AdminAction.RESUME);
            in.trade(8, 1, 102);
            assertEquals(List.of(), rejects, "T's band is measured from T's last price (101), not O's (5)");
            assertEquals(3, sent.size(), "the entry on T's rise went out");
        }
    }

    @Test
    void aFillForAnotherOrderNeverStartsTheAtrStop()
    {
        final List<long[]> sent = new ArrayList<>();
        final List<String> orders = new ArrayList<>();
        final EngineContext context = new EngineContext().symbol("T")
            .strategy("momentum", Map.of("lookback", "1", "entry", "0", "exit", "-0.5"))
            .orderQty(100_000_000L).initialCash(1_000_000 * 100_000_000L)
            .stop(AtrStop.INITIAL).atrBars(1).stopAtrMultiple(ONE).conclude();
        final OrderSender venue = (buffer, offset, length) ->
        {
            final OrderCommandDecoder command = new OrderCommandDecoder().wrapAndApplyHeader(buffer, offset,
                new MessageHeaderDecoder().wrap(buffer, offset));
            sent.add(new long[] {command.clientOrderId(), command.side() == Side.BUY ? Sides.BUY : Sides.SELL, command.qty()});
            orders.add(command.side() + " minute " + command.timeNs() / MINUTE_NS);
            return true;
        };
        try (InlineEngine engine = new InlineEngine(context, null, venue, OutputListener.NONE))
        {
            final Inputs in = new Inputs(engine);
            in.instrument(1, "T");
            in.bar(0, 100, 105, 95, 100);
            in.bar(1, 100, 106, 96, 101);
            assertEquals(List.of("BUY minute 1"), orders, "a rise: the buy is in flight; ATR 10");
            in.fill(2, new long[] {sent.get(0)[0] + 1, Sides.BUY, 1}, 50);
            assertEquals(1, engine.result().unknownOrderEvents(), "another order's fill: not booked");
            in.fill(2, sent.get(0), 101);
            in.bar(3, 101, 102, 100, 101);
            // The stop is 101 - 10 = 91 (from the unknown fill's 50 it would be 40): a low of 90 crosses it.
            in.bar(4, 101, 101, 90, 92);
            assertEquals(List.of("BUY minute 1", "SELL minute 4"), orders);
        }
    }

    /** SBE inputs for two instruments at scales 0/0. */
    private static final class Inputs
    {
        private final InputSink sink;
        private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[256]);
        private final MessageHeaderEncoder header = new MessageHeaderEncoder();

        Inputs(final InputSink sink)
        {
            this.sink = sink;
        }

        void instrument(final int id, final String symbol)
        {
            final InstrumentDefinitionEncoder d = new InstrumentDefinitionEncoder().wrapAndApplyHeader(buffer, 0, header)
                .timeNs(0).instrumentId(id).priceScale((byte)0).qtyScale((byte)0).symbol(symbol);
            sink.accept(0, Sources.REFERENCE, EntryHeader.FORMAT_SBE, buffer, 0, MessageHeaderEncoder.ENCODED_LENGTH + d.encodedLength());
        }

        void trade(final long minute, final int id, final long price)
        {
            final TradeTickEncoder t = new TradeTickEncoder().wrapAndApplyHeader(buffer, 0, header)
                .timeNs(minute * MINUTE_NS).instrumentId(id).aggressor(Aggressor.BUY).price(price).qty(1).tradeId(minute);
            sink.accept(minute * MINUTE_NS, Sources.MARKET_DATA, EntryHeader.FORMAT_SBE, buffer, 0,
                MessageHeaderEncoder.ENCODED_LENGTH + t.encodedLength());
        }

        /** A one-minute bar. */
        void bar(final long minute, final long open, final long high, final long low, final long close)
        {
            final BarEncoder b = new BarEncoder().wrapAndApplyHeader(buffer, 0, header)
                .timeNs(minute * MINUTE_NS).instrumentId(1).durationNs(MINUTE_NS)
                .openPrice(open).highPrice(high).lowPrice(low).closePrice(close).volume(1);
            sink.accept(minute * MINUTE_NS, Sources.MARKET_DATA, EntryHeader.FORMAT_SBE, buffer, 0,
                MessageHeaderEncoder.ENCODED_LENGTH + b.encodedLength());
        }

        void admin(final long minute, final AdminAction action)
        {
            final AdminCommandEncoder a = new AdminCommandEncoder().wrapAndApplyHeader(buffer, 0, header)
                .timeNs(minute * MINUTE_NS).action(action).paramValue(0).paramKey("");
            sink.accept(minute * MINUTE_NS, Sources.ADMIN, EntryHeader.FORMAT_SBE, buffer, 0,
                MessageHeaderEncoder.ENCODED_LENGTH + a.encodedLength());
        }

        /** The whole order filled at {@code price}. */
        void fill(final long minute, final long[] order, final long price)
        {
            final OrderFilledEncoder f = new OrderFilledEncoder().wrapAndApplyHeader(buffer, 0, header)
                .timeNs(minute * MINUTE_NS).clientOrderId(order[0]).instrumentId(1)
                .side(order[1] == Sides.BUY ? Side.BUY : Side.SELL).price(price).qty(order[2]).leavesQty(0).commission(0);
            sink.accept(minute * MINUTE_NS, Sources.VENUE, EntryHeader.FORMAT_SBE, buffer, 0,
                MessageHeaderEncoder.ENCODED_LENGTH + f.encodedLength());
        }
    }
}
