package io.qts.adapters.ops;

import io.qts.journal.sbe.StateChangeReason;

/**
 * An operator's words for why the engine halted or its circuit breaker moved, from the StateChangeReason the engine
 * records in EngineStateChanged (so /ready, alerts and metrics name the same cause the journal holds).
 */
final class HaltReasons
{
    /** The reasons that halt trading, in the order metrics list them. */
    static final StateChangeReason[] HALTING = {
        StateChangeReason.ADMIN_HALT, StateChangeReason.ADMIN_KILL, StateChangeReason.DAILY_LOSS, StateChangeReason.DRAWDOWN};

    private HaltReasons()
    {
    }

    /** Why a halt or breaker move happened, e.g. "the daily loss limit (DAILY_LOSS)"; "an unknown reason" for null. */
    static String describe(final StateChangeReason reason)
    {
        if (reason == null)
        {
            return "an unknown reason";
        }
        final String words;
        switch (reason)
        {
            case ADMIN_HALT:
                words = "an operator halt";
                break;
            case ADMIN_KILL:
                words = "the kill switch, open positions being sold";
                break;
            case DAILY_LOSS:
                words = "the daily loss limit";
                break;
            case DRAWDOWN:
                words = "the max drawdown limit";
                break;
            case VENUE_FAILURES:
                words = "venue rejects or time-outs in a row, or the venue blocking us";
                break;
            case PROBE_FAILED:
                words = "the half-open probe order failing";
                break;
            case ADMIN_RESUME:
                words = "an operator resume";
                break;
            case ADMIN_RESET_BREAKER:
                words = "an operator breaker reset";
                break;
            case COOL_DOWN_ELAPSED:
                words = "the cool-down elapsing";
                break;
            case PROBE_SUCCEEDED:
                words = "the probe order succeeding";
                break;
            default:
                words = "reason " + reason.value();
                break;
        }
        return words + " (" + reason.name() + ")";
    }
}
