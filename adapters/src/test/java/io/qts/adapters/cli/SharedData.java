package io.qts.adapters.cli;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The public market data staged beside the repository (../shared/data). CI has it and sets
 * -Dqts.requireSharedData=true, so there a missing file fails the test instead of skipping it.
 */
public final class SharedData
{
    private SharedData()
    {
    }

    public static Path file(final String relative)
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
}
