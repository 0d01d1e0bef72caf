package io.qts.adapters.upbit.sim;

import com.fasterxml.jackson.databind.JsonNode;
import io.qts.adapters.data.DataFormat;
import io.qts.adapters.data.MarketDataFile;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A widely used third-party Upbit client, ccxt (npm), runs its ordinary flow against the simulator unchanged: markets,
 * ticker, order book, trades, candles, balance, a limit order placed, listed as open, queried and cancelled, a market
 * buy by price, closed orders listed. The test installs the pinned package itself with npm into a temporary
 * folder; without node/npm or a reachable registry it is skipped with the reason (CI reaches the registry).
 */
class ThirdPartyClientTest
{
    private static final String PACKAGE = "ccxt@4.5.84";

    @TempDir
    Path dir;

    @Test
    void ccxtUpbitFlowWorksAgainstTheSimulator() throws Exception
    {
        installOrSkip();
        Files.copy(ThirdPartyClientTest.class.getResourceAsStream("/npm-client/upbit-flow.mjs"), dir.resolve("upbit-flow.mjs"));

        final byte[] secretBytes = new byte[24];
        new SecureRandom().nextBytes(secretBytes);
        final String access = "ccxt-access";
        final String secret = HexFormat.of().formatHex(secretBytes);
        final List<String> simLog = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (ExchangeSimulator sim = ExchangeSimulator.of(
            MarketDataFile.read(Path.of("../config/samples/upbit-krw-btc-1m.csv"), DataFormat.OHLCV, "KRW-BTC"),
            new SimSettings().speed(20).autoPlay(false).key(access, secret.getBytes(StandardCharsets.UTF_8)).log(simLog::add)))
        {
            final int port = sim.start(0);
            sim.step(400);
            sim.play();   // trades keep coming, so the market buy fills
            final ProcessBuilder pb = new ProcessBuilder("node", "upbit-flow.mjs", "http://127.0.0.1:" + port)
                .directory(dir.toFile())
                .redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile());
            pb.environment().putAll(Map.of("SIM_ACCESS_KEY", access, "SIM_SECRET_KEY", secret));
            final Process node = pb.start();
            try
            {
                assertTrue(node.waitFor(120, TimeUnit.SECONDS), "the client flow finishes");
            }
            finally
            {
                node.destroyForcibly();
            }
            final String out = Files.readString(dir.resolve("out.txt"));
            final String err = Files.readString(dir.resolve("err.txt"));
            assertEquals(0, node.exitValue(), "client failed: " + err + "\n" + out + "\nsimulator: " + simLog);
            final String[] lines = out.trim().split("\n");
            final JsonNode seen = SimRest.JSON.readTree(lines[lines.length - 1]);

            assertEquals("[\"BTC/KRW\"]", seen.get("markets").toString());
            assertTrue(seen.get("last").asDouble() > 11_000_000 && seen.get("last").asDouble() < 12_000_000, seen.toString());
            assertEquals(15, seen.get("bids").asInt());
            assertEquals(15, seen.get("asks").asInt());
            assertEquals(1000, seen.get("bestAsk").asLong() - seen.get("bestBid").asLong());
            assertEquals(5, seen.get("trades").asInt());
            assertTrue(seen.get("tradesOldestFirst").asBoolean(), "ccxt sorts trades oldest first");
            assertEquals(5, seen.get("candles").asInt());
            assertTrue(seen.get("candleOhlcOk").asBoolean());
            assertEquals(10_000_000, seen.get("krwFree").asLong());
            final String limitId = seen.get("limitId").asText();
            assertTrue(contains(seen.get("openIds"), limitId), seen.toString());
            assertEquals("open", seen.get("fetchedStatus").asText());
            assertTrue(contains(seen.get("canceledIds"), limitId), seen.toString());
            assertEquals("closed", seen.get("marketBuyStatus").asText(), seen.toString());
            assertTrue(contains(seen.get("closedIds"), seen.get("marketBuyId").asText()), seen.toString());
            assertFalse(contains(seen.get("closedIds"), limitId), "state=done lists no cancelled order");
            assertTrue(seen.get("btcAfter").asDouble() > 0);
            assertEquals(0, sim.balances(access).get("BTC").compareTo(new BigDecimal(seen.get("btcAfter").asText())),
                "the client's balance is the venue's");
        }
    }

    /** npm install of the pinned client into the temp folder, or a skip saying why it cannot be done here. */
    private void installOrSkip() throws Exception
    {
        final List<String> command = new ArrayList<>(List.of("npm", "install", "--no-audit", "--no-fund", "--no-save",
            "--prefix", dir.toString(), PACKAGE));
        final Process npm;
        try
        {
            new ProcessBuilder("node", "--version").start().waitFor(10, TimeUnit.SECONDS);
            npm = new ProcessBuilder(command).redirectErrorStream(true).start();
        }
        catch (final IOException ex)
        {
            Assumptions.abort("skipped: node/npm not installed here (" + ex.getMessage() + "); CI runs this test");
            return;
        }
        if (!npm.waitFor(300, TimeUnit.SECONDS))
        {
            npm.destroyForcibly();
            Assumptions.abort("skipped: npm install " + PACKAGE + " did not finish in 300 s (registry unreachable?)");
        }
        final String output = read(npm.getInputStream());
        if (npm.exitValue() != 0)
        {
            final boolean network = output.matches("(?s).*(ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|ECONNRESET|network|proxy).*");
            Assumptions.assumeFalse(network, () -> "skipped: the npm registry is unreachable from here: "
                + output.lines().filter(l -> l.contains("ERR")).findFirst().orElse(output.strip()));
            throw new AssertionError("npm install " + PACKAGE + " failed:\n" + output);
        }
    }

    private static boolean contains(final JsonNode array, final String value)
    {
        for (final JsonNode n : array)
        {
            if (n.asText().equals(value))
            {
                return true;
            }
        }
        return false;
    }

    private static String read(final InputStream in) throws IOException
    {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
}
