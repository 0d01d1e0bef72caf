package io.qts.adapters.ops;

import io.qts.adapters.run.LiveView;
import io.qts.engine.EngineFigures;
import org.agrona.DirectBuffer;

/** An inline engine as the ops side sees a session: its figures; no venue clients, streams counted as up. */
record WatchedEngine(EngineFigures figures) implements LiveView
{
    @Override
    public String runId()
    {
        return "ops-test";
    }

    @Override
    public int engineId()
    {
        return 1;
    }

    @Override
    public long ringRemainingCapacity()
    {
        return 0;
    }

    @Override
    public boolean engineFailed()
    {
        return false;
    }

    @Override
    public boolean marketDataConnected()
    {
        return true;
    }

    @Override
    public boolean hasPrivateStream()
    {
        return false;
    }

    @Override
    public boolean privateStreamConnected()
    {
        return false;
    }

    @Override
    public long ordersSent()
    {
        return figures.orders();
    }

    @Override
    public long reconnects()
    {
        return 0;
    }

    @Override
    public void admin(final DirectBuffer buffer, final int offset, final int length)
    {
        throw new UnsupportedOperationException("no operator commands through the view in these tests");
    }
}
