/**
 * The engine's books: the portfolio (cash, positions, position states), realised and unrealised PnL, the
 * orders in flight, the instruments' fixed-point scales, order sides, and identifier rules (client order ids,
 * recent venue trade ids). It uses no stage, risk control, venue or strategy.
 * <p>
 * Engine-internal: its public classes and members are public for the other engine packages; the identifier
 * rules are also shared with the venue adapters.
 */
package io.qts.engine.book;
