package io.qts.adapters.ops;

import io.qts.adapters.cli.Main;
import io.qts.adapters.cli.UserError;
import io.qts.adapters.config.QtsConfig;
import io.qts.adapters.run.VarDirLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

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
    void aRunWhoseOpsPortIsTakenStopsWithOneLineAndCreatesNothing() throws Exception
    {
        final Path var = dir.resolve("var");
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress()))
        {
            final Run refused = runWithOpsPort(taken.getLocalPort(), var);
            assertEquals(1, refused.exitCode);
            assertEquals("qts: error: config key 'ops.httpPort': cannot listen on 127.0.0.1:" + taken.getLocalPort()
                + ": Address already in use (set another port, 0 for a free one, or none)\n", refused.err);
            assertFalse(Files.exists(var), "no var dir, no session number, no journal: nothing created");
        }
    }

    @Test
    void aVarDirThatExistsIsNotTouchedByARunWhoseOpsPortIsTaken() throws Exception
    {
        final Path var = Files.createDirectories(dir.resolve("var"));
        Files.writeString(var.resolve("last-run.json"), "{\"runId\":\"an earlier run\"}\n");
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress()))
        {
            assertEquals(1, runWithOpsPort(taken.getLocalPort(), var).exitCode);
        }
        try (Stream<Path> left = Files.list(var))
        {
            assertEquals(List.of(var.resolve("last-run.json")), left.toList(), "no lock file, no journal directory: the port was bound first");
        }
        assertEquals("{\"runId\":\"an earlier run\"}\n", Files.readString(var.resolve("last-run.json")));
    }

    @Test
    void anEngineHoldingTheVarDirIsNamedBeforeThePortsItHoldsAreFoundTaken() throws Exception
    {
        final Path var = dir.resolve("var");
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
            VarDirLock holder = VarDirLock.acquire(var))
        {
            final Run refused = runWithOpsPort(taken.getLocalPort(), var);
            assertEquals(1, refused.exitCode);
            assertEquals("qts: error: var dir " + var + " is in use by another engine (pid " + ProcessHandle.current().pid()
                + "); one engine per var dir: stop it, or give this run another --var-dir\n", refused.err);
        }
        try (Stream<Path> left = Files.list(var))
        {
            assertEquals(List.of(var.resolve(VarDirLock.FILE_NAME)), left.toList(), "the holder's lock file only");
        }
    }

    private record Run(int exitCode, String out, String err)
    {
    }

    /** {@code qts run --var-dir var} with {@code ops.httpPort} set to {@code port}, in this JVM. */
    private static Run runWithOpsPort(final int port, final Path var)
    {
        final String before = System.getProperty("qts.ops.httpPort");
        System.setProperty("qts.ops.httpPort", Integer.toString(port));
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        try
        {
            final int exitCode = Main.execute(new String[] {"run", "--var-dir", var.toString()}, new PrintWriter(out, true),
                new PrintWriter(err, true));
            return new Run(exitCode, out.toString(), err.toString());
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
    }
}
