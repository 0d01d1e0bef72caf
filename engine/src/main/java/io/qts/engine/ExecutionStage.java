package io.qts.engine;

import io.qts.journal.sbe.MessageHeaderEncoder;
import io.qts.journal.sbe.OrderAction;
import io.qts.journal.sbe.OrderCommandEncoder;
import io.qts.journal.sbe.OrderType;
import io.qts.journal.sbe.RejectReason;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Sends the orders risk let through, and books what the venue answers: acceptance, rejection, fills
 * (cash, position, commission) and cancels. Orders are market orders; the expected price travels with
 * them for reference only.
 */
final class ExecutionStage
{
    private final int engineId;
    private final OrderSender sender;
    private final OrderBook orders = new OrderBook();
    private final Instruments instruments;
    private final Portfolio portfolio;
    private final OutputRecorder output;
    private final Counters counters;
    private final UnsafeBuffer commandBuffer = new UnsafeBuffer(new byte[128]);
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final OrderCommandEncoder command = new OrderCommandEncoder();

    ExecutionStage(
        final int engineId, final OrderSender sender, final Instruments instruments, final Portfolio portfolio,
        final OutputRecorder output, final Counters counters)
    {
        this.engineId = engineId;
        this.sender = sender;
        this.instruments = instruments;
        this.portfolio = portfolio;
        this.output = output;
        this.counters = counters;
    }

    void onEvent(final InboundSlot slot)
    {
        switch (slot.type)
        {
            case EventType.ORDER_FILLED:
                onFill(slot);
                break;

            case EventType.ORDER_REJECTED:
                onEnded(slot, true);
                break;

            case EventType.ORDER_CANCELLED:
                onEnded(slot, false);
                break;

            case EventType.ORDER_ACCEPTED:
                if (orders.find(slot.clientOrderId) < 0)
                {
                    counters.unknownOrderEvents++;
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
        final long clientOrderId = ClientOrderIds.of(engineId, slot.sequence);
        command.wrapAndApplyHeader(commandBuffer, 0, header)
            .timeNs(slot.timeNs)
            .clientOrderId(clientOrderId)
            .instrumentId(slot.instrumentId)
            .action(OrderAction.NEW)
            .side(Sides.toSbe(slot.intentSide))
            .orderType(OrderType.MARKET)
            .price(slot.intentPrice)
            .qty(slot.intentQty);
        final int length = MessageHeaderEncoder.ENCODED_LENGTH + command.encodedLength();
        if (!orders.hasRoom() || !sender.send(commandBuffer, 0, length))
        {
            output.riskReject(
                slot.timeNs, clientOrderId, slot.instrumentId, RejectReason.OUTBOUND_FULL.value(),
                slot.intentSide, slot.intentPrice, slot.intentQty);
            counters.rejectedOrders++;
            return;
        }
        orders.add(clientOrderId, slot.instrumentId, slot.intentSide);
        portfolio.state[slot.instrumentId] = slot.intentSide == Sides.BUY ? Portfolio.ENTERING : Portfolio.EXITING;
        output.record(commandBuffer, 0, length);
        counters.orders++;
        slot.orderSent = true;
    }

    private void onFill(final InboundSlot slot)
    {
        final int at = orders.find(slot.clientOrderId);
        if (at < 0 || orders.instrumentId(at) != slot.instrumentId || orders.side(at) != slot.side)
        {
            counters.unknownOrderEvents++;
            return;
        }
        final int instrumentId = slot.instrumentId;
        final long notional = instruments.notional(instrumentId, slot.qty, slot.price);
        if (slot.side == Sides.BUY)
        {
            portfolio.cash -= notional + slot.commission;
            portfolio.position[instrumentId] += slot.qty;
        }
        else
        {
            portfolio.cash += notional - slot.commission;
            portfolio.position[instrumentId] -= slot.qty;
        }
        if (slot.leavesQty == 0)
        {
            orders.remove(slot.clientOrderId);
            portfolio.settle(instrumentId, slot.timeNs);
        }
        output.record(slot.rawBuffer, 0, slot.length);
        counters.fills++;
    }

    private void onEnded(final InboundSlot slot, final boolean rejected)
    {
        final int at = orders.find(slot.clientOrderId);
        if (at < 0)
        {
            counters.unknownOrderEvents++;
            return;
        }
        final int instrumentId = orders.instrumentId(at);
        orders.remove(slot.clientOrderId);
        portfolio.settle(instrumentId, slot.timeNs);
        if (rejected)
        {
            output.record(slot.rawBuffer, 0, slot.length);
            counters.rejectedOrders++;
            counters.venueRejects++;
        }
    }
}
