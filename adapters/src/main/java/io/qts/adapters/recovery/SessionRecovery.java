package io.qts.adapters.recovery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qts.adapters.cli.UserError;
import io.qts.adapters.ops.OpsService;
import io.qts.adapters.ops.Readiness;
import io.qts.adapters.run.LiveSession;
import io.qts.adapters.upbit.SerializedInput;
import io.qts.adapters.upbit.VenueIdentifiers;
import io.qts.engine.EngineResult;
import io.qts.engine.FixedPoint;
import io.qts.engine.LivePipeline;
import io.qts.journal.EntryHeader;
import io.qts.journal.Journal;
import io.qts.journal.JournalEntry;
import io.qts.journal.JournalReader;
import io.qts.journal.Sources;
import io.qts.journal.sbe.AdminAction;
import io.qts.journal.sbe.AdminCommandEncoder;
import io.qts.journal.sbe.MessageHeaderEncoder;
import io.qts.journal.sbe.StateChangeReason;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A session on a venue account across its processes (DESIGN.md section 5). A new session journals the account's
 * balances first. A continued one replays its journal through the engine in recovery mode before the engine starts
 * (nothing sent), journals where the new process starts and how long the session was down, and before market data
 * flows (so before any new order) reconciles with the venue:
 * <ol>
 *   <li>every order the recovered engine holds in flight is asked for by identifier ({@code GET /v1/order}); the
 *   answer goes in as a journaled input, and the engine books what the venue executed beyond the fills it booked
 *   (cumulative quantity, funds and fee per order, so nothing is counted twice) and ends what the venue ended or
 *   never received;</li>
 *   <li>the account's balances are compared with the last journaled ones plus what the engine's own fills changed
 *   since (quote currency: cash, fees included, exact at 10^-8, the simulator's and Upbit's fee decimals; base
 *   currency: position). A difference means activity the engine did not make: by default a journaled HALT (trading
 *   stays halted until an operator resumes), with {@code venue.foreignActivity: report} one line and trading goes on.
 *   The balances are journaled either way and become the next comparison's base.</li>
 * </ol>
 * Every venue answer enters as a journaled input, so a replay of the whole session decides the same.
 */
public final class SessionRecovery implements LiveSession.StartUp
{
    /** Halt on unexplained balances (default) or report them and trade on. */
    public static final String HALT = "halt";
    /** {@code venue.foreignActivity}: report unexplained balances in one line and trade on. */
    public static final String REPORT = "report";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int QUERY_ATTEMPTS = 5;
    private static final long RETRY_MS = 500;
    private static final int BALANCE_ATTEMPTS = 3;
    private static final byte[] ACCOUNTS_NOTE = "{\"qts\":\"accounts\"".getBytes(StandardCharsets.US_ASCII);

    private final boolean continuing;
    private final VenueAccount venue;
    private final List<String> markets;
    private final String quote;
    private final List<String> bases;
    private final long initialCash;
    private final int qtyScale;
    private final boolean haltOnMismatch;
    private final String acceptedChanges;
    private final SessionChange.Accepted accepted;
    private final VenueIdentifiers identifiers;
    private final Readiness readiness;
    private final PrintWriter progress;
    private final UnsafeBuffer scratch = new UnsafeBuffer(new byte[EntryHeader.MAX_PAYLOAD_LENGTH]);

    private long[] openAtRecovery = new long[0];
    private long recoveredInputs;
    private long lastJournaledNs = Long.MIN_VALUE;
    private Balances baseline;
    private int ordersQueried;
    private long fillsRecovered;
    private int mismatches;
    private boolean halted;
    private final Map<Long, byte[]> stillWorking = new TreeMap<>();
    private Journal journal;

    /**
     * The account's totals (balance + locked) and the engine's cash (10^-8) and positions (qty scale) at that moment;
     * one base total and one position per market, in the markets' order.
     */
    record Balances(BigDecimal quoteTotal, List<BigDecimal> baseTotals, long engineCash, List<Long> enginePositions)
    {
    }

