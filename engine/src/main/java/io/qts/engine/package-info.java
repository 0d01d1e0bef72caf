/**
 * The engine's public face: {@link io.qts.engine.Backtest} and {@link io.qts.engine.InlineEngine} (the stage
 * chain on the caller's thread), {@link io.qts.engine.LivePipeline} (rings and the engine thread),
 * {@link io.qts.engine.JournalReplay}, the settings ({@link io.qts.engine.EngineContext}), what a run did
 * ({@link io.qts.engine.EngineResult}, {@link io.qts.engine.EngineFigures}), fixed-point numbers
 * ({@link io.qts.engine.FixedPoint}) and the strategy registry ({@link io.qts.engine.Strategies}).
 * The engine's parts are in the sub-packages {@code pipeline}, {@code risk}, {@code book}, {@code venue},
 * {@code strategy} and {@code strategy.builtin} (docs/engine-layout.md).
 */
package io.qts.engine;
