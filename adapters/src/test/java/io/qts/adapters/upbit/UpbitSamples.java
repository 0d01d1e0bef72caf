package io.qts.adapters.upbit;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The Upbit schema samples staged beside the repository (../shared/data); CI sets -Dqts.requireSharedData=true. */
final class UpbitSamples
{
    private UpbitSamples()
    {
    }

    static Path file(final String relative)
    {
        final Path file = Path.of(System.getProperty("qts.sharedData", "../../shared/data")).resolve(relative);
        if (!Files.isRegularFile(file))
        {
            if (Boolean.getBoolean("qts.requireSharedData"))
            {
                throw new AssertionError("shared data file missing: " + file.toAbsolutePath());
            }
            Assumptions.abort("shared data not present: " + file.toAbsolutePath());
        }
        return file;
    }

    /** The message of an upbit_net subscription sample: the text after the "= " line. */
    static String subscriptionMessage(final String name) throws IOException
    {
        final String text = Files.readString(file("upbit_net/" + name), StandardCharsets.UTF_8);
        final int marker = text.indexOf("\n= ");
        return text.substring(text.indexOf('\n', marker + 1) + 1).trim();
    }
}
