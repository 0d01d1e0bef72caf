package io.qts.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code qts bench ...} as its own process, the way bin/qts starts it (this test JVM's class path and the module opens
 * Chronicle needs), so what the command prints on its real stdout can be read: libraries log there when nobody set
 * logging up.
 */
record BenchProcess(int exitCode, String stdout, String stderr)
{
    /** A log line in logback's basic layout ("02:08:15.123 [main] INFO ...") or QTS's text layout ("02:08:15.123 INFO ..."). */
    private static final Pattern LOG_LINE = Pattern.compile("^\\d\\d:\\d\\d:\\d\\d\\.\\d{3} .*\\b(TRACE|DEBUG|INFO|WARN|ERROR)\\b.*");

    static BenchProcess run(final Path dir, final long timeoutSeconds, final String... args) throws IOException, InterruptedException
    {
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (final String flag : ManagementFactory.getRuntimeMXBean().getInputArguments())
        {
            if (flag.startsWith("--add-") || flag.startsWith("-Dchronicle."))
            {
                command.add(flag);
            }
        }
        command.add("-Xmx512m");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(BenchMain.class.getName());
        command.addAll(List.of(args));
        final Path out = dir.resolve("bench.out");
        final Path err = dir.resolve("bench.err");
        final Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try
        {
            assertTrue(process.waitFor(timeoutSeconds, TimeUnit.SECONDS), "bench " + String.join(" ", args) + " ended");
        }
        finally
        {
            process.destroyForcibly();
        }
        return new BenchProcess(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    /** The last line of stdout (the command's JSON). */
    String lastLine()
    {
        final String[] lines = stdout.strip().split("\\R");
        return lines[lines.length - 1];
    }

    /** No library's log line on stdout (where the JSON is), and none below WARN on stderr either. */
    void assertNoLibraryLogOnStdout()
    {
        for (final String line : stdout.split("\\R"))
        {
            assertFalse(LOG_LINE.matcher(line).matches() || line.contains("net.openhft") || line.contains("io.netty"),
                "a log line on stdout: " + line);
        }
        for (final String line : stderr.split("\\R"))
        {
            assertFalse(LOG_LINE.matcher(line).matches() && !line.contains(" WARN ") && !line.contains(" ERROR "),
                "a library's line below WARN on stderr: " + line);
        }
    }
}