    /**
     * @param continuing      true to recover the session's journal and reconcile; false for a new session.
     * @param market          the venue's market code, QUOTE-BASE (KRW-BTC).
     * @param initialCash     run.cash, money at 10^-8: the engine's cash when the session began.
     * @param qtyScale        the instrument's quantity scale.
     * @param foreignActivity {@link #HALT} or {@link #REPORT}.
     * @param acceptedChanges the pinned settings the operator accepted to change (journaled), or null.
     * @param accepted        what an accepted change sets at this process's start: changed strategy parameters, each a
     *                        journaled ADMIN SET_PARAM (value at 10^-8), or another strategy, its parameters as ADMIN
     *                        STRATEGY_PARAM inputs followed by an ADMIN SET_STRATEGY naming it.
     * @param identifiers     the session's venue identifiers (its nonce, from session.json): orders are asked for by them.
     * @param readiness       where {@value OpsService#RECOVERED} is set false while the session is recovered and
     *                        reconciled and true after; null when nothing watches the service.
     */
    public SessionRecovery(
        final boolean continuing, final VenueAccount venue, final String market, final long initialCash, final int qtyScale,
        final String foreignActivity, final String acceptedChanges, final SessionChange.Accepted accepted,
        final VenueIdentifiers identifiers, final Readiness readiness, final PrintWriter progress)
    {
        this(continuing, venue, List.of(market), initialCash, qtyScale, foreignActivity, acceptedChanges, accepted, identifiers,
            readiness, progress);
    }

    /**
     * As above for a session trading several markets: {@code markets} in instrument-id order (id 1 first, as
     * io.qts.adapters.run.VenueSettings#markets numbers them), all quoted in one currency (the engine's one cash). Each
     * base currency's total is compared with that market's position.
     */
    public SessionRecovery(
        final boolean continuing, final VenueAccount venue, final List<String> markets, final long initialCash, final int qtyScale,
        final String foreignActivity, final String acceptedChanges, final SessionChange.Accepted accepted,
        final VenueIdentifiers identifiers, final Readiness readiness, final PrintWriter progress)
    {
        this.continuing = continuing;
        this.venue = venue;
        this.markets = List.copyOf(markets);
        this.quote = markets.get(0).substring(0, markets.get(0).indexOf('-'));
        this.bases = markets.stream().map(m -> m.substring(m.indexOf('-') + 1)).toList();
        for (final String m : markets)
        {
            if (!m.startsWith(quote + "-"))
            {
                throw new IllegalArgumentException("the markets of one session share one quote currency: " + markets);
            }
        }
        this.initialCash = initialCash;
        this.qtyScale = qtyScale;
        this.haltOnMismatch = HALT.equals(foreignActivity);
        this.acceptedChanges = acceptedChanges;
        this.accepted = accepted;
        this.identifiers = identifiers;
        this.readiness = readiness;
        this.progress = progress;
    }

    /**
     * Refuses a new session while the account shows a position in the market's base currency, funds locked by
     * resting orders, or orders open in the market ({@code GET /v1/orders/open}): the engine would not know them.
     *
     * @throws UserError naming what the venue shows (the open orders by identifier) and how to go on anyway.
     */
    public static void requireNothingOpen(final VenueAccount venue, final String market) throws InterruptedException
    {
        requireNothingOpen(venue, List.of(market));
    }

    /** As above for each of several markets: the first that shows a position or open orders is named. */
    public static void requireNothingOpen(final VenueAccount venue, final List<String> markets) throws InterruptedException
    {
        for (final String market : markets)
        {
            requireNothingOpenIn(venue, market);
        }
    }

    private static void requireNothingOpenIn(final VenueAccount venue, final String market) throws InterruptedException
    {
        final VenueAccount.Answer answer = venue.accounts();
        final Map<String, BigDecimal> totals;
        final Map<String, BigDecimal> locked;
        final List<String> open;
        try
        {
            totals = VenueAccount.totals(answer);
            locked = VenueAccount.locked(answer);
            open = VenueAccount.orderNames(venue.openOrders(market));
        }
        catch (final IllegalStateException ex)
        {
            throw new UserError("cannot read the venue account before a new session: " + ex.getMessage());
        }
        final String base = market.substring(market.indexOf('-') + 1);
        final BigDecimal held = totals.getOrDefault(base, BigDecimal.ZERO);
        final BigDecimal lockedSum = locked.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        if (held.signum() != 0 || lockedSum.signum() != 0 || !open.isEmpty())
        {
            throw new UserError("the venue account holds " + held.stripTrailingZeros().toPlainString() + " " + base
                + (lockedSum.signum() != 0 ? " and has funds locked by open orders" : "")
                + (open.isEmpty() ? "" : " and " + open.size() + " order(s) open in " + market + " (" + String.join(", ", open) + ")")
                + ", which a new session would not know; continue the session instead, or pass --force to start anyway");
        }
    }

