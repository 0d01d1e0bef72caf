package io.qts.engine.pipeline;

/** The gateway side of the outbound path: hands over the order commands sent so far. */
public interface OrderFeed
{
    /**
     * Waits until the engine has finished every input given to it so far, then passes each order
     * command it sent, in order, to {@code consumer}.
     */
    void drainAfterIdle(OrderConsumer consumer);
}
