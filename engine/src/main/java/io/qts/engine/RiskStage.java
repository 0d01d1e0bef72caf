package io.qts.engine;

import io.qts.journal.sbe.AdminAction;
import io.qts.journal.sbe.RejectReason;

/**
 * Checks each order the signal stage wants before it can be sent: halt, max position, max order
 * notional and available cash. A refused order is recorded with its reason and goes no further.
 * Halting stops new entries; exits stay allowed so a position can always be closed.
 */
final class RiskStage
{
    private final int engineId;
    private final RiskLimits limits;
    private final Instruments instruments;
    private final Portfolio portfolio;
    private final OutputRecorder output;
    private final Counters counters;
    private boolean halted;

    RiskStage(
        final int engineId, final RiskLimits limits, final Instruments instruments, final Portfolio portfolio,
        final OutputRecorder output, final Counters counters)
    {
        this.engineId = engineId;
        this.limits = limits;
        this.instruments = instruments;
        this.portfolio = portfolio;
        this.output = output;
        this.counters = counters;
    }

    void onEvent(final InboundSlot slot)
    {
        if (slot.type == EventType.ADMIN)
        {
            onAdmin(slot);
            return;
        }
        if (slot.intentSide == Sides.NONE)
        {
            return;
        }
        final int reason = check(slot);
        if (reason != RejectReason.NONE.value())
        {
            output.riskReject(
                slot.timeNs, ClientOrderIds.of(engineId, slot.sequence), slot.instrumentId, reason,
                slot.intentSide, slot.intentPrice, slot.intentQty);
            counters.rejectedOrders++;
            slot.intentSide = Sides.NONE;
        }
    }

    private int check(final InboundSlot slot)
    {
        final int instrumentId = slot.instrumentId;
        if (!instruments.isDefined(instrumentId))
        {
            return RejectReason.UNKNOWN_INSTRUMENT.value();
        }
        if (slot.intentSide == Sides.SELL)
        {
            return RejectReason.NONE.value();
        }
        if (halted)
        {
            return RejectReason.HALTED.value();
        }
        final int qtyScale = instruments.qtyScale(instrumentId);
        final long newPosition = FixedPoint.rescale(portfolio.position[instrumentId] + slot.intentQty, qtyScale, 8);
        if (newPosition > limits.maxPositionQty)
        {
            return RejectReason.MAX_POSITION.value();
        }
        final long notional = instruments.notional(instrumentId, slot.intentQty, slot.intentPrice);
        if (notional > limits.maxOrderNotional)
        {
            return RejectReason.MAX_ORDER_NOTIONAL.value();
        }
        final long cost = notional + FixedPoint.commission(notional, limits.commissionRate);
        if (cost > portfolio.cash)
        {
            return RejectReason.INSUFFICIENT_CASH.value();
        }
        return RejectReason.NONE.value();
    }

    private void onAdmin(final InboundSlot slot)
    {
        if (slot.adminAction == AdminAction.HALT.value())
        {
            halted = true;
        }
        else if (slot.adminAction == AdminAction.RESUME.value())
        {
            halted = false;
        }
        else if (slot.adminAction == AdminAction.SET_PARAM.value() && slot.paramValue >= 0)
        {
            if (slot.paramId == RiskParams.MAX_POSITION_QTY)
            {
                limits.maxPositionQty = slot.paramValue;
            }
            else if (slot.paramId == RiskParams.MAX_ORDER_NOTIONAL)
            {
                limits.maxOrderNotional = slot.paramValue;
            }
        }
    }

    boolean halted()
    {
        return halted;
    }
}