    @Override
    public long beforeStart(final LivePipeline pipeline, final Journal in)
    {
        if (!continuing)
        {
            return Long.MIN_VALUE;
        }
        setRecovered(false, "recovering the session from its journal");
        journal = in;
        baseline = lastBalances(in);
        recoveredInputs = pipeline.recover(in);
        lastJournaledNs = pipeline.lastRecoveredNs();
        openAtRecovery = pipeline.openOrderIds();
        final EngineResult state = pipeline.resultSoFar();
        progress.printf("  recovered the session from %d journaled inputs: position %s, cash %s, %d order(s) in flight%n",
            recoveredInputs, positions(state), FixedPoint.format(state.finalCash(), FixedPoint.MONEY_SCALE), openAtRecovery.length);
        progress.flush();
        return lastJournaledNs;
    }

    @Override
    public void inputReady(final SerializedInput input) throws InterruptedException
    {
        final ObjectNode note = JSON.createObjectNode().put("qts", "process").put("event", "start").put("continued", continuing);
        if (continuing)
        {
            final long nowNs = SerializedInput.systemClock().getAsLong();
            note.put("last_journaled_ns", lastJournaledNs).put("down_ns", Math.max(0, nowNs - lastJournaledNs));
        }
        if (acceptedChanges != null)
        {
            note.put("accepted_changes", acceptedChanges);
        }
        publishJson(input, Sources.ADMIN, note);
        // The engine was built from the settings the session started with: the accepted strategy or parameters take
        // over here, after everything the earlier processes decided, and a replay meets them at the same inputs.
        final AdminAction paramAction = accepted.strategy() == null ? AdminAction.SET_PARAM : AdminAction.STRATEGY_PARAM;
        accepted.params().forEach((name, value) -> publishAdmin(input, paramAction, name, FixedPoint.parse(value, 8)));
        if (accepted.strategy() != null)
        {
            publishAdmin(input, AdminAction.SET_STRATEGY, accepted.strategy(), 0);
        }
        if (!continuing)
        {
            final Map<String, BigDecimal> totals = accountTotals();
            baseline = new Balances(total(totals, quote), baseTotals(totals), initialCash,
                Collections.nCopies(markets.size(), 0L));
            publishJson(input, Sources.VENUE, balancesNote("start", baseline, false));
        }
    }

    @Override
    public void beforeMarketData(final LivePipeline pipeline, final SerializedInput input) throws InterruptedException
    {
        if (!continuing)
        {
            return;
        }
        final long fillsBefore = pipeline.resultSoFar().fillsRecovered();
        for (final long clientOrderId : openAtRecovery)
        {
            final String identifier = identifiers.identifier(clientOrderId);
            VenueAccount.Answer answer = venue.order(identifier);
            for (int attempt = 1; attempt < QUERY_ATTEMPTS && answer.status() != 200 && answer.status() != 404; attempt++)
            {
                Thread.sleep(RETRY_MS);
                answer = venue.order(identifier);
            }
            publishOrderAnswer(input, identifier, marketOf(pipeline.openOrderInstrument(clientOrderId)), answer);
            ordersQueried++;
            if (answer.status() == 200 && isWorking(answer.body()))
            {
                stillWorking.put(clientOrderId, answer.body());
            }
        }
        pipeline.awaitIdle();
        fillsRecovered = pipeline.resultSoFar().fillsRecovered() - fillsBefore;
        compareBalances(pipeline, input);
        liftTheStopsHalt(pipeline, input);
        progress.printf("  reconciled with the venue: %d order(s) queried, %d fill(s) recovered, %d mismatch(es)%s%n",
            ordersQueried, fillsRecovered, mismatches, halted ? "; trading HALTED" : "");
        progress.flush();
        setRecovered(true, "recovered from " + recoveredInputs + " journaled inputs and reconciled: " + ordersQueried
            + " order(s) queried, " + mismatches + " mismatch(es)");
    }

    /**
     * A session that an orderly stop left halted (its HALT, {@link LiveSession#STOP_HALT_KEY}) trades again once
     * reconciled with nothing unexplained: a journaled RESUME with the same key. Not when the halt in force is another's:
     * an operator's or a reconciliation's HALT (no key) or a KILL since the last RESUME, or a risk halt (loss limit).
     */
    private void liftTheStopsHalt(final LivePipeline pipeline, final SerializedInput input)
    {
        pipeline.awaitIdle();
        if (halted || !pipeline.figures().halted() || pipeline.figures().haltReason() != StateChangeReason.ADMIN_HALT
            || !onlyTheStopsHaltInForce(journal))
        {
            return;
        }
        publishAdmin(input, AdminAction.RESUME, LiveSession.STOP_HALT_KEY, 0);
        pipeline.awaitIdle();
        progress.println("  the orderly stop's halt is lifted: the session is reconciled and trades again");
    }

