package io.qts.journal;

import java.util.Locale;

/** A journal that cannot be opened, read or written as asked; the message is one line for the operator. */
public final class JournalException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    /** @param message one line for the operator, naming the journal and what went wrong. */
    public JournalException(final String message)
    {
        super(message);
    }

    /**
     * The cause as an operator reads it: the operating system's words for an I/O error ("no space left on device",
     * "read-only file system"), a fault on a mapped page said as such, else the exception's type and message.
     */
    static String cause(final Throwable ex)
    {
        if (ex instanceof InternalError)
        {
            return "a fault on a memory-mapped page (the disk is full or a file was cut short)";
        }
        if (ex instanceof JournalException)
        {
            return ex.getMessage();
        }
        final String message = ex.getMessage();
        if (ex instanceof java.io.IOException && message != null && !message.isEmpty())
        {
            return message.substring(0, 1).toLowerCase(Locale.ROOT) + message.substring(1);
        }
        if (ex.getCause() != null && ex.getCause() != ex && ex.getCause() instanceof java.io.IOException)
        {
            return cause(ex.getCause());
        }
        return ex.getClass().getSimpleName() + (message != null ? ": " + message : "");
    }
}
