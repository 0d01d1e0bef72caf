package io.qts.adapters.recovery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qts.adapters.data.DataFormat;
import io.qts.adapters.data.MarketDataFile;
import io.qts.adapters.upbit.UpbitAuth;
import io.qts.adapters.upbit.sim.ExchangeSimulator;
import io.qts.adapters.upbit.sim.SimSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.qts.adapters.recovery.RunsAgainstSimulator.START_MS;
import static io.qts.adapters.recovery.RunsAgainstSimulator.awaitSubscribed;
import static io.qts.adapters.recovery.RunsAgainstSimulator.replayDigest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A session on a venue account across real processes: the exchange simulator runs in this JVM (the venue outlives the
 * engine), trades are played one at a time by the test, and the engine ({@code qts run --venue upbit}) runs as a child
 * process that the test SIGKILLs with an order at the venue, then restarts.
 */
class SessionRecoveryTest
{
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ACCESS = "recovery-test-access";
    private static final String SECRET = "recovery-test-secret-0123456789abcdef";

    @TempDir
    Path dir;

    private final List<String> simLog = new CopyOnWriteArrayList<>();
    private ExchangeSimulator sim;
    private int port;

    @BeforeEach
    void startVenue()
    {
        sim = ExchangeSimulator.of(
            MarketDataFile.read(Path.of("../config/samples/upbit-krw-btc-1m.csv"), DataFormat.OHLCV, "KRW-BTC"),
            new SimSettings().speed(0).feeRate(new BigDecimal("0.0005")).initialBalance("KRW", new BigDecimal("10000000"))
                .key(ACCESS, SECRET.getBytes(StandardCharsets.UTF_8)).log(simLog::add));
        port = sim.start(0);
    }

    @AfterEach
    void stopVenue()
    {
        sim.close();
    }

    @Test
    void aFillMadeWhileTheEngineWasKilledIsBookedOnceAtRestartAndTheBooksEqualTheVenue() throws Exception
    {
        final Path varDir = dir.resolve("var");
        final EngineProcess first = engine(varDir);
        awaitSubscribed(port);
        // Trades one at a time until the engine's first order reaches the venue; then SIGKILL, before the next trade fills it.
        final int placed = stepUntilAnOrderIsPlaced();
        first.kill();
        final String identifier = firstIdentifier(varDir);
        assertEquals("wait", venueOrder(identifier).path("state").asText(), "the order is at the venue, not yet filled");

        assertEquals(1, sim.step(1));
        final JsonNode filled = venueOrder(identifier);
        assertEquals("done", filled.path("state").asText(), "filled at the venue while the engine was dead");
        final Map<String, BigDecimal> venue = sim.balances(ACCESS);

        final EngineProcess second = engine(varDir);
        assertTrue(second.awaitLine("recovered the session from", START_MS).endsWith("1 order(s) in flight"));
        assertTrue(second.awaitLine("reconciled with the venue", START_MS)
            .endsWith("1 order(s) queried, 1 fill(s) recovered, 0 mismatch(es)"), second.output());
        second.stop();

        final JsonNode lastRun = JSON.readTree(varDir.resolve("last-run.json").toFile());
        assertTrue(lastRun.path("recovered").asBoolean());
        assertTrue(lastRun.path("endedCleanly").asBoolean());
        assertEquals(1, lastRun.path("reconciliation").path("ordersQueried").asInt());
        assertEquals(1, lastRun.path("reconciliation").path("fillsRecovered").asInt());
        assertEquals(0, lastRun.path("reconciliation").path("mismatches").asInt());
        assertEquals(0, lastRun.path("ordersInFlight").asInt());
        assertEquals(1, lastRun.path("fills").asInt(), "booked once: the one fill, recovered from the venue's answer");
        assertEquals(0, new BigDecimal(filled.path("executed_volume").asText()).compareTo(new BigDecimal(lastRun.path("positionQty").asText())));
        assertEquals(0, venue.get("BTC").compareTo(new BigDecimal(lastRun.path("positionQty").asText())), "position = the venue's BTC");
        assertEquals(0, venue.get("KRW").compareTo(new BigDecimal(lastRun.path("cash").asText())), "cash = the venue's KRW, fee included");
        assertTrue(placed > 0);

        // The whole session, both processes, replays offline to the digest the last process reported.
        final Path in = Path.of(lastRun.path("journal").asText());
        assertEquals(lastRun.path("digest").asText(), replayDigest(in));
        assertTrue(Files.exists(varDir.resolve(CurrentSession.FILE_NAME)), "a session holding a position continues at the next run");
    }