    /** Whether the admin commands journaled so far leave only the orderly stop's HALT in force. */
    private static boolean onlyTheStopsHaltInForce(final Journal in)
    {
        // [0]: the stop's HALT is in force; [1]: another HALT or a KILL is.
        final boolean[] inForce = new boolean[2];
        JournaledAdmin.forEach(in, (sequence, admin) ->
        {
            final AdminAction action = admin.action();
            if (action == AdminAction.RESUME)
            {
                inForce[0] = false;
                inForce[1] = false;
            }
            else if (action == AdminAction.HALT && LiveSession.STOP_HALT_KEY.equals(admin.paramKey()))
            {
                inForce[0] = true;
            }
            else if (action == AdminAction.HALT || action == AdminAction.KILL)
            {
                inForce[1] = true;
            }
        });
        return inForce[0] && !inForce[1];
    }

    @Override
    public Map<Long, byte[]> ordersStillWorking()
    {
        return new TreeMap<>(stillWorking);
    }

    /** Whether a GET /v1/order answer shows the order still working (Upbit's wait, or watch for a reserved order). */
    private static boolean isWorking(final byte[] body)
    {
        try
        {
            final String state = JSON.readTree(body).path("state").asText("");
            return "wait".equals(state) || "watch".equals(state);
        }
        catch (final IOException ex)
        {
            return false;
        }
    }

    private void setRecovered(final boolean ok, final String reason)
    {
        if (readiness != null)
        {
            readiness.set(OpsService.RECOVERED, ok, reason);
        }
    }

    private void compareBalances(final LivePipeline pipeline, final SerializedInput input) throws InterruptedException
    {
        Map<String, BigDecimal> totals = null;
        EngineResult state = null;
        BigDecimal quoteExpected = null;
        List<BigDecimal> baseExpected = null;
        // An order still working at the venue may fill between the two reads: read again before calling it foreign.
        for (int attempt = 0; attempt < BALANCE_ATTEMPTS; attempt++)
        {
            if (attempt > 0)
            {
                Thread.sleep(RETRY_MS);
            }
            totals = accountTotals();
            state = pipeline.resultSoFar();
            quoteExpected = baseline.quoteTotal.add(BigDecimal.valueOf(state.finalCash() - baseline.engineCash, FixedPoint.MONEY_SCALE));
            baseExpected = new ArrayList<>();
            mismatches = total(totals, quote).compareTo(quoteExpected) != 0 ? 1 : 0;
            for (int i = 0; i < markets.size(); i++)
            {
                final BigDecimal expected = baseline.baseTotals.get(i)
                    .add(BigDecimal.valueOf(state.position(i) - baseline.enginePositions.get(i), qtyScale));
                baseExpected.add(expected);
                mismatches += total(totals, bases.get(i)).compareTo(expected) != 0 ? 1 : 0;
            }
            if (mismatches == 0)
            {
                break;
            }
        }
        final Balances now = new Balances(total(totals, quote), baseTotals(totals), state.finalCash(), positionsOf(state));
        publishJson(input, Sources.VENUE, balancesNote("reconcile", now, mismatches > 0));
        if (mismatches > 0)
        {
            final StringBuilder held = new StringBuilder(plain(now.quoteTotal) + " " + quote);
            final StringBuilder explained = new StringBuilder(plain(quoteExpected) + " " + quote);
            for (int i = 0; i < markets.size(); i++)
            {
                held.append(" and ").append(plain(now.baseTotals.get(i))).append(' ').append(bases.get(i));
                explained.append(" and ").append(plain(baseExpected.get(i))).append(' ').append(bases.get(i));
            }
            final String line = "reconciliation: the venue holds " + held + ", the session's own fills explain " + explained;
            if (haltOnMismatch)
            {
                halted = true;
                publishHalt(input);
                progress.println("qts: " + line + "; trading HALTED until an operator resumes (--admin \"TIME resume\"); "
                    + "venue.foreignActivity: report trades on instead");
            }
            else
            {
                progress.println("qts: " + line + "; reported (venue.foreignActivity: report), trading goes on from the venue's balances");
            }
        }
    }

