package io.qts.adapters.upbit;

import io.qts.engine.DecodedInput;
import io.qts.engine.InputDecoder;
import io.qts.journal.Sources;
import io.qts.journal.sbe.RejectReason;
import org.agrona.DirectBuffer;

import java.nio.charset.StandardCharsets;

/**
 * Decodes Upbit JSON on the engine thread (register for EntryHeader.FORMAT_JSON with
 * {@code EngineContext.inputDecoder}): an allocation-free byte scan, numbers straight into fixed-point longs at
 * the scales of the instrument the journal defined for the message's {@code code}/{@code market}.
 * <ul>
 *   <li>Market data (source MARKET_DATA): {@code trade} (trade_price, trade_volume, sequential_id as the trade id
 *   for de-duplication, trade_timestamp); {@code orderbook} (best level of orderbook_units as the quote);
 *   {@code ticker} and {@code {"status":"UP"}} are read and ignored; our feed-state note
 *   {@code {"qts":"feed","stale":true|false}} tells risk the feed went stale or fresh.</li>
 *   <li>Venue (source VENUE): the private stream's {@code myOrder} (identifier = our client order id; state
 *   wait/watch = accepted, trade = fill, done = done, cancel = cancelled); the order gateway's REST answers, wrapped
 *   as {@code {"qts":"rest","op":"create|query|cancel","identifier":"N","market":"KRW-BTC","status":201,"body":<as
 *   received>}} (status 0: no answer, given up); and {@code {"qts":"venue","event":"blocked","until_ns":N}} (418).</li>
 * </ul>
 * Anything else, an unknown market, a missing field or a number that does not fit the scale is malformed: counted
 * by the engine, kept in the journal, never fatal.
 */
public final class UpbitDecoder implements InputDecoder
{
    private static final long NS_PER_MS = 1_000_000L;
    private static final int MONEY_SCALE = 8;

    private static final byte[] TYPE = ascii("type");
    private static final byte[] CODE = ascii("code");
    private static final byte[] MARKET = ascii("market");
    private static final byte[] TRADE = ascii("trade");
    private static final byte[] ORDERBOOK = ascii("orderbook");
    private static final byte[] TICKER = ascii("ticker");
    private static final byte[] MY_ORDER = ascii("myOrder");
    private static final byte[] TRADE_PRICE = ascii("trade_price");
    private static final byte[] TRADE_VOLUME = ascii("trade_volume");
    private static final byte[] TRADE_TIMESTAMP = ascii("trade_timestamp");
    private static final byte[] SEQUENTIAL_ID = ascii("sequential_id");
    private static final byte[] ORDERBOOK_UNITS = ascii("orderbook_units");
    private static final byte[] ASK_PRICE = ascii("ask_price");
    private static final byte[] BID_PRICE = ascii("bid_price");
    private static final byte[] STATUS = ascii("status");
    private static final byte[] QTS = ascii("qts");
    private static final byte[] FEED = ascii("feed");
    private static final byte[] STALE = ascii("stale");
    private static final byte[] TRUE = ascii("true");
    private static final byte[] REST = ascii("rest");
    private static final byte[] VENUE = ascii("venue");
    private static final byte[] EVENT = ascii("event");
    private static final byte[] BLOCKED = ascii("blocked");
    private static final byte[] UNTIL_NS = ascii("until_ns");
    private static final byte[] OP = ascii("op");
    private static final byte[] CREATE = ascii("create");
    private static final byte[] QUERY = ascii("query");
    private static final byte[] IDENTIFIER = ascii("identifier");
    private static final byte[] BODY = ascii("body");
    private static final byte[] STATE = ascii("state");
    private static final byte[] WAIT = ascii("wait");
    private static final byte[] WATCH = ascii("watch");
    private static final byte[] DONE = ascii("done");
    private static final byte[] CANCEL = ascii("cancel");
    private static final byte[] ASK_BID = ascii("ask_bid");
    private static final byte[] BID = ascii("BID");
    private static final byte[] ASK = ascii("ASK");
    private static final byte[] PRICE = ascii("price");
    private static final byte[] VOLUME = ascii("volume");
    private static final byte[] REMAINING_VOLUME = ascii("remaining_volume");
    private static final byte[] TRADE_FEE = ascii("trade_fee");
    private static final byte[] RECONCILE = ascii("reconcile");
    private static final byte[] PROCESS = ascii("process");
    private static final byte[] ACCOUNTS = ascii("accounts");
    private static final byte[] SIDE = ascii("side");
    private static final byte[] BID_LOWER = ascii("bid");
    private static final byte[] ASK_LOWER = ascii("ask");
    private static final byte[] EXECUTED_VOLUME = ascii("executed_volume");
    private static final byte[] EXECUTED_FUNDS = ascii("executed_funds");
    private static final byte[] PAID_FEE = ascii("paid_fee");

    private final JsonScanner json = new JsonScanner();

