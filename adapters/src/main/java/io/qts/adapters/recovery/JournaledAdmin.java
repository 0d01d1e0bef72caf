package io.qts.adapters.recovery;

import io.qts.journal.EntryHeader;
import io.qts.journal.Journal;
import io.qts.journal.JournalEntry;
import io.qts.journal.JournalReader;
import io.qts.journal.Sources;
import io.qts.journal.sbe.AdminCommandDecoder;
import io.qts.journal.sbe.MessageHeaderDecoder;

/**
 * The operator's and the session's ADMIN commands in an inbound journal, in journal order: what recovery reads to tell
 * the orderly stop's halt from others and replay reads to check the strategies a session switches to.
 */
public final class JournaledAdmin
{
    /** One ADMIN command as read. */
    @FunctionalInterface
    public interface Visitor
    {
        /**
         * @param sequence the entry's journal sequence.
         * @param command  the decoded command; valid only during the call (the decoder is reused).
         */
        void onAdmin(long sequence, AdminCommandDecoder command);
    }

    private JournaledAdmin()
    {
    }

    /**
     * Calls {@code visitor} with every SBE ADMIN command of {@code in}, first to last.
     *
     * @throws io.qts.journal.JournalException if the journal cannot be read.
     */
    public static void forEach(final Journal in, final Visitor visitor)
    {
        final JournalEntry entry = new JournalEntry();
        final MessageHeaderDecoder header = new MessageHeaderDecoder();
        final AdminCommandDecoder admin = new AdminCommandDecoder();
        try (JournalReader reader = in.reader())
        {
            while (reader.next(entry))
            {
                if (entry.format() != EntryHeader.FORMAT_SBE || entry.sourceId() != Sources.ADMIN)
                {
                    continue;
                }
                header.wrap(entry.payloadBuffer(), 0);
                if (header.templateId() == AdminCommandDecoder.TEMPLATE_ID)
                {
                    visitor.onAdmin(entry.sequence(), admin.wrapAndApplyHeader(entry.payloadBuffer(), 0, header));
                }
            }
        }
    }
}
