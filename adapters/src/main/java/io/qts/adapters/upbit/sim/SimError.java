package io.qts.adapters.upbit.sim;

/** A refused REST request: HTTP status and Upbit's error name, answered as {@code {"error":{"name","message"}}}. */
final class SimError extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    final int status;
    final String name;

    SimError(final int status, final String name, final String message)
    {
        super(message);
        this.status = status;
        this.name = name;
    }
}
