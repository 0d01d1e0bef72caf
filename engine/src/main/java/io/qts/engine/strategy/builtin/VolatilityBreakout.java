package io.qts.engine.strategy.builtin;

import io.qts.engine.FixedPoint;
import io.qts.engine.strategy.StrategyContext;
import io.qts.engine.strategy.StrategyFactory;
import io.qts.engine.strategy.StrategyParameter;

import java.util.List;

/**
 * Larry Williams' volatility breakout. Time is cut into sessions of {@code sessionMinutes} from the
 * Unix epoch (UTC days by default). A session's open is the open of its first bar (a trade's price),
 * its range is its highest high minus its lowest low. In each session after one with prices:
 * target = open + k x range of the last session with prices, rounded half-even to a price unit.
 * <ul>
 * <li>BUY, at most once per session, on the first bar whose high reaches the target (high &gt;= target;
 *     for trades, price &gt;= target), unless that bar ends the session.</li>
 * <li>SELL while holding on a bar that ends the session (open time + duration &gt;= session end), so the
 *     exit fills at the next session's open; on the first price of a later session if none did (trades);
 *     or at the stop: low &lt;= entry fill price x (1 - stopPct), when stopPct &gt; 0.</li>
 * </ul>
 * Holding is learnt from the strategy's own fills. k and stopPct may change at run time (k moves the
 * current target); sessionMinutes may not.
 */
final class VolatilityBreakout extends SignalRule
{
    static final List<StrategyParameter> PARAMS = List.of(
        StrategyParameter.decimal("k", "0", "10", "0.5", "fraction of the last session's range above its open that triggers the buy"),
        StrategyParameter.whole("sessionMinutes", 1, 1440, "1440", "session length in minutes from the epoch; divides 1440"),
        StrategyParameter.decimal("stopPct", "0", "0.99999999", "0", "sell when the low falls this fraction below the entry (0: no stop)"));
    static final StrategyFactory FACTORY = new BuiltInFactory(
        "volatility-breakout", "Larry Williams' breakout: buys when a session trades k ranges above its open, sells at its end",
        PARAMS, (p, c) -> new VolatilityBreakout(c, p.value8("k"), p.whole("sessionMinutes"), p.value8("stopPct")));
    private static final long MINUTE_NS = 60_000_000_000L;

    private final long sessionNs;
    private long k8;
    private long stopPct8;
    private long session = Long.MIN_VALUE;
    private long sessionOpen;
    private long sessionHigh;
    private long sessionLow;
    private long lastRange = -1;
    private long target;
    private boolean enteredThisSession;
    private long heldQty;
    private long entryPrice;

    VolatilityBreakout(final StrategyContext context, final long k8, final int sessionMinutes, final long stopPct8)
    {
        super(context);
        if (1440 % sessionMinutes != 0)
        {
            throw new IllegalArgumentException(
                "volatility-breakout: parameter 'sessionMinutes' must divide a day (1440), got " + sessionMinutes);
        }
        this.k8 = k8;
        this.sessionNs = sessionMinutes * MINUTE_NS;
        this.stopPct8 = stopPct8;
    }

    @Override
    int barSignal(
        final long timeNs, final long durationNs, final long openPrice, final long highPrice, final long lowPrice, final long closePrice)
    {
        final long barSession = Math.floorDiv(timeNs, sessionNs);
        final boolean newSession = barSession != session;
        if (newSession)
        {
            startSession(barSession, openPrice);
        }
        sessionHigh = Math.max(sessionHigh, highPrice);
        sessionLow = Math.min(sessionLow, lowPrice);
        final boolean endsSession = timeNs + durationNs >= (session + 1) * sessionNs;
        if (heldQty > 0)
        {
            return newSession || endsSession || lowPrice <= stopPrice() ? SELL : NONE;
        }
        if (!enteredThisSession && lastRange >= 0 && !endsSession && highPrice >= target)
        {
            enteredThisSession = true;
            return BUY;
        }
        return NONE;
    }

    @Override
    int tradeSignal(final long timeNs, final long price)
    {
        return barSignal(timeNs, 0, price, price, price, price);
    }

    private void startSession(final long newSession, final long openPrice)
    {
        if (session != Long.MIN_VALUE)
        {
            lastRange = sessionHigh - sessionLow;
        }
        session = newSession;
        sessionOpen = openPrice;
        sessionHigh = openPrice;
        sessionLow = openPrice;
        enteredThisSession = false;
        updateTarget();
    }

    private void updateTarget()
    {
        target = lastRange < 0 ? Long.MAX_VALUE : Math.addExact(sessionOpen, FixedPoint.mulDiv(k8, lastRange, StrategyParameter.ONE));
    }

    /** Long.MIN_VALUE when there is no stop. */
    private long stopPrice()
    {
        return stopPct8 == 0 ? Long.MIN_VALUE : entryPrice - FixedPoint.mulDiv(entryPrice, stopPct8, StrategyParameter.ONE);
    }

    @Override
    public void onFill(final long timeNs, final int side, final long price, final long qty, final long leavesQty)
    {
        if (side == StrategyContext.BUY)
        {
            // The stop is taken from the average entry price, not the first piece's: a market buy fills in pieces.
            entryPrice = heldQty == 0 ? price : entryPrice + FixedPoint.mulDiv(price - entryPrice, qty, heldQty + qty);
            heldQty += qty;
        }
        else
        {
            heldQty -= qty;
        }
    }

    @Override
    public boolean onParamChange(final int index, final long value8)
    {
        if (index == 1 || !PARAMS.get(index).accepts(value8))
        {
            return false;
        }
        if (index == 0)
        {
            k8 = value8;
            updateTarget();
        }
        else
        {
            stopPct8 = value8;
        }
        return true;
    }
}
