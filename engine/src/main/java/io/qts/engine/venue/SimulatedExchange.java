package io.qts.engine.venue;

import io.qts.engine.InputSink;
import io.qts.engine.pipeline.OrderConsumer;
import io.qts.engine.pipeline.OrderFeed;
import io.qts.journal.EntryHeader;
import io.qts.journal.Sources;
import org.agrona.DirectBuffer;

/**
 * Plays a recorded feed against the {@link SimulatedVenue} in a fixed order, the same live and in a
 * backtest: before each input goes to the engine, the orders the engine decided on the previous
 * inputs reach the venue (it answers "accepted"), then a market input first fills pending orders at
 * its price and only then is given to the engine. So an order decided on bar t fills at bar t+1's
 * open, and the engine knows of the fill before it sees bar t+1.
 */
public final class SimulatedExchange implements InputSink
{
    private final SimulatedVenue venue;
    private final OrderFeed orders;
    private final InputSink engine;
    private final OrderConsumer toVenue;

    /**
     * Plays inputs into {@code engine} against {@code venue}, delivering to the venue the orders {@code orders} yields
     * before each input.
     */
    public SimulatedExchange(final SimulatedVenue venue, final OrderFeed orders, final InputSink engine)
    {
        this.venue = venue;
        this.orders = orders;
        this.engine = engine;
        this.toVenue = (buffer, offset, length) -> venue.onOrder(buffer, offset, length, engine);
    }

    @Override
    public void accept(
        final long timeNs, final int sourceId, final int format, final DirectBuffer buffer, final int offset, final int length)
    {
        orders.drainAfterIdle(toVenue);
        if (format == EntryHeader.FORMAT_SBE)
        {
            if (sourceId == Sources.REFERENCE)
            {
                venue.onReference(buffer, offset, length);
            }
            else if (sourceId == Sources.MARKET_DATA)
            {
                venue.onMarket(timeNs, buffer, offset, length, engine);
            }
        }
        engine.accept(timeNs, sourceId, format, buffer, offset, length);
    }

    /** Delivers the orders decided on the last input: they are accepted but never fill. */
    public void finish()
    {
        orders.drainAfterIdle(toVenue);
    }
}
