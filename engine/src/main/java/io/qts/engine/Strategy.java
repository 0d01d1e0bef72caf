package io.qts.engine;

import java.util.List;

/**
 * A trading rule, called on the engine thread with the traded instrument's bars and trades, the fills
 * of its own orders and timer inputs, each with its event time. Everything it is given is primitives,
 * so nothing is allocated per event; it must be a pure function of what it was given so far. It only
 * says what it would like: the signal stage decides whether that becomes an order (long only, one
 * position, no entry while an order is in flight or during a cool-down).
 */
public interface Strategy
{
    int NONE = 0;
    int BUY = 1;
    int SELL = -1;

    /**
     * A bar; prices raw at the instrument's price scale, {@code timeNs} its open time.
     *
     * @return {@link #BUY}, {@link #SELL} or {@link #NONE}.
     */
    int onBar(long timeNs, long durationNs, long openPrice, long highPrice, long lowPrice, long closePrice);

    /** A public trade; returns a signal like {@link #onBar}. */
    int onTrade(long timeNs, long price);

    /** A fill of this strategy's order; side is {@link Sides#BUY} or {@link Sides#SELL}. */
    default void onFill(long timeNs, int side, long price, long qty, long leavesQty)
    {
    }

    /** A timer input; returns a signal like {@link #onBar}, acted on at the last price. */
    default int onTimer(long timeNs)
    {
        return NONE;
    }

    /** Names of the parameters {@link #setParam} takes, by index. */
    List<String> paramNames();

    /**
     * Changes a parameter between two events (a journaled admin command). The value is the decimal at
     * 10^-8, whole-number parameters included (5 is 500000000).
     *
     * @return false, changing nothing, if the value is out of range for this parameter.
     */
    boolean setParam(int index, long value8);
}
