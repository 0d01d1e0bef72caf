package io.qts.adapters.report;

import io.qts.engine.FixedPoint;
import io.qts.engine.InputSink;
import io.qts.engine.OutputListener;
import io.qts.journal.EntryHeader;
import io.qts.journal.Sources;
import io.qts.journal.sbe.BarDecoder;
import io.qts.journal.sbe.InstrumentDefinitionDecoder;
import io.qts.journal.sbe.MessageHeaderDecoder;
import io.qts.journal.sbe.OrderFilledDecoder;
import io.qts.journal.sbe.Side;
import io.qts.journal.sbe.TradeTickDecoder;
import org.agrona.DirectBuffer;
import org.agrona.collections.IntArrayList;
import org.agrona.collections.LongArrayList;

import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * The portfolio marked to market after every bar or trade of a traded instrument: one point per such market
 * event, with its time, the event's instrument, its price (bar close or trade price) and position, and equity =
 * cash + the sum over the traded instruments of position x last price. Cash and positions are kept exactly as
 * the engine keeps them, from the fills in its output stream, so the last point's equity is the report's final
 * value. With one instrument, the price and position of every point are that instrument's.
 *
 * <p>It sits in front of the engine ({@link #observe(InputSink)}) to see prices and behind it (as the
 * {@link OutputListener}) to see fills. A market event's fills (orders decided on the previous event)
 * are booked while the event is being processed, so the point taken after it includes them.
 */
public final class EquityCurve implements OutputListener
{
    /** Instrument ids are below this (the engine's bound). */
    private static final int MAX_INSTRUMENT_ID = 256;

    private final List<String> symbols;
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final InstrumentDefinitionDecoder definition = new InstrumentDefinitionDecoder();
    private final BarDecoder bar = new BarDecoder();
    private final TradeTickDecoder trade = new TradeTickDecoder();
    private final OrderFilledDecoder filled = new OrderFilledDecoder();
    private final LongArrayList timesNs = new LongArrayList();
    private final LongArrayList prices = new LongArrayList();
    private final LongArrayList positions = new LongArrayList();
    private final LongArrayList equity = new LongArrayList();
    private final IntArrayList instrumentOf = new IntArrayList();
    private final BitSet held = new BitSet();
    /** By instrument id: the index of its symbol among {@link #symbols}, or -1. */
    private final int[] indexOf = new int[MAX_INSTRUMENT_ID];
    private final int[] instrumentIds;
    private final int[] priceScale;
    private final int[] qtyScale;
    private final long[] position;
    private final long[] lastPrice;
    private final long[] firstPrice;
    private long cash;

    /** A curve for one traded symbol starting at {@code initialCash}, money at 10^-8. */
    public EquityCurve(final String symbol, final long initialCash)
    {
        this(List.of(symbol), initialCash);
    }

    /** @param symbols the traded instruments, in the order the per-instrument figures are indexed */
    public EquityCurve(final List<String> symbols, final long initialCash)
    {
        this.symbols = List.copyOf(symbols);
        this.cash = initialCash;
        Arrays.fill(indexOf, -1);
        instrumentIds = new int[symbols.size()];
        Arrays.fill(instrumentIds, -1);
        priceScale = new int[symbols.size()];
        qtyScale = new int[symbols.size()];
        position = new long[symbols.size()];
        lastPrice = new long[symbols.size()];
        firstPrice = new long[symbols.size()];
    }

    /** A sink that passes every input on to {@code engine}, then takes a point if it was a price of a traded instrument. */
    public InputSink observe(final InputSink engine)
    {
        return (timeNs, sourceId, format, buffer, offset, length) ->
        {
            engine.accept(timeNs, sourceId, format, buffer, offset, length);
            if (format == EntryHeader.FORMAT_SBE && length >= MessageHeaderDecoder.ENCODED_LENGTH)
            {
                onInput(sourceId, buffer, offset);
            }
        };
    }

    private void onInput(final int sourceId, final DirectBuffer buffer, final int offset)
    {
        header.wrap(buffer, offset);
        final int template = header.templateId();
        if (sourceId == Sources.REFERENCE && template == InstrumentDefinitionDecoder.TEMPLATE_ID)
        {
            definition.wrapAndApplyHeader(buffer, offset, header);
            final int k = symbols.indexOf(definition.symbol());
            final int id = definition.instrumentId();
            if (k >= 0 && id >= 0 && id < MAX_INSTRUMENT_ID)
            {
                if (instrumentIds[k] >= 0)
                {
                    indexOf[instrumentIds[k]] = -1;
                }
                instrumentIds[k] = id;
                indexOf[id] = k;
                priceScale[k] = definition.priceScale();
                qtyScale[k] = definition.qtyScale();
            }
        }
        else if (sourceId == Sources.MARKET_DATA && template == BarDecoder.TEMPLATE_ID)
        {
            bar.wrapAndApplyHeader(buffer, offset, header);
            mark(bar.instrumentId(), bar.timeNs(), bar.closePrice());
        }
        else if (sourceId == Sources.MARKET_DATA && template == TradeTickDecoder.TEMPLATE_ID)
        {
            trade.wrapAndApplyHeader(buffer, offset, header);
            mark(trade.instrumentId(), trade.timeNs(), trade.price());
        }
    }

    private void mark(final int instrumentId, final long timeNs, final long price)
    {
        final int k = instrumentId >= 0 && instrumentId < MAX_INSTRUMENT_ID ? indexOf[instrumentId] : -1;
        if (k < 0)
        {
            return;
        }
        if (firstPrice[k] == 0)
        {
            firstPrice[k] = price;
        }
        lastPrice[k] = price;
        long value = cash;
        boolean any = false;
        for (int j = 0; j < symbols.size(); j++)
        {
            if (position[j] != 0)
            {
                value = FixedPoint.addMoney(value, FixedPoint.notional(position[j], qtyScale[j], lastPrice[j], priceScale[j]));
                any = true;
            }
        }
        append(timeNs, k, price, position[k], any, value);
    }

    /** A point of a one-instrument curve: held when the position is not 0. */
    void add(final long timeNs, final long price, final long position, final long equity)
    {
        append(timeNs, 0, price, position, position != 0, equity);
    }

    private void append(final long timeNs, final int instrument, final long price, final long position, final boolean anyHeld,
        final long equity)
    {
        held.set(timesNs.size(), anyHeld);
        instrumentOf.addInt(instrument);
        timesNs.addLong(timeNs);
        prices.addLong(price);
        positions.addLong(position);
        this.equity.addLong(equity);
    }

    /**
     * Consecutive windows' curves, each of which started with {@code initialCash}, as one curve that
     * compounds: every window's equity is scaled by what the windows before it ended with, over
     * {@code initialCash} (exact, rounded half-even to 10^-8). Prices and positions are kept.
     */
    static EquityCurve stitched(final List<EquityCurve> windows, final String symbol, final long initialCash)
    {
        final EquityCurve all = new EquityCurve(symbol, initialCash);
        long carried = initialCash;
        for (final EquityCurve window : windows)
        {
            all.priceScale[0] = window.priceScale[0];
            final long start = carried;
            for (int i = 0; i < window.size(); i++)
            {
                final long e = initialCash <= 0 ? window.equity(i) : FixedPoint.mulDiv(window.equity(i), start, initialCash);
                all.append(window.timeNs(i), window.instrument(i), window.price(i), window.position(i), window.held(i), e);
                carried = e;
            }
        }
        return all;
    }

    @Override
    public void onOutput(final DirectBuffer buffer, final int offset, final int length)
    {
        header.wrap(buffer, offset);
        if (header.templateId() == OrderFilledDecoder.TEMPLATE_ID)
        {
            filled.wrapAndApplyHeader(buffer, offset, header);
            final int id = filled.instrumentId();
            final int k = id >= 0 && id < MAX_INSTRUMENT_ID ? indexOf[id] : -1;
            if (k < 0)
            {
                return;
            }
            final long notional = FixedPoint.notional(filled.qty(), qtyScale[k], filled.price(), priceScale[k]);
            if (filled.side() == Side.BUY)
            {
                cash = FixedPoint.subtractMoney(cash, FixedPoint.addMoney(notional, filled.commission()));
                position[k] = FixedPoint.addMoney(position[k], filled.qty());
            }
            else
            {
                cash = FixedPoint.addMoney(cash, FixedPoint.subtractMoney(notional, filled.commission()));
                position[k] = FixedPoint.subtractMoney(position[k], filled.qty());
            }
        }
    }

    /** Points on the curve so far. */
    public int size()
    {
        return timesNs.size();
    }

    /** The event time of point {@code i}, ns since the epoch. */
    public long timeNs(final int i)
    {
        return timesNs.getLong(i);
    }

    /** The index (into the symbols) of the instrument whose event the point follows. */
    public int instrument(final int i)
    {
        return instrumentOf.getInt(i);
    }

    /** True if any instrument held a position after the point's event. */
    public boolean held(final int i)
    {
        return held.get(i);
    }

    /** Bar close or trade price of the point's instrument, at that instrument's price scale. */
    public long price(final int i)
    {
        return prices.getLong(i);
    }

    /** Position in the point's instrument after the event, at that instrument's quantity scale. */
    public long position(final int i)
    {
        return positions.getLong(i);
    }

    /** Money at 10^-8. */
    public long equity(final int i)
    {
        return equity.getLong(i);
    }

    /** The first instrument's price scale. */
    public int priceScale()
    {
        return priceScale[0];
    }

    /** The traded symbols; per-instrument figures take an index into this list. */
    public List<String> symbols()
    {
        return symbols;
    }

    /** The instrument id the k-th symbol was defined with; -1 if it never was. */
    public int instrumentId(final int k)
    {
        return instrumentIds[k];
    }

    /** The k-th instrument's price scale (from its definition); 0 if it was never defined. */
    public int priceScale(final int k)
    {
        return priceScale[k];
    }

    /** The k-th instrument's quantity scale (from its definition); 0 if it was never defined. */
    public int qtyScale(final int k)
    {
        return qtyScale[k];
    }

    /** The k-th instrument's position at the end, at its quantity scale. */
    public long finalPosition(final int k)
    {
        return position[k];
    }

    /** The k-th instrument's first market price at its price scale; 0 without one. */
    public long firstPrice(final int k)
    {
        return firstPrice[k];
    }

    /** The k-th instrument's last market price at its price scale; 0 without one. */
    public long lastPrice(final int k)
    {
        return lastPrice[k];
    }
}
