package io.qts.engine.strategy;

/**
 * A user's trading rule: the public strategy API (docs/strategy-api.md). The engine calls it on its one
 * thread with the traded instrument's bars and trades, the fills and order updates of its own orders and
 * event-time timers; it acts through the {@link StrategyContext} it was created with. Every argument is a
 * primitive: prices are raw longs at the instrument's price scale ({@link StrategyContext#priceScale()}),
 * quantities at its quantity scale, times in nanoseconds of event time since the Unix epoch.
 *
 * <p>Rules (DESIGN.md sections 4 and 6, checked by {@code qts strategy check}): a callback allocates nothing,
 * takes no locks, does no I/O, never reads the wall clock and uses no unseeded randomness: what it does must
 * follow from what it was given so far, so a replay gives the same orders. Every callback has an empty
 * default, so a strategy implements only what it reads.
 */
public interface Strategy
{
    /**
     * A bar of the traded instrument.
     *
     * @param timeNs     the bar's open time.
     * @param durationNs the bar's length.
     */
    default void onBar(long timeNs, long durationNs, long openPrice, long highPrice, long lowPrice, long closePrice)
    {
    }

    /** A public trade of the traded instrument; {@code qty} is 0 where the source gives no size. */
    default void onTrade(long timeNs, long price, long qty)
    {
    }

    /**
     * A fill, or a piece of one, of this strategy's order. Partial fills are normal: a market order may fill in
     * several pieces, each reported here; the order is done when {@code leavesQty} is 0. The context's position
     * and cash include this piece from the next event on (the execution stage books it after the strategy).
     *
     * @param side      {@link StrategyContext#BUY} or {@link StrategyContext#SELL}.
     * @param qty       this piece's quantity.
     * @param leavesQty what is still open of the order after this piece.
     */
    default void onFill(long timeNs, int side, long price, long qty, long leavesQty)
    {
    }

    /**
     * Any other change of this strategy's order: {@link OrderStatus#ACCEPTED}, {@link OrderStatus#REJECTED},
     * {@link OrderStatus#CANCELLED} or {@link OrderStatus#DONE}.
     *
     * @param side {@link StrategyContext#BUY} or {@link StrategyContext#SELL}.
     */
    default void onOrderUpdate(long timeNs, int side, int status)
    {
    }

    /** A timer input (the run's configured timer events); orders sent here are priced at the last price. */
    default void onTimer(long timeNs)
    {
    }

    /**
     * A parameter changed between two events (a journaled admin SET_PARAM naming one of this strategy's
     * parameters, by its index in {@link StrategyFactory#parameters()}).
     *
     * @param value8 the new value as a decimal at 10^-8 (5 is 500000000), already within the declared range.
     * @return false, changing nothing, if the strategy refuses the value (e.g. fast would no longer be below slow).
     */
    default boolean onParamChange(int index, long value8)
    {
        return false;
    }
}
