package io.qts.adapters.report;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** The child process of {@link ReportFilesTest}: writes one file of a report set, then waits to be stopped before the second. */
final class SlowReportWriter
{
    private SlowReportWriter()
    {
    }

    public static void main(final String[] args)
    {
        final Map<String, Supplier<String>> files = new LinkedHashMap<>();
        files.put("report.json", () -> "{}\n");
        files.put("report.html", () ->
        {
            try
            {
                Thread.sleep(Long.MAX_VALUE);
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
            }
            return "";
        });
        ReportFiles.writeSet(Path.of(args[0]), files);
    }
}
