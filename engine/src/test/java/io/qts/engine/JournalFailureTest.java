package io.qts.engine;

import io.qts.engine.pipeline.OrderConsumer;
import io.qts.journal.Journal;
import io.qts.journal.JournalException;
import io.qts.journal.JournalKind;
import io.qts.journal.JournalSync;
import io.qts.journal.JournalVerifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Never trade unjournaled: the live pipeline's inbound journal on a 4 MB tmpfs that fills while the strategy trades.
 * Skipped, saying why, where a tmpfs cannot be mounted (not root).
 */
class JournalFailureTest
{
    private static final long QTY = 100_000_000L;

    @TempDir
    Path tmp;
    private Path mount;

    @BeforeEach
    void mountSmallTmpfs() throws Exception
    {
        mount = Files.createDirectories(tmp.resolve("tmpfs"));
        final int rc = exec("mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", mount.toString());
        Assumptions.assumeTrue(rc == 0, "skipped: cannot mount a tmpfs here (mount exit " + rc + "; needs root)");
    }

    @AfterEach
    void unmount() throws Exception
    {
        exec("umount", "-l", mount.toString());
    }

    @ParameterizedTest(name = "topology {0}")
    @ValueSource(strings = {EngineContext.CHAIN, EngineContext.PARALLEL})
    void aJournalThatCannotBeWrittenStopsTheEngineAndNoOrderLeavesAfterIt(final String topology)
    {
        final Path in = mount.resolve("in");
        final long[] ordersTaken = new long[1];
        final OrderConsumer gateway = (buffer, offset, length) -> ordersTaken[0]++;
        final JournalException stopped;
        long published = 0;
        try (Journal journal = Journal.openForAppend(in, JournalKind.IN, JournalSync.NONE);
            LivePipeline pipeline = new LivePipeline(
                LivePipelineTest.context().topology(topology).conclude(), journal, OutputListener.NONE))
        {
            pipeline.start();
            final TestEvents events = new TestEvents(pipeline.input());
            events.instrument("TEST", 2, 8);
            // About 100 bytes per trade: the disk is full long before 200,000 trades.
            while (pipeline.failure() == null && published < 200_000)
            {
                events.trade(1_000_000L * published, LivePipelineTest.price(published), QTY);
                published++;
                if (published % 1_000 == 0)
                {
                    pipeline.pollOrders(gateway);
                }
            }
            assertNotNull(pipeline.failure(), "the disk filled after " + published + " trades");
            final long ordersBefore = ordersTaken[0];
            assertTrue(ordersBefore > 0, "the strategy traded before the disk filled");

            // Inputs after the failure are dropped, never blocking the feed (the ring holds 1,024).
            for (long i = 0; i < 10_000; i++)
            {
                events.trade(1_000_000L * (published + i), LivePipelineTest.price(published + i), QTY);
            }
            pipeline.pollOrders(gateway);
            assertEquals(ordersBefore, ordersTaken[0], "no order handed to the gateway after the failure");
            stopped = assertThrows(JournalException.class, pipeline::stop);
            assertTrue(journal.hasFailed());
        }
        assertEquals("journal " + in + " cannot be written: no space left on device; trading stopped, the next start "
            + "recovers up to the last complete entry", stopped.getMessage());
        try (Journal journal = Journal.openForRead(in))
        {
            final JournalVerifier.Report report = JournalVerifier.verify(journal);
            assertTrue(report.ok(), report.problems().toString());
            assertFalse(report.endedCleanly());
            assertTrue(report.entries() > 1_000 && report.entries() < published, report.entries() + " of " + published);
        }
    }

    /**
     * The gateway journals each order to out/ before it sends it; when that append fails (injected here: the out
     * journal's own full-disk path is the first test's), the order is not sent and the engine stops the same way.
     */
    @Test
    void anOrderTheGatewayCannotJournalStopsTheEngine()
    {
        final JournalException outFull = new JournalException("journal out cannot be written: no space left on device");
        final long[] ordersOffered = new long[1];
        final OrderConsumer gateway = (buffer, offset, length) ->
        {
            ordersOffered[0]++;
            throw outFull;
        };
        try (Journal journal = Journal.openForAppend(tmp.resolve("in"), JournalKind.IN, JournalSync.NONE);
            LivePipeline pipeline = new LivePipeline(LivePipelineTest.context(), journal, OutputListener.NONE))
        {
            pipeline.start();
            final TestEvents events = new TestEvents(pipeline.input());
            events.instrument("TEST", 2, 8);
            for (long i = 0; i < 5_000 && pipeline.failure() == null; i++)
            {
                events.trade(1_000_000L * i, LivePipelineTest.price(i), QTY);
                if (i % 100 == 99)
                {
                    pipeline.awaitIdle();
                    pipeline.pollOrders(gateway);
                }
            }
            assertEquals(outFull, pipeline.failure());
            pipeline.pollOrders(gateway);
            assertEquals(1, ordersOffered[0], "the order that could not be journaled is offered once, never again");
            assertEquals(outFull, assertThrows(JournalException.class, pipeline::stop));
        }
        try (Journal journal = Journal.openForRead(tmp.resolve("in")))
        {
            assertTrue(journal.endedCleanly(), "the inbound journal was fine and closed cleanly after the engine stopped");
        }
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
