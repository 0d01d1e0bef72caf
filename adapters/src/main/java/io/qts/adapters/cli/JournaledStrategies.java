package io.qts.adapters.cli;

import io.qts.engine.Strategies;
import io.qts.journal.EntryHeader;
import io.qts.journal.Journal;
import io.qts.journal.JournalEntry;
import io.qts.journal.JournalReader;
import io.qts.journal.Sources;
import io.qts.journal.sbe.AdminAction;
import io.qts.journal.sbe.AdminCommandDecoder;
import io.qts.journal.sbe.MessageHeaderDecoder;

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
        final JournalEntry entry = new JournalEntry();
        final MessageHeaderDecoder header = new MessageHeaderDecoder();
        final AdminCommandDecoder admin = new AdminCommandDecoder();
        try (Journal in = Journal.openForRead(dir); JournalReader reader = in.reader())
        {
            while (reader.next(entry))
            {
                if (entry.format() != EntryHeader.FORMAT_SBE || entry.sourceId() != Sources.ADMIN)
                {
                    continue;
                }
                header.wrap(entry.payloadBuffer(), 0);
                if (header.templateId() != AdminCommandDecoder.TEMPLATE_ID)
                {
                    continue;
                }
                admin.wrapAndApplyHeader(entry.payloadBuffer(), 0, header);
                if (admin.actionRaw() != AdminAction.SET_STRATEGY.value())
                {
                    continue;
                }
                final String name = admin.paramKey().trim();
                if (!Strategies.names().contains(name))
                {
                    throw new UserError("journal " + dir + " switches to strategy '" + name + "' at input " + entry.sequence()
                        + ", which is not known here (known: " + String.join(", ", Strategies.names())
                        + "); load its jar with --strategy-path");
                }
            }
        }
    }
}
