package io.qts.adapters.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qts.adapters.cli.Main;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The trade store on a real PostgreSQL (Debian's package, started here as the postgres user: it refuses root), rebuilt
 * from a run's journal, equal row for row to the SQLite projection of the same run. Skipped, saying why, where no
 * PostgreSQL can be started.
 */
class PostgresTradeStoreTest
{
    private static final String ALL_ROWS = "SELECT 'o', CAST(client_order_id AS VARCHAR), action, time_utc, price, qty FROM orders "
        + "WHERE run_id = ? UNION ALL SELECT 'f', CAST(fill_no AS VARCHAR), side, time_utc, price, commission FROM fills WHERE run_id = ? "
        + "UNION ALL SELECT 'd', day, realized_pnl, commission, CAST(fills AS VARCHAR), '' FROM daily_pnl WHERE run_id = ?";

    @TempDir
    Path dir;

    @Test
    void aRebuildIntoPostgresqlEqualsTheSqliteProjection() throws Exception
    {
        final Path bin = postgresBin();
        Assumptions.assumeTrue(bin != null, "no PostgreSQL server binaries (Debian package postgresql) on this machine");
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")) && Files.isExecutable(Path.of("/usr/sbin/runuser")),
            "starting PostgreSQL as its own user needs root and runuser here");
        final Path data = Path.of(exec("runuser", "-u", "postgres", "--", "mktemp", "-d", "/tmp/qts-pg-XXXXXX").trim());
        final int port = freePort();
        try
        {
            exec("runuser", "-u", "postgres", "--", bin.resolve("initdb").toString(), "-D", data.resolve("db").toString(), "-A", "trust",
                "-U", "postgres");
            exec("runuser", "-u", "postgres", "--", bin.resolve("pg_ctl").toString(), "-D", data.resolve("db").toString(), "-w", "-l",
                data.resolve("log").toString(), "-o", "-p " + port + " -k " + data + " -c listen_addresses=127.0.0.1", "start");

            final Path var = dir.resolve("var");
            cli("run", "--var-dir", var.toString());
            final JsonNode last = new ObjectMapper().readTree(var.resolve("last-run.json").toFile());
            final String runId = last.get("runId").asText();
            final String url = "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres";
            final String out = cli("store", "rebuild", "--journal", last.get("journal").asText(), "--db", url);
            assertTrue(out.contains(last.get("orders").asText() + " orders, " + last.get("fills").asText() + " fills"), out);
            final List<List<String>> postgres;
            try (TradeStore store = TradeStore.open(url, null, null))
            {
                postgres = sorted(store.query(ALL_ROWS, runId, runId, runId));
            }
            try (TradeStore store = TradeStore.open("jdbc:sqlite:" + var.resolve("trades.db"), null, null))
            {
                assertEquals(sorted(store.query(ALL_ROWS, runId, runId, runId)), postgres, "the same rows on both databases");
            }
            assertTrue(postgres.size() > 2, postgres.toString());
        }
        finally
        {
            execQuietly("runuser", "-u", "postgres", "--", bin.resolve("pg_ctl").toString(), "-D", data.resolve("db").toString(), "-m",
                "immediate", "stop");
            execQuietly("rm", "-rf", data.toString());
        }
    }

    private static List<List<String>> sorted(final List<List<String>> rows)
    {
        final List<List<String>> copy = new ArrayList<>(rows);
        copy.sort((a, b) -> String.join("|", a).compareTo(String.join("|", b)));
        return copy;
    }

    private static Path postgresBin() throws IOException
    {
        final Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root))
        {
            return null;
        }
        try (Stream<Path> versions = Files.list(root))
        {
            return versions.map((v) -> v.resolve("bin")).filter((b) -> Files.isExecutable(b.resolve("initdb"))).sorted().findFirst()
                .orElse(null);
        }
    }

    private static String cli(final String... args)
    {
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        assertEquals(0, Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true)), err.toString());
        return out.toString();
    }

    private static String exec(final String... command) throws IOException, InterruptedException
    {
        final Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        final String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), String.join(" ", command) + ": " + output);
        return output;
    }

    private static void execQuietly(final String... command) throws IOException, InterruptedException
    {
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
    }

    private static int freePort() throws IOException
    {
        try (ServerSocket socket = new ServerSocket(0))
        {
            return socket.getLocalPort();
        }
    }
}
