package io.qts.engine;

/**
 * What the engine has done, counted on the engine thread. Plain fields: one writer per field; other
 * threads read them through {@link EngineResult}, after the pipeline has stopped.
 */
final class Counters
{
    /** Room for every RejectReason value (the largest is 102); a value beyond it is counted at index 0, "other". */
    static final int REJECT_REASONS = 128;

    long events;
    long marketEvents;
    long venueEvents;
    long orders;
    long fills;
    /** Orders our risk checks refused, plus orders the venue rejected. */
    long rejectedOrders;
    long venueRejects;
    long malformed;
    /** Venue answers about orders that are not ours or no longer in flight. */
    long unknownOrderEvents;
    /** Acceptances of orders that had already ended (filled or done): late, not unknown. */
    long lateAcceptances;
    /** EngineStateChanged records: halts, resumes, kills and circuit-breaker moves. */
    long stateChanges;
    /** Admin SET_PARAM commands that named no known parameter or gave a strategy parameter a value out of range. */
    long ignoredParamChanges;
    /** Venue trades received again after a reconnect (same trade id): journaled, dropped in decode. */
    long duplicateTradesDropped;
    /** Times the market-data feed went stale. */
    long feedStale;
    /** Our fills the venue reported again (same venue trade id, or a cumulative quantity already booked): dropped. */
    long duplicateFillsDropped;
    /** Orders the gateway could not confirm and left in doubt (kept in flight until the venue answers for them). */
    long ordersInDoubt;
    /** Fills booked from a venue's order status at reconciliation: made while the engine was not listening. */
    long fillsRecovered;
    /** Orders the venue, asked at reconciliation, did not know: they never arrived, and ended so. */
    long ordersNeverArrived;
    /** Refused orders (risk and venue) by RejectReason value; index 0 holds values outside the array. */
    final long[] rejectsByReason = new long[REJECT_REASONS];
    /** Times the circuit breaker opened (venue failures, a failed probe, the venue blocking us). */
    long breakerTrips;
    /** Inputs written to the journal, and their bytes as received (entry headers not counted). */
    long journalEntries;
    long journalBytes;
    /** The last EngineStateChanged's reason, as its StateChangeReason value; 0 before the first. */
    int lastStateChangeReason;
    /** The reason of the halt in force (a StateChangeReason value), 0 while not halted. */
    int haltReason;

    void countReject(final int reason)
    {
        rejectsByReason[reason > 0 && reason < REJECT_REASONS ? reason : 0]++;
    }
}
