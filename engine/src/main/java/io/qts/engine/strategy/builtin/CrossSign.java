package io.qts.engine.strategy.builtin;

/**
 * Turns the sign of (fast - slow) on each price into cross-over signals. An up-cross is fast &gt; slow
 * now with fast &lt; slow on the last price where they were not equal; a down-cross is the mirror; a
 * tie is neither and does not forget the last unequal sign.
 */
final class CrossSign
{
    private int lastNonZeroSign;

    int signal(final int sign)
    {
        int signal = SignalRule.NONE;
        if (sign > 0 && lastNonZeroSign < 0)
        {
            signal = SignalRule.BUY;
        }
        else if (sign < 0 && lastNonZeroSign > 0)
        {
            signal = SignalRule.SELL;
        }
        if (sign != 0)
        {
            lastNonZeroSign = sign;
        }
        return signal;
    }
}
