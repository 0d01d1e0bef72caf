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
import org.agrona.collections.LongArrayList;

import java.util.List;

/**
 * The portfolio marked to market after every bar or trade of the traded instrument: one point per such
 * market event, with its time, price (bar close or trade price), position and equity = cash + position
 * x price. Cash and position are kept exactly as the engine keeps them, from the fills in its output
 * stream, so the last point's equity is the report's final value.
 *
 * <p>It sits in front of the engine ({@link #observe(InputSink)}) to see prices and behind it (as the
 * {@link OutputListener}) to see fills. A market event's fills (orders decided on the previous event)
 * are booked while the event is being processed, so the point taken after it includes them.
 */
public final class EquityCurve implements OutputListener
{
    private final String symbol;
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final InstrumentDefinitionDecoder definition = new InstrumentDefinitionDecoder();
    private final BarDecoder bar = new BarDecoder();
    private final TradeTickDecoder trade = new TradeTickDecoder();
    private final OrderFilledDecoder filled = new OrderFilledDecoder();
    private final LongArrayList timesNs = new LongArrayList();
    private final LongArrayList prices = new LongArrayList();
    private final LongArrayList positions = new LongArrayList();
    private final LongArrayList equity = new LongArrayList();
    private int instrumentId = -1;
    private int priceScale;
    private int qtyScale;
    private long cash;
    private long position;

    public EquityCurve(final String symbol, final long initialCash)
    {
        this.symbol = symbol;
        this.cash = initialCash;
    }

    /** A sink that passes every input on to {@code engine}, then takes a point if it was a price of the traded instrument. */
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
            if (symbol.equals(definition.symbol()))
            {
                instrumentId = definition.instrumentId();
                priceScale = definition.priceScale();
                qtyScale = definition.qtyScale();
            }
        }
        else if (sourceId == Sources.MARKET_DATA && template == BarDecoder.TEMPLATE_ID)
        {
            bar.wrapAndApplyHeader(buffer, offset, header);
            if (bar.instrumentId() == instrumentId)
            {
                mark(bar.timeNs(), bar.closePrice());
            }
        }
        else if (sourceId == Sources.MARKET_DATA && template == TradeTickDecoder.TEMPLATE_ID)
        {
            trade.wrapAndApplyHeader(buffer, offset, header);
            if (trade.instrumentId() == instrumentId)
            {
                mark(trade.timeNs(), trade.price());
            }
        }
    }

    private void mark(final long timeNs, final long price)
    {
        add(timeNs, price, position, FixedPoint.addMoney(cash, FixedPoint.notional(position, qtyScale, price, priceScale)));
    }

    void add(final long timeNs, final long price, final long position, final long equity)
    {
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
            all.priceScale = window.priceScale;
            final long start = carried;
            for (int i = 0; i < window.size(); i++)
            {
                final long e = initialCash <= 0 ? window.equity(i) : FixedPoint.mulDiv(window.equity(i), start, initialCash);
                all.add(window.timeNs(i), window.price(i), window.position(i), e);
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
            final long notional = FixedPoint.notional(filled.qty(), qtyScale, filled.price(), priceScale);
            if (filled.side() == Side.BUY)
            {
                cash = FixedPoint.subtractMoney(cash, FixedPoint.addMoney(notional, filled.commission()));
                position = FixedPoint.addMoney(position, filled.qty());
            }
            else
            {
                cash = FixedPoint.addMoney(cash, FixedPoint.subtractMoney(notional, filled.commission()));
                position = FixedPoint.subtractMoney(position, filled.qty());
            }
        }
    }

    public int size()
    {
        return timesNs.size();
    }

    public long timeNs(final int i)
    {
        return timesNs.getLong(i);
    }

    /** Bar close or trade price at the instrument's price scale. */
    public long price(final int i)
    {
        return prices.getLong(i);
    }

    /** Position held after the event, at the instrument's quantity scale. */
    public long position(final int i)
    {
        return positions.getLong(i);
    }

    /** Money at 10^-8. */
    public long equity(final int i)
    {
        return equity.getLong(i);
    }

    public int priceScale()
    {
        return priceScale;
    }
}
