package io.qts.adapters.data;

/**
 * Rows of a market-data file that did not become events.
 *
 * @param badRows     rows refused and left out under {@link BadRowPolicy#SKIP} (always 0 under {@link BadRowPolicy#FAIL})
 * @param firstBadRow the first of them as {@code FILE:LINE: reason}; null when there is none
 * @param nullRows    Yahoo rows whose prices and volume are all {@code null} (days Yahoo lists without data),
 *                    left out under either policy
 */
public record SkippedRows(long badRows, String firstBadRow, long nullRows)
{
    /** Nothing left out. */
    public static final SkippedRows NONE = new SkippedRows(0, null, 0);

    /** One phrase for a summary line, e.g. {@code 2 bad rows skipped (first: f.csv:7: Open: not a number: 'x')}; empty if none. */
    public String describe()
    {
        final StringBuilder text = new StringBuilder();
        if (badRows > 0)
        {
            text.append(badRows).append(badRows == 1 ? " bad row" : " bad rows").append(" skipped (first: ")
                .append(firstBadRow).append(')');
        }
        if (nullRows > 0)
        {
            text.append(text.length() == 0 ? "" : "; ").append(nullRows).append(nullRows == 1 ? " null row" : " null rows")
                .append(" (no data that day) left out");
        }
        return text.toString();
    }
}
