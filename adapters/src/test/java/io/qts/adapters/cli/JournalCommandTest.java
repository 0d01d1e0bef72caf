package io.qts.adapters.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qts.journal.EntryHeader;
import io.qts.journal.Journal;
import io.qts.journal.JournalAppender;
import io.qts.journal.JournalKind;
import io.qts.journal.JournalSync;
import io.qts.journal.Sources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** journal verify, dump and prune; replay and backtest refusing a journal of the wrong kind or a damaged one. */
class JournalCommandTest
{
    @TempDir
    Path dir;

    @Test
    void aRunsJournalsCloseCleanlyAndTheOutJournalIsRefusedNamingTheInOne() throws IOException
    {
        final Path var = dir.resolve("var");
        assertEquals(0, Cli.run("run", "--venue", "local", "--var-dir", var.toString()).exitCode);
        final JsonNode last = new ObjectMapper().readTree(var.resolve("last-run.json").toFile());
        final Path in = Path.of(last.get("journal").asText());
        final Path out = Path.of(last.get("outJournal").asText());

        final Cli verifyIn = Cli.run("journal", "verify", "--journal", in.toString());
        assertEquals(0, verifyIn.exitCode, verifyIn.err);
        assertTrue(verifyIn.out.contains("format:    3, kind in\n"), verifyIn.out);
        assertTrue(verifyIn.out.contains("ended:     closed cleanly\n"), verifyIn.out);
        assertTrue(verifyIn.out.endsWith("OK\n"), verifyIn.out);
        final Cli verifyOut = Cli.run("journal", "verify", "--journal", out.toString());
        assertEquals(0, verifyOut.exitCode, verifyOut.err);
        assertTrue(verifyOut.out.contains("format:    3, kind out\n"), verifyOut.out);

        final Cli replay = Cli.run("replay", "--journal", out.toString());
        assertEquals(1, replay.exitCode);
        assertEquals("qts: error: journal " + out + " is an 'out' journal (the orders a run sent); replay reads the run's "
            + "inbound journal: --journal " + in + "\n", replay.err);
        final Cli backtest = Cli.run("backtest", "--journal", out.toString(), "--strategy", "sma-cross", "--param", "fast=10",
            "--param", "slow=30", "--size", "1", "--cash", "100000000", "--out", dir.resolve("bt").toString());
        assertEquals(1, backtest.exitCode);
        assertEquals("qts: error: journal " + out + " is an 'out' journal (the orders a run sent); backtest reads the run's "
            + "inbound journal: --journal " + in + "\n", backtest.err);
        assertEquals(0, Cli.run("replay", "--journal", in.toString()).exitCode, "the in journal replays");
    }

    @Test
    void replayRefusesAnImportedJournalNamingBacktest()
    {
        final Path journal = importBars();

        final Cli replay = Cli.run("replay", "--journal", journal.toString());
        assertEquals(1, replay.exitCode);
        assertEquals("qts: error: journal " + journal + " is an 'imported' journal (market history, no recorded session); "
            + "replay reads a run's inbound journal: decide this one with 'qts backtest --journal " + journal + " ...'\n",
            replay.err);
    }

    @Test
    void aCorruptEntryIsRefusedByBacktestWithTheReasonVerifyGives() throws IOException
    {
        final Path journal = importBars();
        final Path cycle = cycleFile(journal);
        final byte[] content = Files.readAllBytes(cycle);
        final int at = indexOf(content, "KRW-BTC".getBytes(StandardCharsets.US_ASCII));
        content[at] ^= 0x01;
        Files.write(cycle, content);

        final Cli verify = Cli.run("journal", "verify", "--journal", journal.toString());
        assertEquals(1, verify.exitCode);
        final String lastLine = verify.out.lines().reduce((a, b) -> b).orElseThrow();
        assertTrue(lastLine.startsWith("DAMAGED: corrupt entry at index 0x"), verify.out);
        final String reason = lastLine.substring("DAMAGED: ".length());

        final Cli backtest = backtest(journal);
        assertEquals(1, backtest.exitCode);
        assertEquals("qts: error: journal " + journal + " is damaged: " + reason + " ('qts journal verify --journal " + journal
            + "' lists all)\n", backtest.err);
    }

    @Test
    void anEmptiedCycleFileIsOneLineFromVerifyAndBacktestAlike() throws IOException
    {
        final Path journal = importBars();
        final Path cycle = cycleFile(journal);
        Files.write(cycle, new byte[0]);
        final String expected = "qts: error: journal " + journal + " is damaged: cycle file " + cycle.getFileName() + " is empty\n";

        final Cli verify = Cli.run("journal", "verify", "--journal", journal.toString());
        assertEquals(1, verify.exitCode);
        assertEquals(expected, verify.err);
        final Cli backtest = backtest(journal);
        assertEquals(1, backtest.exitCode);
        assertEquals(expected, backtest.err);
    }

    @Test
    void aJournalThatEndedByACrashIsValid()
    {
        final Path journal = dir.resolve("crashed");
        crashEnded(journal);

        final Cli verify = Cli.run("journal", "verify", "--journal", journal.toString());
        assertEquals(0, verify.exitCode, verify.err);
        assertTrue(verify.out.contains("entries:   2\n"), verify.out);
        assertTrue(verify.out.contains("ended:     ended by a crash (or still being written): valid, recoverable up to its "
            + "last complete entry\n"), verify.out);
        assertTrue(verify.out.endsWith("OK\n"), verify.out);
    }