    private Map<String, BigDecimal> accountTotals() throws InterruptedException
    {
        VenueAccount.Answer answer = venue.accounts();
        for (int attempt = 1; attempt < QUERY_ATTEMPTS && answer.status() != 200; attempt++)
        {
            Thread.sleep(RETRY_MS);
            answer = venue.accounts();
        }
        try
        {
            return VenueAccount.totals(answer);
        }
        catch (final IllegalStateException ex)
        {
            throw new UserError("cannot read the venue account balances: " + ex.getMessage());
        }
    }

    /**
     * The accounts note: the first market's base, total and position at the top (the one-market form), and with several
     * markets each one's in {@code markets}.
     */
    private ObjectNode balancesNote(final String phase, final Balances balances, final boolean mismatch)
    {
        final ObjectNode note = JSON.createObjectNode().put("qts", "accounts").put("phase", phase)
            .put("quote", quote).put("quote_total", plain(balances.quoteTotal))
            .put("base", bases.get(0)).put("base_total", plain(balances.baseTotals.get(0)))
            .put("engine_cash", balances.engineCash).put("engine_position", balances.enginePositions.get(0))
            .put("mismatch", mismatch);
        if (markets.size() > 1)
        {
            final ArrayNode each = note.putArray("markets");
            for (int i = 0; i < markets.size(); i++)
            {
                each.addObject().put("market", markets.get(i)).put("base", bases.get(i))
                    .put("base_total", plain(balances.baseTotals.get(i))).put("engine_position", balances.enginePositions.get(i));
            }
        }
        return note;
    }

    private List<BigDecimal> baseTotals(final Map<String, BigDecimal> totals)
    {
        return bases.stream().map(b -> total(totals, b)).toList();
    }

    private List<Long> positionsOf(final EngineResult state)
    {
        final List<Long> positions = new ArrayList<>();
        for (int i = 0; i < markets.size(); i++)
        {
            positions.add(state.position(i));
        }
        return positions;
    }

    /** The position text of the progress line: the one market's, or each market's by code. */
    private String positions(final EngineResult state)
    {
        if (markets.size() == 1)
        {
            return FixedPoint.format(state.position(), qtyScale);
        }
        final List<String> each = new ArrayList<>();
        for (int i = 0; i < markets.size(); i++)
        {
            each.add(markets.get(i) + " " + FixedPoint.format(state.position(i), qtyScale));
        }
        return String.join(", ", each);
    }

    /** The market of an instrument id (ids 1, 2, ... in the markets' order); the first for an unknown one. */
    private String marketOf(final int instrumentId)
    {
        return instrumentId >= 1 && instrumentId <= markets.size() ? markets.get(instrumentId - 1) : markets.get(0);
    }

    /** The balances of the last accounts note in the journal: the base the next comparison starts from. */
    private Balances lastBalances(final Journal in)
    {
        Balances last = null;
        final JournalEntry entry = new JournalEntry();
        try (JournalReader reader = in.reader())
        {
            while (reader.next(entry))
            {
                if (entry.format() != EntryHeader.FORMAT_JSON || entry.sourceId() != Sources.VENUE || !startsWithAccountsNote(entry))
                {
                    continue;
                }
                final JsonNode note = JSON.readTree(entry.payload(), 0, entry.length());
                last = balancesOf(note);
            }
        }
        catch (final IOException | NumberFormatException ex)
        {
            throw new UserError("the session journal " + in.dir() + " holds an unreadable accounts note: " + ex.getMessage());
        }
        if (last == null)
        {
            throw new UserError("the session journal " + in.dir() + " holds no account balances from its start; it cannot be "
                + "reconciled (start a new session with --new-session)");
        }
        return last;
    }

    /** An accounts note's balances: each market's from {@code markets} when the note has several, else the top ones. */
    private Balances balancesOf(final JsonNode note)
    {
        final List<BigDecimal> totals = new ArrayList<>();
        final List<Long> positions = new ArrayList<>();
        final JsonNode each = note.path("markets");
        if (each.isArray())
        {
            for (final JsonNode m : each)
            {
                totals.add(new BigDecimal(m.path("base_total").asText()));
                positions.add(m.path("engine_position").asLong());
            }
        }
        else
        {
            totals.add(new BigDecimal(note.path("base_total").asText()));
            positions.add(note.path("engine_position").asLong());
        }
        if (totals.size() != markets.size())
        {
            throw new NumberFormatException("its balances are of " + totals.size() + " market(s), the session trades " + markets.size());
        }
        return new Balances(new BigDecimal(note.path("quote_total").asText()), totals, note.path("engine_cash").asLong(), positions);
    }

