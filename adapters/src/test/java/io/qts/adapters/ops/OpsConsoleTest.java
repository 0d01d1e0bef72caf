package io.qts.adapters.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qts.adapters.cli.Main;
import io.qts.journal.EntryHeader;
import io.qts.journal.Journal;
import io.qts.journal.JournalEntry;
import io.qts.journal.JournalReader;
import io.qts.journal.Sources;
import io.qts.journal.sbe.AdminCommandDecoder;
import io.qts.journal.sbe.MessageHeaderDecoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.management.JMX;
import javax.management.MBeanServerConnection;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The JMX ops console of a running {@code qts run}, driven through a real remote {@link JMXConnector} over loopback
 * with a password: halt, parameter changes, resume and a breaker reset go into the session as journaled ADMIN inputs,
 * invalid requests are refused with the reason and change nothing, and the replay of the journal gives the run's digest.
 */
class OpsConsoleTest
{
    @TempDir
    Path dir;

    @Test
    void operatorCommandsThroughRemoteJmxAreJournaledAndReplayTheSame() throws Exception
    {
        final Path passwords = dir.resolve("jmx.password");
        Files.writeString(passwords, "operator s3cret-for-test\n");
        Files.setPosixFilePermissions(passwords, PosixFilePermissions.fromString("rw-------"));
        final Path access = dir.resolve("jmx.access");
        Files.writeString(access, "operator readwrite\n");
        final int jmxPort = freePort();
        final WebhookReceiver slack = new WebhookReceiver();
        final Path alertKeys = dir.resolve("alerts.keys");
        Files.writeString(alertKeys, "slack_webhook_url=" + slack.url("/services/T000/B000/XXXX") + "\n");
        Files.setPosixFilePermissions(alertKeys, PosixFilePermissions.fromString("rw-------"));
        final Path config = OpsEndpointTest.config(dir, "30", "3");
        Files.writeString(config, Files.readString(config)
            .replace("jmxPort: none", "jmxPort: " + jmxPort)
            .replace("jmxPasswordFile: none", "jmxPasswordFile: " + passwords)
            .replace("jmxAccessFile: none", "jmxAccessFile: " + access)
            .replace("slack: false", "slack: true")
            .replace("keyFile: none               # a chmod-600 file with slack", "keyFile: " + alertKeys + " # slack"));
        final Path var = dir.resolve("var");
        final OpsEndpointTest.Running run = new OpsEndpointTest.Running("run", "--config", config.toString(), "--var-dir", var.toString());
        final OpsClient http = new OpsClient(run.port());
        assertTrue(OpsClient.await(60, () -> http.get("/ready").status() == 200), "ready: " + http.get("/ready"));

        final JMXServiceURL url = new JMXServiceURL("service:jmx:rmi:///jndi/rmi://127.0.0.1:" + jmxPort + "/jmxrmi");
        assertThrows(SecurityException.class,
            () -> JMXConnectorFactory.connect(url, Map.of(JMXConnector.CREDENTIALS, new String[] {"operator", "wrong"})),
            "a wrong password is refused");
        try (JMXConnector connector = JMXConnectorFactory.connect(url,
            Map.of(JMXConnector.CREDENTIALS, new String[] {"operator", "s3cret-for-test"})))
        {
            final MBeanServerConnection connection = connector.getMBeanServerConnection();
            final EngineMXBean engine = JMX.newMXBeanProxy(connection, OpsBeans.name("Engine", "1"), EngineMXBean.class);
            final RiskMXBean risk = JMX.newMXBeanProxy(connection, OpsBeans.name("Risk", "1"), RiskMXBean.class);
            final VenueMXBean venue = JMX.newMXBeanProxy(connection, OpsBeans.name("Venue", "1"), VenueMXBean.class);
            final JournalMXBean journal = JMX.newMXBeanProxy(connection, OpsBeans.name("Journal", "1"), JournalMXBean.class);
            assertEquals("sma-cross", engine.getStrategy());
            assertTrue(venue.isMarketDataConnected() && venue.isPrivateStreamConnected());
            assertTrue(journal.isWritable());
            assertEquals(engine.getRunId() + "/in", journal.getJournal());

            engine.halt();
            assertTrue(OpsClient.await(30, risk::isHalted), "the halt reached the engine");
            assertEquals(503, http.get("/ready").status(), "halted: not ready");
            assertEquals("ADMIN_HALT", risk.getHaltReason());
            assertTrue(OpsClient.await(30, () -> slack.requests.stream().anyMatch((r) -> r.body().contains("HALTED by an operator halt (ADMIN_HALT): no new entries"))),
                "the halt was told on Slack: " + slack.requests);

            engine.setParameter("fast", "5");
            final RuntimeException unknown = assertThrows(RuntimeException.class, () -> engine.setParameter("fastest", "5"));
            assertTrue(unknown.getMessage().startsWith("unknown parameter 'fastest' (known: "), unknown.getMessage());
            assertTrue(unknown.getMessage().endsWith("; nothing changed"), unknown.getMessage());
            final RuntimeException refused = assertThrows(RuntimeException.class, () -> engine.setParameter("fast", "30"));
            assertTrue(refused.getMessage().endsWith("; nothing changed"), "fast must stay below slow (30): " + refused.getMessage());
            final RuntimeException notANumber = assertThrows(RuntimeException.class, () -> engine.setParameter("maxPositionQty", "lots"));
            assertTrue(notANumber.getMessage().startsWith("value of 'maxPositionQty': "), notANumber.getMessage());

            engine.resume();
            assertTrue(OpsClient.await(30, () -> !risk.isHalted()), "the resume reached the engine");
            assertEquals("", risk.getHaltReason(), "no halt in force");
            assertTrue(OpsClient.await(30, () -> http.get("/ready").status() == 200), "ready again: " + http.get("/ready"));
            engine.resetBreaker();
            assertEquals("CLOSED", risk.getBreakerState());
            assertEquals(0, risk.getIgnoredParamChanges(), "the refused requests never reached the engine");
        }

        assertEquals(0, run.await(), run.err.toString());
        slack.close();
        assertEquals(1, slack.requests.size(), "one alert: the halt; the resume is no alert: " + slack.requests);
        final JsonNode last = new ObjectMapper().readTree(var.resolve("last-run.json").toFile());
        assertEquals(2, last.get("stateChanges").asLong(), "the halt and the resume; the reset found the breaker closed: " + last);
        assertEquals(0, last.get("ignoredParamChanges").asLong(), last.toString());
        assertEquals(List.of("HALT", "SET_PARAM fast=500000000", "RESUME", "RESET_BREAKER"),
            adminInputs(Path.of(last.get("journal").asText())), "each operation journaled once, in order, as an ADMIN input");

        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        assertEquals(0, Main.execute(new String[] {"replay", "--json", "--journal", last.get("journal").asText()},
            new PrintWriter(out, true), new PrintWriter(err, true)), err.toString());
        assertEquals(last.get("digest").asText(), new ObjectMapper().readTree(out.toString()).get("digest").asText(),
            "the replay applies the operator's commands at the same points");
    }

    private static List<String> adminInputs(final Path inJournal)
    {
        final List<String> commands = new ArrayList<>();
        final JournalEntry entry = new JournalEntry();
        final MessageHeaderDecoder header = new MessageHeaderDecoder();
        final AdminCommandDecoder admin = new AdminCommandDecoder();
        try (Journal journal = Journal.openForRead(inJournal); JournalReader reader = journal.reader())
        {
            while (reader.next(entry))
            {
                if (entry.sourceId() == Sources.ADMIN && entry.format() == EntryHeader.FORMAT_SBE)
                {
                    admin.wrapAndApplyHeader(entry.payloadBuffer(), 0, header);
                    final String key = admin.paramKey().trim();
                    commands.add(admin.action() + (key.isEmpty() ? "" : " " + key + "=" + admin.paramValue()));
                }
            }
        }
        return commands;
    }

    private static int freePort() throws IOException
    {
        try (ServerSocket socket = new ServerSocket(0))
        {
            return socket.getLocalPort();
        }
    }
}
