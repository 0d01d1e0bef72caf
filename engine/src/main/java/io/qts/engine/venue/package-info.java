/**
 * The simulated venue of backtests and of {@code run --venue local}: it accepts the engine's orders and fills
 * them on the next market event by the rules of docs/fills.md. It sees the engine only through the order feed
 * and the book.
 */
package io.qts.engine.venue;
