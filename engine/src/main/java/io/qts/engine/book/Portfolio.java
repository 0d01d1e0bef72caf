package io.qts.engine.book;

import io.qts.engine.FixedPoint;

/**
 * Cash, positions, last prices and the position state machine, owned by the engine thread. Per
 * instrument: FLAT -&gt; ENTERING (buy sent) -&gt; LONG (filled) -&gt; EXITING (sell sent) -&gt; COOLING_DOWN
 * (position closed, while cooldownNs &gt; 0) -&gt; FLAT. A rejected or cancelled order goes back to what
 * the position says. Only FLAT may enter, only LONG may exit.
 */
public final class Portfolio
{
    /** Engine-internal. Position state: no position and no order in flight; the only state that may enter. */
    public static final int FLAT = 0;
    /** A buy is in flight: no second entry until it is answered. */
    public static final int ENTERING = 1;
    /** Engine-internal. Position state: a position is held and no order is in flight; the only state that may exit. */
    public static final int LONG = 2;
    /** A sell is in flight: no second exit until it is answered. */
    public static final int EXITING = 3;
    /** The position was closed less than {@link #cooldownNs} of event time ago: no entry yet. */
    public static final int COOLING_DOWN = 4;

    /** Engine-internal. Cash, money at 10^-8 of the quote currency. */
    public long cash;
    /** Engine-internal. Position per instrument id, at the instrument's quantity scale. */
    public final long[] position = new long[Instruments.MAX_INSTRUMENTS];
    /**
     * Engine-internal. Last market price per instrument id (trade price, bar close), at the instrument's price scale; 0
     * before any.
     */
    public final long[] lastPrice = new long[Instruments.MAX_INSTRUMENTS];
    /**
     * Engine-internal. Position state per instrument id: {@link #FLAT}, {@link #ENTERING}, {@link #LONG},
     * {@link #EXITING} or {@link #COOLING_DOWN}.
     */
    public final int[] state = new int[Instruments.MAX_INSTRUMENTS];
    final long[] cooldownEndNs = new long[Instruments.MAX_INSTRUMENTS];
    /**
     * The instrument's current order (the one order in flight the strategy sees), 0 when none. A replace makes its
     * successor current while the replaced one waits for its cancel; only the current order's end settles the state.
     */
    public final long[] openOrderId = new long[Instruments.MAX_INSTRUMENTS];
    /** The current order's type (an SBE OrderType value), side, limit price and quantity. */
    public final int[] openOrderType = new int[Instruments.MAX_INSTRUMENTS];
    /**
     * Engine-internal. The current order's price at the instrument's price scale: its limit, or for a market order the
     * market price it was decided at.
     */
    public final long[] openOrderPrice = new long[Instruments.MAX_INSTRUMENTS];
    /** Engine-internal. The current order's quantity at the instrument's quantity scale. */
    public final long[] openOrderQty = new long[Instruments.MAX_INSTRUMENTS];
    /** A cancel or replace of the current order went out: no second one until the order ends. */
    public final boolean[] cancelSent = new boolean[Instruments.MAX_INSTRUMENTS];
    /** Set from the strategy's cooldownSeconds; 0 goes from exiting straight to flat. */
    public long cooldownNs;
    /** Realised PnL and cost of the open positions, kept beside cash from the same fills. */
    public final PnlBook pnl = new PnlBook();

    /** Engine-internal. A portfolio with this cash (money at 10^-8), no positions, every instrument {@link #FLAT}. */
    public Portfolio(final long initialCash)
    {
        this.cash = initialCash;
    }

    /**
     * Cash plus positions marked at their last price, money at 10^-8.
     *
     * @throws ArithmeticException if the sum does not fit a long (never wraps).
     */
    public long equity(final Instruments instruments)
    {
        long equity = cash;
        for (int i = 0; i < instruments.definedCount(); i++)
        {
            final int id = instruments.definedId(i);
            if (position[id] != 0)
            {
                equity = FixedPoint.addMoney(equity, instruments.notional(id, position[id], lastPrice[id]));
            }
        }
        return equity;
    }

    /** Instruments with a position or an entry in flight (a cool-down holds nothing). */
    public int openPositions(final Instruments instruments)
    {
        int open = 0;
        for (int i = 0; i < instruments.definedCount(); i++)
        {
            final int id = instruments.definedId(i);
            if (position[id] != 0 || state[id] == ENTERING)
            {
                open++;
            }
        }
        return open;
    }

    /** When an order ends (filled, rejected or cancelled) at {@code timeNs}: back to what the position says. */
    public void settle(final int instrumentId, final long timeNs)
    {
        if (position[instrumentId] > 0)
        {
            state[instrumentId] = LONG;
        }
        else if (state[instrumentId] == EXITING && cooldownNs > 0)
        {
            state[instrumentId] = COOLING_DOWN;
            cooldownEndNs[instrumentId] = timeNs + cooldownNs;
        }
        else
        {
            state[instrumentId] = FLAT;
        }
    }

    /** Ends a cool-down once event time has reached its end. */
    public void advanceTime(final int instrumentId, final long timeNs)
    {
        if (state[instrumentId] == COOLING_DOWN && timeNs >= cooldownEndNs[instrumentId])
        {
            state[instrumentId] = FLAT;
        }
    }
}
