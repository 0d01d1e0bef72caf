package io.qts.adapters.report;

/**
 * One closed round trip. Prices at the instrument's scale, qty at its qty scale, money at 10^-8;
 * pnl is net of the commission paid on entry and exit.
 */
record Trade(long entryTimeNs, long entryPrice, long exitTimeNs, long exitPrice, long qty, long commission, long pnl)
{
}
