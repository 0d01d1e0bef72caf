package io.qts.engine;

/** Risk limits an operator may change at run time through a journaled admin command. */
final class RiskParams
{
    static final int UNKNOWN = 0;
    static final int MAX_POSITION_QTY = 1;
    static final int MAX_ORDER_NOTIONAL = 2;

    /** Admin command keys, in id order (id = index + 1). Values are raw fixed-point longs. */
    static final String[] KEYS = {"maxPositionQty", "maxOrderNotional"};

    private RiskParams()
    {
    }
}
