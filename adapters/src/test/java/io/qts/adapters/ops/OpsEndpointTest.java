package io.qts.adapters.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.prometheus.metrics.expositionformats.generated.com_google_protobuf_4_36_2.Metrics;
import io.qts.adapters.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.qts.adapters.ops.OpsClient.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code qts run} (the default session: the exchange simulator over loopback sockets) serves /health, /ready and
 * /metrics while it trades: scraped over real HTTP and parsed with the Prometheus client's own protobuf model.
 */
class OpsEndpointTest
{
    private static final Pattern OPS_LINE = Pattern.compile("ops +http://127\\.0\\.0\\.1:(\\d+)/health");

    @TempDir
    Path dir;

    /** The shipped configuration and sample, played slower so the session lasts long enough to be steered and watched. */
    static Path config(final Path dir, final String simSpeed, final String lingerSeconds) throws IOException
    {
        final Path config = dir.resolve("qts.yml");
        final String shipped = Files.readString(Path.of("../config/qts.yml"));
        final String slower = shipped.replaceFirst("simSpeed: 200", "simSpeed: " + simSpeed)
            .replaceFirst("lingerSeconds: 0", "lingerSeconds: " + lingerSeconds);
        assertFalse(slower.equals(shipped), "the test changes the shipped settings it relies on");
        Files.writeString(config, slower);
        Files.createDirectories(dir.resolve("samples"));
        Files.copy(Path.of("../config/samples/upbit-krw-btc-1m.csv"), dir.resolve("samples/upbit-krw-btc-1m.csv"));
        return config;
    }

    /** Runs the CLI on its own thread; its output can be read while it runs. */
    static final class Running
    {
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final AtomicInteger exitCode = new AtomicInteger(Integer.MIN_VALUE);
        final Thread thread;

