package io.qts.engine.pipeline;

import io.qts.engine.book.OrderIntent;
import io.qts.engine.EngineContext;
import io.qts.engine.FixedPoint;
import io.qts.engine.book.ClientOrderIds;
import io.qts.engine.book.Instruments;
import io.qts.engine.book.Portfolio;
import io.qts.engine.book.Sides;
import io.qts.engine.risk.AtrStop;
import io.qts.engine.risk.AverageTrueRange;
import io.qts.engine.risk.CircuitBreaker;
import io.qts.engine.risk.EntrySizing;
import io.qts.engine.risk.HaltSchedule;
import io.qts.engine.risk.LossLimits;
import io.qts.engine.risk.OrderRateLimit;
import io.qts.engine.risk.PriceBand;
import io.qts.engine.risk.RiskLimits;
import io.qts.engine.risk.RiskParams;
import io.qts.journal.sbe.AdminAction;
import io.qts.journal.sbe.EngineState;
import io.qts.journal.sbe.RejectReason;
import io.qts.journal.sbe.StateChangeReason;

/**
 * Checks each order the signal stage wants before it can be sent, sizes entries, and adds the orders
 * that protect the book: ATR stop exits and the kill switch's flattening. A refused order is recorded
 * with its reason and goes no further.
 * <p>
 * No order at all goes out inside a halt window or while the circuit breaker is open (half open: one
 * probe). Exits (sells) pass every other check, so a position can always be closed; the position state
 * (EXITING) keeps a second exit from going out while one is in flight. Halting (admin, kill, daily loss,
 * drawdown) stops new entries; entries also pass sizing, position, open-position, notional, price-band,
 * order-rate, volatility and cash checks, in that order. A limit order's price is checked first against the
 * instrument's price grid (OFF_TICK), and its notional and band are those of its limit price; a replace is checked
 * as the new order it sends. A cancel is never refused. At a halt or kill, resting limit orders are cancelled, one
 * per event, unless {@code risk.restingOrders} is keep (an orderly stop's HALT says which, from
 * {@code run.restingOrdersAtStop}).
 */
public final class RiskStage
{
    private final long orderIdBase;
    private final RiskLimits limits;
    private final Instruments instruments;
    private final Portfolio portfolio;
    private final OutputRecorder output;
    private final Counters counters;
    private final StateChanges changes;
    private final EntrySizing sizing;
    private final PriceBand priceBand = new PriceBand();
    private final OrderRateLimit orderRate;
    private final AverageTrueRange atr;
    private final AtrStop stop;
    private final LossLimits lossLimits = new LossLimits();
    private final CircuitBreaker breaker;
    private final HaltSchedule haltSchedule;
    private boolean halted;
    /** Set by the kill switch: sell every position, one per event, until RESUME. */
    private boolean flattening;
    /** Set by a halt or kill under the cancel policy: cancel each resting limit order, one per event, until none is left. */
    private boolean cancellingResting;
    /** The live market-data feed said it is stale: no new positions until it says it is fresh. */
    private boolean feedStale;
    /** Entries wait while the private order stream is down: a fill it carried would be missed. */
    private boolean orderStreamDown;

    /**
     * Engine-internal. A risk stage with the context's limits, sizing, stop, breaker and halt windows; it records
     * refusals and state changes in {@code output}.
     */
    public RiskStage(
        final EngineContext context, final Instruments instruments, final Portfolio portfolio, final OutputRecorder output,
        final Counters counters)
    {
        this.orderIdBase = context.orderIdBase();
        this.limits = new RiskLimits(context);
        this.instruments = instruments;
        this.portfolio = portfolio;
        this.output = output;
        this.counters = counters;
        this.changes = new StateChanges(output, counters);
        this.sizing = new EntrySizing(context.sizing(), context.sizingValue());
        this.orderRate = new OrderRateLimit(context.maxOrdersPerSecond());
        this.atr = new AverageTrueRange(context.atrBars());
        this.stop = new AtrStop(context.stop());
        this.breaker = new CircuitBreaker(context.breakerFailures(), context.breakerWindowMs() * 1_000_000L,
            context.breakerCoolDownMs() * 1_000_000L,
            context.orderTimeoutMs() == EngineContext.UNLIMITED ? EngineContext.UNLIMITED : context.orderTimeoutMs() * 1_000_000L,
            changes);
        this.haltSchedule = context.haltSchedule();
    }