    @Test
    void dumpLimitMustBeAPositiveWholeNumber()
    {
        final Path journal = importBars();
        for (final String bad : new String[] {"-1", "0"})
        {
            final Cli dump = Cli.run("journal", "dump", "--journal", journal.toString(), "--limit", bad);
            assertEquals(2, dump.exitCode, bad);
            assertTrue(dump.err.startsWith("qts: --limit must be a whole number of at least 1, not " + bad + "\n"), dump.err);
            assertEquals("", dump.out);
        }
        final Cli dump = Cli.run("journal", "dump", "--journal", journal.toString(), "--limit", "2");
        assertEquals(0, dump.exitCode, dump.err);
        assertEquals(2, dump.out.lines().count(), dump.out);
        assertTrue(dump.out.startsWith("0 "), dump.out);
    }

    @Test
    void pruneDeletesOldRunsThatClosedCleanlyAndNeverOneThatDidNot() throws IOException
    {
        final Path runs = dir.resolve("var").resolve("journal");
        closedCleanly(runs.resolve("run-20260101-000000"));
        crashEnded(runs.resolve("run-20260102-000000").resolve("in"));
        closedCleanly(runs.resolve("run-20260103-000000"));
        closedCleanly(runs.resolve("run-20260104-000000"));

        final Cli dryRun = Cli.run("journal", "prune", "--var-dir", dir.resolve("var").toString(), "--keep", "1", "--dry-run");
        assertEquals(0, dryRun.exitCode, dryRun.err);
        assertTrue(Files.isDirectory(runs.resolve("run-20260101-000000")), "a dry run deletes nothing");

        final Cli prune = Cli.run("journal", "prune", "--var-dir", dir.resolve("var").toString(), "--keep", "1");
        assertEquals(0, prune.exitCode, prune.err);
        assertEquals("""
            deleted  run-20260101-000000
            kept     run-20260102-000000 (in: ended by a crash or still running)
            deleted  run-20260103-000000
            kept     run-20260104-000000 (one of the newest 1)
            deleted 2 of 4 runs
            """, prune.out);
        assertFalse(Files.exists(runs.resolve("run-20260101-000000")));
        assertTrue(Files.isDirectory(runs.resolve("run-20260102-000000").resolve("in")));
        assertFalse(Files.exists(runs.resolve("run-20260103-000000")));
        assertTrue(Files.isDirectory(runs.resolve("run-20260104-000000").resolve("out")));
    }

    @Test
    void aBadJournalSyncSettingNamesTheKey() throws IOException
    {
        final String shipped;
        try (InputStream in = JournalCommandTest.class.getResourceAsStream("/qts-config/qts.yml"))
        {
            shipped = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(shipped.contains("  sync: none "), "the shipped config sets journal.sync");
        final Path config = dir.resolve("qts.yml");
        Files.writeString(config, shipped.replace("  sync: none ", "  sync: always "));

        final Cli run = Cli.run("run", "--config", config.toString(), "--venue", "local", "--var-dir", dir.resolve("var").toString());
        assertEquals(1, run.exitCode);
        assertTrue(run.err.startsWith("qts: error: journal.sync: 'always' is not a journal sync setting: use none, every-entry or "
            + "every-<N>ms"), run.err);
        assertTrue(run.err.contains("(from " + config + " line "), "names where the value came from: " + run.err);
    }

    private Path importBars()
    {
        final Path csv = dir.resolve("bars.csv");
        try
        {
            Files.writeString(csv, """
                timestamp,open,high,low,close,volume
                2020-02-20 08:00:00,100,101,99,100,1
                2020-02-20 08:01:00,100,102,99,101,1
                2020-02-20 08:02:00,101,103,100,102,1
                """);
        }
        catch (final IOException ex)
        {
            throw new java.io.UncheckedIOException(ex);
        }
        final Path journal = dir.resolve("imported");
        final Cli imported = Cli.run("import", "--format", "ohlcv", "--symbol", "KRW-BTC", "--in", csv.toString(),
            "--journal", journal.toString());
        assertEquals(0, imported.exitCode, imported.err);
        return journal;
    }

    private Cli backtest(final Path journal)
    {
        return Cli.run("backtest", "--journal", journal.toString(), "--strategy", "sma-cross", "--param", "fast=1",
            "--param", "slow=2", "--size", "1", "--cash", "1000", "--out", dir.resolve("bt").toString());
    }

    /** Two entries and no close, as a killed process leaves it (the journal is left open on purpose). */
    @SuppressWarnings("resource")
    private static void crashEnded(final Path journalDir)
    {
        final Journal journal = Journal.openForAppend(journalDir, JournalKind.IN, JournalSync.NONE);
        final JournalAppender appender = journal.appender();
        appender.append(1, Sources.ADMIN, EntryHeader.FORMAT_SBE, new byte[] {1}, 0, 1);
        appender.append(2, Sources.ADMIN, EntryHeader.FORMAT_SBE, new byte[] {2}, 0, 1);
    }

    private static void closedCleanly(final Path run)
    {
        for (final JournalKind kind : new JournalKind[] {JournalKind.IN, JournalKind.OUT})
        {
            try (Journal journal = Journal.openForAppend(run.resolve(kind.label()), kind, JournalSync.NONE);
                JournalAppender appender = journal.appender())
            {
                appender.append(1, Sources.ADMIN, EntryHeader.FORMAT_SBE, new byte[] {1}, 0, 1);
            }
        }
    }

    private static Path cycleFile(final Path journal) throws IOException
    {
        try (var files = Files.list(journal))
        {
            return files.filter((p) -> p.toString().endsWith(".cq4")).findFirst().orElseThrow();
        }
    }

    private static int indexOf(final byte[] haystack, final byte[] needle)
    {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++)
        {
            for (int j = 0; j < needle.length; j++)
            {
                if (haystack[i + j] != needle[j])
                {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
