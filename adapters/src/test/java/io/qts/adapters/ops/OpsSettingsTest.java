package io.qts.adapters.ops;

import io.qts.adapters.cli.Main;
import io.qts.adapters.cli.UserError;
import io.qts.adapters.config.QtsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The ops and alert settings: defaults keep everything on this host; bad values stop the start with one line naming the key. */
class OpsSettingsTest
{
    @TempDir
    Path dir;

    private static QtsConfig config(final Map<String, String> overrides)
    {
        return QtsConfig.load(null, Map.of(), overrides);
    }

    @Test
    void theShippedDefaultsServeHttpOnLoopbackPort9464AndKeepJmxLocal()
    {
        final OpsSettings ops = OpsSettings.from(config(Map.of()));
        assertEquals(9464, ops.httpPort());
        assertEquals(InetAddress.getLoopbackAddress(), ops.bindAddress());
        assertEquals(OpsSettings.OFF, ops.jmxPort());
        assertNull(ops.jmxPasswordFile());
        assertFalse(AlertSettings.from(config(Map.of()), Map.of()).enabled(), "no alerts unless configured");
    }

    @Test
    void badOpsAndAlertSettingsNameTheKey()
    {
        assertEquals("config key 'ops.httpPort' must be none or a port 0..65535, got 'http'",
            assertThrows(UserError.class, () -> OpsSettings.from(config(Map.of("qts.ops.httpPort", "http")))).getMessage());
        assertEquals("config key 'ops.bindAddress' must be an IP address such as 127.0.0.1 or 0.0.0.0, got 'localhost'",
            assertThrows(UserError.class, () -> OpsSettings.from(config(Map.of("qts.ops.bindAddress", "localhost")))).getMessage());
        assertEquals("config key 'ops.jmxPort' opens JMX to other hosts: 'ops.jmxPasswordFile' and 'ops.jmxAccessFile' are required "
            + "with it (remote JMX is never unauthenticated)",
            assertThrows(UserError.class, () -> OpsSettings.from(config(Map.of("qts.ops.jmxPort", "9010")))).getMessage());
        assertEquals("alerts.slack is true but no webhook URL: set SLACK_WEBHOOK_URL or slack_webhook_url= in alerts.keyFile",
            assertThrows(UserError.class, () -> AlertSettings.from(config(Map.of("qts.alerts.slack", "true")), Map.of())).getMessage());
        assertEquals("SLACK_WEBHOOK_URL / slack_webhook_url is not an http(s) URL", assertThrows(UserError.class,
            () -> AlertSettings.from(config(Map.of("qts.alerts.slack", "true")), Map.of("SLACK_WEBHOOK_URL", "hooks.slack.com/x"))).getMessage(),
            "the URL itself carries a token and is never repeated");
    }

    @Test
    void aRunWhoseOpsPortIsTakenStopsWithOneLineAndWritesNothing() throws Exception
    {
        final Path var = dir.resolve("var");
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress()))
        {
            final String before = System.getProperty("qts.ops.httpPort");
            System.setProperty("qts.ops.httpPort", Integer.toString(taken.getLocalPort()));
            final StringWriter out = new StringWriter();
            final StringWriter err = new StringWriter();
            final int exitCode;
            try
            {
                exitCode = Main.execute(new String[] {"run", "--var-dir", var.toString()}, new PrintWriter(out, true), new PrintWriter(err, true));
            }
            finally
            {
                if (before == null)
                {
                    System.clearProperty("qts.ops.httpPort");
                }
                else
                {
                    System.setProperty("qts.ops.httpPort", before);
                }
            }
            assertEquals(1, exitCode);
            assertEquals("qts: error: config key 'ops.httpPort': cannot listen on 127.0.0.1:" + taken.getLocalPort()
                + ": Address already in use (set another port, 0 for a free one, or none)\n", err.toString());
            assertFalse(Files.exists(var), "no session number, no journal, nothing written");
        }
    }
}
