package io.qts.adapters.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.qts.adapters.cli.UserError;
import io.qts.engine.EngineContext;
import io.qts.engine.InlineEngine;
import io.qts.engine.OutputListener;
import io.qts.journal.EntryHeader;
import io.qts.journal.Sources;
import io.qts.journal.sbe.AdminAction;
import io.qts.journal.sbe.AdminCommandEncoder;
import io.qts.journal.sbe.MessageHeaderEncoder;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An operator tells one halt from another: /ready, the halt alert and {@code qts_halted_by} name the reason the engine
 * recorded (operator halt, kill; the loss limits' DAILY_LOSS and DRAWDOWN are recorded the same way, EngineFiguresTest).
 * The alerts go to a loopback Slack receiver through the real alert watch.
 */
class HaltReasonTest
{
    @TempDir
    Path dir;

    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[128]);

    private static EngineContext context()
    {
        return new EngineContext()
            .symbol("KRW-BTC")
            .strategy("sma-cross", Map.of("fast", "2", "slow", "3"))
            .orderQty(100_000_000L)
            .initialCash(1_000_000L * 100_000_000L)
            .conclude();
    }

    private void admin(final InlineEngine engine, final long timeNs, final AdminAction action)
    {
        final AdminCommandEncoder admin = new AdminCommandEncoder()
            .wrapAndApplyHeader(buffer, 0, new MessageHeaderEncoder()).timeNs(timeNs).action(action).paramValue(0).paramKey("");
        engine.accept(timeNs, Sources.ADMIN, EntryHeader.FORMAT_SBE, buffer, 0, MessageHeaderEncoder.ENCODED_LENGTH + admin.encodedLength());
    }

    @Test
    void readinessTheAlertAndTheMetricNameWhyTheEngineHalted() throws Exception
    {
        final EngineContext context = context();
        final Path journalDir = Files.createDirectories(dir.resolve("run-7").resolve("in"));
        try (WebhookReceiver slack = new WebhookReceiver();
            OpsService ops = OpsService.start(new OpsSettings(0, InetAddress.getLoopbackAddress(), 0, OpsSettings.OFF, null, null),
                new AlertSettings(URI.create(slack.url("/services/T/B/X")), null, null, null, 60_000, 300_000, 20),
                context, journalDir, new PrintWriter(new StringWriter()));
            InlineEngine engine = new InlineEngine(context, null, (b, o, l) -> true, OutputListener.NONE))
        {
            ops.started(new WatchedEngine(engine.figures()));
            final OpsClient client = new OpsClient(ops.httpPort());

            admin(engine, 1, AdminAction.HALT);
            assertEquals("halted by an operator halt (ADMIN_HALT): no new entries; resume to go on",
                OpsEndpointTest.condition(client.get("/ready").json(), OpsService.NOT_HALTED).get("reason").asText());
            assertEquals(1.0, OpsClient.value(client.scrape(), "qts_halted_by", "reason", "ADMIN_HALT"));
            assertEquals(0.0, OpsClient.value(client.scrape(), "qts_halted_by", "reason", "DRAWDOWN"));
            assertTrue(OpsClient.await(30, () -> slack.requests.size() == 1), "the halt alert: " + slack.requests);
            assertEquals(Map.of("text", "QTS run-7 engine 1: HALTED by an operator halt (ADMIN_HALT): no new entries; exits still allowed"),
                new ObjectMapper().readValue(slack.requests.get(0).body(), Map.class));

            admin(engine, 2, AdminAction.RESUME);
            assertEquals(200, client.get("/ready").status(), client.get("/ready").body());
            assertEquals(0.0, OpsClient.value(client.scrape(), "qts_halted_by", "reason", "ADMIN_HALT"));

            admin(engine, 3, AdminAction.KILL);
            assertEquals("halted by the kill switch, open positions being sold (ADMIN_KILL): no new entries; resume to go on",
                OpsEndpointTest.condition(client.get("/ready").json(), OpsService.NOT_HALTED).get("reason").asText());
            assertEquals(1.0, OpsClient.value(client.scrape(), "qts_halted_by", "reason", "ADMIN_KILL"));
            assertTrue(OpsClient.await(30, () -> slack.requests.size() == 2), "the kill alert: " + slack.requests);
        }
    }

    @Test
    void anEndpointThatCannotListenLeavesNoAlertThreadBehind() throws Exception
    {
        final Set<Thread> before = alertThreads();
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress()))
        {
            assertThrows(UserError.class, () -> OpsService.start(
                new OpsSettings(taken.getLocalPort(), InetAddress.getLoopbackAddress(), 0, OpsSettings.OFF, null, null),
                AlertSettings.NONE, context(), dir.resolve("run-1").resolve("in"), new PrintWriter(new StringWriter())));
        }
        final Set<Thread> left = alertThreads();
        left.removeAll(before);
        assertEquals(Set.of(), left, "the alert sender started for the failed endpoint has stopped");
    }

    private static Set<Thread> alertThreads()
    {
        return Thread.getAllStackTraces().keySet().stream()
            .filter((t) -> t.isAlive() && t.getName().equals("qts-alerts"))
            .collect(Collectors.toSet());
    }
}
