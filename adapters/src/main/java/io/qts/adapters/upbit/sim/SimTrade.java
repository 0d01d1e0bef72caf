package io.qts.adapters.upbit.sim;

import java.math.BigDecimal;

/**
 * One trade of the simulator's tape.
 *
 * @param tradeTimestampMs the trade's time from the data, epoch milliseconds.
 * @param price            KRW per coin.
 * @param volume           coins.
 * @param askBid           "ASK" (the taker sold) or "BID" (the taker bought).
 * @param sequentialId     unique and increasing along the tape: {@code tradeTimestampMs * 1000 + n}.
 */
public record SimTrade(long tradeTimestampMs, BigDecimal price, BigDecimal volume, String askBid, long sequentialId)
{
}
