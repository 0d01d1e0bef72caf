package io.qts.engine.pipeline;

import io.qts.engine.EngineResult;

/**
 * What the engine has done, counted on the engine thread. Plain fields: one writer per field; other
 * threads read them through {@link EngineResult}, after the pipeline has stopped.
 */
public final class Counters
{
    /** Room for every RejectReason value (the largest is 102); a value beyond it is counted at index 0, "other". */
    public static final int REJECT_REASONS = 128;

    /** Inputs decoded, of every source. */
    public long events;
    /** Of those, inputs from the market-data source. */
    public long marketEvents;
    /** Of those, inputs from the venue source (order events). */
    public long venueEvents;
    /** Order commands sent. */
    public long orders;
    /** Fills booked (our orders' executions). */
    public long fills;
    /** Orders our risk checks refused, plus orders the venue rejected. */
    public long rejectedOrders;
    /** Orders the venue rejected. */
    public long venueRejects;
    /** Inputs that could not be decoded (journaled, then skipped). */
    public long malformed;
    /** Venue answers about orders that are not ours or no longer in flight. */
    public long unknownOrderEvents;
    /** Acceptances of orders that had already ended (filled or done): late, not unknown. */
    public long lateAcceptances;
    /** EngineStateChanged records: halts, resumes, kills and circuit-breaker moves. */
    public long stateChanges;
    /** Admin SET_PARAM commands that named no known parameter or gave a strategy parameter a value out of range. */
    public long ignoredParamChanges;
    /** Venue trades received again after a reconnect (same trade id): journaled, dropped in decode. */
    public long duplicateTradesDropped;
    /** Times the market-data feed went stale. */
    public long feedStale;
    /** Our fills the venue reported again (same venue trade id, or a cumulative quantity already booked): dropped. */
    public long duplicateFillsDropped;
    /** Orders the gateway could not confirm and left in doubt (kept in flight until the venue answers for them). */
    public long ordersInDoubt;
    /** Fills booked from a venue's order status at reconciliation: made while the engine was not listening. */
    public long fillsRecovered;
    /** Orders the venue, asked at reconciliation, did not know: they never arrived, and ended so. */
    public long ordersNeverArrived;
    /** Refused orders (risk and venue) by RejectReason value; index 0 holds values outside the array. */
    public final long[] rejectsByReason = new long[REJECT_REASONS];
    /** Times the circuit breaker opened (venue failures, a failed probe, the venue blocking us). */
    public long breakerTrips;
    /** Inputs written to the journal, and their bytes as received (entry headers not counted). */
    public long journalEntries;
    /** Engine-internal. Of those inputs, their bytes as received (entry headers not counted). */
    public long journalBytes;
    /** The last EngineStateChanged's reason, as its StateChangeReason value; 0 before the first. */
    public int lastStateChangeReason;
    /** The reason of the halt in force (a StateChangeReason value), 0 while not halted. */
    public int haltReason;

    void countReject(final int reason)
    {
        rejectsByReason[reason > 0 && reason < REJECT_REASONS ? reason : 0]++;
    }
}
