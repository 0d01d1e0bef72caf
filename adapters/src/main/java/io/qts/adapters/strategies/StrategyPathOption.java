package io.qts.adapters.strategies;

import picocli.CommandLine.Option;

import java.util.List;

/** The {@code --strategy-path} option of the commands that pick a strategy: user strategy jars to load first. */
public final class StrategyPathOption
{
    @Option(names = "--strategy-path", paramLabel = "PATH",
        description = "A jar, or a directory of jars, of user strategies to load (docs/strategy-api.md).")
    private String path;

    /** Loads the jars of the option, or none; returns the names loaded. */
    public List<String> load()
    {
        return StrategyJars.use(path);
    }

    /** The option's value, or null. */
    public String path()
    {
        return path;
    }
}
