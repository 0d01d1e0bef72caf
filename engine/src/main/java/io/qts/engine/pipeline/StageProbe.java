package io.qts.engine.pipeline;

/**
 * An optional observer called after each stage has handled an input, for measurement tools that live
 * outside the engine (they may read a clock; the engine never does). Called on the thread that ran the
 * stage: in the parallel topology the journal, decode/signal and risk/execution stages each report from
 * their own thread, so an implementation keeps per-stage state. Must not allocate, block or throw.
 */
@FunctionalInterface
public interface StageProbe
{
    int JOURNAL = 0;
    int DECODE = 1;
    int SIGNAL = 2;
    int RISK = 3;
    int EXECUTION = 4;
    int STAGE_COUNT = 5;

    /** The default: the engine's normal path pays one call that does nothing. */
    StageProbe NONE = (stage, slot) ->
    {
    };

    /** Stage names by number, for reports. */
    static String name(final int stage)
    {
        switch (stage)
        {
            case JOURNAL:
                return "journal";
            case DECODE:
                return "decode";
            case SIGNAL:
                return "signal";
            case RISK:
                return "risk";
            case EXECUTION:
                return "execution";
            default:
                throw new IllegalArgumentException("no stage " + stage);
        }
    }

    /**
     * @param stage one of {@link #JOURNAL} .. {@link #EXECUTION}.
     * @param slot the input, read-only: only its public accessors are meant for probes.
     */
    void afterStage(int stage, InboundSlot slot);
}
