package io.qts.adapters.report;

import io.qts.engine.FixedPoint;
import io.qts.engine.OutputListener;
import io.qts.journal.sbe.MessageHeaderDecoder;
import io.qts.journal.sbe.OrderFilledDecoder;
import io.qts.journal.sbe.OrderRejectedDecoder;
import io.qts.journal.sbe.Side;
import org.agrona.DirectBuffer;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Collects fills and rejects from the engine's output records, then builds round trips (long only,
 * one position): buys open or add at their average price, sells close. An exit filled in pieces is one
 * round trip (at its average exit price), not one per piece: a venue fills a market sell against several
 * levels. Scales are given at the end, when the engine has learnt them from the input.
 */
public final class TradeLedger implements OutputListener
{
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final OrderFilledDecoder filled = new OrderFilledDecoder();
    private final OrderRejectedDecoder rejected = new OrderRejectedDecoder();
    private final List<Fill> fills = new ArrayList<>();
    private final SortedMap<String, Long> rejectsByReason = new TreeMap<>();

    private record Fill(int instrumentId, long timeNs, boolean buy, long price, long qty, long commission)
    {
    }

    @Override
    public void onOutput(final DirectBuffer buffer, final int offset, final int length)
    {
        header.wrap(buffer, offset);
        if (header.templateId() == OrderFilledDecoder.TEMPLATE_ID)
        {
            filled.wrapAndApplyHeader(buffer, offset, header);
            fills.add(new Fill(filled.instrumentId(), filled.timeNs(), filled.side() == Side.BUY, filled.price(), filled.qty(), filled.commission()));
        }
        else if (header.templateId() == OrderRejectedDecoder.TEMPLATE_ID)
        {
            rejected.wrapAndApplyHeader(buffer, offset, header);
            rejectsByReason.merge(rejected.reason().name(), 1L, Long::sum);
        }
    }

    /** Refused orders (risk and venue) by RejectReason name, with their counts, in name order. */
    public SortedMap<String, Long> rejectsByReason()
    {
        return rejectsByReason;
    }

    /** Round trips and what is still open, at the instrument's scales: every fill, for a run of one instrument. */
    public Book book(final int priceScale, final int qtyScale)
    {
        final Book book = new Book(priceScale, qtyScale);
        fills.forEach(book::apply);
        book.closeExit();
        return book;
    }

    /** Round trips and what is still open of one instrument of a portfolio, at its scales. */
    public Book book(final int instrumentId, final int priceScale, final int qtyScale)
    {
        final Book book = new Book(priceScale, qtyScale);
        fills.stream().filter(fill -> fill.instrumentId() == instrumentId).forEach(book::apply);
        book.closeExit();
        return book;
    }

    /** Commission paid on every fill of one instrument, money at 10^-8. */
    public long commission(final int instrumentId)
    {
        long paid = 0;
        for (final Fill fill : fills)
        {
            paid = fill.instrumentId() == instrumentId ? FixedPoint.addMoney(paid, fill.commission()) : paid;
        }
        return paid;
    }

    /** Round trips built from the fills. */
    public static final class Book
    {
        private final int priceScale;
        private final int qtyScale;
        private final List<Trade> trades = new ArrayList<>();
        private long openQty;
        private long openCost;
        private long openCommission;
        private long openTimeNs;
        /** The exit in progress: its pieces so far (quantity, proceeds, entry cost, commissions, PnL, last time). */
        private long exitQty;
        private long exitNotional;
        private long exitCost;
        private long exitCommission;
        private long exitPnl;
        private long exitTimeNs;
        private int exitPieces;
        private long exitPrice;

        private Book(final int priceScale, final int qtyScale)
        {
            this.priceScale = priceScale;
            this.qtyScale = qtyScale;
        }

        private void apply(final Fill fill)
        {
            final long notional = FixedPoint.notional(fill.qty(), qtyScale, fill.price(), priceScale);
            if (fill.buy())
            {
                closeExit();
                if (openQty == 0)
                {
                    openTimeNs = fill.timeNs();
                }
                openQty = FixedPoint.addMoney(openQty, fill.qty());
                openCost = FixedPoint.addMoney(openCost, notional);
                openCommission = FixedPoint.addMoney(openCommission, fill.commission());
                return;
            }
            final long qty = Math.min(fill.qty(), openQty);
            if (qty == 0)
            {
                return;
            }
            final long cost = FixedPoint.mulDiv(openCost, qty, openQty);
            final long entryCommission = FixedPoint.mulDiv(openCommission, qty, openQty);
            final long commission = FixedPoint.addMoney(entryCommission, fill.commission());
            final long proceeds = FixedPoint.mulDiv(notional, qty, fill.qty());
            exitQty = FixedPoint.addMoney(exitQty, qty);
            exitNotional = FixedPoint.addMoney(exitNotional, proceeds);
            exitCost = FixedPoint.addMoney(exitCost, cost);
            exitCommission = FixedPoint.addMoney(exitCommission, commission);
            exitPnl = FixedPoint.addMoney(exitPnl, FixedPoint.subtractMoney(FixedPoint.subtractMoney(proceeds, cost), commission));
            exitTimeNs = fill.timeNs();
            exitPieces++;
            exitPrice = fill.price();
            openCost -= cost;
            openCommission -= entryCommission;
            openQty -= qty;
            if (openQty == 0)
            {
                closeExit();
            }
        }

        /** The exit in progress as one round trip: entry and exit at their average prices. */
        private void closeExit()
        {
            if (exitQty == 0)
            {
                return;
            }
            // One piece: its own price, exactly; several: their average, rounded half-even.
            final long averageExit = exitPieces == 1 ? exitPrice : entryPrice(exitNotional, exitQty);
            trades.add(new Trade(openTimeNs, entryPrice(exitCost, exitQty), exitTimeNs, averageExit, exitQty, exitCommission, exitPnl));
            exitPieces = 0;
            exitQty = 0;
            exitNotional = 0;
            exitCost = 0;
            exitCommission = 0;
            exitPnl = 0;
        }

        /** Average price of {@code cost} money over {@code qty} at the instrument's scale, rounded half-even. */
        private long entryPrice(final long cost, final long qty)
        {
            final int exponent = qtyScale + priceScale - FixedPoint.MONEY_SCALE;
            return exponent >= 0 ?
                FixedPoint.mulDiv(cost, FixedPoint.pow10(exponent), qty) :
                FixedPoint.mulDiv(cost, 1, Math.multiplyExact(qty, FixedPoint.pow10(-exponent)));
        }

        /** The round trips closed so far, in the order they closed. */
        public List<Trade> trades()
        {
            return trades;
        }

        /** The position still open, at the instrument's quantity scale; 0 when flat. */
        public long openQty()
        {
            return openQty;
        }

        /** The event time (ns since the epoch) of the fill that opened the current position; meaningless when flat. */
        public long openTimeNs()
        {
            return openTimeNs;
        }

        /**
         * The open position's average entry price at the instrument's price scale (commissions not included); 0 when
         * flat.
         */
        public long openEntryPrice()
        {
            return openQty == 0 ? 0 : entryPrice(openCost, openQty);
        }

        int priceScale()
        {
            return priceScale;
        }

        int qtyScale()
        {
            return qtyScale;
        }
    }
}
