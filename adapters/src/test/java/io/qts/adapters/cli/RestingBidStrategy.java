package io.qts.adapters.cli;

import io.qts.engine.strategy.Strategy;
import io.qts.engine.strategy.StrategyContext;
import io.qts.engine.strategy.StrategyFactory;
import io.qts.engine.strategy.StrategyParameter;
import io.qts.engine.strategy.StrategyParams;

import java.util.List;

/**
 * A user strategy for the orderly-stop test, loaded from a jar: on its first price it bids the run's size at 90 % of
 * that price (rounded down to the venue's grid), good till cancelled, so the bid rests at the venue and never fills.
 */
public final class RestingBidStrategy implements StrategyFactory
{
    @Override
    public String name()
    {
        return "resting-bid";
    }

    @Override
    public String description()
    {
        return "bids 90 % of the first price and leaves the bid resting (a test strategy)";
    }

    @Override
    public List<StrategyParameter> parameters()
    {
        return List.of();
    }

    @Override
    public Strategy create(final StrategyParams params, final StrategyContext context)
    {
        return new Strategy()
        {
            private boolean bid;

            @Override
            public void onTrade(final long timeNs, final long price, final long qty)
            {
                onPrice(price);
            }

            @Override
            public void onBar(final long timeNs, final long durationNs, final long open, final long high, final long low, final long close)
            {
                onPrice(close);
            }

            private void onPrice(final long price)
            {
                if (!bid)
                {
                    bid = context.buyLimit(context.entryQty(), context.roundPriceDown(price / 10 * 9), StrategyContext.GTC);
                }
            }
        };
    }
}