    @Test
    void aSessionIsNotContinuedWithOtherParametersNorReplacedWhileTheVenueHoldsItsPosition() throws Exception
    {
        final Path varDir = dir.resolve("var");
        final EngineProcess first = engine(varDir);
        awaitSubscribed(port);
        stepUntilAnOrderIsPlaced();
        assertEquals(1, sim.step(1));
        // The fill went out on the private stream with the trade; the orderly stop lets it in before the engine ends.
        first.stop();
        final JsonNode held = JSON.readTree(varDir.resolve("last-run.json").toFile());
        assertEquals(1, held.path("fills").asInt());
        assertEquals(0, sim.balances(ACCESS).get("BTC").compareTo(new BigDecimal(held.path("positionQty").asText())));

        final EngineProcess changed = engine(varDir, "--param", "fast=3");
        assertEquals(1, changed.waitFor());
        assertTrue(changed.output().contains("was started with other settings: parameters {fast=2, slow=4} -> {fast=3, slow=4}"),
            changed.output());

        final EngineProcess fresh = engine(varDir, "--new-session");
        assertEquals(1, fresh.waitFor());
        assertTrue(fresh.output().contains("qts: error: the venue account holds " + sim.balances(ACCESS).get("BTC").stripTrailingZeros().toPlainString()
            + " BTC, which a new session would not know"), fresh.output());

        final EngineProcess accepted = engine(varDir, "--param", "fast=3", "--accept-session-change");
        final String recovered = accepted.awaitLine("recovered the session from", START_MS);
        // The first process's inputs are decided again with the parameters they were decided with: its position comes back.
        final String position = recovered.substring(recovered.indexOf("position ") + 9, recovered.indexOf(", cash"));
        assertEquals(0, new BigDecimal(held.path("positionQty").asText()).compareTo(new BigDecimal(position)), recovered);
        assertTrue(accepted.awaitLine("reconciled with the venue", START_MS).endsWith("0 order(s) queried, 0 fill(s) recovered, 0 mismatch(es)"),
            accepted.output());
        // The first process's orderly stop left the session halted; reconciled, it trades again.
        accepted.awaitLine("the orderly stop's halt is lifted", START_MS);
        // The process decides under fast=3 from here: trades played to it reach its strategy.
        for (int i = 0; i < 12; i++)
        {
            sim.step(1);
            Thread.sleep(100);
        }
        accepted.stop();
        final JsonNode lastRun = JSON.readTree(varDir.resolve("last-run.json").toFile());
        assertTrue(lastRun.path("recovered").asBoolean());
        assertEquals("3", lastRun.path("params").path("fast").asText(), "continued with the accepted parameters");
        final Path runDir = Path.of(lastRun.path("journal").asText()).getParent();
        assertEquals("2", JSON.readTree(runDir.resolve("session.json").toFile()).path("params").path("fast").asText(),
            "session.json keeps the settings the session started with");
        // The whole session, fast=2 then fast=3 from the journaled change on, replays to the live digest.
        assertEquals(lastRun.path("digest").asText(), replayDigest(Path.of(lastRun.path("journal").asText())));
    }

    @Test
    void anOperatorsHaltOutlivesTheProcessesThatAnOrderlyStopsHaltDoesNot() throws Exception
    {
        final Path varDir = dir.resolve("var");
        final EngineProcess first = engine(varDir);
        awaitSubscribed(port);
        stepUntilAnOrderIsPlaced();
        assertEquals(1, sim.step(1));
        first.stop();
        // The operator halts the next process at its start (a time long past goes in at once), then it stops in order.
        final EngineProcess halted = engine(varDir, "--admin", "2020-01-01T00:00:00Z halt");
        halted.awaitLine("reconciled with the venue", START_MS);
        halted.stop();
        assertFalse(halted.output().contains("halt is lifted"), halted.output());
        final EngineProcess next = engine(varDir);
        next.awaitLine("reconciled with the venue", START_MS);
        next.stop();
        assertFalse(next.output().contains("halt is lifted"), "the operator's halt stays until an operator resumes\n" + next.output());
    }

    @Test
    void anAcceptedChangeOfASettingOtherThanAStrategyParameterIsRefusedByName() throws Exception
    {
        final Path varDir = dir.resolve("var");
        final EngineProcess first = engine(varDir);
        awaitSubscribed(port);
        stepUntilAnOrderIsPlaced();
        assertEquals(1, sim.step(1));
        first.stop();
        final EngineProcess changed = engine(varDir, List.of("-Dqts.run.size=0.002"), "--accept-session-change");
        assertEquals(1, changed.waitFor());
        assertTrue(changed.output().contains("these cannot change within a session: run.size "), changed.output());
    }

