package io.qts.engine.book;

import io.qts.engine.EngineFigures;
import io.qts.engine.FixedPoint;

/**
 * Realised PnL against the average cost of the open position, and the won and lost round trips, from the fills the
 * engine books (money at 10^-8 of the quote currency). A buy adds its notional and commission to the position's
 * cost; a sell releases the sold share of that cost and realises its proceeds net of commission minus that share.
 * So realised PnL minus the open cost is always cash minus the starting cash, and unrealised PnL is the open
 * positions at their last price minus their cost. A round trip ends when a sell brings the position back to zero:
 * it is won when its realised PnL (commissions of both sides included) is above zero, lost otherwise.
 * Engine thread only; other threads read the plain fields through {@link EngineFigures}.
 */
public final class PnlBook
{
    /** What the open position in each instrument cost, commissions included. */
    final long[] openCost = new long[Instruments.MAX_INSTRUMENTS];
    private final long[] roundTripPnl = new long[Instruments.MAX_INSTRUMENTS];
    /**
     * Engine-internal. PnL realised by sells so far, money at 10^-8 of the quote currency, commissions of both sides
     * included.
     */
    public long realised;
    /** Engine-internal. Round trips (position back to zero) whose realised PnL was above zero. */
    public long winningRoundTrips;
    /** Engine-internal. Round trips whose realised PnL was zero or below. */
    public long losingRoundTrips;

    /**
     * @param positionBefore the instrument's position before this fill, at its quantity scale.
     * @throws ArithmeticException if a sum of money does not fit a long (never wraps).
     */
    public void onFill(
        final int instrumentId, final int side, final long qty, final long notional, final long commission,
        final long positionBefore)
    {
        if (side == Sides.BUY)
        {
            openCost[instrumentId] = FixedPoint.addMoney(openCost[instrumentId], FixedPoint.addMoney(notional, commission));
            return;
        }
        final long cost = openCost[instrumentId];
        final long released = qty >= positionBefore || positionBefore <= 0 ? cost : FixedPoint.mulDiv(cost, qty, positionBefore);
        final long gain = FixedPoint.subtractMoney(FixedPoint.subtractMoney(notional, commission), released);
        openCost[instrumentId] = cost - released;
        realised = FixedPoint.addMoney(realised, gain);
        roundTripPnl[instrumentId] = FixedPoint.addMoney(roundTripPnl[instrumentId], gain);
        if (qty >= positionBefore)
        {
            if (roundTripPnl[instrumentId] > 0)
            {
                winningRoundTrips++;
            }
            else
            {
                losingRoundTrips++;
            }
            roundTripPnl[instrumentId] = 0;
        }
    }

    /**
     * The open positions at their last price minus what they cost, at 10^-8.
     *
     * @throws ArithmeticException if the sum does not fit a long.
     */
    public long unrealised(final Portfolio portfolio, final Instruments instruments)
    {
        long unrealised = 0;
        for (int i = 0; i < instruments.definedCount(); i++)
        {
            final int id = instruments.definedId(i);
            if (portfolio.position[id] != 0)
            {
                unrealised = FixedPoint.addMoney(unrealised, FixedPoint.subtractMoney(
                    instruments.notional(id, portfolio.position[id], portfolio.lastPrice[id]), openCost[id]));
            }
        }
        return unrealised;
    }
}
