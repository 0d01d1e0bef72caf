package io.qts.adapters.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qts.adapters.data.DataFormat;
import io.qts.adapters.data.MarketDataFile;
import io.qts.adapters.data.MarketSeries;
import io.qts.adapters.strategies.StrategyJars;
import io.qts.engine.Backtest;
import io.qts.engine.EngineContext;
import io.qts.engine.EngineResult;
import io.qts.engine.FixedPoint;
import io.qts.engine.InputSink;
import io.qts.engine.OutputListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The example strategy project (examples/rsi-reversion), built on its own into a jar, loaded through
 * --strategy-path and run by backtest, sweep and run --venue local, and measured on the engine thread. Skips
 * with a message when the jar was not built; CI builds it and sets -Dqts.requireExamples=true, so there a
 * missing jar fails.
 */
class ExampleStrategyJarTest
{
    private static final String BUILD = "mvn -B -q -DskipTests package -pl engine -am && mvn -B -f examples/rsi-reversion/pom.xml package";

    @TempDir
    Path dir;

    private String jar;

    @BeforeEach
    void findTheJar()
    {
        final Path file = Path.of(System.getProperty("qts.examplesDir", "../examples"), "rsi-reversion/target/qts-example-rsi.jar");
        if (!Files.isRegularFile(file))
        {
            if (Boolean.getBoolean("qts.requireExamples"))
            {
                throw new AssertionError("example strategy jar missing: " + file.toAbsolutePath() + " (build it: " + BUILD + ")");
            }
            Assumptions.abort("example strategy jar not built: " + file.toAbsolutePath() + " (build it: " + BUILD + ")");
        }
        jar = file.toString();
    }

    @AfterEach
    void loadNone()
    {
        StrategyJars.use(null);
    }

    @Test
    void listedWithItsParameters()
    {
        final Cli cli = Cli.run("strategies", "--strategy-path", jar);
        assertEquals(0, cli.exitCode, cli.err);
        assertTrue(cli.out.contains("rsi-reversion (loaded): RSI mean reversion"), cli.out);
        assertTrue(cli.out.contains("  period           whole    default 14       2 .. 1000  price changes the RSI is taken over"), cli.out);
    }

    @Test
    void backtestsOnItsDefaultsWithTheEffectiveParametersInTheReport() throws IOException
    {
        final Cli cli = Cli.run("backtest", "--strategy-path", jar, "--strategy", "rsi-reversion", "--data",
            "../config/samples/upbit-krw-btc-1m.csv", "--format", "ohlcv", "--symbol", "KRW-BTC", "--size", "0.01",
            "--cash", "10000000", "--out", dir.toString());
        assertEquals(0, cli.exitCode, cli.err);
        assertTrue(cli.out.startsWith("rsi-reversion {cooldownSeconds=0, lower=30, period=14, upper=70} KRW-BTC: "), cli.out);
        final JsonNode report = new ObjectMapper().readTree(dir.resolve("report.json").toFile());
        assertEquals("14", report.get("inputs").get("params").get("period").asText());
        assertTrue(report.get("trades").size() > 0, "the example trades the sample");
    }

    @Test
    void sweepsItsParameters() throws IOException
    {
        final Cli cli = Cli.run("sweep", "--strategy-path", jar, "--strategy", "rsi-reversion", "--param", "period=7..14:7",
            "--param", "lower=30", "--data", "../config/samples/upbit-krw-btc-1m.csv", "--format", "ohlcv", "--symbol", "KRW-BTC",
            "--size", "0.01", "--cash", "10000000", "--threads", "1", "--out", dir.toString());
        assertEquals(0, cli.exitCode, cli.err);
        assertEquals(3, Files.readAllLines(dir.resolve("sweep.csv")).size(), "header + 2 combinations");
    }

    @Test
    void runsOnTheLocalVenue()
    {
        final Cli cli = Cli.run("run", "--venue", "local", "--var-dir", dir.resolve("var").toString(), "--strategy-path", jar,
            "--strategy", "rsi-reversion");
        assertEquals(0, cli.exitCode, cli.err + cli.out);
        assertTrue(Files.isRegularFile(dir.resolve("var/last-run.json")));
    }

    @Test
    void strategyCheckFindsItDeterministicAndAllocationFree()
    {
        final Cli cli = Cli.run("strategy", "check", "rsi-reversion", "--strategy-path", jar, "--data",
            "../config/samples/upbit-krw-btc-1m.csv", "--format", "ohlcv", "--symbol", "KRW-BTC", "--size", "0.01", "--cash", "10000000");
        assertEquals(0, cli.exitCode, cli.err + cli.out);
        assertTrue(cli.out.contains("the same on both runs"), cli.out);
        assertTrue(cli.out.contains("(keeps the rule: no allocation per event, only a fresh engine's one-time few)"), cli.out);
    }

    /**
     * The loaded strategy on the engine thread (a backtest runs it inline on this one): after two warm-up runs,
     * no event of the NVDA sample allocates but the instrument's definition and first order of a fresh engine.
     */
    @Test
    void aLoadedStrategyAllocatesNothingPerEvent()
    {
        StrategyJars.use(jar);
        final MarketSeries nvda = MarketDataFile.read(SharedData.file("backtrader/nvda-1999-2014.txt"), DataFormat.YAHOO, "NVDA");
        final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        final long thread = Thread.currentThread().getId();
        long[] totals = null;
        EngineResult result = null;
        for (int run = 0; run < 3; run++)
        {
            final EngineContext context = new EngineContext().symbol("NVDA").strategy("rsi-reversion", Map.of())
                .orderQty(FixedPoint.parse("1", 8)).initialCash(FixedPoint.parse("10000", 8)).conclude();
            final Backtest backtest = new Backtest(context, OutputListener.NONE);
            final InputSink engine = backtest.input();
            final long[] measured = new long[3];
            nvda.replay((timeNs, sourceId, format, buffer, offset, length) ->
            {
                final long before = threads.getThreadAllocatedBytes(thread);
                engine.accept(timeNs, sourceId, format, buffer, offset, length);
                final long bytes = threads.getThreadAllocatedBytes(thread) - before;
                measured[0] += bytes;
                measured[1]++;
                measured[2] += bytes > 0 ? 1 : 0;
            });
            result = backtest.finish();
            totals = measured;
        }
        System.out.printf("rsi-reversion on NVDA: %d bytes over %d events, %d events allocated%n", totals[0], totals[1], totals[2]);
        assertTrue(result.orders() > 50, "orders and fills are part of the measured path: " + result.orders());
        assertTrue(totals[2] <= 3, totals[2] + " events allocated (" + totals[0] + " bytes): more than a fresh engine's one-time few");
    }
}
