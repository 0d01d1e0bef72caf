package io.qts.adapters.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qts.adapters.cli.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The log formats: what a run's JSON format puts on stdout and what it leaves out, and a format nobody knows refused
 * at start (a whole run in the JSON format, as its own process: {@code JsonLogRunTest}).
 */
class LogFormatTest
{
    @TempDir
    Path dir;

    @AfterEach
    void backToTheDefaults()
    {
        LogSetup.textOnStderr((ch.qos.logback.classic.LoggerContext)LoggerFactory.getILoggerFactory());
    }

    @Test
    void theJsonFormatWritesOneObjectPerEventToStdoutWithQtsAtInfoAndLibrariesAtWarn() throws Exception
    {
        final StringWriter stdout = new StringWriter();
        LogSetup.configure(LogSetup.JSON, "run-20261130-020000-42", 7, new PrintWriter(stdout, true));
        LoggerFactory.getLogger("net.openhft.chronicle.bytes.MappedFile").info("Took 1141 us to grow file");
        LoggerFactory.getLogger("io.netty.channel.DefaultChannelPipeline").warn("An exceptionCaught() event was fired");
        LogSetup.lines(LogSetup.PROGRESS).printf("  ops         http://127.0.0.1:%d/health%n", 9464);
        LoggerFactory.getLogger(LogSetup.SUMMARY).atInfo().addKeyValue("orders", 33).log("run ended");

        final List<String> lines = stdout.toString().lines().toList();
        assertEquals(3, lines.size(), "a library's INFO line is left out: " + stdout);
        final JsonNode warning = new ObjectMapper().readTree(lines.get(0));
        assertEquals("WARN", warning.get("level").asText());
        assertEquals("io.netty.channel.DefaultChannelPipeline", warning.get("loggerName").asText());
        assertEquals("run-20261130-020000-42", warning.get("context").get("properties").get(LogSetup.RUN_ID).asText());
        assertEquals("7", warning.get("context").get("properties").get(LogSetup.ENGINE_ID).asText());
        final JsonNode progress = new ObjectMapper().readTree(lines.get(1));
        assertEquals(LogSetup.PROGRESS, progress.get("loggerName").asText());
        assertEquals("INFO", progress.get("level").asText());
        assertEquals("  ops         http://127.0.0.1:9464/health", progress.get("message").asText());
        final JsonNode summary = new ObjectMapper().readTree(lines.get(2));
        assertEquals("[{\"orders\":\"33\"}]", summary.get("kvpList").toString());
    }

    @Test
    void anUnknownLogFormatIsRefusedWithOneLine()
    {
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final int exitCode = Main.execute(new String[] {"run", "--var-dir", dir.resolve("var").toString(), "--log-format", "xml"},
            new PrintWriter(out, true), new PrintWriter(err, true));
        assertEquals(1, exitCode);
        assertEquals("qts: error: ops.logFormat must be one of text, json, got 'xml' (from option --log-format)\n", err.toString());
        assertEquals("", out.toString());
        assertFalse(Files.exists(dir.resolve("var")), "nothing written");
    }

    @Test
    void theFormatIsASettingAndItsSourceIsNamed()
    {
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        System.setProperty("qts.ops.logFormat", "logfmt");
        try
        {
            assertEquals(1, Main.execute(new String[] {"run", "--var-dir", dir.resolve("var").toString()},
                new PrintWriter(out, true), new PrintWriter(err, true)));
        }
        finally
        {
            System.clearProperty("qts.ops.logFormat");
        }
        assertEquals("qts: error: ops.logFormat must be one of text, json, got 'logfmt' (from system property qts.ops.logFormat)\n",
            err.toString());
    }
}
