package io.qts.engine.risk;

import io.qts.engine.EngineContext;
import io.qts.engine.book.OrderBook;
import io.qts.engine.pipeline.StateChanges;
import io.qts.journal.sbe.EngineState;
import io.qts.journal.sbe.StateChangeReason;

/**
 * Stops all orders while the venue is in trouble. N failures in a row (venue rejects, or orders with no
 * answer within the timeout), all within the window, open it: no orders at all. After the cool-down it
 * is half open: exactly one probe order may go; the probe's acceptance or fill closes it, its rejection
 * or time-out opens it again. Every move is recorded as a state change. All times are event times.
 */
public final class CircuitBreaker
{
    /** {@link #state()}: orders flow. */
    public static final int CLOSED = 0;
    /** {@link #state()}: no orders until the cool-down has elapsed. */
    public static final int OPEN = 1;
    /** {@link #state()}: one probe order may go. */
    public static final int HALF_OPEN = 2;

    private final int failuresToOpen;
    private final long windowNs;
    private final long coolDownNs;
    private final long timeoutNs;
    private final StateChanges changes;
    /** Orders sent and not answered yet, for time-outs; a fixed array, scanned only while it is not empty. */
    private final long[] awaitingId = new long[OrderBook.CAPACITY];
    private final long[] awaitingSentNs = new long[OrderBook.CAPACITY];
    private int awaitingCount;
    private int state = CLOSED;
    private int failures;
    private long firstFailureNs;
    private long openedNs;
    private boolean probeSent;
    private long probeId;

    /**
     * @param failuresToOpen 0 to open only when the venue blocks us (418), never on counted failures.
     * @param timeoutNs      {@link EngineContext#UNLIMITED} for no time-outs.
     */
    public CircuitBreaker(
        final int failuresToOpen, final long windowNs, final long coolDownNs, final long timeoutNs, final StateChanges changes)
    {
        this.failuresToOpen = failuresToOpen;
        this.windowNs = windowNs;
        this.coolDownNs = coolDownNs;
        this.timeoutNs = timeoutNs;
        this.changes = changes;
    }

    /** Whether an order may go now: closed, or half open with no probe sent yet. */
    public boolean allowsOrder()
    {
        return state == CLOSED || (state == HALF_OPEN && !probeSent);
    }

    /** {@link #CLOSED}, {@link #OPEN} or {@link #HALF_OPEN}. */
    public int state()
    {
        return state;
    }

    /** An order went out at event time timeNs (ns since the epoch): awaited for the time-out; in half open, it is the probe. */
    public void onSent(final long clientOrderId, final long timeNs)
    {
        if (state == HALF_OPEN)
        {
            probeSent = true;
            probeId = clientOrderId;
        }
        if (awaitingCount < awaitingId.length)
        {
            awaitingId[awaitingCount] = clientOrderId;
            awaitingSentNs[awaitingCount] = timeNs;
            awaitingCount++;
        }
    }

    /** Accepted or filled: an answer, and a success. */
    public void onSuccess(final long clientOrderId, final long timeNs)
    {
        if (!answered(clientOrderId))
        {
            return;
        }
        if (state == HALF_OPEN && probeSent && clientOrderId == probeId)
        {
            close(timeNs);
        }
        else if (state == CLOSED)
        {
            failures = 0;
        }
    }

    /** Rejected by the venue: an answer, and a failure. */
    public void onReject(final long clientOrderId, final long timeNs)
    {
        if (answered(clientOrderId))
        {
            onFailure(clientOrderId, timeNs);
        }
    }

    /** Cancelled: an answer, neither success nor failure; but a cancelled probe proved nothing, so the breaker opens again. */
    public void onCancel(final long clientOrderId, final long timeNs)
    {
        if (answered(clientOrderId) && state == HALF_OPEN && probeSent && clientOrderId == probeId)
        {
            open(timeNs, StateChangeReason.PROBE_FAILED);
        }
    }

    /** Each event: orders past their time-out fail, and an open breaker half-opens after its cool-down. */
    public void onTime(final long timeNs)
    {
        for (int i = 0; i < awaitingCount; i++)
        {
            if (timeoutNs != EngineContext.UNLIMITED && timeNs - awaitingSentNs[i] > timeoutNs)
            {
                final long clientOrderId = awaitingId[i];
                removeAt(i--);
                onFailure(clientOrderId, timeNs);
            }
        }
        if (state == OPEN && timeNs - openedNs >= coolDownNs)
        {
            state = HALF_OPEN;
            probeSent = false;
            changes.record(timeNs, EngineState.BREAKER_HALF_OPEN, StateChangeReason.COOL_DOWN_ELAPSED);
        }
    }

    /**
     * The venue blocked us until {@code untilNs}: open now (or stay open), and half-open no earlier than both the
     * cool-down and the end of the block. The venue said so itself, so this holds even when counting failures is off.
     */
    public void trip(final long timeNs, final long untilNs)
    {
        if (state != OPEN)
        {
            open(timeNs, StateChangeReason.VENUE_FAILURES);
        }
        openedNs = Math.max(openedNs, Math.max(timeNs, untilNs - coolDownNs));
    }

    private void onFailure(final long clientOrderId, final long timeNs)
    {
        if (state == HALF_OPEN && probeSent && clientOrderId == probeId)
        {
            open(timeNs, StateChangeReason.PROBE_FAILED);
        }
        else if (state == CLOSED && failuresToOpen > 0)
        {
            if (failures == 0 || timeNs - firstFailureNs > windowNs)
            {
                failures = 0;
                firstFailureNs = timeNs;
            }
            if (++failures >= failuresToOpen)
            {
                open(timeNs, StateChangeReason.VENUE_FAILURES);
            }
        }
    }

    private void open(final long timeNs, final StateChangeReason reason)
    {
        state = OPEN;
        openedNs = timeNs;
        failures = 0;
        changes.record(timeNs, EngineState.BREAKER_OPEN, reason);
    }

    private void close(final long timeNs)
    {
        close(timeNs, StateChangeReason.PROBE_SUCCEEDED);
    }

    private void close(final long timeNs, final StateChangeReason reason)
    {
        state = CLOSED;
        failures = 0;
        probeSent = false;
        changes.record(timeNs, EngineState.BREAKER_CLOSED, reason);
    }

    /** An operator's reset: an open or half-open breaker closes at once; a closed one stays as it is (nothing recorded). */
    public void reset(final long timeNs)
    {
        if (state != CLOSED)
        {
            close(timeNs, StateChangeReason.ADMIN_RESET_BREAKER);
        }
    }

    /** Removes the order from those awaiting an answer; false if it was not one of them. */
    private boolean answered(final long clientOrderId)
    {
        for (int i = 0; i < awaitingCount; i++)
        {
            if (awaitingId[i] == clientOrderId)
            {
                removeAt(i);
                return true;
            }
        }
        return false;
    }

    private void removeAt(final int i)
    {
        awaitingCount--;
        awaitingId[i] = awaitingId[awaitingCount];
        awaitingSentNs[i] = awaitingSentNs[awaitingCount];
    }
}
