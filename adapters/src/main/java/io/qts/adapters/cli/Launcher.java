package io.qts.adapters.cli;

import java.nio.file.Path;

/** How printed follow-up commands start QTS, so they work from any working directory. */
final class Launcher
{
    private Launcher()
    {
    }

    /** The launcher's absolute path when bin/qts started us (it passes -Dqts.home), else {@code bin/qts}. */
    static String command()
    {
        final String home = System.getProperty("qts.home");
        return home == null ? "bin/qts" : Path.of(home).toAbsolutePath().normalize().resolve("bin").resolve("qts").toString();
    }
}
