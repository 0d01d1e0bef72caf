package io.qts.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Peak RSS of real child JVMs: one holding 256 MB must read at least that, and well above one holding 8 MB. */
class PeakRssMeterTest
{
    private static final long MB_KIB = 1024;

    @TempDir
    Path dir;

    @Test
    void gnuTimeSeesTheMemoryAChildHeld() throws InterruptedException
    {
        final PeakRssMeter meter = PeakRssMeter.detect();
        assumeTrue(meter.usesGnuTime(), "GNU time (/usr/bin/time) not installed");
        assertHeldMemoryIsSeen(meter);
    }

    @Test
    void pollingSeesTheMemoryAChildHeld() throws InterruptedException
    {
        assertHeldMemoryIsSeen(PeakRssMeter.polling());
    }

    @Test
    void aChildThatFailsIsAnErrorNamingItsStderr()
    {
        final IllegalStateException error = assertThrows(IllegalStateException.class,
            () -> PeakRssMeter.detect().run(child(8, "3"), dir.resolve("fails")));
        assertTrue(error.getMessage().contains("exited with 3: asked to fail"), error.getMessage());
    }

    private void assertHeldMemoryIsSeen(final PeakRssMeter meter) throws InterruptedException
    {
        final PeakRssMeter.ChildRun small = meter.run(child(8), dir.resolve("small"));
        final PeakRssMeter.ChildRun large = meter.run(child(256), dir.resolve("large"));
        assertEquals("held 268435456 bytes", large.stdout().strip());
        assertTrue(large.peakRssKib() >= 256 * MB_KIB, "large child's peak " + large.peakRssKib() + " KiB");
        assertTrue(large.peakRssKib() - small.peakRssKib() >= 200 * MB_KIB,
            "small " + small.peakRssKib() + " KiB vs large " + large.peakRssKib() + " KiB");
        assertTrue(large.wallNs() >= 300_000_000L, "the child sleeps 300 ms; wall " + large.wallNs() + " ns");
    }

    private static List<String> child(final int megabytes, final String... exitCode)
    {
        final List<String> command = new ArrayList<>(List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-XX:+UseSerialGC",
            "-cp", System.getProperty("java.class.path"), MemoryToucher.class.getName(), Integer.toString(megabytes)));
        command.addAll(List.of(exitCode));
        return command;
    }
}
