package io.qts.adapters.ops;

/** JMX {@code io.qts:type=Risk,name=<engine id>}: the risk stage's state in this session. */
public interface RiskMXBean
{
    boolean isHalted();

    /** CLOSED, OPEN or HALF_OPEN. */
    String getBreakerState();

    boolean isFeedStale();

    /** Halts, resumes, kills and breaker moves. */
    long getStateChanges();

    /** Why the halt in force began (ADMIN_HALT, ADMIN_KILL, DAILY_LOSS, DRAWDOWN); empty while not halted. */
    String getHaltReason();

    /** Times the venue circuit breaker opened. */
    long getBreakerTrips();

    /** Parameter changes the engine ignored (unknown key or value out of range). */
    long getIgnoredParamChanges();
}
