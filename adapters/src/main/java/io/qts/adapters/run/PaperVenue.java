package io.qts.adapters.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qts.adapters.upbit.UpbitOrderGateway;
import io.qts.engine.InputSink;
import io.qts.engine.pipeline.OrderConsumer;
import io.qts.engine.pipeline.OrderFeed;
import io.qts.engine.venue.SimulatedVenue;
import io.qts.journal.EntryHeader;
import io.qts.journal.Journal;
import io.qts.journal.JournalAppender;
import io.qts.journal.Sources;
import io.qts.journal.sbe.Aggressor;
import io.qts.journal.sbe.MessageHeaderEncoder;
import io.qts.journal.sbe.TradeTickEncoder;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.math.BigDecimal;

/**
 * {@code --paper}: orders never leave the process. Market data still comes from the venue; each order the
 * engine sends is journaled to out/ and filled by the engine's own {@link SimulatedVenue} at the price of
 * the next live trade, as a backtest fills: before that trade reaches the engine, the venue takes the
 * orders decided so far (waiting for the engine to finish what it was given), fills them at the trade's
 * price, and its answers go in ahead of the trade, at the trade's time. Sits between the input's lock
 * ({@link io.qts.adapters.upbit.SerializedInput}) and the pipeline, so one thread at a time is in here.
 */
final class PaperVenue implements InputSink
{
    private static final ObjectMapper JSON = new ObjectMapper();

    private final InputSink engine;
    private final UpbitOrderGateway.Market market;
    private final SimulatedVenue venue;
    private final OrderFeed orders;
    private final Journal outJournal;
    private final byte[] orderCopy = new byte[EntryHeader.MAX_PAYLOAD_LENGTH];
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final TradeTickEncoder trade = new TradeTickEncoder();
    private final UnsafeBuffer tradeBuffer = new UnsafeBuffer(new byte[128]);
    /** Made on the publishing thread that first needs it: Chronicle appenders belong to one thread. */
    private JournalAppender outAppender;
    /** The time of the trade being handled: the venue's answers go in at it. */
    private long nowNs;
    private final InputSink answers;
    private final OrderConsumer toVenue;

    /**
     * @param orders the engine's outbound path, draining once the engine is idle ({@code LivePipeline#orders()}).
     */
    PaperVenue(
        final InputSink engine, final UpbitOrderGateway.Market market, final long commissionRate, final OrderFeed orders,
        final Journal outJournal)
    {
        this.engine = engine;
        this.market = market;
        this.venue = new SimulatedVenue(commissionRate);
        this.orders = orders;
        this.outJournal = outJournal;
        this.answers = (timeNs, sourceId, format, buffer, offset, length) ->
            engine.accept(Math.max(timeNs, nowNs), sourceId, format, buffer, offset, length);
        this.toVenue = (buffer, offset, length) ->
        {
            if (outAppender == null)
            {
                outAppender = outJournal.appender();
            }
            buffer.getBytes(offset, orderCopy, 0, length);
            outAppender.append(nowNs, Sources.ORDERS, EntryHeader.FORMAT_SBE, orderCopy, 0, length);
            venue.onOrder(buffer, offset, length, answers);
        };
    }

    void close()
    {
        if (outAppender != null)
        {
            outAppender.close();
        }
    }

    @Override
    public void accept(
        final long timeNs, final int sourceId, final int format, final DirectBuffer buffer, final int offset, final int length)
    {
        nowNs = timeNs;
        if (sourceId == Sources.REFERENCE && format == EntryHeader.FORMAT_SBE)
        {
            venue.onReference(buffer, offset, length);
        }
        else if (sourceId == Sources.MARKET_DATA && format == EntryHeader.FORMAT_JSON)
        {
            orders.drainAfterIdle(toVenue);
            final long price = tradePrice(buffer, offset, length);
            if (price > 0)
            {
                trade.wrapAndApplyHeader(tradeBuffer, 0, header)
                    .timeNs(timeNs).instrumentId(market.instrumentId()).aggressor(Aggressor.UNKNOWN).price(price).qty(0).tradeId(0);
                venue.onMarket(timeNs, tradeBuffer, 0, MessageHeaderEncoder.ENCODED_LENGTH + trade.encodedLength(), answers);
            }
        }
        engine.accept(timeNs, sourceId, format, buffer, offset, length);
    }

    /** The trade's price at the market's price scale, or 0 if the message is not a trade of this market. */
    private long tradePrice(final DirectBuffer buffer, final int offset, final int length)
    {
        final byte[] bytes = new byte[length];
        buffer.getBytes(offset, bytes);
        try
        {
            final JsonNode message = JSON.readTree(bytes);
            if (!"trade".equals(message.path("type").asText()) || !market.code().equals(message.path("code").asText()))
            {
                return 0;
            }
            return new BigDecimal(message.path("trade_price").asText()).movePointRight(market.priceScale()).longValueExact();
        }
        catch (final IOException | NumberFormatException | ArithmeticException ex)
        {
            // The engine counts what it cannot read; the paper venue just does not fill on it.
            return 0;
        }
    }
}
