package io.qts.adapters.upbit;

/**
 * An authentication failure as the venue reports it: {@link #errorName()} is Upbit's error name
 * ({@code jwt_verification}, {@code invalid_access_key}, {@code invalid_query_payload}, {@code nonce_used}, ...).
 * The message never contains a key or a token.
 */
public final class UpbitAuthException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    private final String errorName;

    /**
     * @param errorName the name Upbit gives this failure in an answer's {@code error.name}.
     * @param message   what went wrong, without a key or a token.
     */
    public UpbitAuthException(final String errorName, final String message)
    {
        super(message);
        this.errorName = errorName;
    }

    /** Upbit's error name, e.g. {@code jwt_verification}. */
    public String errorName()
    {
        return errorName;
    }
}
