package io.qts.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qts.adapters.recovery.VenueAccount;
import io.qts.adapters.upbit.UpbitAuth;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The crash harness. The exchange simulator runs as its own process ({@code qts sim-exchange}, looping the bundled
 * KRW-BTC sample, every REST answer delayed {@value #ACK_DELAY_MS} ms so an order is at the venue a while before the
 * engine hears of it); the engine ({@code qts run --venue upbit}, sma-cross 2/4 so it trades often) runs as another
 * process against it over loopback. Each of N rounds starts the engine on the same var dir, waits until it trades, and
 * SIGKILLs it: on a seeded coin flip either the moment the simulator logs an order it accepted (an order sent and not
 * answered; its fill comes with the next played trade, while the engine is dead) or after a seeded random delay. A last
 * process is stopped in order (SIGTERM). Then the engine's books (var/last-run.json) and a replay of the whole session
 * are compared with the simulator's ledger ({@link VenueLedger}).
 */
final class CrashHarness
{
    static final long ACK_DELAY_MS = 300;
    private static final String SAMPLE = "/qts-config/samples/upbit-krw-btc-1m.csv";
    private static final String CASH = "10000000";
    private static final long START_TIMEOUT_MS = 90_000;
    private static final Pattern RECONCILED = Pattern.compile("reconciled with the venue: (\\d+) order\\(s\\) queried, (\\d+) fill\\(s\\) recovered");

    private final int kills;
    private final long seed;
    private final Path requestedDir;
    private final PrintWriter out;
    private final AtomicLong ordersAccepted = new AtomicLong();
    private final ObjectMapper json = new ObjectMapper();

    CrashHarness(final int kills, final long seed, final Path dir, final PrintWriter out)
    {
        this.kills = kills;
        this.seed = seed;
        this.requestedDir = dir;
        this.out = out;
    }

    /** What the harness measured; {@link #holds()} is the verdict. */
    record Figures(
        int kills, int restarts, int killsAtOrder, int restartsWithOrdersInFlight, long fillsRecovered, long ordersSent,
        long ordersAtVenue, long duplicateOrders, long lostFills, boolean positionMatches, boolean cashMatches,
        boolean replayDigestMatches, String enginePosition, String venuePosition, String engineCash, String venueCash,
        String digest, String replayDigest, Path dir)
    {
        boolean holds()
        {
            return duplicateOrders == 0 && lostFills == 0 && positionMatches && cashMatches && replayDigestMatches;
        }

        void print(final PrintWriter out)
        {
            out.printf("crash harness: %d kills (%d at an order the venue had accepted and not yet answered), %d restarts%n",
                kills, killsAtOrder, restarts);
            out.printf("  restarts that found orders in flight %d, fills recovered from the venue %d%n", restartsWithOrdersInFlight, fillsRecovered);
            out.printf("  ordersSent %d, ordersAtVenue %d, duplicateOrders %d, lostFills %d%n", ordersSent, ordersAtVenue, duplicateOrders, lostFills);
            out.printf("  position engine %s BTC, venue %s BTC: %s%n", enginePosition, venuePosition, positionMatches ? "equal" : "DIFFERENT");
            out.printf("  cash engine %s KRW, venue %s KRW: %s (exact at 10^-8: fees are the venue's, rounded half-up to 8 places)%n",
                engineCash, venueCash, cashMatches ? "equal" : "DIFFERENT");
            out.printf("  digest %s, replay of the whole session %s: %s%n", digest, replayDigest, replayDigestMatches ? "equal" : "DIFFERENT");
            out.printf("  %s (var dir, journals and process logs in %s)%n", holds() ? "HOLDS" : "FAILED", dir);
        }

        String json()
        {
            final ObjectNode node = new ObjectMapper().createObjectNode()
                .put("kills", kills).put("restarts", restarts).put("killsAtOrder", killsAtOrder)
                .put("restartsWithOrdersInFlight", restartsWithOrdersInFlight).put("fillsRecovered", fillsRecovered)
                .put("ordersSent", ordersSent).put("ordersAtVenue", ordersAtVenue).put("duplicateOrders", duplicateOrders)
                .put("lostFills", lostFills).put("positionMatches", positionMatches).put("cashMatches", cashMatches)
                .put("replayDigestMatches", replayDigestMatches).put("holds", holds());
            return node.toString();
        }
    }

    Figures run() throws IOException, InterruptedException
    {
        final Path dir = requestedDir != null ? Files.createDirectories(requestedDir) : Files.createTempDirectory("qts-crash-");
        final Path feed = dir.resolve("upbit-krw-btc-1m.csv");
        try (InputStream in = CrashHarness.class.getResourceAsStream(SAMPLE))
        {
            if (in == null)
            {
                throw new IllegalStateException("the bundled sample " + SAMPLE + " is not on the class path");
            }
            Files.copy(in, feed, StandardCopyOption.REPLACE_EXISTING);
        }
        final SecureRandom keys = new SecureRandom();
        final String accessKey = "qts-crash-" + Long.toHexString(keys.nextLong());
        final byte[] secret = new byte[32];
        keys.nextBytes(secret);
        final String secretKey = HexFormat.of().formatHex(secret);
        final Map<String, String> env = Map.of("UPBIT_ACCESS_KEY", accessKey, "UPBIT_SECRET_KEY", secretKey);
        final int port = freePort();
        final Path varDir = dir.resolve("var");
        final SplittableRandom random = new SplittableRandom(seed);

        final Child sim = Child.start(javaCommand(List.of("sim-exchange", "--port", Integer.toString(port), "--data", feed.toString(),
            "--speed", "20", "--loop", "--krw", CASH)), List.of(), env, dir.resolve("sim.log"), true, (line) ->
        {
            if (line.contains("POST /v1/orders -> 201"))
            {
                ordersAccepted.incrementAndGet();
            }
        });
        try
        {
            sim.awaitLine("listening on", START_TIMEOUT_MS);
            delayAcks(port, ACK_DELAY_MS);
            int killsAtOrder = 0;
            int withOrders = 0;
            long fillsRecovered = 0;
            int restarts = 0;
            for (int k = 0; k <= kills; k++)
            {
                final Child engine = startEngine(port, varDir, env, dir.resolve("engine-" + k + ".log"), List.of());
                if (k > 0)
                {
                    restarts++;
                }
                engine.awaitLine("inputs processed", START_TIMEOUT_MS);
                final Matcher reconciled = engine.find(RECONCILED);
                if (reconciled != null)
                {
                    withOrders += Integer.parseInt(reconciled.group(1)) > 0 ? 1 : 0;
                    fillsRecovered += Long.parseLong(reconciled.group(2));
                }
                if (k == kills)
                {
                    Thread.sleep(2_000 + random.nextLong(2_000));
                    engine.stopInOrder();
                    break;
                }
                if (random.nextBoolean())
                {
                    final long seen = ordersAccepted.get();
                    final long deadlineNs = System.nanoTime() + 20_000_000_000L;
                    while (ordersAccepted.get() == seen && System.nanoTime() < deadlineNs)
                    {
                        Thread.onSpinWait();
                    }
                    killsAtOrder += ordersAccepted.get() != seen ? 1 : 0;
                }
                else
                {
                    Thread.sleep(300 + random.nextLong(3_000));
                }
                engine.kill();
                out.printf("  kill %d of %d%n", k + 1, kills);
                out.flush();
            }
            JsonNode lastRun = json.readTree(varDir.resolve("last-run.json").toFile());
            // An orderly stop leaves an order still unanswered for the next start, as it must: one more process, halted
            // for entries from its first input on, reconciles it and stops.
            for (int settle = 0; settle < 3 && lastRun.path("ordersInFlight").asInt() > 0; settle++)
            {
                final Child engine = startEngine(port, varDir, env, dir.resolve("engine-settle-" + settle + ".log"),
                    List.of("--admin", "2000-01-01T00:00:00Z halt"));
                restarts++;
                engine.awaitLine("inputs processed", START_TIMEOUT_MS);
                Thread.sleep(1_000);
                engine.stopInOrder();
                lastRun = json.readTree(varDir.resolve("last-run.json").toFile());
            }
            final VenueAccount venue = new VenueAccount(URI.create("http://127.0.0.1:" + port), new UpbitAuth(accessKey,
                secretKey.getBytes(StandardCharsets.US_ASCII)), 5_000);
            final VenueLedger ledger = VenueLedger.compare(varDir, lastRun, venue);
            return new Figures(kills, restarts, killsAtOrder, withOrders, fillsRecovered, ledger.ordersSent(), ledger.ordersAtVenue(),
                ledger.duplicateOrders(), ledger.lostFills(), ledger.positionMatches(), ledger.cashMatches(), ledger.replayDigestMatches(),
                ledger.enginePosition(), ledger.venuePosition(), ledger.engineCash(), ledger.venueCash(), ledger.digest(),
                ledger.replayDigest(), dir);
        }
        finally
        {
            sim.stopInOrder();
        }
    }

    private Child startEngine(final int port, final Path varDir, final Map<String, String> env, final Path log, final List<String> extra)
        throws IOException
    {
        final String base = "127.0.0.1:" + port;
        final List<String> args = new ArrayList<>(List.of("run", "--venue", "upbit", "--var-dir", varDir.toString(),
            "--param", "fast=2", "--param", "slow=4"));
        args.addAll(extra);
        return Child.start(javaCommand(args),
            List.of("-Dqts.venue.restUrl=http://" + base, "-Dqts.venue.websocketUrl=ws://" + base + "/websocket/v1",
                "-Dqts.venue.privateWebsocketUrl=ws://" + base + "/websocket/v1/private", "-Dqts.venue.durationSeconds=0",
                "-Dqts.run.cash=" + CASH, "-Dqts.ops.httpPort=0"),
            env, log, false, (line) -> { });
    }

    /** The CLI in a new JVM with this JVM's flags and class path; {@code properties} go before the main class. */
    private static List<String> javaCommand(final List<String> args)
    {
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        return withArgs(command, args);
    }

    private static List<String> withArgs(final List<String> command, final List<String> args)
    {
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
            .filter((a) -> !a.startsWith("-agentlib") && !a.startsWith("-javaagent") && !a.startsWith("-Xrunjdwp")).toList());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("io.qts.adapters.cli.Main");
        command.addAll(args);
        return command;
    }

    private static void delayAcks(final int port, final long millis) throws IOException, InterruptedException
    {
        final HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/sim/faults"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("[{\"fault\":\"delay_acks\",\"millis\":" + millis + "}]"))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200)
        {
            throw new IllegalStateException("the simulator refused the ack delay: " + response.statusCode() + " " + response.body());
        }
    }

    private static int freePort() throws IOException
    {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress()))
        {
            return socket.getLocalPort();
        }
    }

    /** A child process whose output lines are kept (and copied to a log file) by a reader thread. */
    private static final class Child
    {
        private final Process process;
        private final List<String> lines = new ArrayList<>();

        private Child(final Process process)
        {
            this.process = process;
        }

        static Child start(
            final List<String> command, final List<String> properties, final Map<String, String> env, final Path log,
            final boolean mergeErr, final java.util.function.Consumer<String> onLine) throws IOException
        {
            final List<String> full = new ArrayList<>(command);
            final int main = full.indexOf("io.qts.adapters.cli.Main");
            full.addAll(main - 2, properties);
            final ProcessBuilder builder = new ProcessBuilder(full).redirectErrorStream(mergeErr);
            builder.environment().putAll(env);
            if (!mergeErr)
            {
                builder.redirectError(ProcessBuilder.Redirect.appendTo(log.resolveSibling(log.getFileName() + ".err").toFile()));
            }
            final Child child = new Child(builder.start());
            final Thread reader = new Thread(() -> child.read(log, onLine), "crash-harness-reader");
            reader.setDaemon(true);
            reader.start();
            return child;
        }

        private void read(final Path log, final java.util.function.Consumer<String> onLine)
        {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                PrintWriter copy = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8), true))
            {
                String line;
                while ((line = reader.readLine()) != null)
                {
                    copy.println(line);
                    onLine.accept(line);
                    synchronized (lines)
                    {
                        lines.add(line);
                        lines.notifyAll();
                    }
                }
            }
            catch (final IOException ex)
            {
                // The process was killed while its output was being read: what it printed so far is kept.
            }
        }

        void awaitLine(final String text, final long timeoutMs) throws InterruptedException
        {
            final long deadlineMs = System.currentTimeMillis() + timeoutMs;
            synchronized (lines)
            {
                while (lines.stream().noneMatch((l) -> l.contains(text)))
                {
                    final long left = deadlineMs - System.currentTimeMillis();
                    if (left <= 0 || !process.isAlive())
                    {
                        throw new IllegalStateException("a child process did not print '" + text + "' (alive: " + process.isAlive()
                            + "); its last lines: " + lines.subList(Math.max(0, lines.size() - 5), lines.size()));
                    }
                    lines.wait(Math.min(left, 200));
                }
            }
        }

        Matcher find(final Pattern pattern)
        {
            synchronized (lines)
            {
                for (final String line : lines)
                {
                    final Matcher m = pattern.matcher(line);
                    if (m.find())
                    {
                        return m;
                    }
                }
            }
            return null;
        }

        /** SIGKILL: nothing runs in the process after it. */
        void kill() throws InterruptedException
        {
            process.destroyForcibly();
            process.waitFor();
        }

        /** SIGTERM, then the process's own orderly stop; SIGKILL only if it has not ended after 60 s. */
        void stopInOrder() throws InterruptedException
        {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS))
            {
                process.destroyForcibly();
                process.waitFor();
            }
        }
    }
}
