package io.qts.adapters.upbit.sim;

/**
 * A fault the simulator injects on command ({@link ExchangeSimulator#inject(Fault...)} or {@code POST /sim/faults}).
 */
public sealed interface Fault
{
    /** Closes every open connection (WebSocket and HTTP) at once; the server keeps listening. */
    record DropConnections() implements Fault
    {
    }

    /** Delays every REST response by {@code millis} from now on; 0 ends the delay. */
    record DelayAcks(long millis) implements Fault
    {
        /** @throws IllegalArgumentException if millis is negative. */
        public DelayAcks
        {
            if (millis < 0)
            {
                throw new IllegalArgumentException("millis must be >= 0: " + millis);
            }
        }
    }

    /**
     * Answers the next {@code count} REST calls (to {@code /v1/...}) with {@code status}: 429
     * ({@code too_many_requests}), 418 (banned for {@code banSeconds}: a {@code Retry-After} header and the time in
     * the error message) or 500.
     */
    record HttpError(int status, int count, long banSeconds) implements Fault
    {
        /**
         * @throws IllegalArgumentException unless status is 429, 418 or 500, count is at least 1 and banSeconds is not
         * negative.
         */
        public HttpError
        {
            if (status != 429 && status != 418 && status != 500)
            {
                throw new IllegalArgumentException("status must be 429, 418 or 500: " + status);
            }
            if (count < 1)
            {
                throw new IllegalArgumentException("count must be >= 1: " + count);
            }
            if (banSeconds < 0)
            {
                throw new IllegalArgumentException("ban seconds must be >= 0: " + banSeconds);
            }
        }
    }

    /** Sends {@code count} malformed JSON frames on the public stream, each just before the next market message. */
    record MalformedJson(int count) implements Fault
    {
        /** @throws IllegalArgumentException if count is below 1. */
        public MalformedJson
        {
            if (count < 1)
            {
                throw new IllegalArgumentException("count must be >= 1: " + count);
            }
        }
    }

    /**
     * Takes the private WebSocket down ({@code down} true): every private connection is closed and each new private
     * handshake is refused with 503 until the fault is lifted ({@code down} false). What happens meanwhile (fills,
     * state changes) is never sent to anyone, as Upbit does not replay missed {@code myOrder} messages; REST answers on.
     */
    record PrivateStream(boolean down) implements Fault
    {
    }

    /**
     * The next {@code count} order creates ({@code POST /v1/orders}) are lost in transit: the connection closes without
     * an answer and the order never reaches the book.
     */
    record LoseOrders(int count) implements Fault
    {
        /** @throws IllegalArgumentException if count is below 1. */
        public LoseOrders
        {
            if (count < 1)
            {
                throw new IllegalArgumentException("count must be >= 1: " + count);
            }
        }
    }

    /**
     * The answers of the next {@code count} signed REST calls (orders, queries, cancels, accounts) are lost: the call
     * is carried out, then the connection closes without an answer.
     */
    record DropAnswers(int count) implements Fault
    {
        /** @throws IllegalArgumentException if count is below 1. */
        public DropAnswers
        {
            if (count < 1)
            {
                throw new IllegalArgumentException("count must be >= 1: " + count);
            }
        }
    }

    static Fault loseOrders(final int count)
    {
        return new LoseOrders(count);
    }

    static Fault dropAnswers(final int count)
    {
        return new DropAnswers(count);
    }

    static Fault privateStreamDown()
    {
        return new PrivateStream(true);
    }

    static Fault privateStreamUp()
    {
        return new PrivateStream(false);
    }

    static Fault dropConnections()
    {
        return new DropConnections();
    }

    static Fault delayAcks(final long millis)
    {
        return new DelayAcks(millis);
    }

    static Fault tooManyRequests(final int count)
    {
        return new HttpError(429, count, 0);
    }

    static Fault banned(final int count, final long banSeconds)
    {
        return new HttpError(418, count, banSeconds);
    }

    static Fault serverError(final int count)
    {
        return new HttpError(500, count, 0);
    }

    static Fault malformedJson(final int count)
    {
        return new MalformedJson(count);
    }
}
