package io.qts.engine.strategy;

/**
 * What a {@link Strategy} reads and the orders it sends, on the engine thread. Reads are of the engine's
 * state as of the current event; nothing here allocates.
 *
 * <p><b>Positions are long only</b>: QTS trades spot venues (Upbit), where one can sell only what one holds.
 * One position per instrument at a time: a buy is accepted only when the instrument is flat (no position, no
 * order in flight, no cool-down), a sell only while long, and at most one order per event. Market orders
 * fill at the next price (a bar's open or the next trade, in backtests and on the simulated venue). Orders
 * are sent from {@link Strategy#onBar}, {@link Strategy#onTrade} and {@link Strategy#onTimer}; from other
 * callbacks an order method returns false.
 * Limit orders, cancel and replace arrive with the next change of the API (docs/strategy-api.md reserves
 * their names).
 *
 * <p>Units: prices raw at {@link #priceScale()} decimals, quantities raw at {@link #qtyScale()}, money
 * (cash, equity, notional) at 10^-8 of the quote currency. {@link io.qts.engine.FixedPoint} converts.
 */
public interface StrategyContext
{
    /** Side of a buy, as {@link Strategy#onFill} reports it. */
    int BUY = 1;
    /** Side of a sell, as {@link Strategy#onFill} reports it. */
    int SELL = 2;

    /** Held quantity of the traded instrument at {@link #qtyScale()}; never negative. */
    long position();

    /** Cash at 10^-8. */
    long cash();

    /** Cash plus positions marked at their last price, at 10^-8. */
    long equity();

    /** Orders of this strategy in flight: 0 or 1 (one order at a time). */
    int openOrders();

    /** Decimals of the instrument's prices (raw price = price x 10^priceScale); -1 before it is defined. */
    int priceScale();

    /** Decimals of the instrument's quantities; -1 before it is defined. */
    int qtyScale();

    /**
     * The smallest price step at {@link #priceScale()}. Market orders need none; one unit of the price scale
     * until the venue's tick rules (Upbit's per-price-band steps) come with limit orders.
     */
    long tickSize();

    /** The last price of the traded instrument at {@link #priceScale()}; 0 before the first. */
    long lastPrice();

    /** The run's entry size ({@code run.size} / {@code --size}) at {@link #qtyScale()}. */
    long entryQty();

    /** The current value of the strategy's parameter with this index in {@link StrategyFactory#parameters()}, at 10^-8. */
    long param(int index);

    /**
     * Buys {@code qty} at market.
     *
     * @param qty at {@link #qtyScale()}.
     * @return false, sending nothing, when qty is not positive, the instrument is not flat, or this event
     *     already sent an order.
     */
    boolean buyMarket(long qty);

    /**
     * Buys for {@code notional8} of cash at market: the quantity is notional / last price, rounded down to the
     * quantity scale.
     *
     * @return false as {@link #buyMarket} does, or when there is no last price yet.
     */
    boolean buyNotional(long notional8);

    /**
     * Sells {@code qty} at market.
     *
     * @param qty at {@link #qtyScale()}, at most {@link #position()}.
     * @return false, sending nothing, when qty is not positive or above the position, the instrument is not
     *     long, or this event already sent an order.
     */
    boolean sellMarket(long qty);
}