    /**
     * Engine-internal. Applies the risk controls to one input: updates the loss limits, ATR, stop and breaker from it,
     * handles admin halts, kills and parameter changes, and refuses (clears) an order intent that breaks a limit,
     * recording the reject. May turn the input into an exit order (stop, kill).
     */
    public void onEvent(final InboundSlot slot)
    {
        final long timeNs = slot.timeNs;
        // A flatten or a stop may turn this event into an order for another instrument; the market price stays its own.
        final int eventInstrumentId = slot.instrumentId;
        switch (slot.type)
        {
            case EventType.ADMIN:
                onAdmin(slot);
                break;
            case EventType.BAR:
                onMarket(slot, slot.lowPrice, slot.highPrice);
                break;
            case EventType.TRADE:
                onMarket(slot, slot.price, slot.price);
                break;
            case EventType.ORDER_ACCEPTED:
                breaker.onSuccess(slot.clientOrderId, timeNs);
                break;
            case EventType.ORDER_FILLED:
                breaker.onSuccess(slot.clientOrderId, timeNs);
                if (slot.side == Sides.BUY && Instruments.validId(slot.instrumentId) &&
                    portfolio.state[slot.instrumentId] == Portfolio.ENTERING)
                {
                    stop.onEntryFill(slot.instrumentId, slot.price, slot.qty);
                }
                break;
            case EventType.ORDER_STATUS:
                // The venue's answer for one of our orders: booked by execution beyond its tally, a fill like a stream's.
                if (slot.venueOrderState == DecodedInput.VENUE_ORDER_NOT_FOUND)
                {
                    breaker.onReject(slot.clientOrderId, timeNs);
                    break;
                }
                breaker.onSuccess(slot.clientOrderId, timeNs);
                if (slot.statusFillQty > 0 && slot.side == Sides.BUY && Instruments.validId(slot.instrumentId) &&
                    portfolio.state[slot.instrumentId] == Portfolio.ENTERING)
                {
                    stop.onEntryFill(slot.instrumentId, slot.statusFillPrice, slot.statusFillQty);
                }
                break;
            case EventType.ORDER_REJECTED:
            case EventType.ORDER_IN_DOUBT:
                // In doubt is no answer: a failure for the breaker, like a time-out, though the order stays in flight.
                breaker.onReject(slot.clientOrderId, timeNs);
                break;
            case EventType.ORDER_CANCELLED:
            case EventType.ORDER_DONE:
                breaker.onCancel(slot.clientOrderId, timeNs);
                break;
            case EventType.VENUE_BLOCKED:
                breaker.trip(timeNs, slot.blockedUntilNs);
                break;
            case EventType.FEED_STATE:
                feedStale = slot.feedStale;
                break;
            case EventType.ORDER_STREAM_STATE:
                orderStreamDown = slot.orderStreamDown;
                break;
            default:
                break;
        }
        breaker.onTime(timeNs);
        if ((flattening || cancellingResting) && (slot.type == EventType.ADMIN || slot.type == EventType.TIMER || isMarket(slot.type)))
        {
            // Resting orders go first: a resting sell holds the position the kill's flatten would sell.
            if (!(cancellingResting && cancelOneResting(slot)) && flattening)
            {
                flattenOne(slot);
            }
        }
        if (slot.intentSide != Sides.NONE)
        {
            final int reason = check(slot);
            if (reason != RejectReason.NONE.value())
            {
                output.riskReject(
                    slot.timeNs, ClientOrderIds.withSequence(orderIdBase, slot.sequence), slot.instrumentId, reason,
                    slot.intentSide, slot.intentPrice, slot.intentQty);
                counters.rejectedOrders++;
                counters.countReject(reason);
                slot.intentSide = Sides.NONE;
            }
        }
        if (slot.type == EventType.QUOTE && Instruments.validId(eventInstrumentId) && slot.bidPrice > 0 && slot.askPrice > 0)
        {
            priceBand.onMarketPrice(eventInstrumentId, (slot.bidPrice + slot.askPrice) / 2);
        }
        else if ((slot.type == EventType.BAR || slot.type == EventType.TRADE) && Instruments.validId(eventInstrumentId))
        {
            priceBand.onMarketPrice(eventInstrumentId, slot.price);
        }
    }

    /** After execution: the order this event decided went out. */
    void onOrderSent(final InboundSlot slot)
    {
        orderRate.onSent(slot.timeNs);
        breaker.onSent(ClientOrderIds.withSequence(orderIdBase, slot.sequence), slot.timeNs);
    }

