package io.qts.adapters.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qts.adapters.run.SessionSettings;
import io.qts.adapters.strategies.StrategyPathOption;
import io.qts.engine.EngineContext;
import io.qts.engine.EngineResult;
import io.qts.engine.InlineEngine;
import io.qts.engine.JournalReplay;
import io.qts.engine.OutputListener;
import io.qts.journal.Journal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code qts replay}: a recorded session decided again, offline. Every journaled input goes in, the
 * venue's answers included, so the engine sees what it saw live; orders go nowhere and no socket is
 * opened. Equal digests mean the replay made exactly the live decisions. A session that switched to a strategy
 * loaded from a jar (an accepted session change) needs that jar: {@code --strategy-path}.
 */
@Command(name = "replay", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Re-run a recorded session from its inbound journal (no sockets) and print its digest.")
final class ReplayCommand implements Callable<Integer>
{
    @Option(names = "--journal", required = true, paramLabel = "DIR",
        description = "The run's inbound journal (var/journal/<run-id>/in); its settings are read from session.json beside it.")
    private Path journal;

    /** The jars of strategies the session ran (as started, or switched to by an accepted session change). */
    @Mixin
    private StrategyPathOption strategyPath;

    @Option(names = "--json", description = "Print one JSON object (digest, events, orders, fills) instead of text.")
    private boolean json;

    @picocli.CommandLine.Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception
    {
        if (!Files.isDirectory(journal))
        {
            throw new UserError("no journal directory at " + journal);
        }
        JournalChecks.requireUsable(journal, JournalChecks.REPLAY, "replay");
        if (strategyPath.path() != null)
        {
            // Only when given: a command starts with no strategy jar loaded, and loading none would unload an embedder's.
            strategyPath.load();
        }
        JournaledStrategies.requireKnown(journal);
        final SessionSettings session = SessionSettings.readFrom(journal.toAbsolutePath().getParent());
        final EngineContext context;
        try
        {
            context = session.engineContext().conclude();
        }
        catch (final IllegalArgumentException ex)
        {
            throw new UserError(SessionSettings.FILE_NAME + " beside " + journal + ": " + ex.getMessage());
        }
        final EngineResult result;
        try (Journal in = Journal.openForRead(journal);
            InlineEngine engine = new InlineEngine(context, null, (buffer, offset, length) -> true, OutputListener.NONE))
        {
            JournalReplay.replayEverything(in, engine);
            result = engine.result();
        }
        final PrintWriter out = spec.commandLine().getOut();
        if (json)
        {
            final ObjectNode summary = new ObjectMapper().createObjectNode();
            summary.put("digest", result.digest());
            summary.put("events", result.events());
            summary.put("orders", result.orders());
            summary.put("fills", result.fills());
            out.println(summary);
        }
        else
        {
            out.printf("replay of %s: %s %s on %s%n", journal, session.strategy(), session.params(), session.symbol());
            out.printf("  events %d, orders %d, fills %d, rejected %d%n", result.events(), result.orders(), result.fills(),
                result.rejectedOrders());
            out.printf("  digest %s%n", result.digest());
        }
        return 0;
    }
}
