package io.qts.adapters.cli;

import io.qts.adapters.report.BacktestReport;
import io.qts.journal.EntryHeader;
import io.qts.journal.EventText;
import io.qts.journal.Journal;
import io.qts.journal.JournalEntry;
import io.qts.journal.JournalReader;
import io.qts.journal.JournalVerifier;
import io.qts.journal.Sources;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.zip.CRC32C;

/** {@code qts journal dump|verify --journal DIR} and {@code qts journal prune}. */
@Command(name = "journal", description = "Inspect, verify and prune journals.", mixinStandardHelpOptions = true,
    subcommands = {JournalCommand.Dump.class, JournalCommand.Verify.class, JournalPrune.class})
final class JournalCommand implements Runnable
{
    @picocli.CommandLine.Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run()
    {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: dump, verify or prune");
    }

    @Command(name = "dump", description = "Print every entry: sequence, time, source, format and the decoded event.",
        mixinStandardHelpOptions = true)
    static final class Dump implements Callable<Integer>
    {
        @Option(names = "--journal", required = true, paramLabel = "DIR", description = "Journal directory.")
        private Path dir;

        @Option(names = "--limit", paramLabel = "N", description = "Print at most N entries (N at least 1; default: all).")
        private Long limit;

        @picocli.CommandLine.Spec
        private picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call()
        {
            if (limit != null && limit < 1)
            {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--limit must be a whole number of at least 1, not " + limit);
            }
            final long max = limit != null ? limit : Long.MAX_VALUE;
            final PrintWriter out = spec.commandLine().getOut();
            final EventText text = new EventText();
            final CRC32C crc = new CRC32C();
            final JournalEntry entry = new JournalEntry();
            final StringBuilder line = new StringBuilder(256);
            try (Journal journal = Journal.openForRead(dir); JournalReader reader = journal.reader())
            {
                for (long n = 0; n < max && reader.next(entry); n++)
                {
                    line.setLength(0);
                    line.append(entry.sequence()).append(' ').append(BacktestReport.time(entry.timeNs())).append(' ')
                        .append(Sources.name(entry.sourceId())).append(' ').append(EntryHeader.formatName(entry.format()))
                        .append(' ');
                    if (entry.checksumMatches(crc))
                    {
                        text.append(entry.format(), entry.payloadBuffer(), entry.length(), line);
                    }
                    else
                    {
                        line.append(String.format("<corrupt entry at index 0x%x>", entry.index()));
                    }
                    out.println(line);
                }
            }
            return 0;
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true, description = {
        "Check the journal's files, every entry's checksum (header and payload), that sequences have no gaps, and how "
            + "it ended: closed cleanly, or by a crash (valid: recoverable up to its last complete entry).",
        "Exit 0 if undamaged (also when it ended by a crash), 1 with one line per problem if damaged."})
    static final class Verify implements Callable<Integer>
    {
        @Option(names = "--journal", required = true, paramLabel = "DIR", description = "Journal directory.")
        private Path dir;

        @picocli.CommandLine.Spec
        private picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call()
        {
            final JournalVerifier.Report report;
            try (Journal journal = Journal.openForRead(dir))
            {
                report = JournalVerifier.verify(journal);
            }
            final PrintWriter out = spec.commandLine().getOut();
            out.println("journal:   " + dir);
            out.println("format:    " + report.formatVersion() + ", kind " + report.kind().label());
            out.println("entries:   " + report.entries());
            if (report.firstSequence() >= 0)
            {
                out.println("sequences: " + report.firstSequence() + " .. " + report.lastSequence());
                out.println("first:     " + BacktestReport.time(report.firstTimeNs()));
                out.println("last:      " + BacktestReport.time(report.lastTimeNs()));
            }
            out.println("opened:    " + report.opens() + (report.opens() == 1 ? " time" : " times (continued after a stop)"));
            out.println("gaps:      " + report.gaps());
            out.println("corrupt:   " + report.corrupt());
            out.println("ended:     " + (report.endedCleanly() ? "closed cleanly"
                : "ended by a crash (or still being written): valid, recoverable up to its last complete entry"));
            report.problems().forEach((p) -> out.println("  " + p));
            out.println(report.ok() ? "OK" : "DAMAGED: " + report.problems().get(0));
            return report.ok() ? 0 : Main.EXIT_ERROR;
        }
    }
}
