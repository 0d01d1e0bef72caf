package io.qts.adapters.ops;

/** JMX {@code io.qts:type=Journal,name=<engine id>}: where the session's inbound journal is and whether it can be written. */
public interface JournalMXBean
{
    /** The journal directory's name (the run id and {@code in}). */
    String getJournal();

    boolean isWritable();

    /** Free bytes on the journal's file system. */
    long getFreeBytes();
}
