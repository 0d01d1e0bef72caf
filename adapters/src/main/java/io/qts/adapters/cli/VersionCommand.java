package io.qts.adapters.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code qts version}: the same line as {@code qts --version}. */
@Command(name = "version", description = "Print the QTS version.")
final class VersionCommand implements Runnable
{
    @Spec
    private CommandSpec spec;

    @Override
    public void run()
    {
        spec.commandLine().getOut().println(new QtsVersion().getVersion()[0]);
    }
}
