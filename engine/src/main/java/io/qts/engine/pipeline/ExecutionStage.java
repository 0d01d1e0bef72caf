package io.qts.engine.pipeline;

import io.qts.engine.book.OrderIntent;
import io.qts.engine.FixedPoint;
import io.qts.engine.book.ClientOrderIds;
import io.qts.engine.book.Instruments;
import io.qts.engine.book.OrderBook;
import io.qts.engine.book.Portfolio;
import io.qts.engine.book.Sides;
import io.qts.journal.EntryHeader;
import io.qts.journal.sbe.MessageHeaderEncoder;
import io.qts.journal.sbe.OrderAction;
import io.qts.journal.sbe.OrderCommandEncoder;
import io.qts.journal.sbe.OrderFilledEncoder;
import io.qts.journal.sbe.OrderRejectedEncoder;
import io.qts.journal.sbe.OrderType;
import io.qts.journal.sbe.RejectReason;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Sends the orders risk let through, and books what the venue answers: acceptance, rejection, fills
 * (cash, position, commission) and cancels. A market order carries the expected price for reference only; a
 * limit order its limit and time in force (in its order type). A cancel goes out under the id of the order it
 * ends; a replace goes out as that cancel followed by a new order, which becomes the instrument's current order.
 * <p>
 * Every fill is booked exactly once: {@link #screen} runs right after decode, before any stage acts, and drops a
 * fill that is not for one of our orders in flight (its instrument and side included) or whose cumulative executed
 * quantity is already booked (a venue reports one order's trades in order, so a repeat never raises it). An order in
 * doubt stays in flight; a done or cancel whose executed quantity exceeds what is booked keeps the order in flight,
 * counted in doubt, until the fills it announces have arrived (fail closed: no second order for that instrument).
 */
public final class ExecutionStage
{
    /** The engine id bits of every id this engine gives its orders. */
    private final long orderIdBase;
    private final OrderSender sender;
    private final OrderBook orders = new OrderBook();
    private final Instruments instruments;
    private final Portfolio portfolio;
    private final OutputRecorder output;
    private final Counters counters;
    private final UnsafeBuffer commandBuffer = new UnsafeBuffer(new byte[128]);
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final OrderCommandEncoder command = new OrderCommandEncoder();
    private final UnsafeBuffer answerBuffer = new UnsafeBuffer(new byte[128]);
    private final OrderFilledEncoder filled = new OrderFilledEncoder();
    private final OrderRejectedEncoder rejected = new OrderRejectedEncoder();

    ExecutionStage(
        final long orderIdBase, final OrderSender sender, final Instruments instruments, final Portfolio portfolio,
        final OutputRecorder output, final Counters counters)
    {
        this.orderIdBase = orderIdBase;
        this.sender = sender;
        this.instruments = instruments;
        this.portfolio = portfolio;
        this.output = output;
        this.counters = counters;
    }

    /**
     * Decides, before signal and risk see it, whether a fill is booked: a fill for an order that is not ours or no
     * longer in flight, or a repeat of one already booked, becomes {@link EventType#FILL_DROPPED} and is counted.
     * Runs on the decode step's thread after execution has finished the previous input, so the book it reads is settled.
     */
    void screen(final InboundSlot slot)
    {
        if (slot.type == EventType.ORDER_STATUS)
        {
            measureStatusFill(slot);
            return;
        }
        if (slot.type != EventType.ORDER_FILLED)
        {
            return;
        }
        final int at = orders.find(slot.clientOrderId);
        if (at < 0 || orders.instrumentId(at) != slot.instrumentId || orders.side(at) != slot.side)
        {
            counters.unknownOrderEvents++;
            slot.type = EventType.FILL_DROPPED;
        }
        else if (slot.executedQty != DecodedInput.EXECUTED_UNKNOWN && slot.executedQty <= orders.filledQty(at))
        {
            counters.duplicateFillsDropped++;
            slot.type = EventType.FILL_DROPPED;
        }
    }

    /**
     * What an order status will book (see {@link #onStatus}), told to the stages before execution: the quantity beyond
     * the order's tally and its average price; 0 when it books nothing (a repeat, an order not ours or not found).
     */
    private void measureStatusFill(final InboundSlot slot)
    {
        slot.statusFillQty = 0;
        slot.statusFillPrice = 0;
        final int at = orders.find(slot.clientOrderId);
        if (at < 0 || slot.venueOrderState == DecodedInput.VENUE_ORDER_NOT_FOUND || orders.instrumentId(at) != slot.instrumentId
            || orders.side(at) != slot.side)
        {
            return;
        }
        final long qty = slot.qty - orders.filledQty(at);
        final long funds = slot.funds - orders.filledFunds(at);
        if (qty > 0 && funds > 0 && slot.commission - orders.filledFee(at) >= 0)
        {
            slot.statusFillQty = qty;
            slot.statusFillPrice = averagePrice(slot.instrumentId, funds, qty);
        }
    }

    void onEvent(final InboundSlot slot)
    {
        switch (slot.type)
        {
            case EventType.ORDER_IN_DOUBT:
                onInDoubt(slot);
                break;

            case EventType.ORDER_FILLED:
                onFill(slot);
                break;

            case EventType.ORDER_REJECTED:
                onEnded(slot, true);
                break;

            case EventType.ORDER_CANCELLED:
                onEnded(slot, false);
                break;

            case EventType.ORDER_STATUS:
                onStatus(slot);
                break;

            case EventType.ORDER_DONE:
                if (orders.find(slot.clientOrderId) >= 0)
                {
                    onEnded(slot, false);
                }
                break;

            case EventType.ORDER_ACCEPTED:
                if (orders.find(slot.clientOrderId) < 0)
                {
                    // Over two channels (REST answer, private stream) an acceptance can arrive after the fill that ended the order.
                    if (orders.endedRecently(slot.clientOrderId))
                    {
                        counters.lateAcceptances++;
                    }
                    else
                    {
                        counters.unknownOrderEvents++;
                    }
                }
                break;

            default:
                break;
        }
        if (slot.intentSide != Sides.NONE)
        {
            send(slot);
        }
    }

    private void send(final InboundSlot slot)
    {
        final int instrumentId = slot.instrumentId;
        if (slot.intentAction == OrderIntent.CANCEL || slot.intentAction == OrderIntent.REPLACE)
        {
            // The cancel carries the order's own id: that is what the venue knows it by.
            final int length = encode(slot, slot.intentCancelId, OrderAction.CANCEL, portfolio.openOrderType[instrumentId],
                portfolio.openOrderPrice[instrumentId], portfolio.openOrderQty[instrumentId]);
            if (!sender.send(commandBuffer, 0, length))
            {
                rejectOutboundFull(slot, ClientOrderIds.withSequence(orderIdBase, slot.sequence));
                return;
            }
            output.record(commandBuffer, 0, length);
            portfolio.cancelSent[instrumentId] = true;
            if (slot.intentAction == OrderIntent.CANCEL)
            {
                return;
            }
        }
        final long clientOrderId = ClientOrderIds.withSequence(orderIdBase, slot.sequence);
        final int length = encode(slot, clientOrderId, OrderAction.NEW, slot.intentOrderType, slot.intentPrice, slot.intentQty);
        if (!orders.hasRoom() || !sender.send(commandBuffer, 0, length))
        {
            rejectOutboundFull(slot, clientOrderId);
            return;
        }
        orders.add(clientOrderId, instrumentId, slot.intentSide);
        portfolio.state[instrumentId] = slot.intentSide == Sides.BUY ? Portfolio.ENTERING : Portfolio.EXITING;
        portfolio.openOrderId[instrumentId] = clientOrderId;
        portfolio.openOrderType[instrumentId] = slot.intentOrderType;
        portfolio.openOrderPrice[instrumentId] = slot.intentPrice;
        portfolio.openOrderQty[instrumentId] = slot.intentQty;
        portfolio.cancelSent[instrumentId] = false;
        output.record(commandBuffer, 0, length);
        counters.orders++;
        slot.orderSent = true;
    }

    private int encode(
        final InboundSlot slot, final long clientOrderId, final OrderAction action, final int orderType, final long price,
        final long qty)
    {
        command.wrapAndApplyHeader(commandBuffer, 0, header)
            .timeNs(slot.timeNs)
            .clientOrderId(clientOrderId)
            .instrumentId(slot.instrumentId)
            .action(action)
            .side(Sides.toSbe(slot.intentSide))
            .orderType(OrderType.get((short)orderType))
            .price(price)
            .qty(qty);
        return MessageHeaderEncoder.ENCODED_LENGTH + command.encodedLength();
    }

    private void rejectOutboundFull(final InboundSlot slot, final long clientOrderId)
    {
        output.riskReject(
            slot.timeNs, clientOrderId, slot.instrumentId, RejectReason.OUTBOUND_FULL.value(),
            slot.intentSide, slot.intentPrice, slot.intentQty);
        counters.rejectedOrders++;
        counters.countReject(RejectReason.OUTBOUND_FULL.value());
    }

    /**
     * An order ended: out of the book, and if it was the instrument's current order (not one a replace left
     * behind), the position state follows what the position says.
     */
    private void end(final long clientOrderId, final int instrumentId, final long timeNs)
    {
        orders.remove(clientOrderId);
        if (portfolio.openOrderId[instrumentId] == clientOrderId)
        {
            portfolio.openOrderId[instrumentId] = 0;
            portfolio.cancelSent[instrumentId] = false;
            portfolio.settle(instrumentId, timeNs);
        }
    }

    private void onInDoubt(final InboundSlot slot)
    {
        final int at = orders.find(slot.clientOrderId);
        if (at < 0)
        {
            counters.unknownOrderEvents++;
            return;
        }
        orders.markInDoubt(at);
        counters.ordersInDoubt++;
    }

    /** A fill {@link #screen} let through: ours, in flight, not booked before. */
    private void onFill(final InboundSlot slot)
    {
        final int at = orders.find(slot.clientOrderId);
        final int instrumentId = slot.instrumentId;
        final long notional = instruments.notional(instrumentId, slot.qty, slot.price);
        portfolio.pnl.onFill(instrumentId, slot.side, slot.qty, notional, slot.commission, portfolio.position[instrumentId]);
        if (slot.side == Sides.BUY)
        {
            portfolio.cash = FixedPoint.subtractMoney(portfolio.cash, FixedPoint.addMoney(notional, slot.commission));
            portfolio.position[instrumentId] = FixedPoint.addMoney(portfolio.position[instrumentId], slot.qty);
        }
        else
        {
            portfolio.cash = FixedPoint.addMoney(portfolio.cash, FixedPoint.subtractMoney(notional, slot.commission));
            portfolio.position[instrumentId] = FixedPoint.subtractMoney(portfolio.position[instrumentId], slot.qty);
        }
        orders.addFilled(at, slot.qty, notional, slot.commission);
        if (slot.leavesQty == 0 || orders.endReached(at))
        {
            end(slot.clientOrderId, instrumentId, slot.timeNs);
        }
        if (slot.format == EntryHeader.FORMAT_SBE)
        {
            output.record(slot.rawBuffer, 0, slot.length);
        }
        else
        {
            output.record(answerBuffer, 0, encodeFill(slot));
        }
        counters.fills++;
    }

    /**
     * The venue's cumulative account of an order (reconciliation after a restart): books what it executed beyond the
     * fills already booked for the order, as one fill at the average price of that rest, then ends the order if the
     * venue did. An order the venue does not know never arrived: it ends as rejected (UNKNOWN_ORDER), so the strategy
     * may decide again. Cold path: runs once per order open at a restart.
     */
    private void onStatus(final InboundSlot slot)
    {
        final int at = orders.find(slot.clientOrderId);
        final boolean notFound = slot.venueOrderState == DecodedInput.VENUE_ORDER_NOT_FOUND;
        if (at < 0 || orders.instrumentId(at) != slot.instrumentId || (!notFound && orders.side(at) != slot.side))
        {
            counters.unknownOrderEvents++;
            return;
        }
        final int instrumentId = slot.instrumentId;
        final int side = orders.side(at);
        if (notFound)
        {
            end(slot.clientOrderId, instrumentId, slot.timeNs);
            rejected.wrapAndApplyHeader(answerBuffer, 0, header)
                .timeNs(slot.timeNs)
                .clientOrderId(slot.clientOrderId)
                .instrumentId(instrumentId)
                .reason(RejectReason.UNKNOWN_ORDER)
                .side(Sides.toSbe(side))
                .price(0)
                .qty(0);
            output.record(answerBuffer, 0, MessageHeaderEncoder.ENCODED_LENGTH + rejected.encodedLength());
            counters.ordersNeverArrived++;
            counters.rejectedOrders++;
            return;
        }
        final long qty = slot.qty - orders.filledQty(at);
        final long funds = slot.funds - orders.filledFunds(at);
        final long fee = slot.commission - orders.filledFee(at);
        if (qty > 0 && funds > 0 && fee >= 0)
        {
            if (side == Sides.BUY)
            {
                portfolio.cash = FixedPoint.subtractMoney(portfolio.cash, FixedPoint.addMoney(funds, fee));
                portfolio.position[instrumentId] = FixedPoint.addMoney(portfolio.position[instrumentId], qty);
            }
            else
            {
                portfolio.cash = FixedPoint.addMoney(portfolio.cash, FixedPoint.subtractMoney(funds, fee));
                portfolio.position[instrumentId] = FixedPoint.subtractMoney(portfolio.position[instrumentId], qty);
            }
            orders.addFilled(at, qty, funds, fee);
            filled.wrapAndApplyHeader(answerBuffer, 0, header)
                .timeNs(slot.timeNs)
                .clientOrderId(slot.clientOrderId)
                .instrumentId(instrumentId)
                .side(Sides.toSbe(side))
                .price(averagePrice(instrumentId, funds, qty))
                .qty(qty)
                .leavesQty(slot.venueOrderState == DecodedInput.VENUE_ORDER_ENDED ? 0 : DecodedInput.LEAVES_UNKNOWN)
                .commission(fee);
            output.record(answerBuffer, 0, MessageHeaderEncoder.ENCODED_LENGTH + filled.encodedLength());
            counters.fills++;
            counters.fillsRecovered++;
        }
        if (slot.venueOrderState == DecodedInput.VENUE_ORDER_ENDED)
        {
            end(slot.clientOrderId, instrumentId, slot.timeNs);
        }
    }

    /** funds / qty at the instrument's price scale, half-even: money is at 10^-8, so price = funds x 10^(p+q-8) / qty. */
    private long averagePrice(final int instrumentId, final long funds, final long qty)
    {
        final int shift = instruments.priceScale(instrumentId) + instruments.qtyScale(instrumentId) - FixedPoint.MONEY_SCALE;
        return shift >= 0
            ? FixedPoint.mulDiv(funds, FixedPoint.pow10(shift), qty)
            : FixedPoint.mulDiv(funds, 1, Math.multiplyExact(qty, FixedPoint.pow10(-shift)));
    }

    /** A fill decoded from venue JSON, as the SBE record the output stream and its digest carry. */
    private int encodeFill(final InboundSlot slot)
    {
        filled.wrapAndApplyHeader(answerBuffer, 0, header)
            .timeNs(slot.timeNs)
            .clientOrderId(slot.clientOrderId)
            .instrumentId(slot.instrumentId)
            .side(Sides.toSbe(slot.side))
            .price(slot.price)
            .qty(slot.qty)
            .leavesQty(slot.leavesQty)
            .commission(slot.commission);
        return MessageHeaderEncoder.ENCODED_LENGTH + filled.encodedLength();
    }

    /** A venue reject decoded from JSON, as an SBE record; side from the order book. */
    private int encodeReject(final InboundSlot slot, final int instrumentId, final int side)
    {
        rejected.wrapAndApplyHeader(answerBuffer, 0, header)
            .timeNs(slot.timeNs)
            .clientOrderId(slot.clientOrderId)
            .instrumentId(instrumentId)
            .reason(RejectReason.get(slot.rejectReason))
            .side(Sides.toSbe(side))
            .price(0)
            .qty(0);
        return MessageHeaderEncoder.ENCODED_LENGTH + rejected.encodedLength();
    }

    private void onEnded(final InboundSlot slot, final boolean rejected)
    {
        final int at = orders.find(slot.clientOrderId);
        if (at < 0)
        {
            counters.unknownOrderEvents++;
            return;
        }
        if (!rejected && slot.executedQty != DecodedInput.EXECUTED_UNKNOWN && slot.executedQty > orders.filledQty(at))
        {
            // The venue's end overtook its last trades (two channels, or a reconnect): stay in flight until they are booked.
            // Until then the order is in doubt: counted, so a trade lost for good (stream down) is never silent.
            orders.endWhenFilled(at, slot.executedQty);
            if (!orders.inDoubt(at))
            {
                orders.markInDoubt(at);
                counters.ordersInDoubt++;
            }
            return;
        }
        final int instrumentId = orders.instrumentId(at);
        final int side = orders.side(at);
        end(slot.clientOrderId, instrumentId, slot.timeNs);
        if (rejected)
        {
            if (slot.format == EntryHeader.FORMAT_SBE)
            {
                output.record(slot.rawBuffer, 0, slot.length);
            }
            else
            {
                output.record(answerBuffer, 0, encodeReject(slot, instrumentId, side));
            }
            counters.rejectedOrders++;
            counters.venueRejects++;
            counters.countReject(slot.rejectReason);
        }
    }

    /** The instrument id of our order in flight {@code clientOrderId}, or -1 if none is; read as {@link #ordersInFlight}. */
    public int instrumentOfOrder(final long clientOrderId)
    {
        final int slot = orders.find(clientOrderId);
        return slot < 0 ? -1 : orders.instrumentId(slot);
    }

    /** Our orders in flight (sent, not yet ended by the venue), ascending; read after the engine has stopped. */
    public long[] ordersInFlight()
    {
        return orders.idsInFlight();
    }
}
