package io.qts.adapters.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code qts bench}: the benchmarks live in the bench module, which depends on this one, so this command
 * hands its arguments to {@code io.qts.bench.BenchMain} when that is on the class path (bin/qts puts it there
 * and starts it directly) and says how to run it when not.
 */
@Command(name = "bench", description = "Benchmarks: throughput, latency, jmh, backtest, crash (bin/qts bench SUBCOMMAND --help for each; "
    + "see README, Performance).")
final class BenchCommand implements Callable<Integer>
{
    static final String BENCH_MAIN = "io.qts.bench.BenchMain";

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "ARGS", description = "throughput | latency | jmh | backtest, and their options.")
    private List<String> args = new ArrayList<>();

    @Override
    public Integer call() throws ReflectiveOperationException
    {
        final Class<?> benchMain;
        try
        {
            benchMain = Class.forName(BENCH_MAIN);
        }
        catch (final ClassNotFoundException ex)
        {
            throw new UserError("the benchmarks are in the bench module: run them with bin/qts bench " + String.join(" ", args));
        }
        final Method execute = benchMain.getDeclaredMethod("execute", PrintWriter.class, PrintWriter.class, String[].class);
        execute.setAccessible(true);
        try
        {
            return (Integer)execute.invoke(null, spec.commandLine().getOut(), spec.commandLine().getErr(), args.toArray(new String[0]));
        }
        catch (final InvocationTargetException ex)
        {
            if (ex.getCause() instanceof RuntimeException runtime)
            {
                throw runtime;
            }
            throw ex;
        }
    }
}
