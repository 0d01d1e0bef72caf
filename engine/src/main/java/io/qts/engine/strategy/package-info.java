/**
 * The public strategy API (docs/strategy-api.md): what a strategy implements, what it can read and do, and
 * how it declares its parameters. It uses nothing of the engine but {@link io.qts.engine.FixedPoint}.
 */
package io.qts.engine.strategy;
