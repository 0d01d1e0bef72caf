package io.qts.engine;

import io.qts.engine.book.Instruments;
import io.qts.engine.book.Portfolio;
import io.qts.engine.pipeline.Counters;
import io.qts.engine.pipeline.EngineCore;

/** What a run or backtest ended with. Money at 10^-8; prices and quantities at the instrument's scales. */
public final class EngineResult
{
    private final long events;
    private final long marketEvents;
    private final long orders;
    private final long fills;
    private final long rejectedOrders;
    private final long malformed;
    private final long venueRejects;
    private final long unknownOrderEvents;
    private final long lateAcceptances;
    private final long stateChanges;
    private final long ignoredParamChanges;
    private final long duplicateTradesDropped;
    private final long feedStale;
    private final long duplicateFillsDropped;
    private final long ordersInDoubt;
    private final long fillsRecovered;
    private final long ordersNeverArrived;
    private final long finalCash;
    private final long finalValue;
    private final long position;
    private final int priceScale;
    private final int qtyScale;
    private final boolean instrumentSeen;
    private final String digest;
    private final long[] ordersInFlight;
    private final long[] positions;
    private final int[] qtyScales;

    /**
     * Engine-internal. Copies the core's counts, books and digest as they stand; built by {@link EngineCore#result()}
     * on the engine thread or after it stopped.
     */
    public EngineResult(final EngineCore core)
    {
        final Counters counters = core.counters;
        final Portfolio portfolio = core.portfolio;
        final Instruments instruments = core.instruments;
        final int traded = core.signal.tradedInstrument();
        events = counters.events;
        marketEvents = counters.marketEvents;
        orders = counters.orders;
        fills = counters.fills;
        rejectedOrders = counters.rejectedOrders;
        malformed = counters.malformed;
        venueRejects = counters.venueRejects;
        unknownOrderEvents = counters.unknownOrderEvents;
        lateAcceptances = counters.lateAcceptances;
        ignoredParamChanges = counters.ignoredParamChanges;
        duplicateTradesDropped = counters.duplicateTradesDropped;
        feedStale = counters.feedStale;
        duplicateFillsDropped = counters.duplicateFillsDropped;
        ordersInDoubt = counters.ordersInDoubt;
        fillsRecovered = counters.fillsRecovered;
        ordersNeverArrived = counters.ordersNeverArrived;
        finalCash = portfolio.cash;
        finalValue = portfolio.equity(instruments);
        stateChanges = counters.stateChanges;
        instrumentSeen = traded >= 0;
        position = instrumentSeen ? portfolio.position[traded] : 0;
        priceScale = instrumentSeen ? instruments.priceScale(traded) : 0;
        qtyScale = instrumentSeen ? instruments.qtyScale(traded) : 0;
        digest = core.output.digestHex();
        ordersInFlight = core.execution.ordersInFlight();
        final int count = core.signal.tradedCount();
        positions = new long[count];
        qtyScales = new int[count];
        for (int i = 0; i < count; i++)
        {
            final int id = core.signal.tradedInstrument(i);
            positions[i] = id >= 0 ? portfolio.position[id] : 0;
            qtyScales[i] = id >= 0 ? instruments.qtyScale(id) : 0;
        }
    }

    /** Inputs decoded, of every source. */
    public long events()
    {
        return events;
    }

    /** Of {@link #events()}, inputs from the market-data source. */
    public long marketEvents()
    {
        return marketEvents;
    }

    /** New orders sent to the venue (cancels not counted). */
    public long orders()
    {
        return orders;
    }

    /** Fills booked: executions of our orders. */
    public long fills()
    {
        return fills;
    }

    /** Orders refused by the risk checks plus orders the venue rejected. */
    public long rejectedOrders()
    {
        return rejectedOrders;
    }

    /** Inputs that could not be decoded: counted and journaled, otherwise ignored. */
    public long malformed()
    {
        return malformed;
    }

    /** Orders the venue rejected (included in {@link #rejectedOrders()}). */
    public long venueRejects()
    {
        return venueRejects;
    }

    /** Venue answers about orders that were not ours or no longer in flight. */
    public long unknownOrderEvents()
    {
        return unknownOrderEvents;
    }

    /** Venue acceptances that arrived after the order had already ended: the channels raced; harmless. */
    public long lateAcceptances()
    {
        return lateAcceptances;
    }

    /** Halts, resumes, kills and circuit-breaker moves (EngineStateChanged records in the output). */
    public long stateChanges()
    {
        return stateChanges;
    }

    /** Admin SET_PARAM commands that changed nothing: unknown key, or a strategy parameter value out of range. */
    public long ignoredParamChanges()
    {
        return ignoredParamChanges;
    }

    /** Venue trades received twice (same trade id, e.g. after a reconnect): journaled, dropped in decode. */
    public long duplicateTradesDropped()
    {
        return duplicateTradesDropped;
    }

    /** Fills booked from the venue's order status at reconciliation (made while the engine was not listening). */
    public long fillsRecovered()
    {
        return fillsRecovered;
    }

    /** Orders the venue did not know when asked at reconciliation: ended as never arrived. */
    public long ordersNeverArrived()
    {
        return ordersNeverArrived;
    }

    /** Times the market-data feed was reported stale. */
    public long feedStale()
    {
        return feedStale;
    }

    /** Cash at the end in money units (10^-8 of the quote currency). */
    public long finalCash()
    {
        return finalCash;
    }

    /** Cash plus open positions marked at their last price. */
    public long finalValue()
    {
        return finalValue;
    }

    /**
     * The traded instrument's position at the end, at its quantity scale ({@link #qtyScale()}); 0 if it was never
     * defined.
     */
    public long position()
    {
        return position;
    }

    /**
     * The position in the {@code index}-th traded symbol (in {@link EngineContext#symbols()}' order) at its quantity
     * scale ({@link #qtyScale(int)}); 0 if that symbol was never defined.
     */
    public long position(final int index)
    {
        return positions[index];
    }

    /** The quantity scale of the {@code index}-th traded symbol; 0 if it was never defined. */
    public int qtyScale(final int index)
    {
        return qtyScales[index];
    }

    /** The traded instrument's price scale (decimal digits); 0 if it was never defined. */
    public int priceScale()
    {
        return priceScale;
    }

    /** The traded instrument's quantity scale (decimal digits); 0 if it was never defined. */
    public int qtyScale()
    {
        return qtyScale;
    }

    /** False if the input never defined the traded symbol: nothing could have been traded. */
    public boolean instrumentSeen()
    {
        return instrumentSeen;
    }

    /** SHA-256 hex over the output stream: orders, fills and rejects, in order. */
    public String digest()
    {
        return digest;
    }

    /**
     * Client order ids of our orders still in flight when the engine stopped (sent, and not yet ended by a fill,
     * done, cancel or reject), ascending: what a live session leaves in doubt for its next start.
     */
    public long[] ordersInFlight()
    {
        return ordersInFlight.clone();
    }

    /** Our own fills the venue reported again (after a reconnect, or over REST and the private stream): booked once. */
    public long duplicateFillsDropped()
    {
        return duplicateFillsDropped;
    }

    /** Orders the gateway could not confirm (no answer after every try), kept in flight as in doubt. */
    public long ordersInDoubt()
    {
        return ordersInDoubt;
    }
}
