package io.qts.engine.strategy.builtin;

import io.qts.engine.strategy.StrategyContext;
import io.qts.engine.strategy.StrategyParameter;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** volatility-breakout learns what it holds from its own fills, a market buy's pieces included. */
class VolatilityBreakoutFillsTest
{
    private static final long MINUTE_NS = 60_000_000_000L;
    private static final long ONE = StrategyParameter.ONE;

    @Test
    void theVolatilityBreakoutStopIsTakenFromTheAverageEntryPrice()
    {
        // k 0.5, one-hour sessions, stop 10 %. Session 0 ranges 950..1100 (150); session 1 opens at 1000: target 1075.
        final VolatilityBreakout strategy = new VolatilityBreakout(null, ONE / 2, 60, ONE / 10);
        strategy.tradeSignal(0, 1000);
        strategy.tradeSignal(MINUTE_NS, 1100);
        strategy.tradeSignal(2 * MINUTE_NS, 950);
        strategy.tradeSignal(60 * MINUTE_NS, 1000);
        assertEquals(SignalRule.BUY, strategy.tradeSignal(61 * MINUTE_NS, 1080));
        strategy.onFill(61 * MINUTE_NS, StrategyContext.BUY, 1000, 1, 3);
        strategy.onFill(61 * MINUTE_NS, StrategyContext.BUY, 1100, 3, 0);
        // Average entry (1000 + 3 x 1100) / 4 = 1075; stop 1075 - 107.5 (half-even: 108) = 967. From the first piece
        // alone it would be 900, and 950 would not stop out.
        assertEquals(SignalRule.SELL, strategy.tradeSignal(62 * MINUTE_NS, 950));
    }
}
