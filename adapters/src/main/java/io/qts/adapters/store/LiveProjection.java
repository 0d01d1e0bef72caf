package io.qts.adapters.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The trade store kept up while a session runs: {@link JournalProjector} on its own daemon thread following the
 * session's inbound journal. A store that cannot be opened or written is logged and given up; trading never waits for
 * it or stops because of it (the journal is the truth; {@code qts store rebuild} catches up later).
 */
public final class LiveProjection
{
    private static final Logger LOG = LoggerFactory.getLogger("io.qts.store");

    private final StoreSettings settings;
    private final Thread thread;
    private final AtomicLong entries = new AtomicLong(-1);
    private final AtomicReference<String> failure = new AtomicReference<>();
    private volatile boolean ended;

    private LiveProjection(final StoreSettings settings, final Path inDir)
    {
        this.settings = settings;
        thread = new Thread(() -> run(inDir), "qts-trade-store");
        thread.setDaemon(true);
    }

    /** Starts following {@code inDir} (it may not exist yet). */
    public static LiveProjection start(final StoreSettings settings, final Path inDir)
    {
        final LiveProjection projection = new LiveProjection(settings, inDir);
        projection.thread.start();
        return projection;
    }

    private void run(final Path inDir)
    {
        try
        {
            if (settings.url().startsWith("jdbc:sqlite:"))
            {
                Files.createDirectories(Path.of(settings.url().substring("jdbc:sqlite:".length())).toAbsolutePath().getParent());
            }
            try (TradeStore store = TradeStore.open(settings.url(), settings.user(), settings.password()))
            {
                entries.set(JournalProjector.project(inDir, store, () -> ended));
            }
        }
        catch (final InterruptedException ex)
        {
            failure.set("interrupted");
        }
        catch (final IOException | java.sql.SQLException | RuntimeException ex)
        {
            failure.set(ex.getClass().getSimpleName() + ": " + ex.getMessage());
            LOG.warn("trade store " + settings.shown() + " not kept up: " + failure.get() + "; rebuild it with 'qts store rebuild'");
        }
    }

    /**
     * Call once the session's journal is closed: lets the projection read it to its end (at most 60 s).
     *
     * @return what happened, for the run's summary.
     */
    public String finish() throws InterruptedException
    {
        ended = true;
        thread.join(60_000);
        if (thread.isAlive())
        {
            thread.interrupt();
            return "still behind after 60 s: rebuild it with 'qts store rebuild'";
        }
        return failure.get() != null ? "failed: " + failure.get() : entries.get() + " journal entries projected into " + settings.shown();
    }
}
