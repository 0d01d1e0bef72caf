package io.qts.adapters.ops;

/** JMX {@code io.qts:type=Venue,name=<engine id>}: the venue connections of this session. */
public interface VenueMXBean
{
    boolean isMarketDataConnected();

    boolean isPrivateStreamConnected();

    long getOrdersSent();

    long getVenueRejects();

    long getReconnects();

    long getDuplicateTradesDropped();
}