    private static boolean startsWithAccountsNote(final JournalEntry entry)
    {
        if (entry.length() < ACCOUNTS_NOTE.length)
        {
            return false;
        }
        final byte[] payload = entry.payload();
        for (int i = 0; i < ACCOUNTS_NOTE.length; i++)
        {
            if (payload[i] != ACCOUNTS_NOTE[i])
            {
                return false;
            }
        }
        return true;
    }

    /** {"qts":"rest","op":"reconcile","identifier":..,"market":..,"status":..,"body":<as received>}, the trades list cut if too long. */
    private void publishOrderAnswer(final SerializedInput input, final String identifier, final String market,
        final VenueAccount.Answer answer)
    {
        final String head = "{\"qts\":\"rest\",\"op\":\"reconcile\",\"identifier\":\"" + identifier + "\",\"market\":\"" + market
            + "\",\"status\":" + answer.status() + ",\"body\":";
        byte[] body = answer.body().length == 0 ? "null".getBytes(StandardCharsets.US_ASCII) : answer.body();
        if (head.length() + body.length + 1 > EntryHeader.MAX_PAYLOAD_LENGTH)
        {
            body = withoutTrades(body);
        }
        final byte[] wrapped = new byte[head.length() + body.length + 1];
        System.arraycopy(head.getBytes(StandardCharsets.US_ASCII), 0, wrapped, 0, head.length());
        System.arraycopy(body, 0, wrapped, head.length(), body.length);
        wrapped[wrapped.length - 1] = '}';
        scratch.putBytes(0, wrapped);
        input.publish(Sources.VENUE, EntryHeader.FORMAT_JSON, scratch, 0, wrapped.length);
    }

    /** An order with many fills: its totals carry what reconciliation needs, the trades list is left out. */
    private static byte[] withoutTrades(final byte[] body)
    {
        try
        {
            final JsonNode order = JSON.readTree(body);
            if (order instanceof ObjectNode object)
            {
                object.remove("trades");
                return JSON.writeValueAsBytes(object);
            }
        }
        catch (final IOException ex)
        {
            // Not JSON: the decoder will count it malformed; what fits of it is kept.
        }
        return "null".getBytes(StandardCharsets.US_ASCII);
    }

    private void publishJson(final SerializedInput input, final int sourceId, final ObjectNode note)
    {
        final byte[] bytes = note.toString().getBytes(StandardCharsets.UTF_8);
        scratch.putBytes(0, bytes);
        input.publish(sourceId, EntryHeader.FORMAT_JSON, scratch, 0, bytes.length);
    }

    private void publishHalt(final SerializedInput input)
    {
        publishAdmin(input, AdminAction.HALT, "", 0);
    }

    private static void publishAdmin(final SerializedInput input, final AdminAction action, final String key, final long value8)
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[128]);
        final AdminCommandEncoder command = new AdminCommandEncoder()
            .wrapAndApplyHeader(buffer, 0, new MessageHeaderEncoder())
            .timeNs(input.nowNs())
            .action(action)
            .paramValue(value8)
            .paramKey(key);
        input.publish(Sources.ADMIN, EntryHeader.FORMAT_SBE, buffer, 0, MessageHeaderEncoder.ENCODED_LENGTH + command.encodedLength());
    }

    private static BigDecimal total(final Map<String, BigDecimal> totals, final String currency)
    {
        return totals.getOrDefault(currency, BigDecimal.ZERO);
    }

    private static String plain(final BigDecimal value)
    {
        final BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }

    /** Whether this process continued a session (recovered it from its journal). */
    public boolean recovered()
    {
        return continuing;
    }

    /** Journal entries replayed to rebuild the session's state; 0 if this process started a new session. */
    public long recoveredInputs()
    {
        return recoveredInputs;
    }

    /** Orders in flight at recovery whose state was asked of the venue by identifier. */
    public int ordersQueried()
    {
        return ordersQueried;
    }

    /** Fills the venue's answers booked at reconciliation: made while no process was listening. */
    public long fillsRecovered()
    {
        return fillsRecovered;
    }

    /**
     * Balances (quote and base currency, so 0 to 2) that did not match the journal's account at the last comparison.
     */
    public int mismatches()
    {
        return mismatches;
    }

    /** Whether reconciliation halted trading. */
    public boolean halted()
    {
        return halted;
    }
}
