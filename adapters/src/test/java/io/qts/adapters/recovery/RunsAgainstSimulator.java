package io.qts.adapters.recovery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qts.adapters.cli.Main;
import io.qts.adapters.upbit.sim.ExchangeSimulator;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What the session tests share that run real {@code qts run --venue upbit} processes against an exchange simulator in
 * the test's JVM: starting one, waiting until it has subscribed, playing trades until it has placed an order, and the
 * replay digest of a journal.
 */
final class RunsAgainstSimulator
{
    /** How long a process may take to start and subscribe. */
    static final long START_MS = 90_000;

    private static final ObjectMapper JSON = new ObjectMapper();

    private RunsAgainstSimulator()
    {
    }

    /**
     * Starts {@code qts} with {@code args} (e.g. {@code run --venue upbit ...}), its venue URLs pointed at the
     * simulator on {@code port}, 10,000,000 KRW, no end, ops on a free port, the key in the environment, and
     * {@code properties} (more {@code -Dqts.*}) after those.
     */
    static EngineProcess start(
        final int port, final String accessKey, final String secretKey, final List<String> properties, final List<String> args)
        throws IOException
    {
        final String base = "127.0.0.1:" + port;
        final List<String> all = new ArrayList<>(List.of("-Dqts.venue.restUrl=http://" + base,
            "-Dqts.venue.websocketUrl=ws://" + base + "/websocket/v1", "-Dqts.venue.privateWebsocketUrl=ws://" + base + "/websocket/v1/private",
            "-Dqts.venue.durationSeconds=0", "-Dqts.run.cash=10000000", "-Dqts.ops.httpPort=0"));
        all.addAll(properties);
        return EngineProcess.start(all, Map.of("UPBIT_ACCESS_KEY", accessKey, "UPBIT_SECRET_KEY", secretKey),
            args.toArray(new String[0]));
    }

    /** Waits until the simulator on {@code port} has a public and a private subscriber. */
    static void awaitSubscribed(final int port) throws Exception
    {
        final long deadlineMs = System.currentTimeMillis() + START_MS;
        while (System.currentTimeMillis() < deadlineMs)
        {
            final JsonNode status = JSON.readTree(HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/sim/status")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
            if (status.path("public_subscribers").asInt() > 0 && status.path("private_subscribers").asInt() > 0)
            {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the engine never subscribed to both streams");
    }

    /**
     * Plays one trade at a time, leaving the engine 150 ms to act on each, until {@code placed} says an order is in;
     * returns how many trades that took.
     */
    static int stepUntilAnOrderIsPlaced(final ExchangeSimulator sim, final BooleanSupplier placed) throws InterruptedException
    {
        for (int trades = 1; trades <= 400; trades++)
        {
            assertEquals(1, sim.step(1));
            final long deadlineMs = System.currentTimeMillis() + 150;
            while (System.currentTimeMillis() < deadlineMs)
            {
                if (placed.getAsBoolean())
                {
                    return trades;
                }
                Thread.sleep(5);
            }
        }
        throw new AssertionError("no order in 400 trades");
    }

    /** The digest {@code qts replay --journal in --json} prints. */
    static String replayDigest(final Path in)
    {
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        assertEquals(0, Main.execute(new String[] {"replay", "--journal", in.toString(), "--json"}, new PrintWriter(out), new PrintWriter(err)),
            err.toString());
        try
        {
            return JSON.readTree(out.toString()).path("digest").asText();
        }
        catch (final IOException ex)
        {
            throw new AssertionError(out.toString(), ex);
        }
    }
}
