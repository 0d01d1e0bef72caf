package io.qts.engine.pipeline;

import io.qts.journal.Journal;
import io.qts.journal.JournalAppender;

/**
 * Write-ahead: appends the input as received before any other stage sees it, and gives the slot its
 * journal sequence. The appender is opened on the engine thread, which is the only one to use it.
 */
final class JournalStage
{
    private final Journal journal;
    private final Counters counters;
    private JournalAppender appender;

    JournalStage(final Journal journal, final Counters counters)
    {
        this.journal = journal;
        this.counters = counters;
    }

    void open()
    {
        appender = journal.appender();
    }

    void onEvent(final InboundSlot slot)
    {
        slot.sequence = appender.append(slot.timeNs, slot.sourceId, slot.format, slot.raw, 0, slot.length);
        counters.journalEntries++;
        counters.journalBytes += slot.length;
    }

    void close()
    {
        if (appender != null)
        {
            appender.close();
        }
    }
}
