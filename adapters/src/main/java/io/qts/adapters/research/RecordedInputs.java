package io.qts.adapters.research;

import io.qts.engine.InputSink;
import io.qts.journal.EntryHeader;
import io.qts.journal.Sources;
import io.qts.journal.sbe.BarDecoder;
import io.qts.journal.sbe.InstrumentDefinitionDecoder;
import io.qts.journal.sbe.MessageHeaderDecoder;
import io.qts.journal.sbe.TradeTickDecoder;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.collections.IntArrayList;
import org.agrona.collections.LongArrayList;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A backtest's inputs held in memory, read once from the data file or journal, so many backtests can
 * replay them at the same time (a journal reader is not shared between threads) and a walk-forward can
 * replay a window of them. Immutable once recorded; every replay uses its own view of the bytes.
 *
 * <p>A window is counted in market events (bars or trades) of the traded instrument. Its inputs are all
 * reference inputs (instrument definitions) before it, then every input from its first market event up to,
 * not including, the market event after its last; other inputs before the window (other instruments' data,
 * timers, admin commands) are left out.
 */
public final class RecordedInputs
{
    private final ExpandableArrayBuffer bytes = new ExpandableArrayBuffer(1 << 16);
    private final LongArrayList timesNs = new LongArrayList();
    private final IntArrayList sources = new IntArrayList();
    private final IntArrayList formats = new IntArrayList();
    private final IntArrayList offsets = new IntArrayList();
    private final IntArrayList lengths = new IntArrayList();
    /** Entry index of each market event of the traded instrument. */
    private final IntArrayList marketEntries = new IntArrayList();
    private int end;
    private boolean instrumentSeen;

    private RecordedInputs()
    {
    }

    /** The inputs of {@code replay} held in memory, with one traded symbol's bars and trades as the market events. */
    public static RecordedInputs record(final String symbol, final Consumer<InputSink> replay)
    {
        return record(List.of(symbol), replay);
    }

    /**
     * @param symbols the traded instruments: their bars and trades are the market events; seen once the first of
     *                them is defined
     */
    public static RecordedInputs record(final List<String> symbols, final Consumer<InputSink> replay)
    {
        final RecordedInputs inputs = new RecordedInputs();
        final MessageHeaderDecoder header = new MessageHeaderDecoder();
        final InstrumentDefinitionDecoder definition = new InstrumentDefinitionDecoder();
        final BarDecoder bar = new BarDecoder();
        final TradeTickDecoder trade = new TradeTickDecoder();
        final Set<Integer> traded = new HashSet<>();
        replay.accept((timeNs, sourceId, format, buffer, offset, length) ->
        {
            final int entry = inputs.add(timeNs, sourceId, format, buffer, offset, length);
            if (format != EntryHeader.FORMAT_SBE || length < MessageHeaderDecoder.ENCODED_LENGTH)
            {
                return;
            }
            final int template = header.wrap(buffer, offset).templateId();
            if (sourceId == Sources.REFERENCE && template == InstrumentDefinitionDecoder.TEMPLATE_ID &&
                symbols.contains(definition.wrapAndApplyHeader(buffer, offset, header).symbol()))
            {
                traded.add(definition.instrumentId());
                inputs.instrumentSeen = true;
            }
            else if (sourceId == Sources.MARKET_DATA && template == BarDecoder.TEMPLATE_ID &&
                traded.contains(bar.wrapAndApplyHeader(buffer, offset, header).instrumentId()))
            {
                inputs.marketEntries.addInt(entry);
            }
            else if (sourceId == Sources.MARKET_DATA && template == TradeTickDecoder.TEMPLATE_ID &&
                traded.contains(trade.wrapAndApplyHeader(buffer, offset, header).instrumentId()))
            {
                inputs.marketEntries.addInt(entry);
            }
        });
        return inputs;
    }

    private int add(final long timeNs, final int sourceId, final int format, final DirectBuffer buffer, final int offset,
        final int length)
    {
        bytes.putBytes(end, buffer, offset, length);
        timesNs.addLong(timeNs);
        sources.addInt(sourceId);
        formats.addInt(format);
        offsets.addInt(end);
        lengths.addInt(length);
        end += length;
        return timesNs.size() - 1;
    }

    /** Whether the inputs define the traded symbol. */
    public boolean instrumentSeen()
    {
        return instrumentSeen;
    }

    /** Bars or trades of the traded instrument. */
    public int marketEvents()
    {
        return marketEntries.size();
    }

    /** Time of the i-th market event. */
    public long marketTimeNs(final int i)
    {
        return timesNs.getLong(marketEntries.getInt(i));
    }

    /** Everything, in order: the same inputs a backtest reading the file or journal gets. */
    public void replay(final InputSink sink)
    {
        replay(sink, 0, 0, timesNs.size());
    }

    /** The market events [from, to) with the reference inputs before them; see the class comment. */
    public Consumer<InputSink> window(final int from, final int to)
    {
        final int first = marketEntries.getInt(from);
        final int last = to < marketEntries.size() ? marketEntries.getInt(to) : timesNs.size();
        return sink -> replay(sink, first, first, last);
    }

    /** Reference inputs before {@code first}, then all inputs in [first, last). */
    private void replay(final InputSink sink, final int referenceUntil, final int first, final int last)
    {
        final UnsafeBuffer view = new UnsafeBuffer(bytes.byteArray());
        for (int i = 0; i < referenceUntil; i++)
        {
            if (sources.getInt(i) == Sources.REFERENCE)
            {
                sink.accept(timesNs.getLong(i), Sources.REFERENCE, formats.getInt(i), view, offsets.getInt(i), lengths.getInt(i));
            }
        }
        for (int i = first; i < last; i++)
        {
            sink.accept(timesNs.getLong(i), sources.getInt(i), formats.getInt(i), view, offsets.getInt(i), lengths.getInt(i));
        }
    }
}
