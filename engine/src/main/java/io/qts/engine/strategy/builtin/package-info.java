/**
 * The built-in strategies, written on the public strategy API only (docs/strategies.md).
 */
package io.qts.engine.strategy.builtin;
