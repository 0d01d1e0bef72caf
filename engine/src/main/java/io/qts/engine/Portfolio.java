package io.qts.engine;

/** Cash, positions, last prices and the position state machine, owned by the engine thread. */
final class Portfolio
{
    static final int FLAT = 0;
    /** A buy is in flight: no second entry until it is answered. */
    static final int ENTERING = 1;
    static final int LONG = 2;
    /** A sell is in flight: no second exit until it is answered. */
    static final int EXITING = 3;

    long cash;
    final long[] position = new long[Instruments.MAX_INSTRUMENTS];
    final long[] lastPrice = new long[Instruments.MAX_INSTRUMENTS];
    final int[] state = new int[Instruments.MAX_INSTRUMENTS];

    Portfolio(final long initialCash)
    {
        this.cash = initialCash;
    }

    /** Cash plus positions marked at their last price, money at 10^-8. */
    long equity(final Instruments instruments)
    {
        long equity = cash;
        for (int i = 0; i < instruments.definedCount(); i++)
        {
            final int id = instruments.definedId(i);
            if (position[id] != 0)
            {
                equity += instruments.notional(id, position[id], lastPrice[id]);
            }
        }
        return equity;
    }

    /** Instruments with a position or an order in flight. */
    int openPositions(final Instruments instruments)
    {
        int open = 0;
        for (int i = 0; i < instruments.definedCount(); i++)
        {
            if (state[instruments.definedId(i)] != FLAT)
            {
                open++;
            }
        }
        return open;
    }

    /** After an order ends without (more) fills: back to what the position says. */
    void settle(final int instrumentId)
    {
        state[instrumentId] = position[instrumentId] > 0 ? LONG : FLAT;
    }
}
