package io.qts.bench;

import io.qts.engine.pipeline.OrderConsumer;
import io.qts.engine.pipeline.OrderSender;
import org.agrona.DirectBuffer;

/** A gateway that only counts the order commands it takes: on the outbound ring's poll, or as the inline engine's sender. */
final class OrderCount implements OrderConsumer, OrderSender
{
    private long orders;

    @Override
    public void onOrder(final DirectBuffer buffer, final int offset, final int length)
    {
        orders++;
    }

    @Override
    public boolean send(final DirectBuffer buffer, final int offset, final int length)
    {
        orders++;
        return true;
    }

    long orders()
    {
        return orders;
    }
}
