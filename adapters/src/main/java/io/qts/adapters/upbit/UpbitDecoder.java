package io.qts.adapters.upbit;

import io.qts.engine.pipeline.DecodedInput;
import io.qts.engine.pipeline.InputDecoder;
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
 *   <li>Venue (source VENUE): the private stream's {@code myOrder} (identifier = this session's
 *   {@link VenueIdentifiers}, an order of another session or without one is ignored: never adopted; state
 *   wait/watch = accepted, trade = fill, done = done, cancel = cancelled); the order gateway's REST answers, wrapped
 *   as {@code {"qts":"rest","op":"create|query|cancel","identifier":"ID","market":"KRW-BTC","status":201,"body":<as
 *   received>}} (status 0: no answer, given up: the order is in doubt; a query answered 404: never arrived);
 *   {@code "op":"resync"} (after a private-stream reconnect) and {@code "op":"poll"} (an order sent while it was down)
 *   answered 200 with the order are booked like a reconciliation answer, any other answer to them changes nothing;
 *   the gateway's {@code {"qts":"blind",...}} note (an order sent while the stream is down) is kept for the record;
 *   {@code {"qts":"venue","event":"blocked","until_ns":N}} (418); and {@code {"qts":"orders","down":true|false}}, the
 *   private stream's state (down: no new entries). A fill carries trade_uuid (its repeat is dropped)
 *   and executed_volume (the order's cumulative quantity, also on done and cancel); state prevented (self-trade
 *   prevention) is a cancel, and a state not listed here leaves the order in doubt. A note with
 *   {@code "instrument_id":N} instead of a market is the gateway's: no venue market for that instrument, not sent.</li>
 * </ul>
 * Fields are read by the message's structure: a member of the message object, never a nested key of the same name.
 * An optional field given as {@code null} counts as absent. Anything else, an unknown market, a missing required
 * field or a number that does not fit the scale is malformed: counted by the engine, kept in the journal, never
 * fatal. A trade_fee with more decimals than 8 is rounded half-even to 10^-8 (the fill is kept).
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
    private static final byte[] ORDERS = ascii("orders");
    private static final byte[] DOWN = ascii("down");
    private static final byte[] VENUE = ascii("venue");
    private static final byte[] EVENT = ascii("event");
    private static final byte[] BLOCKED = ascii("blocked");
    private static final byte[] UNTIL_NS = ascii("until_ns");
    private static final byte[] OP = ascii("op");
    private static final byte[] CREATE = ascii("create");
    private static final byte[] QUERY = ascii("query");
    private static final byte[] IDENTIFIER = ascii("identifier");
    private static final byte[] STATE = ascii("state");
    private static final byte[] WAIT = ascii("wait");
    private static final byte[] WATCH = ascii("watch");
    private static final byte[] DONE = ascii("done");
    private static final byte[] CANCEL = ascii("cancel");
    /** Upbit's self-trade prevention ended the order: like a cancel. */
    private static final byte[] PREVENTED = ascii("prevented");
    private static final byte[] INSTRUMENT_ID = ascii("instrument_id");
    private static final byte[] ASK_BID = ascii("ask_bid");
    private static final byte[] BID = ascii("BID");
    private static final byte[] ASK = ascii("ASK");
    private static final byte[] PRICE = ascii("price");
    private static final byte[] VOLUME = ascii("volume");
    private static final byte[] REMAINING_VOLUME = ascii("remaining_volume");
    private static final byte[] TRADE_FEE = ascii("trade_fee");
    private static final byte[] TRADE_UUID = ascii("trade_uuid");
    private static final byte[] EXECUTED_VOLUME = ascii("executed_volume");
    private static final byte[] RECONCILE = ascii("reconcile");
    /** The gateway's queries after a private-stream reconnect, and of an order sent while the stream was down. */
    private static final byte[] RESYNC = ascii("resync");
    private static final byte[] POLL = ascii("poll");
    private static final byte[] BLIND = ascii("blind");
    private static final byte[] PROCESS = ascii("process");
    private static final byte[] ACCOUNTS = ascii("accounts");
    private static final byte[] BODY = ascii("body");
    private static final byte[] SIDE = ascii("side");
    private static final byte[] BID_LOWER = ascii("bid");
    private static final byte[] ASK_LOWER = ascii("ask");
    private static final byte[] EXECUTED_FUNDS = ascii("executed_funds");
    private static final byte[] PAID_FEE = ascii("paid_fee");

    /** {@link #identifier}: an order of someone else (another session's nonce, a manual order without one). */
    private static final long FOREIGN = -2;

    private final JsonScanner json = new JsonScanner();
    private final VenueIdentifiers identifiers;
    private DirectBuffer payload;

    /** @param identifiers this session's venue identifiers: only orders carrying its nonce are ours. */
    public UpbitDecoder(final VenueIdentifiers identifiers)
    {
        this.identifiers = identifiers;
    }

    private static byte[] ascii(final String text)
    {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public void decode(final int sourceId, final DirectBuffer payload, final int length, final DecodedInput out)
    {
        this.payload = payload;
        if (!json.wrap(payload, 0, length))
        {
            out.malformed();
            return;
        }
        final int root = json.root();
        final int qts = json.member(QTS, root);
        if (qts >= 0)
        {
            ourNote(sourceId, root, qts, out);
            return;
        }
        final int type = json.member(TYPE, root);
        if (sourceId == Sources.MARKET_DATA)
        {
            if (json.stringIs(type, TRADE))
            {
                trade(root, out);
            }
            else if (json.stringIs(type, ORDERBOOK))
            {
                orderbook(root, out);
            }
            else if (json.stringIs(type, TICKER) || (type < 0 && json.member(STATUS, root) >= 0))
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
            myOrder(root, out);
        }
        else
        {
            out.malformed();
        }
    }

    private int instrument(final byte[] key, final int object, final DecodedInput out)
    {
        final int at = json.member(key, object);
        if (!json.string(at))
        {
            return -1;
        }
        return out.instrumentId(json.buffer(), json.stringStart(), json.stringLength());
    }

    private void trade(final int root, final DecodedInput out)
    {
        final int id = instrument(CODE, root, out);
        if (id < 0)
        {
            out.malformed();
            return;
        }
        final long price = json.fixed(json.requireMember(TRADE_PRICE, root), out.priceScale(id));
        final long qty = json.fixed(json.requireMember(TRADE_VOLUME, root), out.qtyScale(id));
        final int seqAt = json.member(SEQUENTIAL_ID, root);
        final long tradeId = json.absent(seqAt) ? 0 : json.integer(seqAt);
        final int timeAt = json.member(TRADE_TIMESTAMP, root);
        final long venueTimeNs = json.absent(timeAt) ? 0 : json.integer(timeAt) * NS_PER_MS;
        if (!json.ok())
        {
            out.malformed();
            return;
        }
        out.trade(id, price, qty, tradeId, venueTimeNs);
    }

    private void orderbook(final int root, final DecodedInput out)
    {
        final int id = instrument(CODE, root, out);
        final int best = json.firstElement(json.member(ORDERBOOK_UNITS, root));
        if (id < 0 || best < 0)
        {
            out.malformed();
            return;
        }
        final int scale = out.priceScale(id);
        final long ask = json.fixed(json.requireMember(ASK_PRICE, best), scale);
        final long bid = json.fixed(json.requireMember(BID_PRICE, best), scale);
        if (!json.ok())
        {
            out.malformed();
            return;
        }
        out.quote(id, bid, ask);
    }

    /** An order's state from the private stream, the object at {@code order}. */
    private void myOrder(final int order, final DecodedInput out)
    {
        final long clientOrderId = identifier(json.member(IDENTIFIER, order));
        if (clientOrderId == FOREIGN)
        {
            // Not this session's order: never adopted, whatever its market, side or size.
            out.ignored();
            return;
        }
        final int id = instrument(CODE, order, out);
        final int state = json.member(STATE, order);
        if (clientOrderId < 0 || id < 0 || !json.ok())
        {
            out.malformed();
            return;
        }
        final int executedAt = json.member(EXECUTED_VOLUME, order);
        final long executed = json.absent(executedAt) ? DecodedInput.EXECUTED_UNKNOWN : json.fixed(executedAt, out.qtyScale(id));
        if (!json.ok())
        {
            out.malformed();
        }
        else if (json.stringIs(state, WAIT) || json.stringIs(state, WATCH))
        {
            out.accepted(clientOrderId, id);
        }
        else if (json.stringIs(state, TRADE))
        {
            fill(clientOrderId, id, order, executed, out);
        }
        else if (json.stringIs(state, DONE))
        {
            out.done(clientOrderId, id, executed);
        }
        else if (json.stringIs(state, CANCEL) || json.stringIs(state, PREVENTED))
        {
            out.cancelled(clientOrderId, id, executed);
        }
        else
        {
            // A state this decoder does not know, of one of our orders: not malformed (the order would stay entering or
            // exiting without a word) but in doubt, counted, until the venue reports what it knows.
            out.inDoubt(clientOrderId, id);
        }
    }

    private void fill(final long clientOrderId, final int id, final int order, final long executed, final DecodedInput out)
    {
        final int sideAt = json.member(ASK_BID, order);
        final int side = json.stringIs(sideAt, BID) ? DecodedInput.BUY : json.stringIs(sideAt, ASK) ? DecodedInput.SELL : 0;
        final long price = json.fixed(json.requireMember(PRICE, order), out.priceScale(id));
        final long qty = json.fixed(json.requireMember(VOLUME, order), out.qtyScale(id));
        final int leavesAt = json.member(REMAINING_VOLUME, order);
        final long leaves = json.absent(leavesAt) ? DecodedInput.LEAVES_UNKNOWN : json.fixed(leavesAt, out.qtyScale(id));
        final int feeAt = json.member(TRADE_FEE, order);
        // Upbit quotes fees with more decimals than our money scale: rounded half-even to 10^-8, the rule every
        // other rounded money figure of the engine follows (README, Numbers), rather than drop the fill.
        final long fee = json.absent(feeAt) ? 0 : json.fixedHalfEven(feeAt, MONEY_SCALE);
        final long tradeId = tradeId(json.member(TRADE_UUID, order));
        if (!json.ok() || side == 0)
        {
            out.malformed();
            return;
        }
        out.filled(clientOrderId, id, side, price, qty, leaves, fee, tradeId, executed);
    }

    /**
     * The venue's trade id (Upbit's trade_uuid, a string) folded to 63 bits by FNV-1a, or NO_TRADE_ID when absent.
     * Two different ids colliding among the recent ones is a 2^-63-order event.
     */
    private long tradeId(final int at)
    {
        if (!json.string(at))
        {
            return DecodedInput.NO_TRADE_ID;
        }
        long hash = 0xcbf29ce484222325L;
        final int from = json.stringStart();
        for (int i = 0; i < json.stringLength(); i++)
        {
            hash ^= json.buffer().getByte(from + i) & 0xff;
            hash *= 0x100000001b3L;
        }
        // Positive, as trade ids are (RecentTradeIds remembers ids above 0); 0 would read as no id.
        final long id = hash & Long.MAX_VALUE;
        return id == DecodedInput.NO_TRADE_ID ? 1 : id;
    }

    /**
     * The answer to {@code GET /v1/order?identifier=} asked at reconciliation: 200 gives the order's cumulative account
     * (side, state, executed_volume, executed_funds, paid_fee); 404 means it never reached the venue. Any other answer
     * decides nothing (the reconciler asks again).
     */
    private void reconcile(
        final long clientOrderId, final int id, final long status, final int body, final DecodedInput out)
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
        if (status != 200 || body < 0 || json.isNull(body))
        {
            out.ignored();
            return;
        }
        final int sideAt = json.requireMember(SIDE, body);
        final int side = json.stringIs(sideAt, BID_LOWER) ? DecodedInput.BUY : json.stringIs(sideAt, ASK_LOWER) ? DecodedInput.SELL : 0;
        final int stateAt = json.requireMember(STATE, body);
        final int state = json.stringIs(stateAt, WAIT) || json.stringIs(stateAt, WATCH) ? DecodedInput.VENUE_ORDER_OPEN
            : json.stringIs(stateAt, DONE) || json.stringIs(stateAt, CANCEL) || json.stringIs(stateAt, PREVENTED)
                ? DecodedInput.VENUE_ORDER_ENDED : 0;
        final long executed = json.fixed(json.requireMember(EXECUTED_VOLUME, body), out.qtyScale(id));
        final long funds = json.fixedHalfEven(json.requireMember(EXECUTED_FUNDS, body), MONEY_SCALE);
        final long fee = json.fixedHalfEven(json.requireMember(PAID_FEE, body), MONEY_SCALE);
        if (!json.ok() || side == 0 || state == 0)
        {
            out.malformed();
            return;
        }
        out.orderStatus(clientOrderId, id, side, executed, funds, fee, state);
    }

    /**
     * Our client order id from a venue identifier ({@link VenueIdentifiers}); {@link #FOREIGN} for null or another
     * session's identifier; -1 when the field is missing or not a string.
     */
    private long identifier(final int at)
    {
        if (json.isNull(at))
        {
            return FOREIGN;
        }
        if (!json.string(at))
        {
            return -1;
        }
        final long clientOrderId = identifiers.clientOrderId(payload, json.stringStart(), json.stringLength());
        return clientOrderId >= 0 ? clientOrderId : FOREIGN;
    }

    /** Our own notes: the feed's staleness, the private stream's state, the gateway's wrapped REST answers, a venue block. */
    private void ourNote(final int sourceId, final int root, final int qts, final DecodedInput out)
    {
        if (sourceId == Sources.MARKET_DATA && json.stringIs(qts, FEED))
        {
            final int stale = json.member(STALE, root);
            if (stale < 0)
            {
                out.malformed();
                return;
            }
            out.feedStale(stale + TRUE.length <= json.end() && startsWith(stale, TRUE));
        }
        else if (sourceId == Sources.VENUE && json.stringIs(qts, VENUE))
        {
            final long untilNs = json.integer(json.member(UNTIL_NS, root));
            if (!json.stringIs(json.member(EVENT, root), BLOCKED) || !json.ok())
            {
                out.malformed();
                return;
            }
            out.venueBlocked(untilNs);
        }
        else if (sourceId == Sources.VENUE && json.stringIs(qts, REST))
        {
            rest(root, out);
        }
        else if (sourceId == Sources.VENUE && json.stringIs(qts, ORDERS))
        {
            final int down = json.member(DOWN, root);
            if (down < 0)
            {
                out.malformed();
                return;
            }
            out.orderStreamDown(down + TRUE.length <= json.end() && startsWith(down, TRUE));
        }
        else if (json.stringIs(qts, PROCESS) || json.stringIs(qts, ACCOUNTS) || json.stringIs(qts, BLIND))
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

    /** The gateway has no venue market for the order's instrument: it never left, a reject (UNKNOWN_INSTRUMENT). */
    private void noMarket(final int op, final long clientOrderId, final long instrumentId, final DecodedInput out)
    {
        if (!json.ok() || !json.stringIs(op, CREATE) || clientOrderId < 0 || instrumentId < 0 || instrumentId > Integer.MAX_VALUE)
        {
            out.malformed();
            return;
        }
        out.rejected(clientOrderId, (int)instrumentId, RejectReason.UNKNOWN_INSTRUMENT);
    }

    /**
     * A REST answer: 2xx to a create means the order is at the venue (accepted; fills come from the private
     * stream); a query's 200 with the order's cumulative account is an order status, booked beyond what is booked
     * already ({@link #reconcile}), and any other 2xx to it an acceptance; a create refused for good (4xx) is a venue
     * reject (409: the identifier is taken); a query answered 404 is the gateway's verdict that the order never arrived (it publishes that only after its grace
     * period), a reject with UNKNOWN_ORDER that lets the strategy decide again; status 0 (no answer after every try)
     * or any other answer to a query leaves the order in doubt, never rejected. Cancels and other calls are ignored
     * (the cancel itself arrives as a state).
     */
    private void rest(final int root, final DecodedInput out)
    {
        final int op = json.member(OP, root);
        final long status = json.integer(json.requireMember(STATUS, root));
        final long clientOrderId = identifier(json.member(IDENTIFIER, root));
        final int id = instrument(MARKET, root, out);
        final int noMarketAt = json.member(INSTRUMENT_ID, root);
        if (id < 0 && noMarketAt >= 0)
        {
            noMarket(op, clientOrderId, json.integer(noMarketAt), out);
            return;
        }
        if (!json.ok())
        {
            out.malformed();
            return;
        }
        if (json.stringIs(op, RECONCILE))
        {
            reconcile(clientOrderId, id, status, json.member(BODY, root), out);
            return;
        }
        if (json.stringIs(op, RESYNC) || json.stringIs(op, POLL))
        {
            // Only the order's account tells something; a 404 or an error leaves the order to the gateway's own
            // create and query rules (the never-arrived grace), so it is not taken for an end here.
            final int body = json.member(BODY, root);
            if (status == 200 && body >= 0 && !json.isNull(body) && json.member(EXECUTED_VOLUME, body) >= 0)
            {
                reconcile(clientOrderId, id, status, body, out);
            }
            else
            {
                out.ignored();
            }
            return;
        }
        final boolean create = json.stringIs(op, CREATE);
        if (!create && !json.stringIs(op, QUERY))
        {
            out.ignored();
            return;
        }
        if (clientOrderId < 0 || id < 0)
        {
            out.malformed();
            return;
        }
        final int body = create ? -1 : json.member(BODY, root);
        if (status == 200 && body >= 0 && !json.isNull(body) && json.member(EXECUTED_VOLUME, body) >= 0)
        {
            // A query's answer is the order's whole account: booked like reconciliation's, against the same per-order
            // tallies, so an order in doubt is resolved by it (filled, cancelled) even if the private stream never says.
            reconcile(clientOrderId, id, status, body, out);
            return;
        }
        if (status >= 200 && status < 300)
        {
            out.accepted(clientOrderId, id);
        }
        else if (status == 0 || (!create && status != 404))
        {
            out.inDoubt(clientOrderId, id);
        }
        else if (!create)
        {
            out.rejected(clientOrderId, id, RejectReason.UNKNOWN_ORDER);
        }
        else
        {
            out.rejected(clientOrderId, id, status == 409 ? RejectReason.DUPLICATE_ORDER_ID : RejectReason.VENUE_REJECTED);
        }
    }
}
