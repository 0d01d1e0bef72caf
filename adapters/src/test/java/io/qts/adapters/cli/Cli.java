package io.qts.adapters.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the real CLI in-process and keeps what it printed. */
final class Cli
{
    final int exitCode;
    final String out;
    final String err;

    private Cli(final int exitCode, final String out, final String err)
    {
        this.exitCode = exitCode;
        this.out = out;
        this.err = err;
    }

    static Cli run(final String... args)
    {
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Cli(code, out.toString(), err.toString());
    }
}
