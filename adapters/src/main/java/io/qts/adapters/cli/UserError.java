package io.qts.adapters.cli;

/**
 * A problem with what the user asked for or gave us (bad option, bad file, bad row). The CLI prints
 * its message as one line and exits non-zero; no stack trace.
 */
public final class UserError extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    /** @param message one line saying what was wrong and how to fix it; no secret. */
    public UserError(final String message)
    {
        super(message);
    }

    /**
     * @param message one line saying what was wrong and how to fix it; no secret.
     * @param cause   the underlying failure (its stack trace is printed only with QTS_DEBUG=true).
     */
    public UserError(final String message, final Throwable cause)
    {
        super(message, cause);
    }
}
