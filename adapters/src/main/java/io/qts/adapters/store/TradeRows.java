package io.qts.adapters.store;

import io.qts.journal.sbe.InstrumentDefinitionDecoder;
import io.qts.journal.sbe.MessageHeaderDecoder;
import io.qts.journal.sbe.OrderCommandDecoder;
import io.qts.journal.sbe.OrderFilledDecoder;
import io.qts.journal.sbe.Side;
import org.agrona.DirectBuffer;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns an engine's output records (SBE OrderCommand, OrderFilled) into trade-store rows, with prices and quantities
 * at the instrument scales learnt from the InstrumentDefinition inputs. Daily PnL per UTC day of the fill: realised
 * on sells against the average cost of the position, minus that day's commissions (both sides), rounded half-even to
 * 8 places. Not thread-safe: one projection thread owns it.
 */
final class TradeRows
{
    record Order(long clientOrderId, String action, String timeUtc, String symbol, String side, String orderType, String price, String qty)
    {
    }

    record Fill(int fillNo, long clientOrderId, String timeUtc, String symbol, String side, String price, String qty, String leavesQty,
        String commission)
    {
    }

    record Day(String day, BigDecimal realizedPnl, BigDecimal commission, int fills)
    {
    }

    private record Instrument(String symbol, int priceScale, int qtyScale)
    {
    }

    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final InstrumentDefinitionDecoder definition = new InstrumentDefinitionDecoder();
    private final OrderCommandDecoder command = new OrderCommandDecoder();
    private final OrderFilledDecoder filled = new OrderFilledDecoder();
    private final Map<Integer, Instrument> instruments = new HashMap<>();
    private final Map<Integer, BigDecimal> position = new HashMap<>();
    private final Map<Integer, BigDecimal> costBasis = new HashMap<>();
    private final Map<String, Day> days = new TreeMap<>();
    private final List<Order> orders = new ArrayList<>();
    private final List<Fill> fills = new ArrayList<>();
    private int fillCount;

    /** An input: instrument definitions give the scales and symbols. */
    void onInput(final DirectBuffer buffer, final int offset, final int length)
    {
        if (length < MessageHeaderDecoder.ENCODED_LENGTH)
        {
            return;
        }
        header.wrap(buffer, offset);
        if (header.templateId() == InstrumentDefinitionDecoder.TEMPLATE_ID && header.schemaId() == InstrumentDefinitionDecoder.SCHEMA_ID)
        {
            definition.wrapAndApplyHeader(buffer, offset, header);
            instruments.put(definition.instrumentId(), new Instrument(definition.symbol().trim(), definition.priceScale(), definition.qtyScale()));
        }
    }

    /** An output record of the engine. */
    void onOutput(final DirectBuffer buffer, final int offset, final int length)
    {
        header.wrap(buffer, offset);
        if (header.templateId() == OrderCommandDecoder.TEMPLATE_ID)
        {
            command.wrapAndApplyHeader(buffer, offset, header);
            final Instrument instrument = instrument(command.instrumentId());
            orders.add(new Order(command.clientOrderId(), command.action().name(), time(command.timeNs()), instrument.symbol(),
                command.side().name(), command.orderType().name(), decimal(command.price(), instrument.priceScale()).toPlainString(),
                decimal(command.qty(), instrument.qtyScale()).toPlainString()));
        }
        else if (header.templateId() == OrderFilledDecoder.TEMPLATE_ID)
        {
            filled.wrapAndApplyHeader(buffer, offset, header);
            onFill(filled);
        }
    }

    private void onFill(final OrderFilledDecoder fill)
    {
        final Instrument instrument = instrument(fill.instrumentId());
        final BigDecimal price = decimal(fill.price(), instrument.priceScale());
        final BigDecimal qty = decimal(fill.qty(), instrument.qtyScale());
        final BigDecimal commission = decimal(fill.commission(), 8);
        final String timeUtc = time(fill.timeNs());
        fills.add(new Fill(++fillCount, fill.clientOrderId(), timeUtc, instrument.symbol(), fill.side().name(), price.toPlainString(),
            qty.toPlainString(), decimal(fill.leavesQty(), instrument.qtyScale()).toPlainString(), commission.toPlainString()));
        final int id = fill.instrumentId();
        final BigDecimal held = position.getOrDefault(id, BigDecimal.ZERO);
        final BigDecimal basis = costBasis.getOrDefault(id, BigDecimal.ZERO);
        BigDecimal realized = BigDecimal.ZERO;
        if (fill.side() == Side.BUY)
        {
            position.put(id, held.add(qty));
            costBasis.put(id, basis.add(qty.multiply(price)));
        }
        else
        {
            final BigDecimal basisOut = held.signum() == 0 ? BigDecimal.ZERO
                : basis.multiply(qty).divide(held, 8, RoundingMode.HALF_EVEN);
            realized = qty.multiply(price).subtract(basisOut);
            position.put(id, held.subtract(qty));
            costBasis.put(id, basis.subtract(basisOut));
        }
        final String day = timeUtc.substring(0, 10);
        final Day before = days.getOrDefault(day, new Day(day, BigDecimal.ZERO, BigDecimal.ZERO, 0));
        days.put(day, new Day(day, before.realizedPnl().add(realized).subtract(commission).setScale(8, RoundingMode.HALF_EVEN),
            before.commission().add(commission), before.fills() + 1));
    }

    private Instrument instrument(final int id)
    {
        final Instrument instrument = instruments.get(id);
        if (instrument == null)
        {
            throw new IllegalStateException("output for instrument " + id + " before its definition");
        }
        return instrument;
    }

    private static BigDecimal decimal(final long value, final int scale)
    {
        return BigDecimal.valueOf(value, scale).stripTrailingZeros();
    }

    private static String time(final long timeNs)
    {
        return Instant.ofEpochSecond(Math.floorDiv(timeNs, 1_000_000_000L), Math.floorMod(timeNs, 1_000_000_000L))
            .atOffset(ZoneOffset.UTC).toInstant().toString();
    }

    /** Orders and fills since the last call (handed over and forgotten here); the days touched with their totals so far. */
    List<Order> takeOrders()
    {
        final List<Order> taken = List.copyOf(orders);
        orders.clear();
        return taken;
    }

    List<Fill> takeFills()
    {
        final List<Fill> taken = List.copyOf(fills);
        fills.clear();
        return taken;
    }

    List<Day> days()
    {
        return List.copyOf(days.values());
    }
}
