package io.qts.engine;

/**
 * What the engine has done, counted on the engine thread. Plain fields: one writer; other threads
 * read them only after the pipeline has stopped (or accept a slightly stale value for progress).
 */
public final class Counters
{
    long events;
    long marketEvents;
    long venueEvents;
    long orders;
    long fills;
    long rejectedOrders;
    long venueRejects;
    long malformed;
    long unknownOrderEvents;
    long adminCommands;

    public long events()
    {
        return events;
    }

    public long marketEvents()
    {
        return marketEvents;
    }

    public long venueEvents()
    {
        return venueEvents;
    }

    public long orders()
    {
        return orders;
    }

    public long fills()
    {
        return fills;
    }

    /** Orders our risk checks refused, plus orders the venue rejected. */
    public long rejectedOrders()
    {
        return rejectedOrders;
    }

    public long venueRejects()
    {
        return venueRejects;
    }

    public long malformed()
    {
        return malformed;
    }

    public long unknownOrderEvents()
    {
        return unknownOrderEvents;
    }

    public long adminCommands()
    {
        return adminCommands;
    }
}
