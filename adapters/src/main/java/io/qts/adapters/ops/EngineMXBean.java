package io.qts.adapters.ops;

/**
 * JMX {@code io.qts:type=Engine,name=<engine id>}: the engine's figures (per session) and the operator's commands.
 * Every command enters the engine as a journaled ADMIN input, exactly as {@code --admin} does, so a replay of the
 * journal reproduces it; a command the engine cannot take throws {@link IllegalArgumentException} (an unknown or
 * out-of-range parameter) or {@link IllegalStateException} (no session running) and changes nothing.
 */
public interface EngineMXBean
{
    String getRunId();

    String getStrategy();

    /** Inputs handled in this session. */
    long getEvents();

    long getOrders();

    long getFills();

    long getRejectedOrders();

    long getMalformedInputs();

    /** Free slots in the inbound ring now. */
    long getRingRemainingSlots();

    /** Cash plus positions at their last price, a decimal in the quote currency. */
    String getEquity();

    /** Equity minus the starting cash, a decimal in the quote currency. */
    String getPnl();

    /** The traded instrument's position, a decimal in its base unit. */
    String getPosition();

    /** No new entries from now (exits still go out). */
    void halt();

    /** Lifts an operator halt (a loss-limit or drawdown halt too). */
    void resume();

    /** Halts and sells every open position. */
    void kill();

    /** Same as {@link #kill()}: halt and flatten. */
    void flatten();

    /**
     * Changes a strategy parameter or a risk limit (the keys {@code --admin set} takes) from now on.
     *
     * @param value a decimal (e.g. {@code 5} or {@code 0.05}).
     * @throws IllegalArgumentException for an unknown key, a value that is not a decimal, or a value the strategy refuses.
     */
    void setParameter(String name, String value);

    /** Closes an open or half-open venue circuit breaker. */
    void resetBreaker();
}