    private static boolean isMarket(final int type)
    {
        return type == EventType.BAR || type == EventType.TRADE || type == EventType.QUOTE;
    }

    /** Stop, ATR and loss limits on a bar or trade of a known instrument; low and high are the event's range. */
    private void onMarket(final InboundSlot slot, final long low, final long high)
    {
        final int instrumentId = slot.instrumentId;
        if (!instruments.isDefined(instrumentId))
        {
            return;
        }
        final int state = portfolio.state[instrumentId];
        if (state == Portfolio.FLAT || state == Portfolio.COOLING_DOWN)
        {
            stop.onFlat(instrumentId);
        }
        final boolean stopCrossed = stop.crossed(instrumentId, low, high, atr, limits.stopAtrMultiple);
        if (slot.type == EventType.BAR)
        {
            atr.onBar(instrumentId, slot.highPrice, slot.lowPrice, slot.price);
        }
        if (stopCrossed && portfolio.state[instrumentId] == Portfolio.LONG)
        {
            exit(slot, instrumentId);
        }
        // Evaluated while halted too, so the day's starting equity and the peak stay current.
        final StateChangeReason breach = lossLimits.breach(slot.timeNs, portfolio.equity(instruments), limits);
        if (breach != null && !halted)
        {
            halt(slot.timeNs, breach);
        }
    }

    private void flattenOne(final InboundSlot slot)
    {
        for (int i = 0; i < instruments.definedCount(); i++)
        {
            final int instrumentId = instruments.definedId(i);
            if (portfolio.state[instrumentId] == Portfolio.LONG)
            {
                exit(slot, instrumentId);
                return;
            }
        }
    }

    /**
     * Replaces whatever the signal stage wanted on this event with a cancel of the first resting limit order (in the
     * order instruments were defined) whose cancel is not out yet; false, and the cancelling ends, when none is left.
     */
    private boolean cancelOneResting(final InboundSlot slot)
    {
        for (int i = 0; i < instruments.definedCount(); i++)
        {
            final int instrumentId = instruments.definedId(i);
            if (portfolio.openOrderId[instrumentId] != 0 && OrderIntent.isLimit(portfolio.openOrderType[instrumentId]) &&
                !portfolio.cancelSent[instrumentId])
            {
                slot.instrumentId = instrumentId;
                slot.intentSide = portfolio.state[instrumentId] == Portfolio.ENTERING ? Sides.BUY : Sides.SELL;
                slot.intentAction = OrderIntent.CANCEL;
                slot.intentOrderType = portfolio.openOrderType[instrumentId];
                slot.intentCancelId = portfolio.openOrderId[instrumentId];
                slot.intentQty = portfolio.openOrderQty[instrumentId];
                slot.intentPrice = portfolio.openOrderPrice[instrumentId];
                return true;
            }
        }
        cancellingResting = false;
        return false;
    }

    /** Replaces whatever the signal stage wanted on this event with a sell of the whole position. */
    private void exit(final InboundSlot slot, final int instrumentId)
    {
        slot.instrumentId = instrumentId;
        slot.intentSide = Sides.SELL;
        slot.intentQty = portfolio.position[instrumentId];
        slot.intentPrice = portfolio.lastPrice[instrumentId];
        slot.intentOrderType = OrderIntent.MARKET;
        slot.intentAction = OrderIntent.NEW;
    }