    @Test
    void aNewSessionIsRefusedWhileAnOrderRestsAtTheVenueAndTheRefusalNamesIt() throws Exception
    {
        // Placed by hand, without an identifier: a limit bid for 0.01 BTC at 1,000,000 KRW, far below the tape's prices.
        final JsonNode placed = placeLimitBid("0.01", "1000000");
        assertEquals("wait", placed.path("state").asText());

        final Path varDir = dir.resolve("var");
        final EngineProcess fresh = engine(varDir);
        assertEquals(1, fresh.waitFor());
        assertTrue(fresh.output().contains("qts: error: the venue account holds 0 BTC and has funds locked by open orders and 1 order(s) "
            + "open in KRW-BTC (uuid " + placed.path("uuid").asText() + "), which a new session would not know"), fresh.output());
        assertFalse(Files.exists(varDir.resolve("journal")) && Files.list(varDir.resolve("journal")).findAny().isPresent(),
            "a refused start leaves no session behind");
    }

    @Test
    void balancesTheSessionsOwnFillsDoNotExplainHaltTradingUntilAnOperatorResumes() throws Exception
    {
        final Path varDir = dir.resolve("var");
        final EngineProcess first = engine(varDir);
        first.awaitLine("inputs processed", START_MS);
        first.kill();
        // Someone else trades on the account while the engine is down: a market buy of 100000 KRW, filled at the next trade.
        final HttpResponse<String> manual = placeMarketBuy("100000");
        assertEquals(201, manual.statusCode(), manual.body());
        assertEquals(1, sim.step(1));
        final Map<String, BigDecimal> venue = sim.balances(ACCESS);
        assertTrue(venue.get("BTC").signum() > 0);

        final EngineProcess second = engine(varDir);
        final String halt = second.awaitLine("qts: reconciliation:", START_MS);
        assertEquals("qts: reconciliation: the venue holds " + plain(venue.get("KRW")) + " KRW and " + plain(venue.get("BTC"))
            + " BTC, the session's own fills explain 10000000 KRW and 0 BTC; trading HALTED until an operator resumes "
            + "(--admin \"TIME resume\"); venue.foreignActivity: report trades on instead", halt);
        assertTrue(second.awaitLine("reconciled with the venue", START_MS).endsWith("0 order(s) queried, 0 fill(s) recovered, 2 mismatch(es); trading HALTED"));
        second.stop();
        final JsonNode halted = JSON.readTree(varDir.resolve("last-run.json").toFile());
        assertEquals(2, halted.path("reconciliation").path("mismatches").asInt());
        assertEquals(1, halted.path("stateChanges").asInt(), "the journaled HALT");

        // The operator looked and resumes; the balances found are the new base, so the same difference does not halt again.
        final EngineProcess third = engine(varDir, "--admin", "2000-01-01T00:00:00Z resume");
        assertTrue(third.awaitLine("reconciled with the venue", START_MS).endsWith("0 order(s) queried, 0 fill(s) recovered, 0 mismatch(es)"),
            third.output());
        third.stop();
        final JsonNode resumed = JSON.readTree(varDir.resolve("last-run.json").toFile());
        // Recovered: reconciliation's HALT (the second process's orderly stop found it halted already); then the RESUME
        // and this process's orderly stop, which halts new entries in the journal, so a replay stops entering there too.
        assertEquals(3, resumed.path("stateChanges").asInt(), "the HALT, recovered, the RESUME and the stop's HALT");
        assertEquals(resumed.path("digest").asText(), replayDigest(Path.of(resumed.path("journal").asText())));
    }

    @Test
    void withForeignActivityReportTheDifferenceIsReportedAndTradingGoesOn() throws Exception
    {
        final Path varDir = dir.resolve("var");
        final EngineProcess first = engine(varDir);
        first.awaitLine("inputs processed", START_MS);
        first.kill();
        assertEquals(201, placeMarketBuy("100000").statusCode());
        assertEquals(1, sim.step(1));

        final EngineProcess second = engine(varDir, List.of("-Dqts.venue.foreignActivity=report"));
        assertTrue(second.awaitLine("qts: reconciliation:", START_MS)
            .endsWith("; reported (venue.foreignActivity: report), trading goes on from the venue's balances"), second.output());
        assertTrue(second.awaitLine("reconciled with the venue", START_MS).endsWith("0 order(s) queried, 0 fill(s) recovered, 2 mismatch(es)"));
        second.stop();
        final JsonNode lastRun = JSON.readTree(varDir.resolve("last-run.json").toFile());
        assertEquals(2, lastRun.path("reconciliation").path("mismatches").asInt());
        assertFalse(second.output().contains("trading HALTED"), second.output());
        assertEquals(1, lastRun.path("stateChanges").asInt(), "no halt but the orderly stop's");
    }

