package io.qts.journal;

/** A journal that cannot be opened, read or written as asked. */
public final class JournalException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    public JournalException(final String message)
    {
        super(message);
    }
}
