package io.qts.engine.pipeline;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The outbound path of a single-threaded driver (a backtest, a recording): a small FIFO the venue
 * drains between inputs.
 */
public final class QueuedOrders implements OrderSender, OrderFeed
{
    private static final int CAPACITY = 64;
    private static final int MAX_LENGTH = 128;

    private final UnsafeBuffer[] commands = new UnsafeBuffer[CAPACITY];
    private final int[] lengths = new int[CAPACITY];
    private int count;

    /** An empty queue with room for 64 commands of up to 128 bytes each; {@link #send} refuses more. */
    public QueuedOrders()
    {
        for (int i = 0; i < CAPACITY; i++)
        {
            commands[i] = new UnsafeBuffer(new byte[MAX_LENGTH]);
        }
    }

    @Override
    public boolean send(final DirectBuffer buffer, final int offset, final int length)
    {
        if (count == CAPACITY || length > MAX_LENGTH)
        {
            return false;
        }
        commands[count].putBytes(0, buffer, offset, length);
        lengths[count] = length;
        count++;
        return true;
    }

    /** A backtest is idle whenever it is between inputs, so there is nothing to wait for. */
    @Override
    public void drainAfterIdle(final OrderConsumer consumer)
    {
        for (int i = 0; i < count; i++)
        {
            consumer.onOrder(commands[i], 0, lengths[i]);
        }
        count = 0;
    }
}
