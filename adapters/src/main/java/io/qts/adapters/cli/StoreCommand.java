package io.qts.adapters.cli;

import io.qts.adapters.config.QtsConfig;
import io.qts.adapters.store.JournalProjector;
import io.qts.adapters.store.StoreSettings;
import io.qts.adapters.store.TradeStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code qts store rebuild|query}: the trade store, a projection of the journals into SQLite or PostgreSQL. */
@Command(name = "store", mixinStandardHelpOptions = true, subcommands = {StoreCommand.Rebuild.class, StoreCommand.Query.class},
    description = "The trade store (orders, fills, daily PnL): rebuild it from a journal, or ask what was traded on a day.")
final class StoreCommand implements Runnable
{
    @picocli.CommandLine.Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run()
    {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "say rebuild or query");
    }

    /** The store named by --db, else by the configuration (store.url, default var/trades.db). */
    static StoreSettings settings(final Path config, final String db)
    {
        final QtsConfig loaded = QtsConfig.load(config, System.getenv(), Map.of());
        final StoreSettings configured = StoreSettings.from(loaded, Path.of(loaded.get("run.varDir")), System.getenv());
        if (db != null)
        {
            if (!db.startsWith("jdbc:sqlite:") && !db.startsWith("jdbc:postgresql:"))
            {
                throw new UserError("--db must be a jdbc:sqlite: or jdbc:postgresql: URL");
            }
            return new StoreSettings(db, configured.user(), configured.password());
        }
        if (!configured.enabled())
        {
            throw new UserError("store.url is none: give --db URL");
        }
        return configured;
    }

    static TradeStore open(final StoreSettings settings)
    {
        if (settings.url().startsWith("jdbc:sqlite:"))
        {
            final Path file = Path.of(settings.url().substring("jdbc:sqlite:".length())).toAbsolutePath();
            try
            {
                Files.createDirectories(file.getParent());
            }
            catch (final IOException ex)
            {
                throw new UncheckedIOException("cannot create " + file.getParent(), ex);
            }
        }
        try
        {
            return TradeStore.open(settings.url(), settings.user(), settings.password());
        }
        catch (final SQLException ex)
        {
            throw new UserError("trade store " + settings.shown() + ": " + ex.getMessage());
        }
    }

    @Command(name = "rebuild", mixinStandardHelpOptions = true,
        description = "Project a run's inbound journal into the store again, replacing that run's rows.")
    static final class Rebuild implements Callable<Integer>
    {
        @Option(names = "--journal", required = true, paramLabel = "DIR", description = "The run's inbound journal (var/journal/<run-id>/in).")
        private Path journal;

        @Option(names = "--db", paramLabel = "URL", description = "jdbc:sqlite:FILE or jdbc:postgresql://HOST/DB (default: store.url).")
        private String db;

        @Option(names = "--config", paramLabel = "FILE", description = "Configuration file (default: the embedded config/qts.yml).")
        private Path config;

        @picocli.CommandLine.Spec
        private picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception
        {
            if (!Files.isDirectory(journal))
            {
                throw new UserError("no journal directory at " + journal);
            }
            final StoreSettings settings = settings(config, db);
            try (TradeStore store = open(settings))
            {
                final long entries = JournalProjector.project(journal, store, () -> true);
                final String runId = journal.toAbsolutePath().getParent().getFileName().toString();
                final List<List<String>> counts = store.query(
                    "SELECT (SELECT COUNT(*) FROM orders WHERE run_id = ?), (SELECT COUNT(*) FROM fills WHERE run_id = ?)", runId, runId);
                spec.commandLine().getOut().printf("rebuilt %s from %d journal entries: %s orders, %s fills in %s%n", runId, entries,
                    counts.get(0).get(0), counts.get(0).get(1), settings.shown());
            }
            return 0;
        }
    }

    @Command(name = "query", mixinStandardHelpOptions = true, description = "What was traded on a UTC day: per run, orders, fills and PnL.")
    static final class Query implements Callable<Integer>
    {
        @Option(names = "--day", paramLabel = "YYYY-MM-DD", description = "The UTC day (default: today).")
        private String day;

        @Option(names = "--db", paramLabel = "URL", description = "jdbc:sqlite:FILE or jdbc:postgresql://HOST/DB (default: store.url).")
        private String db;

        @Option(names = "--config", paramLabel = "FILE", description = "Configuration file (default: the embedded config/qts.yml).")
        private Path config;

        @picocli.CommandLine.Spec
        private picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception
        {
            final String chosen = day != null ? day : LocalDate.now(ZoneOffset.UTC).toString();
            if (!chosen.matches("\\d{4}-\\d{2}-\\d{2}"))
            {
                throw new UserError("--day must be YYYY-MM-DD, got '" + chosen + "'");
            }
            final PrintWriter out = spec.commandLine().getOut();
            try (TradeStore store = open(settings(config, db)))
            {
                final List<List<String>> days = store.query(
                    "SELECT d.run_id, d.fills, d.realized_pnl, d.commission, (SELECT COUNT(*) FROM orders o WHERE o.run_id = d.run_id "
                        + "AND o.time_utc LIKE ?) FROM daily_pnl d WHERE d.day = ? ORDER BY d.run_id", chosen + "%", chosen);
                out.printf("%s (UTC): %d run(s) traded%n", chosen, days.size());
                for (final List<String> row : days)
                {
                    out.printf("  %s  orders %s, fills %s, realised PnL %s (commission %s)%n", row.get(0), row.get(4), row.get(1), row.get(2),
                        row.get(3));
                }
            }
            return 0;
        }
    }
}
