package io.qts.engine;

import io.qts.journal.sbe.OrderAction;
import io.qts.journal.sbe.OrderType;
import io.qts.engine.strategy.StrategyContext;

/** The values an order intent carries (those of the SBE OrderCommand), as ints for the slot, and their mapping from the API's. */
final class OrderIntent
{
    static final int MARKET = OrderType.MARKET.value();
    static final int LIMIT = OrderType.LIMIT.value();
    static final int LIMIT_IOC = OrderType.LIMIT_IOC.value();
    static final int LIMIT_FOK = OrderType.LIMIT_FOK.value();
    static final int NEW = OrderAction.NEW.value();
    static final int CANCEL = OrderAction.CANCEL.value();
    /** Not an SBE action: a replace goes out as a CANCEL of the old order and a NEW of its successor. */
    static final int REPLACE = 100;

    private OrderIntent()
    {
    }

    /** The order type of a limit order with the API's time in force, or -1 for an unknown one. */
    static int limitType(final int timeInForce)
    {
        switch (timeInForce)
        {
            case StrategyContext.GTC:
                return LIMIT;
            case StrategyContext.IOC:
                return LIMIT_IOC;
            case StrategyContext.FOK:
                return LIMIT_FOK;
            default:
                return -1;
        }
    }

    static boolean isLimit(final int orderType)
    {
        return orderType == LIMIT || orderType == LIMIT_IOC || orderType == LIMIT_FOK;
    }
}
