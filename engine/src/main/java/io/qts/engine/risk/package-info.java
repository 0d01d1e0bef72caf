/**
 * The risk controls that the pipeline's risk stage applies to each order intent, in the order of
 * docs/risk.md: the limits and their journaled changes, daily loss and drawdown limits, the price band, the
 * order rate limit, the circuit breaker, the halt schedule, the ATR stop and entry sizing. None of them knows
 * the simulated venue; of the pipeline, only the circuit breaker uses {@code StateChanges} (docs/engine-layout.md).
 * <p>
 * Engine-internal: its public classes and members are public for {@code io.qts.engine} and
 * {@code io.qts.engine.pipeline}, not an API.
 */
package io.qts.engine.risk;
