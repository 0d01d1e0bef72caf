/**
 * What runs on the engine thread: the ring slots, the stages (journal, decode, signal, risk, execution) and
 * the chain that calls them in order, the engine core that owns one engine's stages and state, the input
 * decoders, the strategy's view of the engine, the output recorder and counters, engine threads and wait
 * strategies, and the order feeds to a gateway.
 * <p>
 * Engine-internal: its public classes and members are public for {@code io.qts.engine}, the venue adapters
 * (input decoders, order feeds, stage probe) and the JMH benchmarks, not an API for strategies.
 */
package io.qts.engine.pipeline;
