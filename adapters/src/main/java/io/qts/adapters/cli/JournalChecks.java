package io.qts.adapters.cli;

import io.qts.journal.Journal;
import io.qts.journal.JournalKind;
import io.qts.journal.JournalVerifier;

import java.nio.file.Path;
import java.util.Set;

/**
 * What {@code replay}, {@code backtest} and {@code sweep} check before they read a journal: it is of a kind they
 * read (else the error names the one to give), and it is undamaged (else the same reason {@code journal verify}
 * gives). A journal that ended by a crash is fine: it is read up to its last complete entry.
 */
final class JournalChecks
{
    /** replay decides a recorded session again: its inbound journal. */
    static final Set<JournalKind> REPLAY = Set.of(JournalKind.IN);
    /** A backtest re-simulates the venue from market data: an imported journal or a session's inbound one. */
    static final Set<JournalKind> BACKTEST = Set.of(JournalKind.IMPORTED, JournalKind.IN);

    private JournalChecks()
    {
    }

    /**
     * @throws UserError                         naming the journal to give instead, or the damage found.
     * @throws io.qts.journal.JournalException  when the journal cannot be opened (missing, damaged files).
     */
    static void requireUsable(final Path dir, final Set<JournalKind> accepted, final String command)
    {
        try (Journal journal = Journal.openForRead(dir))
        {
            if (!accepted.contains(journal.kind()))
            {
                throw new UserError(wrongKind(dir, journal.kind(), command));
            }
            final JournalVerifier.Report report = JournalVerifier.verify(journal);
            if (!report.ok())
            {
                throw new UserError("journal " + dir + " is damaged: " + report.problems().get(0)
                    + " ('qts journal verify --journal " + dir + "' lists all)");
            }
        }
    }

    private static String wrongKind(final Path dir, final JournalKind kind, final String command)
    {
        final String is = "journal " + dir + " is an '" + kind.label() + "' journal";
        if (kind == JournalKind.OUT)
        {
            return is + " (the orders a run sent); " + command + " reads the run's inbound journal: --journal "
                + sibling(dir, "in");
        }
        return is + " (market history, no recorded session); " + command + " reads a run's inbound journal: "
            + "decide this one with 'qts backtest --journal " + dir + " ...'";
    }

    /** The journal beside {@code dir} in its run directory. */
    private static Path sibling(final Path dir, final String name)
    {
        final Path parent = dir.toAbsolutePath().normalize().getParent();
        return parent != null ? parent.resolve(name) : Path.of(name);
    }
}
