package io.qts.bench;

import io.qts.engine.OrderConsumer;
import io.qts.engine.OrderFeed;
import io.qts.engine.OrderSender;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The outbound path of the single-threaded recording run: orders wait here until the simulated
 * exchange hands them to the venue before the next input, as in a backtest.
 */
final class PendingOrders implements OrderSender, OrderFeed
{
    private static final int CAPACITY = 64;
    private static final int MAX_LENGTH = 128;

    private final UnsafeBuffer[] commands = new UnsafeBuffer[CAPACITY];
    private final int[] lengths = new int[CAPACITY];
    private int count;

    PendingOrders()
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

    /** Single-threaded: between two inputs the engine is always idle. */
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
