package io.qts.adapters.cli;

import io.qts.adapters.upbit.sim.ExchangeSimulator;
import io.qts.adapters.upbit.sim.SimSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code qts run --venue upbit} as a real process against the exchange simulator, with a key the venue refuses. */
class WrongKeysAtStartTest
{
    @TempDir
    Path dir;

    @Test
    void anExpiredKeyStopsTheStartWithOneLineAndNothingWritten() throws Exception
    {
        final byte[] secret = "secret-of-the-expired-key".getBytes(StandardCharsets.US_ASCII);
        final Path keyFile = SimulatorAccount.keyFile(dir, "expired-ak", secret);
        final Path var = dir.resolve("var");
        try (ExchangeSimulator sim = ExchangeSimulator.of(SimulatorAccount.krwBtcSample(),
            new SimSettings().speed(0).key("expired-ak", secret).refuseKey("expired-ak", "expired_access_key").log((l) -> { })))
        {
            final int port = sim.start(0);
            try (EngineProcess engine = EngineProcess.start(dir, "engine", SimulatorAccount.venueProperties(port, keyFile),
                "run", "--venue", "upbit", "--var-dir", var.toString()))
            {
                assertTrue(engine.process.waitFor(60, TimeUnit.SECONDS), "it stops at once");
                assertEquals(1, engine.process.exitValue());
                assertEquals("qts: error: Upbit keys refused (401 expired_access_key): the API key has expired: issue a new key in "
                    + "Upbit's Open API management and set it in UPBIT_ACCESS_KEY/UPBIT_SECRET_KEY or venue.keyFile\n", engine.err());
                assertEquals("", engine.out(), "nothing started");
            }
            assertFalse(Files.exists(var), "no var dir, no journal: nothing half-written");
        }
    }
}