    private int check(final InboundSlot slot)
    {
        final int instrumentId = slot.instrumentId;
        if (!instruments.isDefined(instrumentId))
        {
            return RejectReason.UNKNOWN_INSTRUMENT.value();
        }
        if (slot.intentAction == OrderIntent.CANCEL)
        {
            // A cancel only takes risk away: it goes out halted, in a halt window or with the breaker open.
            return RejectReason.NONE.value();
        }
        if (OrderIntent.isLimit(slot.intentOrderType) && !instruments.onGrid(instrumentId, slot.intentPrice))
        {
            return RejectReason.OFF_TICK.value();
        }
        if (haltSchedule.halted(slot.timeNs))
        {
            return RejectReason.HALT_WINDOW.value();
        }
        if (!breaker.allowsOrder())
        {
            return RejectReason.BREAKER_OPEN.value();
        }
        if (slot.intentSide == Sides.SELL)
        {
            return RejectReason.NONE.value();
        }
        if (halted)
        {
            return RejectReason.HALTED.value();
        }
        if (feedStale)
        {
            return RejectReason.FEED_STALE.value();
        }
        if (orderStreamDown)
        {
            return RejectReason.ORDER_STREAM_DOWN.value();
        }
        final int qtyScale = instruments.qtyScale(instrumentId);
        final long equity = portfolio.equity(instruments);
        slot.intentQty = sizing.entryQty(slot.intentQty, slot.intentPrice, instruments.priceScale(instrumentId), qtyScale, equity);
        if (slot.intentQty <= 0)
        {
            return RejectReason.ZERO_SIZE.value();
        }
        final long newPosition = FixedPoint.rescale(portfolio.position[instrumentId] + slot.intentQty, qtyScale, 8);
        if (newPosition > limits.maxPositionQty)
        {
            return RejectReason.MAX_POSITION.value();
        }
        if (portfolio.state[instrumentId] == Portfolio.FLAT && portfolio.openPositions(instruments) >= limits.maxOpenPositions)
        {
            return RejectReason.MAX_OPEN_POSITIONS.value();
        }
        final long notional = instruments.notional(instrumentId, slot.intentQty, slot.intentPrice);
        if (notional > limits.maxOrderNotional)
        {
            return RejectReason.MAX_ORDER_NOTIONAL.value();
        }
        if (!priceBand.allows(instrumentId, slot.intentPrice, limits.priceBand))
        {
            return RejectReason.PRICE_BAND.value();
        }
        if (!orderRate.allows(slot.timeNs))
        {
            return RejectReason.ORDER_RATE.value();
        }
        if (limits.maxAtrFraction != EngineContext.UNLIMITED &&
            atr.aboveFraction(instrumentId, portfolio.lastPrice[instrumentId], limits.maxAtrFraction))
        {
            return RejectReason.VOLATILITY.value();
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
            if (!halted)
            {
                halt(slot.timeNs, StateChangeReason.ADMIN_HALT);
            }
            // The halt's own word on resting orders (an orderly stop's) wins over risk.restingOrders, even when already halted.
            cancellingResting = slot.paramValue == EngineContext.HALT_CANCEL_RESTING ||
                (slot.paramValue != EngineContext.HALT_KEEP_RESTING && limits.cancelRestingAtHalt);
        }
        else if (slot.adminAction == AdminAction.RESUME.value())
        {
            flattening = false;
            cancellingResting = false;
            if (halted)
            {
                halted = false;
                changes.record(slot.timeNs, EngineState.ACTIVE, StateChangeReason.ADMIN_RESUME);
            }
        }
        else if (slot.adminAction == AdminAction.KILL.value())
        {
            halted = true;
            flattening = true;
            cancellingResting = limits.cancelRestingAtHalt;
            changes.record(slot.timeNs, EngineState.HALTED, StateChangeReason.ADMIN_KILL);
        }
        else if (slot.adminAction == AdminAction.SET_PARAM.value())
        {
            RiskParams.apply(limits, slot.paramId, slot.paramValue);
        }
        else if (slot.adminAction == AdminAction.RESET_BREAKER.value())
        {
            breaker.reset(slot.timeNs);
        }
    }

    private void halt(final long timeNs, final StateChangeReason reason)
    {
        halted = true;
        cancellingResting = limits.cancelRestingAtHalt;
        changes.record(timeNs, EngineState.HALTED, reason);
    }

    /** Engine-internal. True while the market-data feed is reported stale (entries refused with FEED_STALE). */
    public boolean feedStale()
    {
        return feedStale;
    }

    /**
     * Engine-internal. True while halted (an operator halt or kill, a daily-loss or drawdown breach) until a resume: no
     * new entries. A halt window refuses new orders without setting this.
     */
    public boolean halted()
    {
        return halted;
    }

    /** True after a kill, until a resume: open positions are being sold. */
    public boolean flattening()
    {
        return flattening;
    }

    /**
     * Engine-internal. The circuit breaker's state: {@link CircuitBreaker#CLOSED}, {@link CircuitBreaker#OPEN} or
     * {@link CircuitBreaker#HALF_OPEN}.
     */
    public int breakerState()
    {
        return breaker.state();
    }

    /** Engine-internal. The daily-loss and drawdown tracker (its equity marks), for figures and tests. */
    public LossLimits lossLimits()
    {
        return lossLimits;
    }
}
