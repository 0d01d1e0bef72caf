package io.qts.adapters.ops;

import org.slf4j.Logger;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * A {@link PrintStream} for the venue clients' status lines (connects, reconnects, staleness) that hands each line to
 * an SLF4J logger as one INFO event, so they come out in the configured log format instead of raw on stderr.
 */
public final class LogLines extends OutputStream
{
    private final Logger logger;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);

    private LogLines(final Logger logger)
    {
        this.logger = logger;
    }

    /** A stream whose every line becomes one INFO event of {@code logger}. */
    public static PrintStream to(final Logger logger)
    {
        return new PrintStream(new LogLines(logger), true, StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void write(final int b)
    {
        if (b == '\n')
        {
            flushLine();
        }
        else if (b != '\r')
        {
            line.write(b);
        }
    }

    @Override
    public synchronized void write(final byte[] bytes, final int offset, final int length)
    {
        for (int i = offset; i < offset + length; i++)
        {
            write(bytes[i]);
        }
    }

    private void flushLine()
    {
        if (line.size() > 0)
        {
            logger.info(line.toString(StandardCharsets.UTF_8));
            line.reset();
        }
    }

    @Override
    public synchronized void close()
    {
        flushLine();
    }
}
