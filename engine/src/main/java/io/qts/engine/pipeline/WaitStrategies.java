package io.qts.engine.pipeline;

import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.BusySpinWaitStrategy;
import com.lmax.disruptor.SleepingWaitStrategy;
import com.lmax.disruptor.WaitStrategy;
import com.lmax.disruptor.YieldingWaitStrategy;

import java.util.List;

/** Wait strategies by their configuration names. Busy-spin belongs on isolated cores only. */
public final class WaitStrategies
{
    /**
     * The accepted names of {@code engine.waitStrategy}: Disruptor's busy-spin, yielding, sleeping and blocking
     * strategies.
     */
    public static final List<String> NAMES = List.of("busy-spin", "yielding", "sleeping", "blocking");

    private WaitStrategies()
    {
    }

    /**
     * A new Disruptor wait strategy for a name in {@link #NAMES}.
     *
     * @throws IllegalArgumentException for any other name, listing the known ones.
     * @throws NullPointerException     for a null name.
     */
    public static WaitStrategy create(final String name)
    {
        switch (name)
        {
            case "busy-spin":
                return new BusySpinWaitStrategy();
            case "yielding":
                return new YieldingWaitStrategy();
            case "sleeping":
                return new SleepingWaitStrategy();
            case "blocking":
                return new BlockingWaitStrategy();
            default:
                throw new IllegalArgumentException(
                    "unknown wait strategy '" + name + "' (known: " + String.join(", ", NAMES) + ")");
        }
    }
}
