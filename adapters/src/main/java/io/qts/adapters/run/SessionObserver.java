package io.qts.adapters.run;

import io.qts.engine.EngineResult;

/** Told when a live session's engine and clients are up, and when it has ended; called on the session's thread. */
public interface SessionObserver
{
    /** An observer that does nothing. */
    SessionObserver NONE = new SessionObserver()
    {
        @Override
        public void started(final LiveView view)
        {
        }

        @Override
        public void ended(final EngineResult result)
        {
        }
    };

    /** The engine runs and the venue clients are started (maybe not connected yet). */
    void started(LiveView view);

    /** The engine has stopped with this result; the view still reads the final figures. */
    void ended(EngineResult result);
}
