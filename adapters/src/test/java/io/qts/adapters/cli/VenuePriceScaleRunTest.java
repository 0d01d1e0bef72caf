package io.qts.adapters.cli;

import io.qts.adapters.config.QtsConfig;
import io.qts.adapters.run.RunSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code qts run} against an Upbit-compatible venue refuses at start a configured price scale coarser than the
 * market's tick table needs: one line naming the market, the scale needed and the key, and no journal.
 */
class VenuePriceScaleRunTest
{
    @TempDir
    Path dir;

    private Path config(final String symbol, final String priceScale) throws IOException
    {
        final String shipped = Files.readString(Path.of("../config/qts.yml"));
        final String changed = shipped.replaceFirst("  symbol: KRW-BTC", "  symbol: " + symbol)
            .replaceFirst("  priceScale: 8 ", "  priceScale: " + priceScale + " ");
        assertTrue(changed.contains("  symbol: " + symbol) && changed.contains("  priceScale: " + priceScale + " "),
            "the test changes the shipped settings it relies on");
        final Path config = dir.resolve("qts.yml");
        Files.writeString(config, changed);
        Files.createDirectories(dir.resolve("samples"));
        Files.copy(Path.of("../config/samples/upbit-krw-btc-1m.csv"), dir.resolve("samples/upbit-krw-btc-1m.csv"),
            StandardCopyOption.REPLACE_EXISTING);
        return config;
    }

    private static int line(final Path config, final String text) throws IOException
    {
        return Files.readAllLines(config).indexOf(Files.readAllLines(config).stream()
            .filter((l) -> l.startsWith(text)).findFirst().orElseThrow()) + 1;
    }

    @Test
    void aBtcQuotedMarketAtScaleFourIsRefusedAtStartWithOneLine() throws IOException
    {
        final Path config = config("BTC-ETH", "4");
        final Path var = dir.resolve("var");

        final Cli run = Cli.run("run", "--config", config.toString(), "--venue", "sim", "--var-dir", var.toString());

        assertEquals(1, run.exitCode, run.out + run.err);
        assertEquals("qts: error: market BTC-ETH needs price scale 8 (Upbit's tick table for its quote currency goes down to "
            + "10^-8), but config key 'venue.priceScale' is 4 (from " + config + " line " + line(config, "  priceScale: 4") + ")",
            run.err.lines().findFirst().orElse(""));
        assertFalse(run.err.contains("\tat "), "no stack trace: " + run.err);
        assertFalse(Files.exists(var), "nothing written: " + var);
    }

    @Test
    void theShippedScaleHoldsEveryUpbitQuoteCurrencyAndTheLocalVenueKeepsTheFeedsOwn() throws IOException
    {
        for (final String market : new String[] {"KRW-BTC", "KRW-SHIB", "BTC-ETH", "USDT-BTC"})
        {
            assertEquals(8, RunSettings.from(QtsConfig.load(config(market, "8"), Map.of(), Map.of()), null, Map.of(), null, "sim", false)
                .venue().priceScale(), market);
        }
        assertEquals(4, RunSettings.from(QtsConfig.load(config("KRW-BTC", "4"), Map.of(), Map.of()), null, Map.of(), null, "local", false)
            .venue().priceScale(), "the local venue trades the feed's definitions; the key is not used there");
    }

    @Test
    void aScaleFinerThanMoneyIsRefusedByItsKey() throws IOException
    {
        final Path config = config("KRW-BTC", "9");
        final Cli run = Cli.run("run", "--config", config.toString(), "--venue", "sim", "--var-dir", dir.resolve("var").toString());
        assertEquals(1, run.exitCode, run.out + run.err);
        assertEquals("qts: error: config key 'venue.priceScale' must be a whole number from 0 to 8, got '9'",
            run.err.lines().findFirst().orElse(""));
    }
}
