package io.qts.engine.book;

import io.qts.journal.sbe.OrderAction;
import io.qts.journal.sbe.OrderType;

/**
 * The values an order intent carries (those of the SBE OrderCommand), as ints for the ring slot and the books.
 * Engine-internal: shared by the pipeline and the simulated venue.
 */
public final class OrderIntent
{
    /** Engine-internal. Order type: market (SBE OrderType MARKET). */
    public static final int MARKET = OrderType.MARKET.value();
    /** Engine-internal. Order type: limit, resting until filled or cancelled (SBE OrderType LIMIT). */
    public static final int LIMIT = OrderType.LIMIT.value();
    /** Engine-internal. Order type: limit, immediate-or-cancel (SBE OrderType LIMIT_IOC). */
    public static final int LIMIT_IOC = OrderType.LIMIT_IOC.value();
    /** Engine-internal. Order type: limit, fill-or-kill (SBE OrderType LIMIT_FOK). */
    public static final int LIMIT_FOK = OrderType.LIMIT_FOK.value();
    /** Engine-internal. Action: a new order (SBE OrderAction NEW). */
    public static final int NEW = OrderAction.NEW.value();
    /** Engine-internal. Action: cancel the order the intent names (SBE OrderAction CANCEL). */
    public static final int CANCEL = OrderAction.CANCEL.value();
    /** Not an SBE action: a replace goes out as a CANCEL of the old order and a NEW of its successor. */
    public static final int REPLACE = 100;

    private OrderIntent()
    {
    }

    /** Whether an SBE order type value is a limit order of any time in force. */
    public static boolean isLimit(final int orderType)
    {
        return orderType == LIMIT || orderType == LIMIT_IOC || orderType == LIMIT_FOK;
    }
}
