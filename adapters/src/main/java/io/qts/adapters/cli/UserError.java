package io.qts.adapters.cli;

/**
 * A problem with what the user asked for or gave us (bad option, bad file, bad row). The CLI prints
 * its message as one line and exits non-zero; no stack trace.
 */
public final class UserError extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    public UserError(final String message)
    {
        super(message);
    }

    public UserError(final String message, final Throwable cause)
    {
        super(message, cause);
    }
}
