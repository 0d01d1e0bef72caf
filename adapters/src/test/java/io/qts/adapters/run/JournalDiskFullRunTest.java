package io.qts.adapters.run;

import io.qts.journal.Journal;
import io.qts.journal.JournalAppender;
import io.qts.journal.JournalKind;
import io.qts.journal.JournalSync;
import io.qts.journal.JournalVerifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Never trade unjournaled: {@code qts run} as its own process, its var dir on a 6 MB tmpfs that fills while the
 * engine journals a long feed. Skipped, saying why, where a tmpfs cannot be mounted (not root).
 */
class JournalDiskFullRunTest
{
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @TempDir
    Path tmp;
    private Path mount;

    @BeforeEach
    void mountSmallTmpfs() throws Exception
    {
        mount = Files.createDirectories(tmp.resolve("tmpfs"));
        final int rc = exec("mount", "-t", "tmpfs", "-o", "size=6m", "tmpfs", mount.toString());
        Assumptions.assumeTrue(rc == 0, "skipped: cannot mount a tmpfs here (mount exit " + rc + "; needs root)");
    }

    @AfterEach
    void unmount() throws Exception
    {
        // Lazily: the child's mappings are gone with it, but the kernel may take a moment.
        exec("umount", "-l", mount.toString());
    }

    @Test
    void aFullDiskStopsTheRunWithOneLineAndTheJournalKeepsEveryCompleteEntry() throws Exception
    {
        final Path config = configWithLongFeed(60_000);
        final Path var = mount.resolve("var");
        final Process run = new ProcessBuilder(command(config, var)).redirectErrorStream(false).start();
        final byte[] stdout;
        final byte[] stderr;
        try (InputStream out = run.getInputStream(); InputStream err = run.getErrorStream())
        {
            final Thread drain = new Thread(() -> readQuietly(out));
            drain.start();
            stderr = err.readAllBytes();
            drain.join();
            stdout = lastRead;
        }
        assertTrue(run.waitFor(120, TimeUnit.SECONDS), "the run must end by itself");
        final String errText = new String(stderr, StandardCharsets.UTF_8);
        final String outText = new String(stdout, StandardCharsets.UTF_8);

        assertEquals(1, run.exitValue(), errText);
        final List<String> errLines = errText.lines().toList();
        assertEquals(1, errLines.size(), "one line: " + errText);
        final Path runDir;
        try (var runs = Files.list(var.resolve("journal")))
        {
            runDir = runs.findFirst().orElseThrow();
        }
        final Path in = runDir.resolve("in");
        assertEquals("qts: error: journal " + in + " cannot be written: no space left on device; trading stopped, the next "
            + "start recovers up to the last complete entry", errLines.get(0));
        assertFalse((outText + errText).contains("Exception") || (outText + errText).contains("\tat "), outText + errText);

        final JournalVerifier.Report report;
        try (Journal journal = Journal.openForRead(in))
        {
            report = JournalVerifier.verify(journal);
        }
        assertTrue(report.ok(), report.problems().toString());
        assertFalse(report.endedCleanly(), "a failed journal has no end marker");
        assertTrue(report.entries() > 1_000 && report.entries() < 60_000, "the disk filled mid-run: " + report.entries());

        // The next start (on a disk with room) continues after the last complete entry.
        final Path moved = Files.createDirectories(tmp.resolve("moved-in"));
        try (var files = Files.list(in))
        {
            for (final Path file : (Iterable<Path>)files::iterator)
            {
                Files.copy(file, moved.resolve(file.getFileName()));
            }
        }
        try (Journal journal = Journal.openForAppend(moved, JournalKind.IN, JournalSync.NONE);
            JournalAppender appender = journal.appender())
        {
            assertEquals(report.lastSequence() + 1, appender.nextSequence());
        }
    }

    private volatile byte[] lastRead = new byte[0];

    private void readQuietly(final InputStream in)
    {
        try
        {
            lastRead = in.readAllBytes();
        }
        catch (final IOException ex)
        {
            lastRead = ("(stdout unreadable: " + ex.getMessage() + ")").getBytes(StandardCharsets.UTF_8);
        }
    }

    /** The shipped configuration with its feed replaced by {@code bars} one-minute bars zigzagging around 11.5 M KRW. */
    private Path configWithLongFeed(final int bars) throws IOException
    {
        final StringBuilder csv = new StringBuilder("timestamp,open,high,low,close,volume\n");
        LocalDateTime time = LocalDateTime.of(2020, 2, 20, 0, 0);
        for (int i = 0; i < bars; i++)
        {
            final long close = 11_500_000 + (i % 40 < 20 ? i % 40 : 40 - i % 40) * 10_000L;
            csv.append(MINUTE.format(time)).append(',').append(close).append(',').append(close + 5_000).append(',')
                .append(close - 5_000).append(',').append(close).append(",1\n");
            time = time.plusMinutes(1);
        }
        Files.writeString(tmp.resolve("bars.csv"), csv);
        final String shipped;
        try (InputStream in = JournalDiskFullRunTest.class.getResourceAsStream("/qts-config/qts.yml"))
        {
            shipped = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(shipped.contains("feed: samples/upbit-krw-btc-1m.csv"), "the shipped config's feed line");
        final Path config = tmp.resolve("qts.yml");
        Files.writeString(config, shipped.replace("feed: samples/upbit-krw-btc-1m.csv", "feed: bars.csv"));
        return config;
    }

    /** This JVM's java and the module flags Chronicle needs, the test class path, and Main. */
    private static List<String> command(final Path config, final Path var)
    {
        final List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        for (final String arg : ManagementFactory.getRuntimeMXBean().getInputArguments())
        {
            if (arg.startsWith("--add-") || arg.startsWith("-Dchronicle.") || arg.startsWith("--sun-misc")
                || arg.startsWith("--enable-native"))
            {
                command.add(arg);
            }
        }
        command.addAll(List.of("-Xmx256m", "-cp", System.getProperty("java.class.path"), "io.qts.adapters.cli.Main",
            "run", "--config", config.toString(), "--venue", "local", "--var-dir", var.toString()));
        return command;
    }

    private static int exec(final String... command) throws Exception
    {
        try
        {
            final Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return process.waitFor(30, TimeUnit.SECONDS) ? process.exitValue() : -1;
        }
        catch (final IOException ex)
        {
            return -1;
        }
    }
}
