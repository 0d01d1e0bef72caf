package io.qts.adapters.upbit;

import io.qts.engine.InputSink;
import org.agrona.DirectBuffer;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

/** An InputSink that keeps what it is given, for assertions. */
final class Recorded implements InputSink
{
    record Input(long timeNs, int sourceId, int format, String text)
    {
    }

    final List<Input> inputs = new CopyOnWriteArrayList<>();

    @Override
    public void accept(final long timeNs, final int sourceId, final int format, final DirectBuffer buffer, final int offset, final int length)
    {
        final byte[] bytes = new byte[length];
        buffer.getBytes(offset, bytes);
        inputs.add(new Input(timeNs, sourceId, format, new String(bytes, StandardCharsets.UTF_8)));
    }

    List<String> texts()
    {
        return inputs.stream().map(Input::text).toList();
    }

    static void await(final BooleanSupplier condition, final long timeoutMs, final String what)
    {
        final long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
        while (!condition.getAsBoolean())
        {
            if (System.nanoTime() > deadline)
            {
                throw new AssertionError("timed out waiting for " + what);
            }
            try
            {
                Thread.sleep(5);
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
                throw new AssertionError(ex);
            }
        }
    }
}
