package io.qts.adapters.ops;

import io.qts.engine.EngineContext;
import io.qts.engine.InlineEngine;
import io.qts.engine.OutputListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Grafana dashboard and the Prometheus alert rules in ops/ ask only for metrics a running service exposes: a
 * renamed or misspelt metric would leave a panel empty or an alert that can never fire, and neither Grafana nor
 * promtool would say so.
 */
class DeploymentMetricsTest
{
    private static final Path OPS = Path.of("..", "ops");
    private static final Pattern QTS_METRIC = Pattern.compile("\\bqts_[a-z_]+");

    @TempDir
    Path dir;

    @Test
    void everyQtsMetricTheDashboardAndTheAlertRulesUseIsExposed() throws Exception
    {
        final Set<String> exposed = exposedNames();
        assertTrue(exposed.contains("qts_order_rejects_total") && exposed.contains("qts_round_trips_total"), exposed.toString());
        final Set<String> used = new TreeSet<>();
        used.addAll(metricsIn(OPS.resolve("grafana").resolve("qts-dashboard.json")));
        used.addAll(metricsIn(OPS.resolve("prometheus").resolve("alerts.yml")));
        assertTrue(used.containsAll(Set.of("qts_realised_pnl", "qts_unrealised_pnl", "qts_drawdown", "qts_max_drawdown",
            "qts_round_trips_total", "qts_order_rejects_total", "qts_breaker_trips_total", "qts_halted_by",
            "qts_journal_bytes_total", "qts_journal_entries_total")), "the dashboard shows the engine's figures: " + used);
        final Set<String> missing = new TreeSet<>(used);
        missing.removeAll(exposed);
        assertEquals(Set.of(), missing, "used in ops/ but not exposed");
    }

    private Set<String> exposedNames() throws Exception
    {
        final EngineContext context = new EngineContext()
            .symbol("KRW-BTC")
            .strategy("sma-cross", Map.of("fast", "2", "slow", "3"))
            .orderQty(100_000_000L)
            .initialCash(1_000_000L * 100_000_000L)
            .conclude();
        final Path journalDir = Files.createDirectories(dir.resolve("run-1").resolve("in"));
        try (OpsService ops = OpsService.start(new OpsSettings(0, InetAddress.getLoopbackAddress(), 0, OpsSettings.OFF, null, null),
                AlertSettings.NONE, context, journalDir, new PrintWriter(new StringWriter()));
            InlineEngine engine = new InlineEngine(context, null, (b, o, l) -> true, OutputListener.NONE))
        {
            ops.started(new WatchedEngine(engine.figures()));
            final String text = new OpsClient(ops.httpPort()).get("/metrics").body();
            final Set<String> names = new TreeSet<>();
            final Matcher type = Pattern.compile("(?m)^# TYPE (\\S+) (\\S+)$").matcher(text);
            while (type.find())
            {
                names.add(type.group(1));
                if (type.group(2).equals("summary"))
                {
                    names.add(type.group(1) + "_count");
                    names.add(type.group(1) + "_sum");
                }
            }
            return names;
        }
    }

    private static Set<String> metricsIn(final Path file) throws Exception
    {
        final Set<String> names = new TreeSet<>();
        final Matcher matcher = QTS_METRIC.matcher(Files.readString(file));
        while (matcher.find())
        {
            names.add(matcher.group());
        }
        return names;
    }
}
