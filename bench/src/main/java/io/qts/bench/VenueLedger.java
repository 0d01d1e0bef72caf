package io.qts.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qts.adapters.recovery.VenueAccount;
import io.qts.adapters.run.SessionSettings;
import io.qts.adapters.upbit.VenueIdentifiers;
import io.qts.engine.EngineContext;
import io.qts.engine.EngineResult;
import io.qts.engine.InlineEngine;
import io.qts.engine.JournalReplay;
import io.qts.journal.EntryHeader;
import io.qts.journal.Journal;
import io.qts.journal.JournalEntry;
import io.qts.journal.JournalReader;
import io.qts.journal.Sources;
import io.qts.journal.sbe.MessageHeaderDecoder;
import io.qts.journal.sbe.OrderCommandDecoder;
import io.qts.journal.sbe.OrderFilledDecoder;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The engine's books against the venue's ledger after a crash-harness run, over the one session the var dir holds:
 * <ul>
 *   <li>ordersSent: distinct identifiers the gateway ever sent a create for (its outbound journal, all processes);</li>
 *   <li>ordersAtVenue: those the venue knows ({@code GET /v1/order?identifier=});</li>
 *   <li>duplicateOrders: venue orders that are no decision of the session (a replay of its whole inbound journal);</li>
 *   <li>lostFills: venue orders whose executed volume the session did not book in full;</li>
 *   <li>position and cash: var/last-run.json against the account's balance + locked (the account starts with
 *   the engine's cash and no coin), exactly;</li>
 *   <li>replay: the digest of a replay of the whole session against the one the last process reported.</li>
 * </ul>
 */
record VenueLedger(
    long ordersSent, long ordersAtVenue, long duplicateOrders, long lostFills, boolean positionMatches, boolean cashMatches,
    boolean replayDigestMatches, String enginePosition, String venuePosition, String engineCash, String venueCash, String digest,
    String replayDigest)
{
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int QTY_SCALE = 8;

    static VenueLedger compare(final Path varDir, final JsonNode lastRun, final VenueAccount venue) throws IOException, InterruptedException
    {
        final Path runDir = onlySession(varDir.resolve("journal"));
        final Set<String> sent = createsSent(runDir.resolve("out"));
        final Map<Long, Long> booked = new TreeMap<>();
        final String replayDigest = replay(runDir, booked);
        // The venue knows the orders by the session's identifiers (its nonce, engine id and sequence).
        final VenueIdentifiers identifiers = SessionSettings.readFrom(runDir).identifiers();
        final Map<String, Long> decisions = new TreeMap<>();
        booked.keySet().forEach((id) -> decisions.put(identifiers.identifier(id), id));
        final Set<String> asked = new TreeSet<>(sent);
        asked.addAll(decisions.keySet());
        long atVenue = 0;
        long duplicates = 0;
        long lost = 0;
        for (final String identifier : asked)
        {
            final VenueAccount.Answer answer = venue.order(identifier);
            if (answer.status() == 404)
            {
                continue;
            }
            if (answer.status() != 200)
            {
                throw new IllegalStateException("the simulator answered " + answer.status() + " for order " + identifier);
            }
            atVenue++;
            if (!decisions.containsKey(identifier))
            {
                duplicates++;
                continue;
            }
            final BigDecimal executed = new BigDecimal(JSON.readTree(answer.body()).path("executed_volume").asText("0"));
            final BigDecimal bookedQty = BigDecimal.valueOf(booked.getOrDefault(decisions.get(identifier), 0L), QTY_SCALE);
            if (executed.compareTo(bookedQty) != 0)
            {
                lost++;
            }
        }
        final Map<String, BigDecimal> totals = VenueAccount.totals(venue.accounts());
        final BigDecimal venueBtc = totals.getOrDefault("BTC", BigDecimal.ZERO);
        final BigDecimal venueKrw = totals.getOrDefault("KRW", BigDecimal.ZERO);
        final BigDecimal enginePosition = new BigDecimal(lastRun.path("positionQty").asText());
        final BigDecimal engineCash = new BigDecimal(lastRun.path("cash").asText());
        final String digest = lastRun.path("digest").asText();
        return new VenueLedger(sent.size(), atVenue, duplicates, lost, venueBtc.compareTo(enginePosition) == 0,
            venueKrw.compareTo(engineCash) == 0, digest.equals(replayDigest), plain(enginePosition), plain(venueBtc),
            plain(engineCash), plain(venueKrw), digest, replayDigest);
    }

    private static Path onlySession(final Path journals) throws IOException
    {
        try (Stream<Path> dirs = Files.list(journals))
        {
            final var all = dirs.filter(Files::isDirectory).toList();
            if (all.size() != 1)
            {
                throw new IllegalStateException("expected one session under " + journals + " (every process continues it), found " + all.size());
            }
            return all.get(0);
        }
    }

    /** Identifiers of every create request the gateway journaled, across the session's processes. */
    private static Set<String> createsSent(final Path outDir) throws IOException
    {
        final Set<String> identifiers = new TreeSet<>();
        try (Journal out = Journal.openForRead(outDir); JournalReader reader = out.reader())
        {
            final JournalEntry entry = new JournalEntry();
            while (reader.next(entry))
            {
                if (entry.sourceId() == Sources.ORDERS && entry.format() == EntryHeader.FORMAT_JSON)
                {
                    final JsonNode request = JSON.readTree(entry.payload(), 0, entry.length());
                    if ("create".equals(request.path("op").asText()))
                    {
                        identifiers.add(request.path("identifier").asText());
                    }
                }
            }
        }
        return identifiers;
    }

    /** Replays the whole session; fills booked per order (every decision has an entry) into {@code booked}; returns the digest. */
    private static String replay(final Path runDir, final Map<Long, Long> booked)
    {
        final EngineContext context = SessionSettings.readFrom(runDir).engineContext().conclude();
        final MessageHeaderDecoder header = new MessageHeaderDecoder();
        final OrderCommandDecoder command = new OrderCommandDecoder();
        final OrderFilledDecoder filled = new OrderFilledDecoder();
        final EngineResult result;
        try (Journal in = Journal.openForRead(runDir.resolve("in"));
            InlineEngine engine = new InlineEngine(context, null, (buffer, offset, length) -> true, (buffer, offset, length) ->
            {
                header.wrap(buffer, offset);
                if (header.templateId() == OrderCommandDecoder.TEMPLATE_ID)
                {
                    command.wrapAndApplyHeader(buffer, offset, header);
                    booked.putIfAbsent(command.clientOrderId(), 0L);
                }
                else if (header.templateId() == OrderFilledDecoder.TEMPLATE_ID)
                {
                    filled.wrapAndApplyHeader(buffer, offset, header);
                    booked.merge(filled.clientOrderId(), filled.qty(), Long::sum);
                }
            }))
        {
            JournalReplay.replayEverything(in, engine);
            result = engine.result();
        }
        return result.digest();
    }

    private static String plain(final BigDecimal value)
    {
        final BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }
}
