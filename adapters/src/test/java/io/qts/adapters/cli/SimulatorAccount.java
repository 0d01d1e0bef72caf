package io.qts.adapters.cli;

import io.qts.adapters.data.DataFormat;
import io.qts.adapters.data.MarketDataFile;
import io.qts.adapters.data.MarketSeries;
import io.qts.adapters.upbit.sim.ExchangeSimulator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * What the tests share that run {@code qts run --venue upbit} as a process against an exchange simulator in the test's
 * JVM: the key file, the properties that point the venue at the simulator, and the sample tape it plays.
 */
final class SimulatorAccount
{
    private SimulatorAccount()
    {
    }

    /** Writes {@code dir/upbit.keys} with the key, readable by its owner only (as run requires); returns it. */
    static Path keyFile(final Path dir, final String accessKey, final byte[] secretKey) throws IOException
    {
        final Path keyFile = dir.resolve("upbit.keys");
        Files.writeString(keyFile, "access_key=" + accessKey + "\nsecret_key=" + new String(secretKey, StandardCharsets.US_ASCII) + "\n",
            StandardCharsets.US_ASCII);
        Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
        return keyFile;
    }

    /** The {@code qts.venue.*} properties (without {@code -D}) for the simulator on {@code port} and that key file. */
    static List<String> venueProperties(final int port, final Path keyFile)
    {
        return List.of(
            "qts.venue.restUrl=http://127.0.0.1:" + port,
            "qts.venue.websocketUrl=ws://127.0.0.1:" + port + ExchangeSimulator.PUBLIC_PATH,
            "qts.venue.privateWebsocketUrl=ws://127.0.0.1:" + port + ExchangeSimulator.PRIVATE_PATH,
            "qts.venue.keyFile=" + keyFile);
    }

    /** The sample Upbit KRW-BTC 1-minute bars in config/samples, as KRW-BTC. */
    static MarketSeries krwBtcSample()
    {
        return MarketDataFile.read(Path.of("../config/samples/upbit-krw-btc-1m.csv"), DataFormat.OHLCV, "KRW-BTC");
    }
}
