package io.qts.journal;

/**
 * When appended entries are forced from the page cache to the disk (msync of the mapped journal file), the
 * {@code journal.sync} setting. What each one guarantees, from docs/journal.md:
 * <ul>
 * <li>{@code none}: nothing is forced; the operating system writes dirty pages back on its own (Linux: within about
 * 30 s). A killed process loses nothing (the pages are in the kernel); a power cut can lose the entries of the last
 * writeback interval.</li>
 * <li>{@code every-<N>ms}: the first append at least N ms after the last msync forces everything written so far, and
 * a clean close forces the rest. A power cut loses at most the entries appended within N ms before the last append
 * (plus, after a burst, those since the last msync until the next append or close).</li>
 * <li>{@code every-entry}: every append returns only after its entry is on the disk; a power cut loses at most the
 * entry being written, which the next start sees as incomplete and skips.</li>
 * </ul>
 *
 * @param intervalMs 0 for every entry, {@link Long#MAX_VALUE} for never, else the period in milliseconds.
 */
public record JournalSync(long intervalMs)
{
    /** {@code journal.sync: none}: never forced; the operating system writes pages back. */
    public static final JournalSync NONE = new JournalSync(Long.MAX_VALUE);
    /** {@code journal.sync: every-entry}: each append is forced to the disk before it returns. */
    public static final JournalSync EVERY_ENTRY = new JournalSync(0);

    /** @throws IllegalArgumentException if {@code intervalMs} is negative. */
    public JournalSync
    {
        if (intervalMs < 0)
        {
            throw new IllegalArgumentException("journal sync interval must not be negative: " + intervalMs);
        }
    }

    /**
     * Reads the setting's text: {@code none}, {@code every-entry} or {@code every-<N>ms} with N from 1 to 3,600,000.
     *
     * @throws IllegalArgumentException naming the accepted forms when {@code text} is none of them.
     */
    public static JournalSync parse(final String text)
    {
        final String value = text.trim();
        if ("none".equals(value))
        {
            return NONE;
        }
        if ("every-entry".equals(value))
        {
            return EVERY_ENTRY;
        }
        if (value.startsWith("every-") && value.endsWith("ms"))
        {
            final String digits = value.substring("every-".length(), value.length() - 2);
            if (!digits.isEmpty() && digits.length() <= 7 && digits.chars().allMatch(Character::isDigit))
            {
                final long ms = Long.parseLong(digits);
                if (ms >= 1 && ms <= 3_600_000)
                {
                    return new JournalSync(ms);
                }
            }
        }
        throw new IllegalArgumentException(
            "'" + text + "' is not a journal sync setting: use none, every-entry or every-<N>ms with N from 1 to 3600000");
    }

    boolean never()
    {
        return intervalMs == Long.MAX_VALUE;
    }

    @Override
    public String toString()
    {
        return never() ? "none" : intervalMs == 0 ? "every-entry" : "every-" + intervalMs + "ms";
    }
}
