package io.qts.engine.risk;

/** Risk limits an operator may change at run time through a journaled admin command. */
public final class RiskParams
{
    /** The id of a parameter name that no risk limit has. */
    public static final int UNKNOWN = 0;
    static final int MAX_POSITION_QTY = 1;
    static final int MAX_ORDER_NOTIONAL = 2;
    static final int MAX_OPEN_POSITIONS = 3;
    static final int PRICE_BAND = 4;
    static final int MAX_ATR_FRACTION = 5;
    static final int DAILY_LOSS_LIMIT = 6;
    static final int MAX_DRAWDOWN = 7;
    static final int STOP_ATR_MULTIPLE = 8;

    /**
     * Admin command keys, in id order (id = index + 1). Values are raw fixed-point longs at the scale of
     * the limit (see {@link RiskLimits}); Long.MAX_VALUE switches a limit off.
     */
    public static final String[] KEYS = {
        "maxPositionQty", "maxOrderNotional", "maxOpenPositions", "priceBand", "maxAtrFraction", "dailyLossLimit",
        "maxDrawdown", "stopAtrMultiple"};

    private RiskParams()
    {
    }

    /** Applies a SET_PARAM; negative values and unknown keys change nothing. */
    public static void apply(final RiskLimits limits, final int paramId, final long value)
    {
        if (value < 0)
        {
            return;
        }
        switch (paramId)
        {
            case MAX_POSITION_QTY -> limits.maxPositionQty = value;
            case MAX_ORDER_NOTIONAL -> limits.maxOrderNotional = value;
            case MAX_OPEN_POSITIONS -> limits.maxOpenPositions = value;
            case PRICE_BAND -> limits.priceBand = value;
            case MAX_ATR_FRACTION -> limits.maxAtrFraction = value;
            case DAILY_LOSS_LIMIT -> limits.dailyLossLimit = value;
            case MAX_DRAWDOWN -> limits.maxDrawdown = value;
            case STOP_ATR_MULTIPLE -> limits.stopAtrMultiple = value;
            default ->
            {
                // An unknown key is journaled like any input and otherwise ignored.
            }
        }
    }
}
