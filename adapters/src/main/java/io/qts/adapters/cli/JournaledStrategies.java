package io.qts.adapters.cli;

import io.qts.adapters.recovery.JournaledAdmin;
import io.qts.engine.Strategies;
import io.qts.journal.Journal;
import io.qts.journal.sbe.AdminAction;

import java.nio.file.Path;

/**
 * The strategies a journal switches to (ADMIN SET_STRATEGY inputs, an accepted session change, docs/recovery.md),
 * checked before a replay decides it: the engine would count a switch to a strategy it does not know and go on with
 * the old one, deciding otherwise than the live run did.
 */
final class JournaledStrategies
{
    private JournaledStrategies()
    {
    }

    /**
     * @throws UserError naming the first journaled switch to a strategy this build, with the strategy jars loaded,
     *                   does not know, and the option that loads it.
     */
    static void requireKnown(final Path dir)
    {
        try (Journal in = Journal.openForRead(dir))
        {
            JournaledAdmin.forEach(in, (sequence, admin) ->
            {
                if (admin.actionRaw() != AdminAction.SET_STRATEGY.value())
                {
                    return;
                }
                final String name = admin.paramKey().trim();
                if (!Strategies.names().contains(name))
                {
                    throw new UserError("journal " + dir + " switches to strategy '" + name + "' at input " + sequence
                        + ", which is not known here (known: " + String.join(", ", Strategies.names())
                        + "); load its jar with --strategy-path");
                }
            });
        }
    }
}
