package io.qts.adapters.report;

import java.util.Map;

/** What each {@code RejectReason} of the SBE schema means, in a line for the report; the risk rules are in docs/risk.md. */
final class RejectMeaning
{
    private static final Map<String, String> MEANINGS = Map.ofEntries(
        Map.entry("HALTED", "the engine was halted (admin halt or kill) and took no new entries"),
        Map.entry("MAX_POSITION", "the entry would have taken the position past maxPosition"),
        Map.entry("MAX_ORDER_NOTIONAL", "the order's notional was above maxOrderNotional"),
        Map.entry("INSUFFICIENT_CASH", "the cash did not cover the order's cost plus commission"),
        Map.entry("UNKNOWN_INSTRUMENT", "no instrument definition had been seen for the order's instrument"),
        Map.entry("OUTBOUND_FULL", "the queue of orders to the venue was full"),
        Map.entry("ZERO_SIZE", "the sizing rule gave a quantity of 0 at the instrument's quantity scale"),
        Map.entry("MAX_OPEN_POSITIONS", "as many positions as maxOpenPositions were already open"),
        Map.entry("PRICE_BAND", "the entry price was further from the prior market price than priceBand"),
        Map.entry("ORDER_RATE", "more orders in one second of event time than maxOrdersPerSecond"),
        Map.entry("VOLATILITY", "ATR over the last price was above maxAtrFraction"),
        Map.entry("BREAKER_OPEN", "the circuit breaker was open after repeated venue failures"),
        Map.entry("HALT_WINDOW", "the order fell inside a configured halt window"),
        Map.entry("FEED_STALE", "market data was stale, so no new entries"),
        Map.entry("ORDER_STREAM_DOWN", "the venue's private order stream was down, so no orders"),
        Map.entry("OFF_TICK", "the limit price was not on the venue's price grid (tick size) for its band"),
        Map.entry("VENUE_REJECTED", "the venue refused the order"),
        Map.entry("DUPLICATE_ORDER_ID", "the venue already had an order with this client order id"),
        Map.entry("UNKNOWN_ORDER", "the venue did not know the order"));

    private RejectMeaning()
    {
    }

    static String of(final String reason)
    {
        return MEANINGS.getOrDefault(reason, "see RejectReason in the SBE schema (qts-events.xml)");
    }
}
