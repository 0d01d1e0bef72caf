package io.qts.adapters.run;

import io.qts.engine.EngineFigures;
import org.agrona.DirectBuffer;

/**
 * A running live session as the operations side sees it (metrics, readiness, JMX), from threads other than the
 * engine's. Every getter reads current state without locking the engine.
 */
public interface LiveView
{
    /** The session's run id (its journal directory's name). */
    String runId();

    /** The engine's id ({@code engine.id}), 1 to ClientOrderIds.MAX_ENGINE_ID. */
    int engineId();

    /** What the engine counts and holds, read live from its own fields (see {@link EngineFigures}). */
    EngineFigures figures();

    /** Free inbound ring slots. */
    long ringRemainingCapacity();

    /** True once the engine stopped on an error (a journal it cannot write, a failing stage). */
    boolean engineFailed();

    /** Whether the market-data connection is open now; false once the session has closed. */
    boolean marketDataConnected();

    /** False for a paper session, which has no private stream. */
    boolean hasPrivateStream();

    /** Whether the private order stream's connection is open now; false without one (paper) or once closed. */
    boolean privateStreamConnected();

    /** Orders the gateway sent to the venue (a paper session: orders the engine decided). */
    long ordersSent();

    /** Reconnects of the market-data and private streams in this session. */
    long reconnects();

    /**
     * Puts an operator command (an SBE AdminCommand, source ADMIN) into the inputs, stamped with the receive time and
     * journaled like any input, so a replay applies it at the same point.
     *
     * @throws IllegalStateException once the session is ending: the command is not taken.
     */
    void admin(DirectBuffer buffer, int offset, int length);
}
