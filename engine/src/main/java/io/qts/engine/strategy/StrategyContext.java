package io.qts.engine.strategy;

/**
 * What a {@link Strategy} reads and the orders it sends, on the engine thread. Reads are of the engine's
 * state as of the current event; nothing here allocates.
 *
 * <p><b>Positions are long only</b>: QTS trades spot venues (Upbit), where one can sell only what one holds.
 * One position per instrument at a time: a buy is accepted only when the instrument is flat (no position, no
 * order in flight, no cool-down), a sell only while long, and at most one order (or cancel, or replace) per event.
 * One order is open per instrument at a time: a resting limit order is that order, partly filled or not. Market
 * orders fill at the next price (a bar's open or the next trade, in backtests and on the simulated venue); limit
 * orders fill by the rule of docs/strategy-api.md. Orders are sent from {@link Strategy#onBar},
 * {@link Strategy#onTrade} and {@link Strategy#onTimer}; from other callbacks an order method returns false.
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
    /** Time in force: good till cancelled; the order rests until it fills, is cancelled or replaced. */
    int GTC = 0;
    /** Time in force: immediate or cancel; what cannot fill at once is cancelled (Upbit {@code time_in_force=ioc}). */
    int IOC = 1;
    /** Time in force: fill or kill; the whole quantity fills at once or nothing does (Upbit {@code time_in_force=fok}). */
    int FOK = 2;

    /** Held quantity of the traded instrument at {@link #qtyScale()}; never negative. */
    long position();

    /** Cash at 10^-8. */
    long cash();

    /** Cash plus positions marked at their last price, at 10^-8. */
    long equity();

    /** Orders of this strategy in flight, a resting limit order included: 0 or 1 (one order at a time). */
    int openOrders();

    /** Decimals of the instrument's prices (raw price = price x 10^priceScale); -1 before it is defined. */
    int priceScale();

    /** Decimals of the instrument's quantities; -1 before it is defined. */
    int qtyScale();

    /**
     * The venue's price step (tick) at {@link #lastPrice()}, raw at {@link #priceScale()}: a limit price must be a
     * whole multiple of the step of its price band. Upbit markets follow Upbit's tables (docs/strategy-api.md);
     * CSV backtests one unit of the price scale. At least 1.
     */
    long tickSize();

    /** The highest price on the venue's grid at or below {@code price} (raw at {@link #priceScale()}); 0 below the first step. */
    long roundPriceDown(long price);

    /** The lowest price on the venue's grid at or above a positive {@code price} (raw at {@link #priceScale()}). */
    long roundPriceUp(long price);

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

    /**
     * Buys {@code qty} at {@code price} or lower.
     *
     * @param qty at {@link #qtyScale()}.
     * @param price the limit, raw at {@link #priceScale()}; a price off the venue's grid is refused by risk
     *     (OFF_TICK) before it is sent: round it with {@link #roundPriceDown}.
     * @param timeInForce {@link #GTC}, {@link #IOC} or {@link #FOK}.
     * @return false, sending nothing, when qty or price is not positive, the time in force is unknown, the
     *     instrument is not flat, or this event already sent an order.
     */
    boolean buyLimit(long qty, long price, int timeInForce);

    /**
     * Sells {@code qty} at {@code price} or higher.
     *
     * @param qty at {@link #qtyScale()}, at most {@link #position()}.
     * @param price the limit, raw at {@link #priceScale()}, on the venue's grid ({@link #roundPriceUp}).
     * @param timeInForce {@link #GTC}, {@link #IOC} or {@link #FOK}.
     * @return false, sending nothing, when qty or price is not positive, qty is above the position, the time in
     *     force is unknown, the instrument is not long, or this event already sent an order.
     */
    boolean sellLimit(long qty, long price, int timeInForce);

    /**
     * Cancels the open limit order. Its end comes back as {@link Strategy#onOrderUpdate} CANCELLED (or as the fill
     * that beat the cancel); fills of it before the cancel stay booked.
     *
     * @return false, sending nothing, when no limit order is open (a market order is not cancelled: it fills at the
     *     next price), a cancel or replace of it is already out, or this event already sent an order.
     */
    boolean cancel();

    /**
     * Replaces the open limit order by one of the same side and time in force for {@code qty} at {@code price}:
     * the old order is cancelled and the new one sent with it. Fills of the old order before its cancel reached
     * the venue stay booked and are reported by {@link Strategy#onFill}; the strategy then sees the new order only.
     *
     * @param qty at {@link #qtyScale()}; for a sell at most {@link #position()}.
     * @param price the new limit, raw at {@link #priceScale()}, on the venue's grid.
     * @return false, sending nothing, when no limit order is open, a cancel or replace of it is already out,
     *     qty or price is not positive, or this event already sent an order.
     */
    boolean replace(long qty, long price);
}