        Running(final String... args)
        {
            thread = new Thread(() -> exitCode.set(Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true))), "qts-run-under-test");
            thread.start();
        }

        int port() throws InterruptedException
        {
            final int[] port = {-1};
            OpsClient.await(60, () ->
            {
                final Matcher m = OPS_LINE.matcher(out.toString());
                if (m.find())
                {
                    port[0] = Integer.parseInt(m.group(1));
                }
                return port[0] > 0 || exitCode.get() != Integer.MIN_VALUE;
            });
            assertTrue(port[0] > 0, "the run printed where its ops endpoint listens: " + out + err);
            return port[0];
        }

        int await() throws InterruptedException
        {
            thread.join(180_000);
            assertFalse(thread.isAlive(), "the run ended");
            return exitCode.get();
        }
    }

    @Test
    void aRunServesHealthReadinessAndMetricsThatEndEqualToLastRunJson() throws Exception
    {
        final Path var = dir.resolve("var");
        final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        // Operator commands at wall-clock times inside the session: live inputs carry their receive time.
        final Running run = new Running("run", "--config", config(dir, "30", "10").toString(), "--var-dir", var.toString(),
            "--admin", now.plusSeconds(12) + " halt", "--admin", now.plusSeconds(22) + " resume");
        final OpsClient ops = new OpsClient(run.port());

        assertTrue(OpsClient.await(60, () -> ops.get("/health").status() == 200), "the engine runs: " + ops.get("/health"));
        assertTrue(OpsClient.await(60, () -> halted(ops.get("/ready"))), "a halt makes the service not ready: " + ops.get("/ready"));
        final OpsClient.Answer halted = ops.get("/ready");
        assertEquals(503, halted.status(), halted.body());
        assertEquals("halted by an operator halt (ADMIN_HALT): no new entries; resume to go on",
            condition(halted.json(), OpsService.NOT_HALTED).get("reason").asText());
        assertEquals(1.0, OpsClient.value(ops.scrape(), "qts_halted_by", "reason", "ADMIN_HALT"));
        assertEquals(1.0, value(ops.scrape(), "qts_halted"));
        assertEquals(0.0, value(ops.scrape(), "qts_ready"));

        assertTrue(OpsClient.await(60, () -> ops.get("/ready").status() == 200), "ready again after the resume: " + ops.get("/ready"));
        final JsonNode ready = ops.get("/ready").json();
        assertTrue(ready.get("ready").asBoolean());
        for (final String name : new String[] {OpsService.ENGINE, OpsService.MARKET_DATA, OpsService.PRIVATE_STREAM, OpsService.JOURNAL,
            OpsService.NOT_HALTED, OpsService.RECOVERED})
        {
            assertTrue(condition(ready, name).get("ok").asBoolean(), name + " holds: " + ready);
        }
        assertEquals(0.0, value(ops.scrape(), "qts_halted"));
        assertEquals(1.0, value(ops.scrape(), "qts_ready"));

        final Path lastRun = var.resolve("last-run.json");
        assertTrue(OpsClient.await(120, () -> Files.exists(lastRun)), "the session ended: " + run.out + run.err);
        final JsonNode last = new ObjectMapper().readTree(lastRun.toFile());
        final Map<String, Metrics.MetricFamily> metrics = ops.scrape();
        assertEquals(last.get("events").asLong(), (long)inputs(metrics), "every input counted, by source: " + OpsClient.family(metrics, "qts_inputs_total"));
        assertEquals(last.get("orders").asDouble(), value(metrics, "qts_orders_total"));
        assertEquals(last.get("ordersSent").asDouble(), value(metrics, "qts_orders_sent_total"));
        assertEquals(last.get("fills").asDouble(), value(metrics, "qts_fills_total"));
        assertEquals(last.get("rejectedOrders").asDouble(), value(metrics, "qts_orders_rejected_total"));
        assertEquals(last.get("ordersRejectedByVenue").asDouble(), value(metrics, "qts_venue_rejects_total"));
        assertEquals(last.get("malformedInputs").asDouble(), value(metrics, "qts_malformed_inputs_total"));
        assertEquals(last.get("duplicateTradesDropped").asDouble(), value(metrics, "qts_duplicate_trades_dropped_total"));
        assertEquals(last.get("reconnects").asDouble(), value(metrics, "qts_reconnects_total"));
        assertEquals(last.get("stateChanges").asDouble(), value(metrics, "qts_state_changes_total"));
        assertEquals(2.0, value(metrics, "qts_state_changes_total"), "the halt and the resume");
        assertEquals(new BigDecimal(last.get("finalValue").asText()).doubleValue(), value(metrics, "qts_equity"));
        assertEquals(new BigDecimal(last.get("pnl").asText()).doubleValue(), value(metrics, "qts_pnl"));
        assertTrue(last.get("orders").asLong() > 0, "the session traded: " + last);
        assertEquals(last.get("rejectedOrders").asDouble(), sum(metrics, "qts_order_rejects_total"), "every refusal has its reason");
        assertEquals(last.get("events").asDouble(), value(metrics, "qts_journal_entries_total"), "every input journaled");
        assertTrue(value(metrics, "qts_journal_bytes_total") > value(metrics, "qts_journal_entries_total"));
        assertEquals(0.0, value(metrics, "qts_breaker_trips_total"));
        assertEquals(value(metrics, "qts_pnl"), value(metrics, "qts_realised_pnl") + value(metrics, "qts_unrealised_pnl"), 1e-6,
            "PnL is realised plus unrealised");
        assertTrue(sum(metrics, "qts_round_trips_total") <= last.get("fills").asDouble());
        assertTrue(value(metrics, "qts_max_drawdown") >= 0);

        final Metrics.MetricFamily latency = metrics.get("qts_stage_latency_seconds");
        assertEquals(Metrics.MetricType.SUMMARY, latency.getType());
        assertEquals(5, latency.getMetricCount(), "one summary per stage");
        for (final Metrics.Metric stage : latency.getMetricList())
        {
            assertEquals(last.get("events").asLong(), stage.getSummary().getSampleCount(), "every input timed in " + stage.getLabel(0));
            assertEquals(4, stage.getSummary().getQuantileCount());
        }
        assertTrue(metrics.containsKey("jvm_memory_used_bytes"), "JVM metrics: " + metrics.keySet());
        assertTrue(metrics.containsKey("jvm_threads_current"), "JVM metrics: " + metrics.keySet());

        final OpsClient.Answer text = ops.get("/metrics");
        assertEquals(200, text.status());
        assertTrue(text.body().contains("# HELP qts_orders_total Per session: orders the engine decided"), text.body());
        assertTrue(text.body().contains("# TYPE qts_orders_total counter"), text.body());
        promtoolAccepts(text.body());

        assertEquals(503, ops.get("/health").status(), "the engine has stopped");
        assertEquals("session ended", condition(ops.get("/ready").json(), OpsService.ENGINE).get("reason").asText());
        assertEquals(0, run.await(), run.err.toString());
        assertEquals(-1, ops.get("/health").status(), "the endpoint closed with the run");
    }

    /** Prometheus's own linter on the text exposition, where Debian's prometheus package put it; said when it is absent. */
    private static void promtoolAccepts(final String exposition) throws IOException, InterruptedException
    {
        final Path promtool = Path.of("/usr/bin/promtool");
        if (!Files.isExecutable(promtool))
        {
            System.out.println("promtool not installed: the text exposition was checked by the assertions above only");
            return;
        }
        final Process check = new ProcessBuilder(promtool.toString(), "check", "metrics").redirectErrorStream(true).start();
        try (java.io.OutputStream in = check.getOutputStream())
        {
            in.write(exposition.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        final String said = new String(check.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, check.waitFor(), "promtool check metrics: " + said);
    }

    private static boolean halted(final OpsClient.Answer ready)
    {
        return ready.status() == 503 && !condition(ready.json(), OpsService.NOT_HALTED).get("ok").asBoolean();
    }

    static JsonNode condition(final JsonNode ready, final String name)
    {
        for (final JsonNode condition : ready.get("conditions"))
        {
            if (condition.get("name").asText().equals(name))
            {
                return condition;
            }
        }
        throw new AssertionError("no condition " + name + " in " + ready);
    }

    private static double inputs(final Map<String, Metrics.MetricFamily> metrics)
    {
        return sum(metrics, "qts_inputs_total");
    }

    /** A labelled counter summed over its labels. */
    private static double sum(final Map<String, Metrics.MetricFamily> metrics, final String name)
    {
        double sum = 0;
        for (final Metrics.Metric metric : OpsClient.family(metrics, name).getMetricList())
        {
            sum += metric.getCounter().getValue();
        }
        return sum;
    }
}
