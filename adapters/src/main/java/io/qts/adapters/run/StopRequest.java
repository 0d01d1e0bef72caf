package io.qts.adapters.run;

/**
 * An operator's request to stop a live session (SIGTERM or SIGINT): the first asks for an orderly stop (no new
 * entries at once, a bounded wait for the orders in flight), a second for stopping at once. Read from the session's
 * thread while a signal handler sets it.
 */
public interface StopRequest
{
    /** Never asked: a session that ends by itself (its tape played, its duration reached). */
    StopRequest NEVER = new StopRequest()
    {
        @Override
        public boolean requested()
        {
            return false;
        }

        @Override
        public boolean immediate()
        {
            return false;
        }
    };

    /** The first signal came: stop in order. */
    boolean requested();

    /** A second signal came: stop now, without waiting for answers. */
    boolean immediate();
}
