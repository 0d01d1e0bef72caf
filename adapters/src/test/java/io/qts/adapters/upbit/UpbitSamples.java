package io.qts.adapters.upbit;

import io.qts.adapters.cli.SharedData;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The Upbit schema samples in the shared public data (see {@link SharedData}). */
final class UpbitSamples
{
    private UpbitSamples()
    {
    }

    static Path file(final String relative)
    {
        return SharedData.file(relative);
    }

    /** The message of an upbit_net subscription sample: the text after the "= " line. */
    static String subscriptionMessage(final String name) throws IOException
    {
        final String text = Files.readString(file("upbit_net/" + name), StandardCharsets.UTF_8);
        final int marker = text.indexOf("\n= ");
        return text.substring(text.indexOf('\n', marker + 1) + 1).trim();
    }
}