    private HttpResponse<String> placeMarketBuy(final String krw) throws Exception
    {
        final Map<String, Object> params = new java.util.LinkedHashMap<>();
        params.put("market", "KRW-BTC");
        params.put("side", "bid");
        params.put("ord_type", "price");
        params.put("price", krw);
        final String body = JSON.writeValueAsString(params);
        final String authorization = new UpbitAuth(ACCESS, SECRET.getBytes(StandardCharsets.UTF_8))
            .authorization(UpbitAuth.queryString(params), java.util.UUID.randomUUID().toString());
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/orders"))
            .header("Content-Type", "application/json").header("Authorization", authorization)
            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String plain(final BigDecimal value)
    {
        final BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }

    private EngineProcess engine(final Path varDir, final String... extra) throws Exception
    {
        return engine(varDir, List.of(), extra);
    }

    private EngineProcess engine(final Path varDir, final List<String> properties, final String... extra) throws Exception
    {
        final List<String> args = new java.util.ArrayList<>(List.of("run", "--venue", "upbit", "--var-dir", varDir.toString(),
            "--param", "fast=2", "--param", "slow=4"));
        args.addAll(List.of(extra));
        return RunsAgainstSimulator.start(port, ACCESS, SECRET, properties, args);
    }


    /** Plays trades until the simulator has accepted an order; returns how many it took. */
    private int stepUntilAnOrderIsPlaced() throws InterruptedException
    {
        return RunsAgainstSimulator.stepUntilAnOrderIsPlaced(sim,
            () -> simLog.stream().anyMatch((l) -> l.contains("POST /v1/orders -> 201")));
    }

    private String firstIdentifier(final Path varDir) throws Exception
    {
        final String prefix = "\"identifier\":\"";
        // The engine's outbound journal holds every create it sent; the first one is the order the venue accepted.
        final Path runDir = Files.list(varDir.resolve("journal")).findFirst().orElseThrow();
        try (io.qts.journal.Journal out = io.qts.journal.Journal.openForRead(runDir.resolve("out"));
            io.qts.journal.JournalReader reader = out.reader())
        {
            final io.qts.journal.JournalEntry entry = new io.qts.journal.JournalEntry();
            while (reader.next(entry))
            {
                final String text = new String(entry.payload(), 0, entry.length(), StandardCharsets.UTF_8);
                if (text.contains("\"op\":\"create\""))
                {
                    final int at = text.indexOf(prefix) + prefix.length();
                    return text.substring(at, text.indexOf('"', at));
                }
            }
        }
        throw new AssertionError("no create request in the outbound journal");
    }

    /** A signed {@code POST /v1/orders} limit bid, as a person would place it on the account (no identifier). */
    private JsonNode placeLimitBid(final String volume, final String price) throws Exception
    {
        final Map<String, Object> params = new java.util.LinkedHashMap<>();
        params.put("market", "KRW-BTC");
        params.put("side", "bid");
        params.put("volume", volume);
        params.put("price", price);
        params.put("ord_type", "limit");
        final String authorization = new UpbitAuth(ACCESS, SECRET.getBytes(StandardCharsets.UTF_8))
            .authorization(UpbitAuth.queryString(params), java.util.UUID.randomUUID().toString());
        final HttpResponse<String> answer = HttpClient.newHttpClient().send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/orders"))
                .header("Authorization", authorization)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(params)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
        assertEquals(201, answer.statusCode(), answer.body());
        return JSON.readTree(answer.body());
    }

    private JsonNode venueOrder(final String identifier) throws Exception
    {
        final VenueAccount account = new VenueAccount(URI.create("http://127.0.0.1:" + port),
            new UpbitAuth(ACCESS, SECRET.getBytes(StandardCharsets.UTF_8)), 5_000);
        final VenueAccount.Answer answer = account.order(identifier);
        assertEquals(200, answer.status(), new String(answer.body(), StandardCharsets.UTF_8));
        return JSON.readTree(answer.body());
    }
}
