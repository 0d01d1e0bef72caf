package io.qts.engine;

/**
 * Turns a price series into signals. Called on the engine thread with each price (a bar's close or
 * a trade's price) and its event time; must be a pure function of what it was given so far.
 */
public interface Strategy
{
    int NONE = 0;
    int BUY = 1;
    int SELL = -1;

    /** Returns {@link #BUY}, {@link #SELL} or {@link #NONE}. */
    int onPrice(long timeNs, long price);
}