    private static byte[] ascii(final String text)
    {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public void decode(final int sourceId, final DirectBuffer payload, final int length, final DecodedInput out)
    {
        if (!json.wrap(payload, 0, length))
        {
            out.malformed();
            return;
        }
        final int end = json.end();
        final int qts = json.find(QTS, 0, end);
        if (qts >= 0)
        {
            ourNote(sourceId, qts, end, out);
            return;
        }
        final int type = json.find(TYPE, 0, end);
        if (sourceId == Sources.MARKET_DATA)
        {
            if (json.stringIs(type, TRADE))
            {
                trade(end, out);
            }
            else if (json.stringIs(type, ORDERBOOK))
            {
                orderbook(end, out);
            }
            else if (json.stringIs(type, TICKER) || (type < 0 && json.find(STATUS, 0, end) >= 0))
            {
                out.ignored();
            }
            else
            {
                out.malformed();
            }
        }
        else if (sourceId == Sources.VENUE && json.stringIs(type, MY_ORDER))
        {
            myOrder(0, end, out);
        }
        else
        {
            out.malformed();
        }
    }

    private int instrument(final byte[] key, final int from, final int to, final DecodedInput out)
    {
        final int at = json.find(key, from, to);
        if (!json.string(at))
        {
            return -1;
        }
        return out.instrumentId(json.buffer(), json.stringStart(), json.stringLength());
    }

    private void trade(final int end, final DecodedInput out)
    {
        final int id = instrument(CODE, 0, end, out);
        if (id < 0)
        {
            out.malformed();
            return;
        }
        final long price = json.fixed(json.require(TRADE_PRICE, 0, end), out.priceScale(id));
        final long qty = json.fixed(json.require(TRADE_VOLUME, 0, end), out.qtyScale(id));
        final int seqAt = json.find(SEQUENTIAL_ID, 0, end);
        final long tradeId = seqAt < 0 ? 0 : json.integer(seqAt);
        final int timeAt = json.find(TRADE_TIMESTAMP, 0, end);
        final long venueTimeNs = timeAt < 0 ? 0 : json.integer(timeAt) * NS_PER_MS;
        if (!json.ok())
        {
            out.malformed();
            return;
        }
        out.trade(id, price, qty, tradeId, venueTimeNs);
    }

    private void orderbook(final int end, final DecodedInput out)
    {
        final int id = instrument(CODE, 0, end, out);
        final int units = json.find(ORDERBOOK_UNITS, 0, end);
        final int unitsEnd = json.endOfContainer(units);
        if (id < 0 || unitsEnd < 0)
        {
            out.malformed();
            return;
        }
        final int scale = out.priceScale(id);
        final long ask = json.fixed(json.require(ASK_PRICE, units, unitsEnd), scale);
        final long bid = json.fixed(json.require(BID_PRICE, units, unitsEnd), scale);
        if (!json.ok())
        {
            out.malformed();
            return;
        }
        out.quote(id, bid, ask);
    }

    /** An order's state, from the private stream or a REST body in [from, to). */
    private void myOrder(final int from, final int to, final DecodedInput out)
    {
        final long clientOrderId = identifier(json.find(IDENTIFIER, from, to));
        final int id = instrument(CODE, from, to, out);
        final int state = json.find(STATE, from, to);
        if (clientOrderId < 0 || id < 0 || !json.ok())
        {
            out.malformed();
            return;
        }
        if (json.stringIs(state, WAIT) || json.stringIs(state, WATCH))
        {
            out.accepted(clientOrderId, id);
        }
        else if (json.stringIs(state, TRADE))
        {
            fill(clientOrderId, id, from, to, out);
        }
        else if (json.stringIs(state, DONE))
        {
            out.done(clientOrderId, id);
        }
        else if (json.stringIs(state, CANCEL))
        {
            out.cancelled(clientOrderId, id);
        }
        else
        {
            out.malformed();
        }
    }

    private void fill(final long clientOrderId, final int id, final int from, final int to, final DecodedInput out)
    {
        final int sideAt = json.find(ASK_BID, from, to);
        final int side = json.stringIs(sideAt, BID) ? DecodedInput.BUY : json.stringIs(sideAt, ASK) ? DecodedInput.SELL : 0;
        final long price = json.fixed(json.require(PRICE, from, to), out.priceScale(id));
        final long qty = json.fixed(json.require(VOLUME, from, to), out.qtyScale(id));
        final int leavesAt = json.find(REMAINING_VOLUME, from, to);
        final long leaves = leavesAt < 0 || json.isNull(leavesAt) ? DecodedInput.LEAVES_UNKNOWN : json.fixed(leavesAt, out.qtyScale(id));
        final int feeAt = json.find(TRADE_FEE, from, to);
        final long fee = feeAt < 0 || json.isNull(feeAt) ? 0 : json.fixed(feeAt, MONEY_SCALE);
        if (!json.ok() || side == 0)
        {
            out.malformed();
            return;
        }
        out.filled(clientOrderId, id, side, price, qty, leaves, fee);
    }

    /**
     * The answer to {@code GET /v1/order?identifier=} asked at reconciliation: 200 gives the order's cumulative account
     * (side, state, executed_volume, executed_funds, paid_fee); 404 means it never reached the venue. Any other answer
     * decides nothing (the reconciler asks again).
     */
    private void reconcile(
        final long clientOrderId, final int id, final long status, final int body, final int end, final DecodedInput out)
    {
        if (clientOrderId < 0 || id < 0)
        {
            out.malformed();
            return;
        }
        if (status == 404)
        {
            out.orderStatus(clientOrderId, id, 0, 0, 0, 0, DecodedInput.VENUE_ORDER_NOT_FOUND);
            return;
        }
        if (status != 200 || body < 0)
        {
            out.ignored();
            return;
        }
        final int sideAt = json.require(SIDE, body, end);
        final int side = json.stringIs(sideAt, BID_LOWER) ? DecodedInput.BUY : json.stringIs(sideAt, ASK_LOWER) ? DecodedInput.SELL : 0;
        final int stateAt = json.require(STATE, body, end);
        final int state = json.stringIs(stateAt, WAIT) || json.stringIs(stateAt, WATCH) ? DecodedInput.VENUE_ORDER_OPEN
            : json.stringIs(stateAt, DONE) || json.stringIs(stateAt, CANCEL) ? DecodedInput.VENUE_ORDER_ENDED : 0;
        final long executed = json.fixed(json.require(EXECUTED_VOLUME, body, end), out.qtyScale(id));
        final long funds = json.fixed(json.require(EXECUTED_FUNDS, body, end), MONEY_SCALE);
        final long fee = json.fixed(json.require(PAID_FEE, body, end), MONEY_SCALE);
        if (!json.ok() || side == 0 || state == 0)
        {
            out.malformed();
            return;
        }
        out.orderStatus(clientOrderId, id, side, executed, funds, fee, state);
    }

    /** Our client order id from an identifier (a decimal string); -1 if it is not one of ours. */
    private long identifier(final int at)
    {
        if (!json.string(at))
        {
            return -1;
        }
        final long value = json.integer(at);
        return json.ok() && value >= 0 ? value : -1;
    }

    /** Our own notes: the feed's staleness, the gateway's wrapped REST answers, a venue block. */
    private void ourNote(final int sourceId, final int qts, final int end, final DecodedInput out)
    {
        if (sourceId == Sources.MARKET_DATA && json.stringIs(qts, FEED))
        {
            final int stale = json.find(STALE, 0, end);
            if (stale < 0)
            {
                out.malformed();
                return;
            }
            out.feedStale(stale + TRUE.length <= end && startsWith(stale, TRUE));
        }
        else if (sourceId == Sources.VENUE && json.stringIs(qts, VENUE))
        {
            final int until = json.find(UNTIL_NS, 0, end);
            final long untilNs = json.integer(until);
            if (!json.stringIs(json.find(EVENT, 0, end), BLOCKED) || !json.ok())
            {
                out.malformed();
                return;
            }
            out.venueBlocked(untilNs);
        }
        else if (sourceId == Sources.VENUE && json.stringIs(qts, REST))
        {
            rest(end, out);
        }
        else if (json.stringIs(qts, PROCESS) || json.stringIs(qts, ACCOUNTS))
        {
            // Session bookkeeping (a process started, the account's balances): journaled for the record, nothing to decide.
            out.ignored();
        }
        else
        {
            out.malformed();
        }
    }

    private boolean startsWith(final int at, final byte[] text)
    {
        for (int i = 0; i < text.length; i++)
        {
            if (json.buffer().getByte(at + i) != text[i])
            {
                return false;
            }
        }
        return true;
    }

    /**
     * A REST answer: 2xx to a create or query means the order is at the venue (accepted; fills come from the
     * private stream); a create or query that failed for good (4xx, or status 0 = no answer after every retry)
     * is a venue reject; cancels and other calls are ignored (the cancel itself arrives as a state).
     */
    private void rest(final int end, final DecodedInput out)
    {
        final int body = json.find(BODY, 0, end);
        final int header = body < 0 ? end : body;
        final int op = json.find(OP, 0, header);
        final long status = json.integer(json.require(STATUS, 0, header));
        final long clientOrderId = identifier(json.find(IDENTIFIER, 0, header));
        final int id = instrument(MARKET, 0, header, out);
        if (!json.ok())
        {
            out.malformed();
            return;
        }
        if (json.stringIs(op, RECONCILE))
        {
            reconcile(clientOrderId, id, status, body, end, out);
            return;
        }
        if (!json.stringIs(op, CREATE) && !json.stringIs(op, QUERY))
        {
            out.ignored();
            return;
        }
        if (clientOrderId < 0 || id < 0)
        {
            out.malformed();
            return;
        }
        if (status >= 200 && status < 300)
        {
            out.accepted(clientOrderId, id);
        }
        else
        {
            out.rejected(clientOrderId, id, status == 409 ? RejectReason.DUPLICATE_ORDER_ID : RejectReason.VENUE_REJECTED);
        }
    }
}
